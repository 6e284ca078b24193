#!/usr/bin/env node
/**
 * `npm test`: everything that proves the project works, in one command.
 *   1. type checks: the project's TypeScript and tslab's TypeScript 5.0 (the notebooks' compiler);
 *   2. the unit and integration tests (vitest);
 *   3. the notebooks, executed headlessly with their Plotly charts checked in Chromium
 *      (scripts/notebooks.mjs), plus the runner's own self-test of its failure paths.
 * Step 3 needs Jupyter and Chromium (notebooks/README.md says how to install them). Under CI
 * (CI=true) they are required; on a machine without them the step is skipped with a notice.
 * Ends with one plain line "Tests: N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./jupyterKernel.mjs";

const node = process.execPath;
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? "");
let passed = 0, failed = 0;

function step(title, cmd, args) {
  process.stderr.write(`\n── ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return r.status === 0;
}
function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

// 1. Type checks.
const tsc = step("type check (TypeScript 5.9)", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"]);
const tslab = step("type check of src/ with tslab's TypeScript 5.0", node, ["node_modules/@tslab/typescript-for-tslab/bin/tsc", "--noEmit", "-p", "tsconfig.tslab.json"]);
tsc ? passed++ : failed++;
tslab ? passed++ : failed++;

// 2. vitest, with a JSON summary we can count.
mkdirSync(join(root, "build"), { recursive: true });
const report = join(root, "build", "vitest.json");
const vitestOk = step("vitest", node, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
}
if (!vitestOk && failed === 0) failed++;

// 3. Notebooks.
const missing = ["jupyter", process.env.CHROMIUM ? null : "chromium"].filter((c) => c && !has(c));
if (missing.length > 0 && !ci) {
  process.stderr.write(`\n── notebooks: SKIPPED — ${missing.join(" and ")} not found on this machine. Install them once (notebooks/README.md) to run the notebooks here; CI always runs them.\n`);
} else {
  const self = step("notebook runner self-test (a broken cell and an undrawn chart must fail)", node, ["scripts/notebooks.mjs", "--self-test"]);
  self ? passed++ : failed++;
  const all = step("notebooks: execute, check stderr, HTML, Chromium", node, ["scripts/notebooks.mjs"]);
  all ? passed++ : failed++;
}

process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
