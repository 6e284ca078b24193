/**
 * Behaviour guard: the CLI's JSON for the shipped SYNTHETIC example panels and the
 * published fixtures (tests/fixtures/golden/runs.json lists the runs and their
 * settings) equals the golden files written before the pipeline refactor, `meta`
 * (date, version) aside. A deliberate change of results is made by
 * `npm run build && node scripts/golden-results.mjs --write`, and shows in the diff.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cliHarness, ROOT } from "./cliHarness.js";

const dir = join(ROOT, "tests", "fixtures", "golden");
const runs = JSON.parse(readFileSync(join(dir, "runs.json"), "utf8")) as Record<string, string[]>;
const cli = cliHarness("golden");
beforeAll(cli.build, 120_000);
afterAll(cli.cleanup);

describe("golden results (results.json apart from meta)", () => {
  for (const [name, args] of Object.entries(runs)) {
    it(`cxm-dematel ${args.join(" ")} prints ${name}.json`, () => {
      const r = cli.run(args, ROOT);
      expect(r.status, r.stderr).toBe(0);
      const value = JSON.parse(r.stdout) as Record<string, unknown>;
      delete value.meta;
      expect(JSON.stringify(value, null, 1) + "\n").toBe(readFileSync(join(dir, `${name}.json`), "utf8"));
    }, 60_000);
  }
});
