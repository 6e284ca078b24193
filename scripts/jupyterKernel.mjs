/**
 * What the notebooks need around Jupyter, shared by scripts/notebooks.mjs
 * (headless runs), scripts/lab.mjs (interactive), scripts/test.mjs and the
 * kernel launcher scripts/tslab-kernel.cjs:
 *
 * - buildPackage(): `npm run build`, so dist/ is the current library;
 * - linkPackage(): `node_modules/cxm-dematel` → the repository (a symlink, as
 *   `npm link` makes), so a notebook's `import * as cx from "cxm-dematel"`
 *   resolves to the built package: tslab's TypeScript 5.0 resolves modules the
 *   node10 way, which reads package.json's "types" (dist/index.d.ts) but knows
 *   no self-reference through "exports"; Node then loads dist/index.js (ESM)
 *   with require(), which it can since 20.19;
 * - registerKernel(): the tslab kernel in a repo-local, git-ignored Jupyter
 *   data dir (`<repo>/.jupyter`). `tslab install` is not used: it needs
 *   IPython and writes to the user's global Jupyter dir.
 *
 * Point Jupyter at the dir with `JUPYTER_PATH=<repo>/.jupyter` (see jupyterEnv).
 */
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file lives in <root>/scripts). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Name of the kernel spec; the notebooks' metadata.kernelspec.name. */
export const kernelName = "tslab";

/** The kernel's display name; the notebooks' metadata.kernelspec.display_name. */
export const kernelDisplayName = "TypeScript (cxm-dematel, tslab)";

/** The repo-local Jupyter data dir. */
export const jupyterDir = join(root, ".jupyter");

/** The package's name (package.json), the name notebooks import it by. */
export const packageName = "cxm-dematel";

/** Where notebooks' `import … from "cxm-dematel"` looks first: `<repo>/node_modules/cxm-dematel`. */
export const packageLink = join(root, "node_modules", packageName);

/**
 * Write `<repo>/.jupyter/kernels/tslab/kernel.json`, whose argv starts
 * scripts/tslab-kernel.cjs (which chdirs to the repo root, then starts tslab)
 * with the Node binary that runs this script; links the package first
 * (linkPackage).
 * @returns the path of kernel.json.
 */
export function registerKernel() {
  linkPackage();
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

/**
 * Make `node_modules/cxm-dematel` a symlink to the repository root (relative
 * target `..`), replacing a symlink that points elsewhere; idempotent. `npm
 * ci` / `npm install` remove it again (npm lists it as extraneous), which is
 * why every notebook script and the kernel launcher call this.
 * @throws {Error} when node_modules is missing (run `npm ci`) or holds a real
 * folder of that name.
 */
export function linkPackage() {
  const target = relative(dirname(packageLink), root) || ".";
  let stat;
  try {
    stat = lstatSync(packageLink);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    if (resolve(dirname(packageLink), readlinkSync(packageLink)) === root) return packageLink;
    rmSync(packageLink);
  } else if (stat) {
    throw new Error(
      `${packageLink} is a real folder, not a link to this repository; remove it (the notebooks import the repository's own build as ${packageName})`,
    );
  }
  try {
    symlinkSync(target, packageLink, "dir");
  } catch (err) {
    throw new Error(`cannot link ${packageLink} → ${root} (${err.message}); run \`npm ci\` first`);
  }
  return packageLink;
}

/**
 * `npm run build` in the repository (clean dist/, compile src/ with the
 * project's TypeScript), its output passed through to stderr.
 * @returns true when the build succeeded.
 */
export function buildPackage() {
  const started = process.hrtime.bigint();
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status === 0) process.stderr.write(`built dist/ in ${seconds.toFixed(1)}s\n`);
  else process.stderr.write(`npm run build failed (${r.error ? r.error.message : `exit ${r.status}`}); the notebooks import the built package (dist/)\n`);
  return r.status === 0;
}
