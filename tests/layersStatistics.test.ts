import { describe, expect, it } from "vitest";
import {
  componentIds,
  createAssignmentSet,
  createFlowTest,
  createRandom,
  createTrendTest,
  defaultModel,
  dematel,
  flowStatistic,
  kendallTauB,
  layerIndex,
  layerTests,
  trendStatistic,
  type Matrix,
} from "../src/index.js";
import { countAssignments } from "../src/permutation/countAssignments.js";
import { enumerateAssignments } from "../src/permutation/enumerateAssignments.js";

/** Rows of a flat assignment table, as plain arrays. */
function rowsOf(flat: Int8Array, m: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < flat.length / m; r++) out.push(Array.from(flat.subarray(r * m, r * m + m)));
  return out;
}

/** Brute-force p-value with the docs/methods.md §5.5 tolerance rule, via the public statistics. */
function bruteP(stats: number[], observed: number): number {
  const cut = observed - 1e-12 * Math.max(1, Math.abs(observed));
  return stats.filter((s) => s >= cut).length / stats.length;
}

function randomMatrix(n: number, seed: number): Matrix {
  const rng = createRandom(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.int(5))));
}

describe("kendallTauB(x, y)", () => {
  it('matches R cor(x, y, method = "kendall") without ties', () => {
    // R: x <- c(44.4,45.9,41.9,53.3,44.7,44.1,50.7,45.2,60.1); y <- c(2.6,3.1,2.5,5.0,3.6,4.0,5.2,2.8,3.8)
    // cor.test(x, y, method = "kendall") → tau 0.4444444 (printed S-PLUS/R session of a course's
    // "table 1, page 188" data at stat.sc.edu/~habing/courses/518splus3F98.html). No ties: 26 concordant, 10 discordant, 16/36.
    const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
    const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];
    expect(kendallTauB(x, y)).toBeCloseTo(0.4444444, 7);
    expect(kendallTauB(x, y)).toBeCloseTo(16 / 36, 14);
  });

  it('matches R DescTools::KendallTauB / cor(method = "kendall") on a 2×5 table with heavy ties', () => {
    // R: tab <- as.table(rbind(c(26,26,23,18,9), c(6,7,9,14,23))); KendallTauB(tab) → 0.3372567
    // (DescTools reference page, example from the SAS/STAT PROC FREQ guide; DescTools states
    // the estimate equals cor(..., method = "kendall")).
    const counts = [
      [26, 26, 23, 18, 9],
      [6, 7, 9, 14, 23],
    ];
    const x: number[] = [];
    const y: number[] = [];
    counts.forEach((row, i) =>
      row.forEach((c, j) => {
        for (let k = 0; k < c; k++) {
          x.push(i + 1);
          y.push(j + 1);
        }
      }),
    );
    expect(kendallTauB(x, y)).toBeCloseTo(0.3372567, 7);
  });

  it("handles ties by hand: [12,2,1,12,2] vs [1,4,7,1,0]", () => {
    // Hand count over the 10 pairs: concordant (1,5),(4,5); discordant (1,2),(1,3),(2,3),(2,4),(3,4),(3,5);
    // tied (1,4) in both, (2,5) in x. S = 2 − 6 = −4; n0 = 10, n1 = 2 (12,12 and 2,2), n2 = 1 (1,1).
    // τ_b = −4 / √(8·9) = −0.47140452079103173. R: cor.test(c(12,2,1,12,2), c(1,4,7,1,0), method = "kendall", exact = FALSE)
    // → tau −0.4714045 (the cross-check with R recorded in SciPy's test_kendalltau, scipy/stats/tests/test_stats.py).
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-4 / Math.sqrt(72), 14);
  });

  it("is NaN when a variable is constant, and rejects NaN and length mismatch", () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTauB([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(kendallTauB([1], [2])).toBeNaN();
    expect(() => kendallTauB([1, NaN], [1, 2])).toThrow(RangeError);
    expect(() => kendallTauB([1, 2], [1])).toThrow(RangeError);
  });

  it("is symmetric, in [−1, 1], and ±1 for monotone data (seeded invariants)", () => {
    const rng = createRandom(11);
    for (let t = 0; t < 50; t++) {
      const x = Array.from({ length: 12 }, () => rng.int(4));
      const y = Array.from({ length: 12 }, () => rng.int(6));
      const tau = kendallTauB(x, y);
      if (Number.isNaN(tau)) continue;
      expect(Math.abs(tau)).toBeLessThanOrEqual(1 + 1e-15);
      expect(Math.abs(kendallTauB(y, x) - tau)).toBeLessThan(1e-15);
      expect(
        Math.abs(
          kendallTauB(
            x,
            y.map((v) => -v),
          ) + tau,
        ),
      ).toBeLessThan(1e-15);
    }
    const x = Array.from({ length: 9 }, () => rng.next());
    expect(
      kendallTauB(
        x,
        x.map((v) => Math.exp(v)),
      ),
    ).toBeCloseTo(1, 14);
  });

  it("does not modify its inputs", () => {
    const x = Object.freeze([3, 1, 2]);
    const y = Object.freeze([1, 2, 2]);
    kendallTauB(x, y);
    expect(x).toEqual([3, 1, 2]);
  });
});

