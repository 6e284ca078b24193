import { describe, expect, it } from "vitest";
import { FORMAT_1_NAMES, RESULTS_FORMAT, resultsJsonChunks, resultsJsonText } from "../src/report/resultsJson.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFilesAtomic } from "../src/io/writeFilesAtomic.js";
import { createRandom } from "../src/random.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { simulatedSurvey } from "../src/simulate/simulatedSurvey.js";
import { defaultModel } from "../src/model/model.js";

describe("resultsJsonText (results format 2, README 'Results format 2')", () => {
  it("writes each format-1 name after its format-2 name, with the same value, and stamps meta.format", () => {
    const text = resultsJsonText({ meta: { tool: "t" }, panel: { expertCount: 3, krippendorffAlpha: { interval: 0.5, ordinal: 0.6 } } });
    const j = JSON.parse(text);
    expect(j.meta).toEqual({ tool: "t", format: RESULTS_FORMAT });
    expect(Object.keys(j.panel)).toEqual(["expertCount", "krippendorffAlpha", "experts", "alpha"]);
    expect(j.panel.experts).toBe(3);
    expect(j.panel.alpha).toEqual({ interval: 0.5, ordinal: 0.6 });
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("never overwrites a key the object already has (meta.experts stays the list of experts), and leaves arrays and NaN as JSON.stringify does", () => {
    const j = JSON.parse(resultsJsonText({ experts: [{ expert: "E1" }], expertCount: 1, rows: [{ expertIndex: 0 }], x: NaN }));
    expect(j.experts).toEqual([{ expert: "E1" }]);
    expect(j.rows).toEqual([{ expertIndex: 0, expert: 0 }]);
    expect(j.x).toBeNull();
  });

  it("an object with two format-2 names of one format-1 name gets the first only", () => {
    const j = JSON.parse(resultsJsonText({ krippendorffAlpha: 1, significanceLevel: 2 }));
    expect(j.alpha).toBe(1);
    expect(FORMAT_1_NAMES.krippendorffAlpha).toBe("alpha");
  });

  it("an analysis' results.json text carries both names for the panel, the layers and the sensitivity table", () => {
    const survey = simulatedSurvey(defaultModel(), { expertCount: 4, seed: 2 });
    const j = JSON.parse(resultsJsonText(analyzeSurvey(survey, defaultModel(), { bootstrap: 0, date: "2026-01-01" })));
    expect(j.meta.format).toBe(2);
    expect(j.panel.expertCount).toBe(4);
    expect(j.panel.experts).toBe(4);
    expect(j.panel.gapRatio.panelSizes).toEqual([2, 3, 4]);
    expect(j.panel.gapRatio.experts).toEqual([2, 3, 4]);
    expect(j.panel.leaveOneOut.map((r: { expertIndex: number; expert: number }) => [r.expertIndex, r.expert])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(j.layers.expertCount).toBe(4);
    expect(j.layers.sensitivity.significanceLevel).toBe(0.05);
    expect(j.layers.sensitivity.alpha).toBe(0.05);
  });
});

/** A seeded random JSON-like value: nested objects and arrays, arrays of objects, NaN, ±∞, undefined, functions, dates, toJSON, format-2 names, "→" and newlines in strings. */
function randomValue(rng: ReturnType<typeof createRandom>, depth: number): unknown {
  const leaves: Array<() => unknown> = [
    () => rng.next() * 10 - 5,
    () => [NaN, Infinity, -Infinity, -0][rng.int(4)],
    () => ["", "a\nb", 'q"uote', "C1→C2", "\u2028"][rng.int(5)],
    () => rng.next() < 0.5,
    () => null,
    () => undefined,
    () => () => 1,
    () => new Date(Math.floor(rng.next() * 1e12)),
    () => ({ toJSON: (key: string) => ({ key }) }),
  ];
  if (depth === 0 || rng.next() < 0.3) return leaves[rng.int(leaves.length)]();
  const size = rng.int(4);
  const kind = rng.int(3);
  if (kind === 0) return Array.from({ length: size }, () => randomValue(rng, depth - 1));
  if (kind === 1) return Array.from({ length: size }, () => ({ expertIndex: rng.int(9), v: randomValue(rng, depth - 1) }));
  const names = ["a", "expertCount", "krippendorffAlpha", "experts", "meta", "significanceLevel", "x y"];
  return Object.fromEntries(Array.from({ length: size }, () => [names[rng.int(names.length)], randomValue(rng, depth - 1)]));
}

describe("resultsJsonChunks: resultsJsonText's text in pieces, for writing a large results.json", () => {
  it("joined, the pieces are resultsJsonText's text, character for character, on 400 seeded random values and edge cases", () => {
    const rng = createRandom(12);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [{ a: 1 }, , 2];
    const cases: unknown[] = [
      {},
      [],
      [{}],
      [[]],
      { a: [{}] },
      null,
      3,
      "s",
      { meta: { tool: "t" }, rows: [{ a: undefined, b: () => 1 }, null, 2] },
      sparse,
      { s: sparse },
      { boxed: [new Number(3), new String("ab"), new Boolean(false)], one: new Number(1) },
      Object.assign(() => 1, { toJSON: () => "f" }),
      { f: Object.assign(() => 1, { toJSON: () => ({ g: 2 }) }) },
    ];
    for (let i = 0; i < 400; i++) cases.push(randomValue(rng, 5));
    for (const value of cases) expect([...resultsJsonChunks(value)].join("")).toBe(resultsJsonText(value));
  });

  it("a whole analysis: the same text, in more than one piece", () => {
    const model = defaultModel();
    const r = analyzeSurvey(simulatedSurvey(model, { expertCount: 8, seed: 3 }), model, { bootstrap: 50, date: "2026-01-01" });
    const pieces = [...resultsJsonChunks(r)];
    expect(pieces.length).toBeGreaterThan(100);
    expect(pieces.join("")).toBe(resultsJsonText(r));
  });

  it("writeFilesAtomic writes pieces one after another, as the joined text would be written", () => {
    const dir = mkdtempSync(join(tmpdir(), "cxm-pieces-"));
    try {
      const text = "x".repeat(1 << 20) + "→" + "y".repeat(1000);
      writeFilesAtomic([[join(dir, "a.json"), ["{", text, "}", "\n"]]]);
      expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(`{${text}}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
