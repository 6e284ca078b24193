// The whole causal-diagram figure of the example panel, frozen: plots.test.ts checks its parts (traces,
// arrows, captions); this file catches any other change of the { data, layout } object.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { causalDiagram, defaultModel } from "../src/index.js";

const fixtures = join("tests", "fixtures");

describe("causalDiagram(example result, CXM model)", () => {
  it("equals the saved figure (tests/fixtures/figures/causal-diagram-example-default.json)", () => {
    // Input: the golden results of `cxm-dematel analyze data/surveys/strong-panel.csv` (tests/fixtures/golden);
    // expected: the figure the causalDiagram of commit 5927e2a drew from them, before it was split into parts.
    const result = JSON.parse(readFileSync(join(fixtures, "golden", "strong-default.json"), "utf8"));
    const saved = JSON.parse(readFileSync(join(fixtures, "figures", "causal-diagram-example-default.json"), "utf8"));
    expect(JSON.parse(JSON.stringify(causalDiagram(result, defaultModel())))).toStrictEqual(saved);
  });
});
