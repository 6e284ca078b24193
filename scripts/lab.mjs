#!/usr/bin/env node
/**
 * Open the research notebooks interactively:
 *
 *   node scripts/lab.mjs [extra jupyter-notebook options…]     (npm run lab)
 *
 * Builds the package (`npm run build` → dist/, which the notebooks import as
 * `cxm-dematel`), links `node_modules/cxm-dematel` to the repository and
 * registers the repository's tslab kernel in the repo-local, git-ignored
 * Jupyter dir `.jupyter/` (see scripts/jupyterKernel.mjs), then starts the
 * classic `jupyter notebook` server in notebooks/ with JUPYTER_PATH pointing
 * at that dir, so the kernel "TypeScript (cxm-dematel, tslab)" is offered
 * without touching the user's global Jupyter setup. The kernel runs from the
 * repository root, so notebooks read `data/...` paths. After editing src/,
 * run `npm run build` and restart the kernel. Environment variables such as
 * CXM_SURVEY / CXM_MODEL (notebook 06) pass through to the kernel.
 * Works from any working directory. Needs Jupyter: see notebooks/README.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildPackage, jupyterEnv, registerKernel, root } from "./jupyterKernel.mjs";

const check = spawnSync("jupyter", ["notebook", "--version"], { encoding: "utf8", env: jupyterEnv() });
if (check.error || check.status !== 0) {
  console.error(
    "The classic Jupyter Notebook is not installed.\n" +
      "  Debian/Ubuntu: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient\n" +
      "  pip:           pip install notebook nbconvert\n" +
      "then run `npm run lab` again (see notebooks/README.md).",
  );
  process.exit(1);
}
if (!buildPackage()) process.exit(1);
const spec = registerKernel();
console.log(`tslab kernel registered: ${spec}`);
console.log("Starting Jupyter Notebook in notebooks/ (Ctrl+C twice to stop) …");
const child = spawn("jupyter", ["notebook", `--notebook-dir=${join(root, "notebooks")}`, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: jupyterEnv(),
  cwd: join(root, "notebooks"),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