describe("trendStatistic(layerOf, relation) and flowStatistic(total, layerOf)", () => {
  it("S_trend = −τ_b over layered components only", () => {
    // Components 2 and 4 are in no layer (−1) and must not count.
    const layerOf = [0, -1, 0, 1, -1, 1];
    const relation = [0.4, 99, 0.3, -0.2, -99, -0.5];
    // Layered: l = [0,0,1,1], r decreasing: S = 4 concordant-with-decrease pairs of 6, τ_b = −4/√((6−2)(6−0)).
    expect(trendStatistic(layerOf, relation)).toBeCloseTo(4 / Math.sqrt(24), 14);
    expect(trendStatistic([0, 1], [1, 2])).toBe(-1);
  });

  it("S_flow by hand on a 3-component example", () => {
    // layers: A=0, B=1, C=1. Cross-layer pairs: A→B 0.5, A→C 0.3 (inward); B→A 0.1, C→A 0.1 (outward).
    // B↔C is within a layer and is left out. S = (0.8 − 0.2) / 1.0 = 0.6.
    const T = [
      [0, 0.5, 0.3],
      [0.1, 0, 0.9],
      [0.1, 0.7, 0],
    ];
    expect(flowStatistic(T, [0, 1, 1])).toBeCloseTo(0.6, 14);
    expect(flowStatistic(T, [1, 0, 0])).toBeCloseTo(-0.6, 14);
    expect(flowStatistic(T, [0, -1, 1])).toBeCloseTo((0.3 - 0.1) / 0.4, 14);
    expect(
      flowStatistic(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 1],
      ),
    ).toBeNaN();
    expect(() => flowStatistic(T, [0, 1])).toThrow(RangeError);
  });
});

