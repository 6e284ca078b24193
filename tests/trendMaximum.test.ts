import { describe, expect, it } from "vitest";
import { createRandom, defaultModel, layerTests, trendMaximum, trendStatistic, type Model } from "../src/index.js";
import { enumerateAssignments } from "../src/permutation/enumerateAssignments.js";
import { countAssignments } from "../src/permutation/countAssignments.js";

// trendMaximum (src/permutation/trendMaximum.ts): the largest S_trend (docs/methods.md §5.2) that layers of given
// sizes allow for an untied relation vector. Hand-computed values (the issue's √(37/45) for 2, 3, 2, 3) and a
// brute-force enumeration: the largest trendStatistic over every assignment of a fixed untied relation vector.

/** The largest S_trend over every assignment of components to layers of these sizes, for one untied relation vector. */
function bruteMaximum(sizes: number[], relation: number[]): number {
  const m = relation.length;
  const table = enumerateAssignments(sizes);
  let best = -Infinity;
  for (let r = 0; r < countAssignments(sizes); r++) best = Math.max(best, trendStatistic(Array.from(table.subarray(r * m, (r + 1) * m)), relation));
  return best;
}

describe("trendMaximum(sizes)", () => {
  it("sizes 2, 3, 2, 3 (the CXM model): 45 pairs, 8 within a layer, so √(37/45) = 0.9068 (issue 13; docs/methods.md §5.2)", () => {
    expect(trendMaximum([2, 3, 2, 3])).toBeCloseTo(Math.sqrt(37 / 45), 14);
    expect(trendMaximum([2, 3, 2, 3])).toBeCloseTo(0.9068, 4);
  });

  it("by hand: one component per layer reaches 1; sizes 2, 2 give 4 of 6 pairs between layers, √(4/6) = 0.8165 (trendStatistic's own example)", () => {
    expect(trendMaximum([1, 1, 1])).toBe(1);
    expect(trendMaximum([2, 2])).toBeCloseTo(Math.sqrt(4 / 6), 15);
    expect(trendMaximum([2, 2])).toBeCloseTo(trendStatistic([0, 0, 1, 1], [0.4, 0.3, -0.2, -0.5]), 15);
  });

  it("equals the brute-force maximum of trendStatistic over every assignment, for seeded untied relation vectors", () => {
    const rng = createRandom(13);
    for (const sizes of [
      [2, 3, 2, 3],
      [1, 2],
      [3, 1, 2],
      [4, 4],
      [1, 1, 1, 1],
      [2, 5],
    ]) {
      const m = sizes.reduce((a, b) => a + b, 0);
      const relation = Array.from({ length: m }, () => rng.normal());
      expect(trendMaximum(sizes)).toBeCloseTo(bruteMaximum(sizes, relation), 12);
    }
  });

  it("ignores empty layers, is NaN with fewer than two non-empty layers, and rejects sizes that are not non-negative integers", () => {
    expect(trendMaximum([2, 0, 3, 2, 3])).toBe(trendMaximum([2, 3, 2, 3]));
    expect(trendMaximum([5])).toBeNaN();
    expect(trendMaximum([0, 4, 0])).toBeNaN();
    expect(trendMaximum([])).toBeNaN();
    expect(() => trendMaximum([2, -1])).toThrow(RangeError);
    expect(() => trendMaximum([2, 1.5])).toThrow(RangeError);
  });

  it("does not mutate its input", () => {
    const sizes = Object.freeze([2, 3, 2, 3]);
    expect(() => trendMaximum(sizes)).not.toThrow();
  });
});

describe("layerTests(...).trend states its ceiling and the test's attainable size", () => {
  it("on the CXM model: maximum √(37/45), shareOfMaximum = statistic / maximum, attainable size 1,190/25,200 at α = 0.05", () => {
    const model: Model = defaultModel();
    const n = model.components.length;
    const rng = createRandom(5);
    const T = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.next())));
    const relation = Array.from({ length: n }, (_, i) => 1 - i / n + 0.01 * rng.normal());
    const r = layerTests(T, relation, model).trend;
    expect(r.maximum).toBeCloseTo(Math.sqrt(37 / 45), 14);
    expect(r.shareOfMaximum).toBeCloseTo(r.statistic / r.maximum, 15);
    expect(r.attainableSize.significanceLevel).toBe(0.05);
    expect(r.attainableSize.size! * 25200).toBeCloseTo(1190, 9);
  });
});
