#!/usr/bin/env node
/**
 * Jupyter kernel launcher for the cxm-dematel notebooks.
 *
 * tslab compiles cells with `rootDir` fixed to the kernel's working directory
 * (see ../TOOLCHAIN notes: "Working directory = rootDir"), so a kernel started
 * in notebooks/ cannot import ../src. This launcher moves to the repository
 * root first and then starts the repository's own tslab, so every notebook
 * imports the library as `./src/index` and reads data with repo-root-relative
 * paths such as `data/surveys/example-panel.csv`.
 *
 * Registered by scripts/notebooks.mjs and scripts/lab.mjs in the repo-local,
 * git-ignored Jupyter dir `.jupyter/kernels/tslab/kernel.json` with
 * argv `["node", "<this file>", "kernel", "--config-path", "{connection_file}"]`.
 *
 * CommonJS (.cjs) on purpose: package.json says "type": "module", and tslab's
 * entry point is a CommonJS module.
 */
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
process.chdir(root);
require(path.join(root, "node_modules", "tslab", "dist", "main.js")).main();
