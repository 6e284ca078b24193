#!/usr/bin/env node
/**
 * Jupyter kernel launcher for the cxm-dematel notebooks.
 *
 * Notebooks import the library by its package name, as an installed library
 * (`import * as cx from "cxm-dematel"`), and read data with paths relative to
 * the repository root (`data/surveys/example-panel.csv`). This launcher
 *   1. makes sure `node_modules/cxm-dematel` links to the repository
 *      (linkPackage in scripts/jupyterKernel.mjs), so tslab's TypeScript finds
 *      the package's types (dist/index.d.ts) and Node loads dist/index.js;
 *   2. says on stderr (the Jupyter server's console) when dist/ is not built;
 *   3. moves to the repository root and starts the repository's own tslab.
 * It does not build: `npm run lab` and `npm run notebooks` build dist/ before
 * they start Jupyter.
 *
 * Registered by scripts/notebooks.mjs and scripts/lab.mjs in the repo-local,
 * git-ignored Jupyter dir `.jupyter/kernels/tslab/kernel.json` with
 * argv `["node", "<this file>", "kernel", "--config-path", "{connection_file}"]`.
 *
 * CommonJS (.cjs) on purpose: package.json says "type": "module", and tslab's
 * entry point is a CommonJS module. It loads jupyterKernel.mjs with require(),
 * which Node can since 20.19 (package.json's engines).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
try {
  require("./jupyterKernel.mjs").linkPackage();
} catch (err) {
  console.error(`cxm-dematel kernel: ${err.message}`);
}
if (!fs.existsSync(path.join(root, "dist", "index.d.ts"))) {
  console.error('cxm-dematel kernel: dist/ is not built, so `import … from "cxm-dematel"` will fail; run `npm run build` (npm run lab does).');
}
process.chdir(root);
require(path.join(root, "node_modules", "tslab", "dist", "main.js")).main();
