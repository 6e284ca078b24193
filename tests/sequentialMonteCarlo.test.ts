import { describe, expect, it } from "vitest";
import { createAssignmentSet, createFlowTest, createRandom, createTrendTest, defaultModel, layerIndex, layerTests, type Matrix } from "../src/index.js";
import { DEFAULT_STOP_AFTER, type AssignmentSet } from "../src/permutation/createAssignmentSet.js";
import { pairSign, tieTolerance } from "../src/stats/kendallTauB.js";
import { monteCarloP } from "../src/permutation/permutationTest.js";
import { binomialCdf } from "../src/stats/binomialCdf.js";
import { looksBelow } from "../src/stats/sequentialMonteCarlo.js";

// 16 components in 4 layers of 4: 63,063,000 assignments, so Monte Carlo above maxExact.
const layerOf = Array.from({ length: 16 }, (_, i) => i >> 2);

/** A seeded relation vector with a layer trend of strength `effect` (0: none). */
function relationOf(seed: number, effect: number): number[] {
  const rng = createRandom(seed);
  return layerOf.map((l) => -effect * l + rng.next() - 0.5);
}

/** A seeded T whose influence runs inward with strength `effect`. */
function totalOf(seed: number, effect: number): Matrix {
  const rng = createRandom(seed);
  return layerOf.map((li, i) => layerOf.map((lj, j) => (i === j ? 0 : rng.next() + (lj > li ? effect : 0))));
}

