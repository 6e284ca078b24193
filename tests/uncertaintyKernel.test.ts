import { describe, expect, it } from "vitest";
import {
  aggregate,
  createRandom,
  dematel,
  defaultModel,
  flowStatistic,
  kendallTauB,
  layerIndex,
  quantileType7,
  trendStatistic,
  type Matrix,
} from "../src/index.js";
import { createDematelKernel } from "../src/core/dematelKernel.js";
import { createTauB } from "../src/stats/tauB.js";
import { normalCdf, normalQuantile } from "../src/stats/standardNormal.js";
import { quantileSelect } from "../src/stats/quantileSelect.js";
import { expectClose, randomDirect } from "./helpers.js";

function tauB(x: number[], y: number[]): number {
  const t = createTauB(x.length);
  t.x.set(x);
  t.fixX();
  t.y.set(y);
  return t.compute();
}

function runKernel(a: Matrix, layerOf: number[], normalization: "max" | "row" | "column" = "max") {
  const k = createDematelKernel(layerOf, normalization);
  k.direct.set(a.flat());
  return { ok: k.run(), k };
}

describe("createTauB (internal allocation-free Kendall tau-b)", () => {
  it("reproduces the scipy.stats.kendalltau documentation example: x=[12,2,1,12,2], y=[1,4,7,1,0] → −0.47140452079103173", () => {
    // Source: scipy.stats.kendalltau docstring example (tau-b, the default variant).
    expect(tauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 14);
  });

  it("equals layers' kendallTauB on seeded random inputs with ties in x (layer-like) and none in y", () => {
    const rng = createRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const m = 2 + rng.int(12);
      const x = Array.from({ length: m }, () => rng.int(4));
      const y = Array.from({ length: m }, () => rng.normal());
      const expected = kendallTauB(x, y);
      const got = tauB(x, y);
      if (Number.isNaN(expected)) expect(got).toBeNaN();
      else expect(Math.abs(got - expected)).toBeLessThan(1e-14);
    }
  });

  it("treats y values within 1e-12·max(1,|y|) as tied and is NaN when y is constant", () => {
    expect(tauB([0, 1, 2], [1, 1 + 1e-15, 0])).toBeCloseTo(kendallTauB([0, 1, 2], [1, 1, 0]), 14);
    expect(tauB([0, 1, 2], [5, 5, 5])).toBeNaN();
  });
});

