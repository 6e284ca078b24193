#!/usr/bin/env node
// Behaviour guard for refactoring: runs the built CLI on the shipped example panels and the published
// fixtures with several settings, and compares the JSON it prints (apart from `meta`, which holds the
// date and version) with the golden files in tests/fixtures/golden/.
//   npm run build && node scripts/golden-results.mjs           compare; exit 1 on any difference
//   npm run build && node scripts/golden-results.mjs --write   (re)write the golden files, deliberately
// tests/golden.test.ts runs the same comparison under vitest.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli", "main.js");
const dir = join(root, "tests", "fixtures", "golden");
/** name → CLI arguments (tests/fixtures/golden/runs.json); every run prints JSON on stdout. */
export const GOLDEN_RUNS = JSON.parse(readFileSync(join(dir, "runs.json"), "utf8"));

/** The run's JSON without `meta` (date, version), as a stable text. */
export function goldenText(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`cxm-dematel ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const value = JSON.parse(r.stdout);
  delete value.meta;
  return JSON.stringify(value, null, 1) + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const write = process.argv.includes("--write");
  mkdirSync(dir, { recursive: true });
  let bad = 0;
  for (const [name, args] of Object.entries(GOLDEN_RUNS)) {
    const file = join(dir, `${name}.json`);
    const text = goldenText(args);
    if (write) writeFileSync(file, text);
    else if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
      bad++;
      console.error(`differs: ${name} (cxm-dematel ${args.join(" ")})`);
    }
  }
  console.log(
    write
      ? `wrote ${Object.keys(GOLDEN_RUNS).length} golden files`
      : bad
        ? `${bad} of ${Object.keys(GOLDEN_RUNS).length} differ`
        : `all ${Object.keys(GOLDEN_RUNS).length} golden results identical (meta aside)`,
  );
  process.exit(bad ? 1 : 0);
}