describe("sequential Monte Carlo p-values (Besag & Clifford 1991)", () => {
  it("monteCarloP stops after h exceedances with p = h/L, else gives (b + 1)/(B + 1)", () => {
    expect(monteCarloP({ evaluated: 1000, stopAfter: 5 }, (row) => row % 4 === 3)).toEqual({
      p: 5 / 20,
      draws: 20,
      standardError: Math.sqrt((0.25 * 0.75) / 20),
    });
    const full = monteCarloP({ evaluated: 1000, stopAfter: 5 }, (row) => row === 10);
    expect(full.p).toBe(2 / 1001);
    expect(full.draws).toBe(1000);
    expect(monteCarloP({ evaluated: 1000, stopAfter: Infinity }, (row) => row % 4 === 3).p).toBe(251 / 1001);
  });

  it("agrees with the full Monte Carlo p-value within its stated error, and is identical when it does not stop, on 80 seeded inputs", () => {
    const samples = 20000;
    const sequential = createAssignmentSet(layerOf, { samples, seed: 3 });
    const fullSet = createAssignmentSet(layerOf, { samples, seed: 3, stopAfter: Infinity });
    expect(sequential.method).toBe("monte-carlo");
    const tests = {
      trend: [createTrendTest(layerOf, { assignmentSet: sequential }), createTrendTest(layerOf, { assignmentSet: fullSet })],
      flow: [createFlowTest(layerOf, { assignmentSet: sequential }), createFlowTest(layerOf, { assignmentSet: fullSet })],
    } as const;
    let stopped = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const effect = (seed % 5) * 0.08;
      const pairs: Array<[{ p: number; draws?: number; standardError?: number; statistic: number }, { p: number; draws?: number; statistic: number }]> = [
        [tests.trend[0].test(relationOf(seed, effect)), tests.trend[1].test(relationOf(seed, effect))],
        [tests.flow[0].test(totalOf(seed, effect / 4)), tests.flow[1].test(totalOf(seed, effect / 4))],
      ];
      for (const [seq, full] of pairs) {
        expect(seq.statistic).toBe(full.statistic);
        expect(full.draws).toBe(samples);
        if (seq.draws === samples) {
          expect(seq.p).toBe(full.p);
          continue;
        }
        stopped++;
        expect(seq.draws).toBeLessThan(samples);
        // The stopped estimate h/L is within 4 of its standard errors of the full B p-value (itself within √(p(1−p)/B)).
        expect(Math.abs(seq.p - full.p)).toBeLessThanOrEqual(4 * (seq.standardError as number) + 4 * Math.sqrt((full.p * (1 - full.p)) / samples));
        expect(seq.standardError).toBeCloseTo(Math.sqrt((seq.p * (1 - seq.p)) / (seq.draws as number)), 15);
      }
    }
    expect(stopped).toBeGreaterThan(20);
  });

  it("stops below α at the looks 100, 200, 400, … once P(Binomial(L, α) ≤ b) < 0.001/J, with p = (b + 1)/(L + 1)", () => {
    // B = 100,000: the looks 100, 200, …, 51,200 (J = 10), so the bound is 1e-4. No exceedance: 0.95^100 = 0.0059 (go on),
    // 0.95^200 = 3.5e-5 (stop).
    expect(looksBelow(100000)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200]);
    expect(monteCarloP({ evaluated: 100000, stopAfter: 50, significanceLevel: 0.05 }, () => false)).toEqual({
      p: 1 / 201,
      draws: 200,
      standardError: Math.sqrt(((1 / 201) * (200 / 201)) / 200),
    });
    // One exceedance in 10 draws: P(Bin(200, 0.05) ≤ 20) is near 1, P(Bin(400, 0.05) ≤ 40) too: at α = 0.05 it never stops below
    // (p = 0.1), it stops above at the 50th exceedance (draw 500).
    expect(monteCarloP({ evaluated: 100000, stopAfter: 50, significanceLevel: 0.05 }, (row) => row % 10 === 9)).toMatchObject({ p: 0.1, draws: 500 });
    // One exceedance in 100 draws (p ≈ 0.01): b = 4 at L = 400, P(Bin(400, 0.05) ≤ 4) = 9.3e-6 < 1e-4, so it stops there.
    expect(binomialCdf(4, 400, 0.05)).toBeLessThan(1e-4);
    expect(binomialCdf(2, 200, 0.05)).toBeGreaterThan(1e-4);
    expect(monteCarloP({ evaluated: 100000, stopAfter: 50, significanceLevel: 0.05 }, (row) => row % 100 === 99)).toMatchObject({ p: 5 / 401, draws: 400 });
    // Without a level (null) or with stopAfter = Infinity it reads all B.
    expect(monteCarloP({ evaluated: 5000, stopAfter: 50, significanceLevel: null }, () => false).draws).toBe(5000);
    expect(monteCarloP({ evaluated: 5000, stopAfter: Infinity, significanceLevel: 0.05 }, () => false).draws).toBe(5000);
  });

  it("the stop below α is wrong at most ε = 0.001 of the time: 2,000 seeded runs with true p = α never stop below (expected ≤ 2)", () => {
    const rng = createRandom(2024);
    let below = 0;
    for (let run = 0; run < 2000; run++) {
      const r = monteCarloP({ evaluated: 20000, stopAfter: 50, significanceLevel: 0.05 }, () => rng.next() < 0.05);
      // A stop below α happens at a look and gives (b + 1)/(L + 1); a stop on the 50th exceedance gives 50/L.
      if (r.draws < 20000 && r.p !== 50 / r.draws) below++;
    }
    expect(below).toBeLessThanOrEqual(4);
  });

  it("a small true p stops below α long before B and agrees with the full-B p-value's side", () => {
    const small = createAssignmentSet(layerOf, { samples: 20000, seed: 3 });
    const full = createAssignmentSet(layerOf, { samples: 20000, seed: 3, stopAfter: Infinity });
    const r = createTrendTest(layerOf, { assignmentSet: small }).test(relationOf(4, 0.6));
    const f = createTrendTest(layerOf, { assignmentSet: full }).test(relationOf(4, 0.6));
    expect(f.p).toBeLessThan(0.01);
    expect(r.draws).toBeLessThanOrEqual(400);
    expect(r.p).toBeLessThan(0.05);
    expect(Math.abs(r.p - f.p)).toBeLessThanOrEqual(4 * (r.standardError as number) + 4 * Math.sqrt((f.p * (1 - f.p)) / 20000));
  });

  it("stops early under the null: about h/p draws instead of B", () => {
    const set = createAssignmentSet(layerOf, { seed: 1 });
    const r = createTrendTest(layerOf, { assignmentSet: set }).test(relationOf(7, 0));
    expect(r.p).toBeGreaterThan(0.05);
    expect(r.draws).toBeLessThan((DEFAULT_STOP_AFTER / 0.05) * 1.01);
  });

  it("leaves exact tests as they were: no draws, no standard error (the CXM model's 25,200 assignments)", () => {
    const model = defaultModel();
    const n = model.components.length;
    const t = createTrendTest(layerIndex(model)).test(relationOf(1, 0.1).slice(0, n));
    expect(Object.keys(t)).toEqual(["statistic", "p"]);
    const T = totalOf(2, 0)
      .slice(0, n)
      .map((row) => row.slice(0, n));
    const result = layerTests(T, relationOf(1, 0.1).slice(0, n), model);
    // The trend result adds what S_trend can reach and the exact test's attainable size (issue 13 item 4), but no standardError.
    expect(Object.keys(result.trend)).toEqual(["statistic", "p", "method", "assignments", "evaluated", "maximum", "shareOfMaximum", "attainableSize"]);
    expect(Object.keys(result.flow)).toEqual(["statistic", "p", "method", "assignments", "evaluated"]);
  });

  it("refuses an invalid stopAfter or significanceLevel", () => {
    expect(() => createAssignmentSet(layerOf, { stopAfter: 0 })).toThrow(RangeError);
    expect(() => createAssignmentSet(layerOf, { stopAfter: 2.5 })).toThrow(RangeError);
    expect(() => createAssignmentSet(layerOf, { significanceLevel: 1 })).toThrow(RangeError);
    expect(() => createAssignmentSet(layerOf, { significanceLevel: 0 })).toThrow(RangeError);
    expect(createAssignmentSet(layerOf, { significanceLevel: null }).significanceLevel).toBeNull();
  });

  it("the O(m·L) trend numerator (relation order, layer counters) gives the p-values of the pair-by-pair count, ties and tie chains included", () => {
    const layers40 = Array.from({ length: 40 }, (_, i) => i % 4);
    /** p by the straightforward rule: s(row) = Σ_pairs sign(ℓ_a − ℓ_b)·pairSign(r_a, r_b), read in order, stopped after h with s ≤ s_obs. */
    const brute = (set: AssignmentSet, r: number[]): number => {
      const tol = tieTolerance(r);
      const sOf = (labels: ArrayLike<number>): number => {
        let s = 0;
        for (let a = 0; a < r.length; a++) for (let b = a + 1; b < r.length; b++) s += Math.sign(labels[a] - labels[b]) * pairSign(r[a], r[b], tol);
        return s;
      };
      const sObs = sOf(layers40);
      const m = r.length;
      return monteCarloP(set, (row) => sOf(set.rows.subarray(row * m, (row + 1) * m)) <= sObs).p;
    };
    const rng = createRandom(11);
    for (const stopAfter of [DEFAULT_STOP_AFTER, Infinity]) {
      const set = createAssignmentSet(layers40, { samples: 3000, seed: 5, stopAfter });
      const test = createTrendTest(layers40, { assignmentSet: set });
      for (let seed = 0; seed < 6; seed++) {
        const effect = seed * 0.05;
        // Rounded to 1 decimal: many ties; seed 5: chains of values 2.8e-12 apart, each tied with the next (tolerance 4e-12) but not with the one after.
        const r = layers40.map((l, i) => (seed === 5 ? Math.floor(i / 8) + (i % 3) * 2.8e-12 : Math.round((-effect * l + rng.next()) * 10) / 10));
        expect(test.test(r).p).toBe(brute(set, r));
      }
    }
  });
});
