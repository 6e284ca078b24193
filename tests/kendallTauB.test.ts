/**
 * The package's one Kendall τ_b tie rule (src/stats/kendallTauB.ts: tieTolerance, pairSign) and
 * the two evaluators that apply it: kendallTauB (single call) and createTauB (typed arrays, hot
 * loops), plus the trend statistic and trend test built on them. Further kendallTauB cases checked
 * against R are in tests/layersStatistics.test.ts.
 */
import { describe, expect, it } from "vitest";
import { componentIds, createRandom, defaultModel, dematel, layerIndex, type Matrix } from "../src/index.js";
import { kendallTauB, pairSign, tauFromCounts, tieTolerance } from "../src/stats/kendallTauB.js";
import { createTauB } from "../src/stats/tauB.js";
import { trendStatistic } from "../src/permutation/trendStatistic.js";
import { createTrendTest } from "../src/permutation/createTrendTest.js";
import { createDematelKernel } from "../src/core/dematelKernel.js";

/** τ_b through the fast evaluator. */
function fastTauB(x: readonly number[], y: readonly number[]): number {
  const t = createTauB(x.length);
  t.x.set(x);
  t.fixX();
  t.y.set(y);
  return t.compute();
}

describe("tieTolerance(values)", () => {
  it("is 1e-12·max(1, max|value|)", () => {
    expect(tieTolerance([0.3, -2, 1])).toBe(2e-12);
    expect(tieTolerance([0.25, -0.5])).toBe(1e-12);
    expect(tieTolerance([-1e6, 3])).toBe(1e-6);
  });

  it("is 1e-12 on empty input, and NaN and ±Infinity do not set the scale", () => {
    expect(tieTolerance([])).toBe(1e-12);
    expect(tieTolerance([NaN, Infinity, -Infinity, 0.5])).toBe(1e-12);
    expect(tieTolerance(new Float64Array([NaN, 4]))).toBe(4e-12);
  });
});

describe("pairSign(a, b, tolerance)", () => {
  it("is the sign of a − b outside ±tolerance and 0 (tied) inside, bounds included", () => {
    expect(pairSign(2, 1, 0)).toBe(1);
    expect(pairSign(1, 2, 0)).toBe(-1);
    expect(pairSign(1, 1, 0)).toBe(0);
    expect(pairSign(1 + 1e-15, 1, 1e-12)).toBe(0);
    expect(pairSign(0.5, 0.25, 0.25)).toBe(0); // a − b = tolerance exactly: tied
    expect(pairSign(0.25, 0.5, 0.25)).toBe(0);
    expect(pairSign(1e-9, 0, 1e-12)).toBe(1);
  });

  it("orders infinities and counts NaN differences as ties", () => {
    expect(pairSign(Infinity, 1, 1e-12)).toBe(1);
    expect(pairSign(-Infinity, 1, 1e-12)).toBe(-1);
    expect(pairSign(Infinity, Infinity, 1e-12)).toBe(0);
    expect(pairSign(NaN, 1, 1e-12)).toBe(0);
  });
});

