#!/usr/bin/env node
/**
 * `npm test`: everything that proves the project works, in one command.
 *   1. type check of src/, tests/ and bench/ with the project's TypeScript, and of the browser app (web/,
 *      with the DOM's types);
 *   2. `npm run build`: dist/, the package the notebooks import by name (`import * as cx from "cxm-dematel"`);
 *   3. type check of the notebooks' code cells with tslab's TypeScript 5.0 (the notebooks' compiler)
 *      against dist/index.d.ts, through tslab's own converter, as the kernel compiles them
 *      (`scripts/notebooks.mjs --typecheck`; no Jupyter needed);
 *      then ESLint, Prettier --check and the dependency-cruiser architecture rules (`npm run lint`);
 *   4. the unit and integration tests (vitest), the browser app's test in headless Chromium among them
 *      (tests/browserApp.test.ts builds the page into a temporary folder and drives it with puppeteer-core);
 *   5. the notebooks, executed headlessly with their Plotly charts checked in Chromium
 *      (scripts/notebooks.mjs), plus the runner's own self-test of its failure paths.
 * Step 5 needs Jupyter and Chromium (notebooks/README.md says how to install them). Under CI
 * (CI=true) they are required; on a machine without them the step is skipped with a notice.
 * Ends with one plain line "Tests: N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPackage, root } from "./jupyterKernel.mjs";

const node = process.execPath;
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? "");
let passed = 0,
  failed = 0;
/** Count one step's outcome. */
const count = (ok) => (ok ? passed++ : failed++);

function step(title, cmd, args) {
  process.stderr.write(`\n── ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return r.status === 0;
}
function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

// 1–3. Type checks and the build the notebooks import.
const tsc = step("type check (TypeScript 5.9)", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"]);
count(tsc);
count(step("type check of the browser app (web/, DOM types)", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "web/tsconfig.json"]));
process.stderr.write("\n── build (npm run build → dist/, the package the notebooks import)\n");
count(buildPackage());
const cells = step("type check of the notebooks' code cells with tslab's TypeScript 5.0 against dist/", node, [
  "scripts/notebooks.mjs",
  "--typecheck",
  "--no-build",
]);
count(cells);

// Lint and format: ESLint (typescript-eslint), Prettier, and the architecture rules (dependency-cruiser), each once.
const bin = (name) => join("node_modules", ...name.split("/"));
count(step("lint: ESLint", node, [bin("eslint/bin/eslint.js"), "."]));
count(step("format: Prettier --check", node, [bin("prettier/bin/prettier.cjs"), "--check", "."]));
count(
  step("architecture: dependency-cruiser", node, [
    bin("dependency-cruiser/bin/dependency-cruise.mjs"),
    "src",
    "--config",
    ".dependency-cruiser.cjs",
    "--output-type",
    "err",
  ]),
);

// 4. vitest, with a JSON summary we can count.
mkdirSync(join(root, "build"), { recursive: true });
const report = join(root, "build", "vitest.json");
const vitestOk = step("vitest", node, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
}
if (!vitestOk && failed === 0) failed++;

// 5. Notebooks (dist/ was built in step 2).
const missing = ["jupyter", process.env.CHROMIUM ? null : "chromium"].filter((c) => c && !has(c));
if (missing.length > 0 && !ci) {
  process.stderr.write(
    `\n── notebooks: SKIPPED — ${missing.join(" and ")} not found on this machine. Install them once (notebooks/README.md) to run the notebooks here; CI always runs them.\n`,
  );
} else {
  const self = step("notebook runner self-test (a broken cell, a type error and an undrawn chart must fail)", node, [
    "scripts/notebooks.mjs",
    "--self-test",
    "--no-build",
  ]);
  count(self);
  const all = step("notebooks: execute, check stderr, HTML, Chromium", node, ["scripts/notebooks.mjs", "--no-build"]);
  count(all);
}

process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
