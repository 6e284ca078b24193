import { describe, expect, it } from "vitest";
import { createRandom, defaultModel, panelQuality, readSurvey, type Matrix } from "../src/index.js";
import { gapRatioBaseline } from "../src/panel/gapRatioBaseline.js";
import { gapRatio } from "../src/panel/gapRatio.js";
import { quantileType7 } from "../src/stats/quantileType7.js";
import { alphaReading } from "../src/panel/alphaReading.js";
import { panelReading } from "../src/interpret/panelReading.js";
import { deepFreeze } from "./helpers.js";

/** K experts rating every off-diagonal cell of an n×n matrix uniformly at random on 0–4 (no agreement at all). */
function uniformPanel(K: number, n: number, seed: number): Matrix[] {
  const rng = createRandom(seed);
  return Array.from({ length: K }, () => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.int(5)))));
}

const panelOf = (file: string): Matrix[] => readSurvey(`data/surveys/${file}.csv`, defaultModel()).experts.map((e) => e.matrix);

describe("gapRatioBaseline(matrices, options)", () => {
  it("hand-checked 2×2 case: shuffling two cells gives gap 0 or 0.5, each half the time", () => {
    // Hand computation: each expert's two ratings {1, 3} are shuffled independently. Same orientation
    // (probability 1/2): A² = A¹, gap 0. Opposite: A² = [[0, 2], [2, 0]], gap = (|2−1|/2 + |2−3|/2)/2 = 0.5.
    const same: Matrix[] = [
      [
        [0, 1],
        [3, 0],
      ],
      [
        [0, 1],
        [3, 0],
      ],
    ];
    const b = gapRatioBaseline(same, { B: 4000, seed: 3 });
    expect(b.observed).toBe(0);
    expect(b.p05).toBe(0);
    // The sequential rule stops at the 50th shuffled panel with gap* = 0: share = 50/draws, within 4 of its standard errors of 1/2.
    expect(b.draws).toBeLessThan(4000);
    expect(b.share).toBe(50 / b.draws);
    expect(Math.abs(b.share - 0.5)).toBeLessThan(4 * b.standardError);
    const opposite: Matrix[] = [
      same[0],
      [
        [0, 3],
        [1, 0],
      ],
    ];
    const o = gapRatioBaseline(opposite, { B: 500, seed: 3 });
    expect(o.observed).toBeCloseTo(0.5, 15);
    expect(o.share).toBe(1); // every shuffled panel has gap 0 or 0.5 ≤ the observed
  });

  it("is seeded, counts the observed panel in the share, and leaves its input alone", () => {
    const panel = deepFreeze(uniformPanel(6, 4, 11));
    const a = gapRatioBaseline(panel, { B: 300, seed: 5 });
    expect(gapRatioBaseline(panel, { B: 300, seed: 5 })).toEqual(a);
    expect(a.share).toBeGreaterThanOrEqual(1 / 301);
    expect(a.share).toBeLessThanOrEqual(1);
    expect(a.p05).toBeLessThanOrEqual(a.median);
    expect(a).toMatchObject({ B: 300, seed: 5 });
  });

  it("equals a straightforward recomputation: each draw's panel rebuilt and passed to gapRatio, the share and quantiles recounted", () => {
    for (const [seed, K, n, fractional] of [
      [1, 6, 4, false],
      [2, 20, 5, true],
      [3, 4, 3, false],
    ] as const) {
      // Fractional ratings, a fresh fraction per cell (400 cells, more than 256 distinct values), take the path without one-byte codes.
      const fraction = createRandom(seed + 500);
      const panel = uniformPanel(K, n, seed).map((m) => m.map((row, i) => row.map((v, j) => (fractional && i !== j ? v + fraction.next() : v))));
      if (fractional) expect(new Set(panel.flat(2)).size).toBeGreaterThan(256);
      const fast = gapRatioBaseline(panel, { B: 700, seed });
      expect(gapRatioBaseline(panel, { B: 700, seed, codes: false })).toEqual(fast);
      const rng = createRandom(seed);
      const cells = panel.map((m) => Float64Array.from(m.flatMap((row, i) => row.filter((_, j) => j !== i))));
      const gaps: number[] = [];
      for (let b = 0; b < fast.draws; b++) {
        cells.forEach((c) => rng.shuffle(c));
        const rebuilt = cells.map((c) =>
          Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : c[i * (n - 1) + (j < i ? j : j - 1)]))),
        );
        const curve = gapRatio(rebuilt).gap;
        gaps.push(curve[curve.length - 1]);
      }
      const atMost = gaps.filter((g) => g <= fast.observed).length;
      const stoppedOnHits = atMost === 50 && gaps[gaps.length - 1] <= fast.observed;
      expect(fast.share).toBe(stoppedOnHits ? 50 / fast.draws : (atMost + 1) / (fast.draws + 1));
      gaps.sort((a, b) => a - b);
      expect(fast.median).toBe(quantileType7(gaps, 0.5));
      expect(fast.p05).toBe(quantileType7(gaps, 0.05));
      expect(fast.standardError).toBe(Math.sqrt((fast.share * (1 - fast.share)) / fast.draws));
    }
  });

  it("gives NaN for one expert and refuses a bad B", () => {
    const b = gapRatioBaseline([uniformPanel(1, 3, 1)[0]]);
    expect(b.observed).toBeNaN();
    expect(b.share).toBeNaN();
    expect(() => gapRatioBaseline(uniformPanel(2, 3, 1), { B: 0 })).toThrow(RangeError);
  });
});