describe("kendallTauB(x, y) and createTauB(m) apply the same tie rule", () => {
  it("reproduce the SciPy/R example with exact ties: [12,2,1,12,2] vs [1,4,7,1,0] → −4/√72", () => {
    // Source: scipy.stats.kendalltau docstring (−0.47140452079103173), the same value as R's
    // cor(c(12,2,1,12,2), c(1,4,7,1,0), method = "kendall"). Hand count: S = 2 − 6 = −4, n0 = 10, n1 = 2, n2 = 1.
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-4 / Math.sqrt(72), 14);
    expect(fastTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBe(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]));
    expect(tauFromCounts(-4, 5, 2, 1)).toBe(-4 / Math.sqrt(72));
  });

  it("count values within the tolerance as tied, by hand: [0,1,2] vs [1, 1+1e-15, 0] → −2/√6", () => {
    // Pairs: (1,2) x<, y tied → 0; (1,3) and (2,3) discordant. S = −2, n0 = 3, n1 = 0, n2 = 1: τ_b = −2/√(3·2).
    const expected = -2 / Math.sqrt(6);
    for (const tau of [kendallTauB, fastTauB]) {
      expect(tau([0, 1, 2], [1, 1 + 1e-15, 0])).toBe(expected);
      expect(tau([0, 1, 2], [1, 1, 0])).toBe(expected);
      // A difference of 1e-9 is above the tolerance: (1,2) is concordant, S = −1, τ_b = −1/3.
      expect(tau([0, 1, 2], [1, 1 + 1e-9, 0])).toBeCloseTo(-1 / 3, 15);
      // The tolerance scales with the values: at 1e6 it is 1e-6.
      expect(tau([0, 1, 2], [1e6, 1e6 + 1e-7, 0])).toBe(expected);
      // The same rule in x.
      expect(tau([1, 1 + 1e-15, 0], [0, 1, 2])).toBe(expected);
    }
  });

  it("give the same number on seeded random inputs with exact ties, rounding-noise ties and none", () => {
    const rng = createRandom(29);
    for (let trial = 0; trial < 300; trial++) {
      const m = 2 + rng.int(12);
      const x = Array.from({ length: m }, () => rng.int(4));
      const kind = trial % 3;
      // Few levels (exact ties), few levels plus noise of a few ulps (ties only under the tolerance), or continuous.
      const y = Array.from({ length: m }, () => (kind === 2 ? rng.normal() : rng.int(3) - 1 + (kind === 1 ? (rng.int(5) - 2) * 2.2e-16 : 0)));
      const single = kendallTauB(x, y);
      expect(Object.is(fastTauB(x, y), single)).toBe(true);
      if (kind === 1)
        expect(
          Object.is(
            single,
            kendallTauB(
              x,
              y.map((v) => Math.round(v)),
            ),
          ),
        ).toBe(true);
    }
  });

  it("are NaN on empty input, one pair of values and a constant variable", () => {
    for (const tau of [kendallTauB, fastTauB]) {
      expect(tau([], [])).toBeNaN();
      expect(tau([1], [2])).toBeNaN();
      expect(tau([0, 1, 2], [5, 5, 5 + 1e-14])).toBeNaN();
      expect(tau([3, 3, 3], [0, 1, 2])).toBeNaN();
    }
  });

  it("order infinite values (kendallTauB), and reject NaN and a length mismatch", () => {
    expect(kendallTauB([0, 1, 2], [-Infinity, 0, Infinity])).toBe(1);
    expect(() => kendallTauB([0, NaN], [1, 2])).toThrow(RangeError);
    expect(() => kendallTauB([0, 1], [1, NaN])).toThrow(RangeError);
    expect(() => kendallTauB([0, 1], [1])).toThrow(RangeError);
  });
});

describe("the tie rule in the layer statistics", () => {
  const model = defaultModel();
  const layerOf = layerIndex(model);
  // Strictly layered: 4 from an outer to an inner layer, 1 inward-out, 2 within a layer, so the components of a
  // layer are exchangeable and have equal relation in exact arithmetic (a few ulps apart in floating point).
  const A: Matrix = layerOf.map((li, i) => layerOf.map((lj, j) => (i === j ? 0 : li < lj ? 4 : li > lj ? 1 : 2)));
  const mirror: Matrix = A.map((row, i) => row.map((_, j) => A[j][i]));

  it("mirror-image panels get exactly opposite S_trend, and the trend test agrees with trendStatistic", () => {
    // All 8 within-layer pairs (layer sizes 2, 3, 2, 3: 1 + 3 + 1 + 3) are tied in relation; with exact ties
    // rounding noise left 6 of them tied for this panel and 4 for its mirror image.
    const d = dematel(A, { components: componentIds(model) });
    const r = dematel(mirror, { components: componentIds(model) });
    const s = trendStatistic(layerOf, d.relation);
    expect(trendStatistic(layerOf, r.relation)).toBe(-s);
    // By hand: each of the 45 − 8 = 37 between-layer pairs is discordant in (layer, relation), so
    // τ_b = −37/√((45 − 8)(45 − 8)) = −1 and S_trend = +1 (exact ties gave 37/√(37·39) = 0.974).
    expect(s).toBe(1);
    const test = createTrendTest(layerOf);
    expect(test.test(d.relation).statistic).toBe(s);
    expect(test.test(r.relation).statistic).toBe(-s);
  });

  it("the resampling kernel's S_trend equals trendStatistic on the public path, even where rounding differs", () => {
    const k = createDematelKernel(layerOf);
    for (const panel of [A, mirror]) {
      k.direct.set(panel.flat());
      expect(k.run()).toBe(true);
      expect(k.trend).toBe(trendStatistic(layerOf, dematel(panel).relation));
    }
    // Two components with relation 0 in exact arithmetic: no ordering on either path.
    const two = createDematelKernel([0, 1], "max", 1);
    two.direct.set([0, 2, 2, 0]);
    expect(two.run()).toBe(true);
    expect(two.trend).toBeNaN();
    expect(
      trendStatistic(
        [0, 1],
        dematel(
          [
            [0, 2],
            [2, 0],
          ],
          { epsilon: 1 },
        ).relation,
      ),
    ).toBeNaN();
  });
});

describe("tieTolerance(value) for one statistic", () => {
  it("is 1e-12·max(1, |value|), as for a list holding that value (hand-computed)", () => {
    expect(tieTolerance(0.5)).toBe(1e-12);
    expect(tieTolerance(-3)).toBe(3e-12);
    expect(tieTolerance(-3)).toBe(tieTolerance([-3]));
    expect(tieTolerance(Infinity)).toBe(1e-12);
  });
});