describe("createDematelKernel (internal: D, R, relation, S_trend, S_flow without forming T)", () => {
  const model = defaultModel();
  const layerOf = layerIndex(model);

  it("matches dematel() + trendStatistic + flowStatistic on seeded random 10×10 panels, every normalisation", () => {
    for (const normalization of ["max", "row", "column"] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const a = aggregate([randomDirect(10, seed), randomDirect(10, seed + 100), randomDirect(10, seed + 200)]);
        const ref = dematel(a, { normalization });
        const { ok, k } = runKernel(a, layerOf, normalization);
        expect(ok).toBe(true);
        expectClose(Array.from(k.given), ref.given, 1e-12);
        expectClose(Array.from(k.received), ref.received, 1e-12);
        expectClose(Array.from(k.prominence), ref.prominence, 1e-12);
        expectClose(Array.from(k.relation), ref.relation, 1e-12);
        expect(Math.abs(k.trend - trendStatistic(layerOf, ref.relation))).toBeLessThan(1e-12);
        expect(Math.abs(k.flow - flowStatistic(ref.total, layerOf))).toBeLessThan(1e-12);
        const means = [0, 1, 2, 3].map((l) => {
          const r = ref.relation.filter((_, i) => layerOf[i] === l);
          return r.reduce((s, v) => s + v, 0) / r.length;
        });
        expectClose(Array.from(k.layerMeans), means, 1e-12);
        expect(k.layerMeansDecrease).toBe(means[0] > means[1] && means[1] > means[2] && means[2] > means[3]);
      }
    }
  });

  it("handles components in no layer (layer −1): they count in D and R but not in S_trend or S_flow", () => {
    const lo = [0, -1, 1, 2, -1, 1, 0];
    for (let seed = 1; seed <= 10; seed++) {
      const a = randomDirect(7, seed);
      const ref = dematel(a);
      const { ok, k } = runKernel(a, lo);
      expect(ok).toBe(true);
      expectClose(Array.from(k.relation), ref.relation, 1e-12);
      expect(Math.abs(k.trend - trendStatistic(lo, ref.relation))).toBeLessThan(1e-12);
      expect(Math.abs(k.flow - flowStatistic(ref.total, lo))).toBeLessThan(1e-12);
    }
  });

  it("reports failure (no T) when every row sum is equal (ρ(N) = 1) and when A is all zero", () => {
    // [[0,1],[1,0]]: λ = 1, N = A, ρ(N) = 1; dematel() throws InfeasibleError on it.
    expect(() =>
      dematel([
        [0, 1],
        [1, 0],
      ]),
    ).toThrow(/spectral radius/);
    expect(
      runKernel(
        [
          [0, 1],
          [1, 0],
        ],
        [0, 1],
      ).ok,
    ).toBe(false);
    expect(
      runKernel(
        [
          [0, 2, 2],
          [2, 0, 2],
          [2, 2, 0],
        ],
        [0, 1, 1],
      ).ok,
    ).toBe(false);
    expect(
      runKernel(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 1],
      ).ok,
    ).toBe(false);
  });

  it("hand case: A = [[0,3],[1,0]] → N = [[0,1],[1/3,0]], T = N(I−N)⁻¹ = [[1/2, 3/2],[1/2, 1/2]], D−R = [1, −1], S_flow = (3/2 − 1/2)/2 = 1/2", () => {
    // (I − N)⁻¹ = (1/(1 − 1/3))·[[1, 1],[1/3, 1]] = [[3/2, 3/2],[1/2, 3/2]]; T = (I − N)⁻¹ − I.
    const { ok, k } = runKernel(
      [
        [0, 3],
        [1, 0],
      ],
      [0, 1],
    );
    expect(ok).toBe(true);
    expectClose(Array.from(k.given), [2, 1], 1e-14);
    expectClose(Array.from(k.received), [1, 2], 1e-14);
    expectClose(Array.from(k.relation), [1, -1], 1e-14);
    expect(k.flow).toBeCloseTo(0.5, 14);
    expect(k.trend).toBeCloseTo(1, 14);
  });
});

describe("quantileType7(sorted, p)", () => {
  it("matches R's quantile(type = 7): quantile(1:10, c(0.025, 0.5, 0.95)) = 1.225, 5.5, 9.55", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType7(x, 0.025)).toBeCloseTo(1.225, 12);
    expect(quantileType7(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileType7(x, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 1)).toBe(10);
    expect(quantileType7([7], 0.3)).toBe(7);
  });

  it("quantileSelect (internal, by quickselect) equals quantileType7 of the sorted values on seeded random data with ties", () => {
    const rng = createRandom(5);
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + rng.int(60);
      const start = rng.int(5);
      const values = new Float64Array(start + count + 3).fill(-99);
      for (let i = 0; i < count; i++) values[start + i] = rng.int(8) + (trial % 2 ? rng.next() : 0);
      const sorted = Array.from(values.subarray(start, start + count)).sort((a, b) => a - b);
      for (const p of [0, 0.025, 0.3, 0.5, 0.975, 1, rng.next()]) expect(quantileSelect(values, start, count, p)).toBe(quantileType7(sorted, p));
      expect(values[start + count]).toBe(-99); // never touches values outside the segment
    }
  });

  it("throws on no data or p outside [0, 1]", () => {
    expect(() => quantileType7([], 0.5)).toThrow(RangeError);
    expect(() => quantileType7([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe("standard normal Φ and Φ⁻¹ (internal, for BCa)", () => {
  it("Φ(1.959963984540054) = 0.975 and Φ(−1) = 0.15865525393145707 (R: pnorm)", () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.001) = −3.090232306167813 (R: qnorm), and Φ(Φ⁻¹(p)) = p", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11);
    for (const p of [1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-6]) expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
