import { describe, expect, it } from "vitest";
import { aggregate, createLayerTests, defaultModel, dematel, layerTests, powerCurve, simulatePanel, type Matrix, type Model } from "../src/index.js";
import { pilotEstimate } from "../src/simulate/pilotEstimate.js";
import { generatorOptions, pilotPowerBand } from "../src/simulate/pilotPowerBand.js";
import { runCli } from "../src/cli/runCli.js";

// Pilot calibration of the power generator (docs/methods.md §8.6): moment estimates of c, δ, ω, σ, τ.

/** Three components A, B, C in layers 1, 2, 3 (one each). */
const chain: Model = {
  components: [
    { id: "A", name: "A" },
    { id: "B", name: "B" },
    { id: "C", name: "C" },
  ],
  layers: [
    { id: "L1", name: "outer", components: ["A"] },
    { id: "L2", name: "middle", components: ["B"] },
    { id: "L3", name: "inner", components: ["C"] },
  ],
} as Model;

/** An n×n matrix from its off-diagonal cells in row-major order. */
function offDiagonal(n: number, cells: number[]): Matrix {
  let c = 0;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : cells[c++])));
}

describe("pilotEstimate: hand-computed cases", () => {
  it("two experts, three components in a chain: c, σ, τ, δ and ω as traced by hand", () => {
    // Cells (A,B),(A,C),(B,A),(B,C),(C,A),(C,B). Expert 1: 3,4,1,3,0,1 (mean 2); expert 2: 2,3,0,2,0,1 (mean 4/3); grand 5/3.
    // Cell means 2.5,3.5,0.5,2.5,0,1. Two-way residuals of expert 1: (x − x̄_c) − (x̄_1 − x̄) = 1/6,1/6,1/6,1/6,−1/3,−1/3,
    // expert 2 the negatives: residual SS 2/3 over (K − 1)(m − 1) = 5 df → 2/15; minus Sheppard's 1/12 → σ² = 1/20.
    // Expert means' variance 2·(1/3)² = 2/9, minus its noise part (2/15)/6 = 1/45 → τ² = 1/5.
    // Net positions q = (1/3)·Σ_i (x̄_ij − x̄_ji)/2 = −2.75/3, 0.25/3, 2.5/3 on ℓ − ℓ̄ = −1, 0, 1: δ̂ = (5.25/3)/2 = 0.875;
    // residuals −1/24, 1/12, −1/24, RSS/(n − 2) = 1/96 below the noise part (2/15)/(2·2·3) = 1/90 → ω̂ = 0.
    const p = pilotEstimate([offDiagonal(3, [3, 4, 1, 3, 0, 1]), offDiagonal(3, [2, 3, 0, 2, 0, 1])], chain, { bootstrap: 10 });
    expect(p.integerRatings).toBe(true);
    expect(p.estimates.c).toBeCloseTo(5 / 3, 14);
    expect(p.estimates.sigma).toBeCloseTo(Math.sqrt(1 / 20), 14);
    expect(p.estimates.tau).toBeCloseTo(Math.sqrt(1 / 5), 14);
    expect(p.estimates.delta).toBeCloseTo(0.875, 14);
    expect(p.estimates.omega).toBe(0);
  });

  it("noise-free experts with B moved half a layer: δ exact, ω = √(RSS)/δ, σ = τ = 0 (no Sheppard correction for non-integer ratings)", () => {
    // μ_ij = 2 + 0.5·(p_j − p_i) with p = 1, 2.5, 3: q = 0.5·(p − p̄) exactly; its slope on ℓ − ℓ̄ = −1, 0, 1 is 0.5·(7/6 + 5/6)/2 = 0.5;
    // residuals 0.5·(−1/6, 1/3, −1/6), RSS = 1/24 over n − 2 = 1 df, no noise → ω̂ = √(1/24)/0.5 = 0.40825.
    const pos = [1, 2.5, 3];
    const mu = Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => (i === j ? 0 : 2 + 0.5 * (pos[j] - pos[i]))));
    const p = pilotEstimate([mu, mu.map((r) => [...r])], chain, { bootstrap: 10 });
    expect(p.integerRatings).toBe(false);
    expect(p.estimates.c).toBeCloseTo(2, 14);
    expect(p.estimates.delta).toBeCloseTo(0.5, 14);
    expect(p.estimates.omega).toBeCloseTo(Math.sqrt(1 / 24) / 0.5, 12);
    expect(p.estimates.sigma).toBe(0);
    expect(p.estimates.tau).toBe(0);
  });

  it("refuses a pilot of one expert, a model of two components and matrices of the wrong size", () => {
    expect(() => pilotEstimate([offDiagonal(3, [1, 1, 1, 1, 1, 1])], chain)).toThrow(/at least 2 experts, got 1/);
    const m = offDiagonal(3, [1, 1, 1, 1, 1, 1]);
    expect(() =>
      pilotEstimate(
        [
          m,
          [
            [0, 1],
            [1, 0],
          ],
        ],
        chain,
      ),
    ).toThrow(/expert 2's matrix is not 3×3/);
    expect(() => pilotEstimate([m, m], chain, { bootstrap: 1 })).toThrow(/bootstrap must be an integer ≥ 2/);
  });
});

