/**
 * Registers the repository's tslab kernel in a repo-local, git-ignored Jupyter
 * data dir (`<repo>/.jupyter`), shared by scripts/notebooks.mjs (headless runs)
 * and scripts/lab.mjs (interactive). `tslab install` is not used: it needs
 * IPython and writes to the user's global Jupyter dir.
 *
 * Point Jupyter at the dir with `JUPYTER_PATH=<repo>/.jupyter` (see jupyterEnv).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file lives in <root>/scripts). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Name of the kernel spec; the notebooks' metadata.kernelspec.name. */
export const kernelName = "tslab";

/** The kernel's display name; the notebooks' metadata.kernelspec.display_name. */
export const kernelDisplayName = "TypeScript (cxm-dematel, tslab)";

/** The repo-local Jupyter data dir. */
export const jupyterDir = join(root, ".jupyter");

/**
 * Write `<repo>/.jupyter/kernels/tslab/kernel.json`, whose argv starts
 * scripts/tslab-kernel.cjs (which chdirs to the repo root, then starts tslab)
 * with the Node binary that runs this script.
 * @returns the path of kernel.json.
 */
export function registerKernel() {
  const dir = join(jupyterDir, "kernels", kernelName);
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [process.execPath, join(root, "scripts", "tslab-kernel.cjs"), "kernel", "--config-path", "{connection_file}"],
    display_name: kernelDisplayName,
    language: "typescript",
    metadata: { "cxm-dematel": "written by scripts/jupyterKernel.mjs; safe to delete" },
  };
  const file = join(dir, "kernel.json");
  writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");
  return file;
}

/** The environment for `jupyter …` child processes: JUPYTER_PATH first points at the repo-local dir. */
export function jupyterEnv(extra = {}) {
  const prior = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: prior ? `${jupyterDir}${delimiter}${prior}` : jupyterDir,
    ...extra,
  };
}
