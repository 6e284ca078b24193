import { describe, expect, it } from "vitest";
import { expertLevelTest, layerSlope, relationShareSlope, shareAtMaximum } from "../src/uncertainty/expertLevelTest.js";
import { studentTUpper } from "../src/stats/studentT.js";
import type { Replicates } from "../src/uncertainty/resampleExperts.js";
import { bootstrapExperts } from "../src/uncertainty/bootstrapExperts.js";
import { simulatePanel } from "../src/simulate/simulatePanel.js";
import { defaultModel } from "../src/model/model.js";
import { layeringVerdict } from "../src/interpret/layeringVerdict.js";
import { validateLayers } from "../src/layers/validateLayers.js";
import { intervalCaveat } from "../src/interpret/intervalCaveat.js";
import { formatPValue } from "../src/interpret/formatPValue.js";

/** Replicates with the given D and R rows (and S_trend values) for n components, the layout resampleExperts writes. */
function replicates(rows: Array<{ D: number[]; R: number[]; trend?: number }>): Replicates {
  const n = rows[0].D.length;
  const width = 2 * n + 2;
  const stats = new Float64Array(rows.length * width);
  rows.forEach((r, b) => {
    stats.set(r.D, b * width);
    stats.set(r.R, b * width + n);
    stats[b * width + 2 * n] = r.trend ?? NaN;
  });
  return { stats, width, used: rows.length, causeCount: new Int32Array(n), rankCount: new Int32Array(n * n), decreaseCount: 0, lambdaElsewhereCount: 0 };
}

describe("layerSlope and relationShareSlope (hand-computed, docs/methods.md §7.7)", () => {
  it("layers (0, 0, 1, 1), relation (0.4, 0.2, −0.1, −0.5): ℓ̄ = 0.5, Sxy = −0.6, Sxx = 1, β = 0.6; over ΣD = 4, 0.15", () => {
    expect(layerSlope([0, 0, 1, 1], [0.4, 0.2, -0.1, -0.5])).toBeCloseTo(0.6, 14);
    expect(relationShareSlope([0, 0, 1, 1], [0.4, 0.2, -0.1, -0.5], [1, 1, 1, 1])).toBeCloseTo(0.15, 14);
  });

  it("leaves out components in no layer, is NaN with one layer, and is invariant to a common scale of T", () => {
    expect(layerSlope([0, -1, 1], [1, 99, -1])).toBeCloseTo(2, 14);
    expect(layerSlope([0, 0, 0], [1, 2, 3])).toBeNaN();
    const r = [0.3, -0.1, 0.2, -0.4];
    const d = [2, 1.5, 1.8, 1.2];
    expect(
      relationShareSlope(
        [0, 1, 1, 2],
        r.map((x) => 3 * x),
        d.map((x) => 3 * x),
      ),
    ).toBeCloseTo(relationShareSlope([0, 1, 1, 2], r, d), 14);
  });
});

describe("expertLevelTest on hand-made replicates", () => {
  it("SE = the sd of the replicates' share slopes, p = P(T_{K−1} > β̂/SE)", () => {
    const layerOf = [0, 1];
    // Share slope of (D, R): −Σ(ℓ−ℓ̄)(r−r̄)/Σ(ℓ−ℓ̄)² / ΣD = (r₀ − r₁)/ΣD.
    const reps = replicates([
      { D: [2, 2], R: [1, 3] }, // r = (1, −1): (2)/4 = 0.5
      { D: [3, 1], R: [2, 2] }, // r = (1, −1): 2/4 = 0.5
      { D: [2, 2], R: [2, 2] }, // r = (0, 0): 0
    ]);
    const t = expertLevelTest(reps, layerOf, [0.8, -0.8], [2, 2], 9);
    const slopes = [0.5, 0.5, 0];
    const mean = slopes.reduce((a, b) => a + b) / 3;
    const se = Math.sqrt(slopes.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    expect(t.estimate).toBeCloseTo(0.4, 14);
    expect(t.standardError).toBeCloseTo(se, 14);
    expect(t.df).toBe(8);
    expect(t.p).toBeCloseTo(studentTUpper(0.4 / se, 8), 14);
    expect(t.used).toBe(3);
  });

  it("is NaN when the replicates do not vary (no standard error)", () => {
    const reps = replicates([
      { D: [2, 2], R: [1, 3] },
      { D: [2, 2], R: [1, 3] },
    ]);
    expect(expertLevelTest(reps, [0, 1], [1, -1], [2, 2], 9).p).toBeNaN();
  });

  it("shareAtMaximum counts the replicates at the ceiling (tolerance 1e-9)", () => {
    const max = Math.sqrt(37 / 45);
    const reps = replicates([
      { D: [0, 0], R: [0, 0], trend: max },
      { D: [0, 0], R: [0, 0], trend: max - 1e-12 },
      { D: [0, 0], R: [0, 0], trend: 0.858 },
      { D: [0, 0], R: [0, 0], trend: 0.5 },
    ]);
    expect(shareAtMaximum(reps, 4, max)).toBe(0.5);
  });
});

describe("expertLevelTest calibrated by simulation (generator of docs/methods.md §8.1, CXM model)", () => {
  const model = defaultModel();
  const rejections = (delta: number, K: number, R: number, B: number): number => {
    let rejected = 0;
    for (let r = 0; r < R; r++) {
      const panel = simulatePanel(model, { delta, expertCount: K, seed: 900000 + 31 * r + K });
      if (bootstrapExperts(panel, model, { B, seed: r + 1, structure: false }).expertTest.p < 0.05) rejected++;
    }
    return rejected / R;
  };

  it("holds its size: 200 null panels (δ = 0, K = 14) reject at α = 0.05 within 3 Monte Carlo SE of 5%", () => {
    const rate = rejections(0, 14, 200, 300);
    expect(rate).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / 200));
  }, 60_000);

  it("detects a layering: 40 panels with δ = 0.1, K = 14 reject at least 90% of the time", () => {
    expect(rejections(0.1, 14, 40, 300)).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

describe("where the expert-level test and the measured coverage do not apply", () => {
  const model = defaultModel();

  it("below 8 experts the test is not reported, and the verdict says why", () => {
    const panel = simulatePanel(model, { delta: 0.5, expertCount: 5, seed: 11 });
    const boot = bootstrapExperts(panel, model, { B: 200, seed: 1, structure: false });
    expect(boot.expertTest.p).toBeNaN();
    const verdict = layeringVerdict({ ...validateLayers(panel, model, { sensitivity: false }), bootstrap: boot });
    expect(verdict).toContain("it needs at least 8 experts");
  });

  it("the coverage is stated only for the settings the study ran (classic, mean, max, ε = 0)", () => {
    const panel = simulatePanel(model, { delta: 0.3, expertCount: 14, seed: 12 });
    expect(bootstrapExperts(panel, model, { B: 100, seed: 1, structure: false }).coverage?.percentile.relation).toEqual([0.71, 0.91]);
    for (const settings of [{ aggregation: "median" as const }, { normalization: "row" as const }, { epsilon: 0.1 }])
      expect(bootstrapExperts(panel, model, { B: 100, seed: 1, structure: false, settings }).coverage).toBeUndefined();
    expect(intervalCaveat(14, false)).toMatch(/for these settings it is not known/);
    expect(intervalCaveat(14, false)).not.toMatch(/71–91%/);
  });

  it("a p-value below what double precision resolves prints as '< 1e-15', never 0", () => {
    expect(formatPValue(studentTUpper(60, 13))).toBe("< 1e-15");
    expect(formatPValue(0.00031)).toBe("0.00031");
  });
});