describe("pilotEstimate on simulated panels (CXM model; the generator of docs/methods.md §8.1)", () => {
  const model = defaultModel();
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

  it("recovers the generator's parameters from large panels (K = 200, 10 seeds): δ, ω, τ within 0.03–0.06, σ within 0.05 (clipping attenuates σ and δ slightly)", () => {
    // Measured when written: δ 0.291, ω 0.292, σ 0.776, τ 0.290 for the truth 0.3, 0.3, 0.8, 0.3 (20 seeds).
    const est = Array.from(
      { length: 10 },
      (_, s) => pilotEstimate(simulatePanel(model, { expertCount: 200, delta: 0.3, omega: 0.3, seed: s + 1 }), model, { bootstrap: 2 }).estimates,
    );
    expect(Math.abs(mean(est.map((e) => e.delta)) - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(mean(est.map((e) => e.omega)) - 0.3)).toBeLessThan(0.06);
    expect(Math.abs(mean(est.map((e) => e.sigma)) - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(mean(est.map((e) => e.tau)) - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(mean(est.map((e) => e.c)) - 2)).toBeLessThan(0.02);
  });

  it("does not count the experts' bias twice: with τ = 0 the estimate of τ is near 0 and σ near the truth, while τ = 0.6 moves τ̂, not σ̂", () => {
    const at = (tau: number) => pilotEstimate(simulatePanel(model, { expertCount: 200, delta: 0.3, tau, seed: 9 }), model, { bootstrap: 2 }).estimates;
    const none = at(0);
    const strong = at(0.6);
    expect(none.tau).toBeLessThan(0.05);
    expect(Math.abs(strong.tau - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(strong.sigma - none.sigma)).toBeLessThan(0.05);
  });

  it("bootstrap standard errors: reproducible by seed, and roughly √(200/14) larger for K = 14 than for K = 200", () => {
    const small = simulatePanel(model, { expertCount: 14, delta: 0.3, omega: 0.3, seed: 4 });
    const a = pilotEstimate(small, model, { bootstrap: 400, seed: 5 });
    expect(pilotEstimate(small, model, { bootstrap: 400, seed: 5 })).toEqual(a);
    expect(a.replicates).toHaveLength(400);
    const large = pilotEstimate(simulatePanel(model, { expertCount: 200, delta: 0.3, omega: 0.3, seed: 4 }), model, { bootstrap: 400, seed: 5 });
    const ratio = a.standardErrors.sigma / large.standardErrors.sigma;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(7);
    for (const k of ["delta", "sigma", "tau", "c"] as const) expect(a.standardErrors[k]).toBeGreaterThan(0);
  });

  it("says when δ̂ is not in the proposed direction (a null pilot)", () => {
    const p = pilotEstimate(simulatePanel(model, { expertCount: 14, delta: -0.3, seed: 2 }), model, { bootstrap: 50 });
    expect(p.estimates.delta).toBeLessThan(0);
    expect(p.estimates.omega).toBe(0);
    expect(p.notes.join(" ")).toMatch(/no layer effect in the proposed direction/);
  });
});

describe("pilotPowerBand", () => {
  const model = defaultModel();
  const pilot = pilotEstimate(simulatePanel(model, { expertCount: 8, delta: 0.05, omega: 0.3, seed: 11 }), model, { bootstrap: 50, seed: 1 });

  it("each draw's curve is powerCurve at that bootstrap replicate's parameters with the common seed; lower ≤ median ≤ upper", async () => {
    const band = await pilotPowerBand(model, pilot, { panelSizes: [5, 10], draws: 4, sims: 30, seed: 2, workers: 1 });
    for (let d = 0; d < 4; d++) {
      const direct = await powerCurve(model, { panelSizes: [5, 10], sims: 30, seed: 2, workers: 1, ...generatorOptions(pilot.replicates[d], pilot.scaleMax) });
      expect(band.curves[d].power).toEqual(direct.power);
    }
    for (let i = 0; i < 2; i++) {
      expect(band.lower[i]).toBeLessThanOrEqual(band.median[i]);
      expect(band.median[i]).toBeLessThanOrEqual(band.upper[i]);
    }
    await expect(pilotPowerBand(model, pilot, { draws: 51 })).rejects.toThrow(/draws must be an integer from 2 to the pilot's 50/);
  }, 60_000);
});

/** The CLI in-process: its exit status and what it wrote. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), help: () => 0 });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("power --pilot", () => {
  it("prints the estimates with standard errors and the band; --delta beside --pilot is a usage error", async () => {
    // A small run: two panel sizes, 40 panels at the estimates, a band of 3 draws × 20 panels, in-process.
    const small = "power --pilot data/surveys/example-panel.csv --experts 5:10:5 --sims 40 --band-draws 3 --band-sims 20 --workers 1 --quiet".split(" ");
    const r = await cli([...small, "--json"]);
    expect(r.code).toBe(0);
    const study = JSON.parse(r.stdout);
    expect(study.settings.deltasSource).toBe("--pilot");
    expect(study.pilot.expertCount).toBe(14);
    expect(study.curves).toHaveLength(1);
    expect(study.curves[0].settings.delta).toBeCloseTo(study.pilot.estimates.delta, 14);
    expect(study.band.lower).toHaveLength(2);
    const text = await cli(small);
    expect(text.stdout).toMatch(/δ = 0\.\d{3} \(SE 0\.\d{3}\)/);
    expect(text.stdout).toMatch(/80% band over 3 parameter draws/);
    const bad = await cli(["power", "--pilot", "data/surveys/example-panel.csv", "--delta", "0.1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--delta cannot be given with --pilot/);
    const stray = await cli(["power", "--band-draws", "5"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--band-draws applies only to a pilot panel/);
  }, 60_000);
});

describe("size of the flow test under the null (issue 13 item 5: enough simulations to exclude 7%)", () => {
  it("2,000 null panels (δ = 0, K = 14, CXM model): the exact flow test rejects at most 0.05 + 2 SE, and the 99.9% upper bound stays below 0.07", () => {
    const model = defaultModel();
    const prepared = createLayerTests(model);
    const sims = 2000;
    let rejections = 0;
    for (let s = 1; s <= sims; s++) {
      const d = dematel(aggregate(simulatePanel(model, { delta: 0, seed: 7000 + s })));
      if (layerTests(d.total, d.relation, model, { prepared }).flow.p < 0.05) rejections++;
    }
    const rate = rejections / sims;
    const se = Math.sqrt((0.05 * 0.95) / sims);
    expect(rate).toBeLessThanOrEqual(0.05 + 2 * se);
    expect(rate + 3.09 * Math.sqrt((rate * (1 - rate)) / sims)).toBeLessThan(0.07);
  }, 120_000);
});