describe("countAssignments(sizes) and enumerateAssignments(sizes)", () => {
  it("counts multinomials", () => {
    expect(countAssignments([2, 3, 2, 3])).toBe(25200); // 10!/(2!3!2!3!) = 3628800/144
    expect(countAssignments([1, 1])).toBe(2);
    expect(countAssignments([2, 2])).toBe(6);
    expect(countAssignments([1, 2, 1])).toBe(12);
    expect(countAssignments([5, 5, 5, 5])).toBe(11732745024); // 20!/(5!)^4
    expect(countAssignments([3, 0, 2])).toBe(10);
    expect(() => countAssignments([1.5])).toThrow(RangeError);
    expect(() => countAssignments([-1])).toThrow(RangeError);
  });

  it("lists [1,1], [2,1] and [1,2,1] in lexicographic order (listed by hand)", () => {
    expect(rowsOf(enumerateAssignments([1, 1]), 2)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(rowsOf(enumerateAssignments([2, 1]), 3)).toEqual([
      [0, 0, 1],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(rowsOf(enumerateAssignments([1, 2, 1]), 4)).toEqual([
      [0, 1, 1, 2],
      [0, 1, 2, 1],
      [0, 2, 1, 1],
      [1, 0, 1, 2],
      [1, 0, 2, 1],
      [1, 1, 0, 2],
      [1, 1, 2, 0],
      [1, 2, 0, 1],
      [1, 2, 1, 0],
      [2, 0, 1, 1],
      [2, 1, 0, 1],
      [2, 1, 1, 0],
    ]);
  });

  it("lists 25,200 distinct, sorted, correctly sized rows for the CXM sizes", () => {
    const flat = enumerateAssignments([2, 3, 2, 3]);
    expect(flat.length).toBe(25200 * 10);
    const keys = rowsOf(flat, 10).map((r) => r.join(""));
    expect(new Set(keys).size).toBe(25200);
    for (let k = 1; k < keys.length; k++) expect(keys[k - 1] < keys[k]).toBe(true);
    for (const key of keys.slice(0, 200)) expect([...key].sort().join("")).toBe("0011122333");
    expect(keys[0]).toBe("0011122333");
    expect(keys[keys.length - 1]).toBe("3332211100");
  });
});

describe("createTrendTest(layerOf)", () => {
  // Four components A, B, C, D in layers [2, 2]; relation r = [0.4, 0.3, −0.2, −0.5] (strictly decreasing).
  // The 6 assignments, with S = −τ_b by hand (n0 = 6, n1 = 2 layer ties, n2 = 0; √24 = 4.899):
  //   0011: pair signs sum −4 → S = 4/√24 = 0.8165
  //   0101: −2 → S = 2/√24 = 0.4082
  //   0110: 0 → S = 0
  //   1001: 0 → S = 0
  //   1010: +2 → S = −0.4082
  //   1100: +4 → S = −0.8165
  const r = [0.4, 0.3, -0.2, -0.5];
  it("gives exact p-values listed by hand for 4 components in layers [2, 2]", () => {
    const t = createTrendTest([0, 0, 1, 1]);
    expect(t.method).toBe("exact");
    expect(t.assignments).toBe(6);
    const a = t.test(r);
    expect(a.statistic).toBeCloseTo(4 / Math.sqrt(24), 14);
    expect(a.p).toBeCloseTo(1 / 6, 14);
    expect(createTrendTest([0, 1, 0, 1]).test(r).p).toBeCloseTo(2 / 6, 14);
    // 0110: S = 0 ties with 1001 → both count: {0.8165, 0.4082, 0, 0} = 4 of 6.
    expect(createTrendTest([0, 1, 1, 0]).test(r).p).toBeCloseTo(4 / 6, 14);
    expect(createTrendTest([1, 1, 0, 0]).test(r).p).toBe(1);
  });

  it("handles ties in relation: r = [0.4, 0.4, −0.2, −0.5] (A and B tied)", () => {
    // Relation signs over pairs: (A,B) 0, all others +1; n2 = 1, so √((6−2)(6−1)) = √20.
    // Pair-sign sums Σ sign(l_i − l_j)·sign(r_i − r_j) by hand, and S = −sum/√20:
    //   0011: −4 → 0.8944   0101: −1 → 0.2236   0110: +1 → −0.2236
    //   1001: −1 → 0.2236   1010: +1 → −0.2236  1100: +4 → −0.8944
    // Observed 0101: S = 1/√20 and S ≥ S_obs for 0011, 0101, 1001 (a tie) → p = 3/6.
    const rt = [0.4, 0.4, -0.2, -0.5];
    const stats = rowsOf(enumerateAssignments([2, 2]), 4).map((row) => trendStatistic(row, rt));
    const byHand = [4, 1, -1, 1, -1, -4].map((v) => v / Math.sqrt(20));
    stats.forEach((s, k) => expect(s).toBeCloseTo(byHand[k], 14));
    const t = createTrendTest([0, 1, 0, 1]).test(rt);
    expect(t.statistic).toBeCloseTo(1 / Math.sqrt(20), 14);
    expect(t.p).toBeCloseTo(3 / 6, 14);
    expect(t.p).toBeCloseTo(bruteP(stats, t.statistic), 14);
  });

  it("agrees with brute force over the enumeration on seeded random relations (unlayered components ignored)", () => {
    const layerOf = [0, 1, -1, 2, 1, 0, 2, 1];
    const sizes = [2, 3, 2];
    const rows = rowsOf(enumerateAssignments(sizes), 7);
    const test = createTrendTest(layerOf);
    expect(test.assignments).toBe(210);
    const rng = createRandom(5);
    for (let k = 0; k < 20; k++) {
      // Coarse values so that ties are common.
      const relation = layerOf.map(() => rng.int(4) - 1.5);
      const layeredR = relation.filter((_, i) => layerOf[i] >= 0);
      const stats = rows.map((row) => trendStatistic(row, layeredR));
      const res = test.test(relation);
      if (Number.isNaN(res.statistic)) continue;
      expect(res.statistic).toBe(trendStatistic(layerOf, relation));
      expect(res.p).toBeCloseTo(bruteP(stats, res.statistic), 14);
    }
  });

  it("untied relations (tallied null distribution) agree with brute force, also when tied calls come in between", () => {
    // docs/methods.md §5.5: p = #{assignments with S ≥ S_obs (tolerance rule)} / #assignments, checked against the
    // public trendStatistic over every enumerated row, with and without the pair-sign table.
    const cases: Array<{ layerOf: number[]; sizes: number[] }> = [
      { layerOf: [0, 1, -1, 2, 1, 0, 2, 1], sizes: [2, 3, 2] },
      { layerOf: layerIndex(defaultModel()), sizes: [2, 3, 2, 3] },
    ];
    for (const { layerOf, sizes } of cases) {
      const m = sizes.reduce((a, b) => a + b, 0);
      const rows = rowsOf(enumerateAssignments(sizes), m);
      const tests = [createTrendTest(layerOf), createTrendTest(layerOf, { maxPairTable: 0 })];
      const rng = createRandom(31);
      for (let k = 0; k < 4; k++) {
        // Continuous values (no ties), with a layer trend so that small p-values occur too; every other call tied.
        const tied = k % 2 === 1;
        const relation = layerOf.map((l) => (tied ? rng.int(3) : -0.3 * l + rng.normal()));
        const layeredR = relation.filter((_, i) => layerOf[i] >= 0);
        const stats = rows.map((row) => trendStatistic(row, layeredR));
        for (const test of tests) {
          const res = test.test(relation);
          if (Number.isNaN(res.statistic)) continue;
          expect(res.statistic).toBe(trendStatistic(layerOf, relation));
          expect(Math.abs(res.p - bruteP(stats, res.statistic))).toBeLessThan(1e-14);
        }
      }
    }
  });

  it("gives the same p without the precomputed pair-sign table (maxPairTable: 0)", () => {
    const layerOf = layerIndex(defaultModel());
    const rng = createRandom(77);
    const fast = createTrendTest(layerOf);
    const slow = createTrendTest(layerOf, { maxPairTable: 0 });
    const fastFlow = createFlowTest(layerOf);
    const slowFlow = createFlowTest(layerOf, { maxPairTable: 0 });
    for (let k = 0; k < 3; k++) {
      const relation = layerOf.map(() => rng.int(5) - 2);
      expect(slow.test(relation)).toEqual(fast.test(relation));
      const T = randomMatrix(10, 100 + k);
      expect(slowFlow.test(T)).toEqual(fastFlow.test(T));
    }
  });

  it("shares one assignment set between tests, and refuses a set built for another layering", () => {
    const layerOf = [0, 0, 1, 1, -1];
    const assignmentSet = createAssignmentSet(layerOf);
    const t = createTrendTest(layerOf, { assignmentSet });
    expect(t.test([0.4, 0.3, -0.2, -0.5, 9])).toEqual(createTrendTest(layerOf).test([0.4, 0.3, -0.2, -0.5, 9]));
    expect(() => createFlowTest([0, 1, 0, 1, -1], { assignmentSet })).toThrow(RangeError);
    expect(() => createFlowTest([0, 0, 1, 1, 1], { assignmentSet })).toThrow(RangeError);
  });

  it("is NaN for constant relation and rejects bad input", () => {
    expect(createTrendTest([0, 0, 1, 1]).test([1, 1, 1, 1]).p).toBeNaN();
    expect(() => createTrendTest([0, 0, 1, 1]).test([1, 2, 3])).toThrow(RangeError);
    expect(() => createTrendTest([0, 0, 1, 1]).test([1, NaN, 3, 4])).toThrow(RangeError);
    expect(() => createTrendTest([0, 0, 0])).toThrow(RangeError);
    expect(() => createTrendTest([0, 1.5])).toThrow(RangeError);
  });

  it("Monte Carlo (forced by maxExact, all B draws) is seeded, reproducible and within Monte Carlo error of the exact p", () => {
    const layerOf = layerIndex(defaultModel());
    const rng = createRandom(2024);
    const relation = layerOf.map((l) => -0.15 * l + 0.3 * rng.normal());
    const exact = createTrendTest(layerOf).test(relation);
    const B = 20000;
    const mc1 = createTrendTest(layerOf, { maxExact: 100, samples: B, seed: 9, stopAfter: Infinity });
    const mc2 = createTrendTest(layerOf, { maxExact: 100, samples: B, seed: 9, stopAfter: Infinity });
    const mc3 = createTrendTest(layerOf, { maxExact: 100, samples: B, seed: 10, stopAfter: Infinity });
    expect(mc1.method).toBe("monte-carlo");
    expect(mc1.assignments).toBe(25200);
    expect(mc1.evaluated).toBe(B);
    const a = mc1.test(relation);
    expect(a).toEqual(mc2.test(relation));
    expect(a.statistic).toBe(exact.statistic);
    // p = (b + 1)/(B + 1) for an integer b.
    const b = a.p * (B + 1) - 1;
    expect(Math.abs(b - Math.round(b))).toBeLessThan(1e-6);
    const se = Math.sqrt((exact.p * (1 - exact.p)) / B);
    expect(Math.abs(a.p - exact.p)).toBeLessThan(4 * se + 2 / B);
    expect(Math.abs(mc3.test(relation).p - exact.p)).toBeLessThan(4 * se + 2 / B);
  });
});

describe("createFlowTest(layerOf)", () => {
  it("exact p for 2 components by hand, and accepts row-major Float64Array", () => {
    const f = createFlowTest([0, 1]);
    // Observed S = (3 − 1)/4 = 0.5; the swapped assignment gives −0.5: p = 1/2.
    expect(
      f.test([
        [0, 3],
        [1, 0],
      ]),
    ).toEqual({ statistic: 0.5, p: 0.5 });
    expect(f.test(new Float64Array([0, 1, 3, 0]))).toEqual({ statistic: -0.5, p: 1 });
  });

  it("counts mathematically equal statistics as ties despite floating-point noise (docs/methods.md §5.5 tolerance)", () => {
    // T is invariant under the 3-cycle 0→1→2→0 of components, so the assignment [1,2,0,0,2]
    // (the observed [0,1,2,0,2] relabelled by the cycle) has the same S_flow = 1/7 in exact arithmetic,
    // but summing in another order gives 0.14285714285714285 instead of 0.14285714285714288.
    const T = [
      [0, 1, 0.8, 0.7, 0.7],
      [0.8, 0, 1, 0.7, 0.7],
      [1, 0.8, 0, 0.7, 0.7],
      [1, 1, 1, 0, 1],
      [0.5, 0.5, 0.5, 0.4, 0],
    ];
    const observed = [0, 1, 2, 0, 2];
    const sObs = flowStatistic(T, observed);
    const sTwin = flowStatistic(T, [1, 2, 0, 0, 2]);
    expect(sObs).toBeCloseTo(1 / 7, 14);
    expect(sTwin).toBeLessThan(sObs); // the noise the tolerance must absorb
    const res = createFlowTest(observed).test(T);
    const stats = rowsOf(enumerateAssignments([2, 1, 2]), 5).map((row) => flowStatistic(T, row));
    expect(res.statistic).toBe(sObs);
    expect(res.p).toBeCloseTo(bruteP(stats, sObs), 14);
    expect(res.p).toBeGreaterThan(stats.filter((s) => s >= sObs).length / stats.length);
  });

  it("agrees with brute force on seeded random matrices", () => {
    const layerOf = [1, 0, -1, 2, 0, 1, 2];
    const test = createFlowTest(layerOf);
    const rows = rowsOf(enumerateAssignments([2, 2, 2]), 6);
    const keep = [0, 1, 3, 4, 5, 6];
    for (let seed = 1; seed <= 10; seed++) {
      const T = randomMatrix(7, seed);
      const sub = keep.map((i) => keep.map((j) => T[i][j]));
      const stats = rows.map((row) => flowStatistic(sub, row));
      const res = test.test(T);
      expect(res.statistic).toBe(flowStatistic(T, layerOf));
      expect(res.p).toBeCloseTo(bruteP(stats, res.statistic), 14);
    }
  });
});

describe("Monte Carlo flow test and layerTests method reporting", () => {
  it("flow: seeded, reproducible, within Monte Carlo error of the exact p; layerTests says which was used", () => {
    const model = defaultModel();
    const layerOf = layerIndex(model);
    const T = randomMatrix(10, 42).map((row) => row.map((v) => v / 40));
    const exact = createFlowTest(layerOf).test(T);
    const B = 20000;
    const a = createFlowTest(layerOf, { maxExact: 1000, samples: B, seed: 3, stopAfter: Infinity }).test(T);
    const b = createFlowTest(layerOf, { maxExact: 1000, samples: B, seed: 3, stopAfter: Infinity }).test(T);
    expect(a).toEqual(b);
    expect(a.statistic).toBe(exact.statistic);
    const se = Math.sqrt((exact.p * (1 - exact.p)) / B);
    expect(Math.abs(a.p - exact.p)).toBeLessThan(4 * se + 2 / B);
    const rel = layerOf.map((l) => -l);
    const res = layerTests(T, rel, model, { maxExact: 1000, samples: 500, seed: 1 });
    expect(res.trend.method).toBe("monte-carlo");
    expect(res.flow.method).toBe("monte-carlo");
    expect(res.trend.assignments).toBe(25200);
    expect(res.trend.evaluated).toBe(500);
    // relation falls strictly layer by layer, so only the observed assignment itself reaches S_obs; none of the
    // seeded draws is it (each is with probability 1/25200), so the rule stops below α at its look L = 200
    // (0.95^200 = 3.5e-5 < 0.001/3 for the looks 100, 200, 400 below B = 500): p = (0 + 1)/(200 + 1).
    expect(res.trend.p).toBeCloseTo(1 / 201, 14);
    expect(res.trend.draws).toBe(200);
  });
});

describe("layerTests(total, relation, model)", () => {
  it("gives p = 1/25200 for trend on the CXM model when relation falls layer by layer", () => {
    // Strongly layered synthetic direct matrix: 4 from an outer to an inner layer, 1 inward-out, 2 within a layer.
    const model = defaultModel();
    const layerOf = layerIndex(model);
    const A = layerOf.map((li, i) => layerOf.map((lj, j) => (i === j ? 0 : li < lj ? 4 : li > lj ? 1 : 2)));
    const d = dematel(A, { components: componentIds(model) });
    // Layer means of relation strictly decrease, and every component of an outer layer beats every inner one.
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) if (layerOf[i] < layerOf[j]) expect(d.relation[i]).toBeGreaterThan(d.relation[j]);
    const res = layerTests(d.total, d.relation, model);
    expect(res.trend.method).toBe("exact");
    expect(res.trend.assignments).toBe(25200);
    expect(res.trend.p).toBeCloseTo(1 / 25200, 15);
    expect(res.trend.statistic).toBeGreaterThan(0.8);
    expect(res.flow.statistic).toBeGreaterThan(0.5);
    expect(res.flow.p).toBeCloseTo(1 / 25200, 15);
    expect(res.signs.outerAllCauses).toBe(true);
    expect(res.signs.innerAllEffects).toBe(true);
    expect(res.signs.outer.map((c) => c.id)).toEqual(["LEAD", "CUL"]);
    expect(res.signs.inner.map((c) => c.id)).toEqual(["INT", "EMP", "INS"]);
    // Reversed layering: the observed is the worst of all.
    const Arev = A.map((row, i) => row.map((_, j) => A[j][i]));
    const drev = dematel(Arev, { components: componentIds(model) });
    const rev = layerTests(drev.total, drev.relation, model);
    expect(rev.trend.p).toBe(1);
    expect(rev.signs.outerAllCauses).toBe(false);
    expect(rev.signs.outer[0].role).toBe("effect");
  });

  it("rejects a model without layers and mismatched shapes", () => {
    const model = defaultModel();
    const noLayers = { ...model, layers: [] };
    const T = randomMatrix(10, 3);
    expect(() => layerTests(T, new Array(10).fill(0), noLayers)).toThrow(RangeError);
    expect(() => layerTests(T, new Array(9).fill(0), model)).toThrow(RangeError);
  });
});