describe("panelQuality reads consensus against the no-agreement baseline", () => {
  it("random uniform 0–4 ratings (K = 14) pass the old 5% rule but not the consensus check", () => {
    // Issue 13: such panels end near 4.9%, below the conventional 5%, so the old rule certified noise.
    const panels = Array.from({ length: 40 }, (_, r) => panelQuality(uniformPanel(14, 10, 1000 + r), { baselineDraws: 400, seed: r }));
    const old = panels.filter((q) => q.belowConventionalLevel).length;
    const now = panels.filter((q) => q.consensus).length;
    expect(old).toBeGreaterThan(10);
    // Under no agreement the share is (nearly) uniform: about 5% pass, 2 of 40 expected; 6 would be p < 0.05 under Binomial(40, 0.05).
    expect(now).toBeLessThanOrEqual(5);
    const first = panels.find((q) => q.belowConventionalLevel);
    expect(first?.consensus).toBe(false);
  });

  it("the example panel: the last expert (E14, the dissenter) moves the mean more than in no-agreement panels", () => {
    const q = panelQuality(panelOf("example-panel"), { baselineDraws: 2000, seed: 1 });
    expect(q.finalGap).toBeCloseTo(0.060009723904866794, 12);
    expect(q.gapBaseline.median).toBeGreaterThan(0.04);
    expect(q.gapBaseline.median).toBeLessThan(0.046);
    expect(q.gapBaseline.share).toBeGreaterThan(0.99);
    expect(q.consensus).toBe(false);
    expect(q.alphaReading.interval).toBe("unreliable");
    // With E14 first, the final gap sits inside the no-agreement range, still no consensus beyond chance.
    const m = panelOf("example-panel");
    expect(panelQuality([m[13], ...m.slice(0, 13)], { baselineDraws: 2000, seed: 1 }).consensus).toBe(false);
  });

  it("the strong panel passes and the null panel does not", () => {
    // No shuffled panel is as close as the strong panel: the rule stops at its second look (200 draws), share 1/201.
    const strong = panelQuality(panelOf("strong-panel"), { baselineDraws: 2000, seed: 1 });
    expect(strong.gapBaseline).toMatchObject({ draws: 200, share: 1 / 201 });
    expect(strong.consensus).toBe(true);
    expect(panelQuality(panelOf("null-panel"), { baselineDraws: 2000, seed: 1 }).consensus).toBe(false);
  });
});

describe("alphaReading(alpha) and panelReading(quality)", () => {
  it("uses Krippendorff's (2004) thresholds 0.800 and 0.667", () => {
    expect([0.8, 0.79, 0.667, 0.666, NaN].map(alphaReading)).toEqual(["reliable", "tentative", "tentative", "unreliable", "undefined"]);
  });

  it("never says '95% confidence' and names the baseline", () => {
    const r = panelReading(panelQuality(panelOf("example-panel"), { baselineDraws: 200 }));
    expect(r.consensus).not.toMatch(/confidence/);
    expect(r.consensus).toMatch(/No consensus beyond chance: the final gap is larger than in at least 95%/);
    expect(r.alpha).toMatch(/0\.800 reliable, ≥ 0\.667 tentative/);
  });
});
