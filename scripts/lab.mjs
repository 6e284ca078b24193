#!/usr/bin/env node
/**
 * Open the research notebooks interactively:
 *
 *   node scripts/lab.mjs [extra jupyter-notebook options…]     (npm run lab)
 *
 * Registers the repository's tslab kernel in the repo-local, git-ignored
 * Jupyter dir `.jupyter/` (see scripts/jupyterKernel.mjs), then starts the
 * classic `jupyter notebook` server in notebooks/ with JUPYTER_PATH pointing
 * at that dir, so the kernel "TypeScript (cxm-dematel, tslab)" is offered
 * without touching the user's global Jupyter setup. The kernel runs from the
 * repository root, so notebooks import `./src/index` and read
 * `data/...` paths. Environment variables such as CXM_SURVEY / CXM_MODEL
 * (notebook 06) pass through to the kernel.
 * Works from any working directory. Needs Jupyter: see notebooks/README.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { jupyterEnv, registerKernel, root } from "./jupyterKernel.mjs";

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
