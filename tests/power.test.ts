import { describe, expect, it } from "vitest";
import { aggregate, attainableTrendSize, createTrendTest, defaultModel, dematel, layerIndex, powerCurve, simulatePanel, type Model } from "../src/index.js";
import { createPowerSimulator, simulationSeed } from "../src/simulate/powerSimulation.js";

const model = defaultModel();

describe("simulationSeed(seed, K, sim) (internal)", () => {
  it("is a deterministic 32-bit seed that differs across seed, K and simulation number", () => {
    expect(simulationSeed(1, 14, 0)).toBe(simulationSeed(1, 14, 0));
    const seen = new Set<number>();
    for (const seed of [1, 2]) for (const K of [5, 10]) for (let sim = 0; sim < 100; sim++) seen.add(simulationSeed(seed, K, sim));
    expect(seen.size).toBe(400);
    const x = simulationSeed(123, 7, 9);
    expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });
});

describe("createPowerSimulator (internal)", () => {
  it("one simulated panel = simulatePanel(seed = simulationSeed(seed, K, s)) → dematel(aggregate) → createTrendTest p < alpha, also with within-layer heterogeneity ω", () => {
    for (const [delta, omega] of [
      [0, 0],
      [0.03, 0],
      [0.1, 0.5],
    ]) {
      const job = { model, delta, omega, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, significanceLevel: 0.05, seed: 11, maxExperts: 8, test: {} };
      const sim = createPowerSimulator(job);
      const test = createTrendTest(layerIndex(model));
      let agree = 0;
      for (let s = 0; s < 30; s++) {
        const K = 3 + (s % 6);
        const panel = simulatePanel(model, { expertCount: K, delta, omega, seed: simulationSeed(11, K, s) });
        const { p } = test.test(dematel(aggregate(panel)).relation);
        if (sim.runOne(K, s) === (p < 0.05 ? 1 : 0)) agree++;
      }
      expect(agree).toBe(30);
    }
  });

  it("a Monte Carlo trend test decides at the job's α: at α = 0.01 the simulator agrees with createTrendTest(..., { significanceLevel: 0.01 }) panel by panel", () => {
    // 30 seeded panels with a weak trend (p-values near 0.01, where a rule deciding at 0.05 would stop too early).
    const monteCarlo = { maxExact: 100, samples: 20000, seed: 3 };
    const job = { model, delta: 0.05, omega: 0, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, significanceLevel: 0.01, seed: 5, maxExperts: 12, test: monteCarlo };
    const sim = createPowerSimulator(job);
    const test = createTrendTest(layerIndex(model), { ...monteCarlo, significanceLevel: 0.01 });
    expect(test.method).toBe("monte-carlo");
    const decisions: number[] = [];
    for (let s = 0; s < 30; s++) {
      const K = 6 + (s % 7);
      const panel = simulatePanel(model, { expertCount: K, delta: 0.05, seed: simulationSeed(5, K, s) });
      const { p } = test.test(dematel(aggregate(panel)).relation);
      decisions.push(p < 0.01 ? 1 : 0);
      expect(sim.runOne(K, s)).toBe(p < 0.01 ? 1 : 0);
    }
    expect(decisions).toContain(1);
    expect(decisions).toContain(0);
  });
});

describe("powerCurve(model, options)", () => {
  it("states every setting with its default (K = 5..40 step 5, δ = 0.5, σ = 0.8, τ = 0.3, c = 2, s = 4, sims = 1000, α = 0.05, seed = 1)", async () => {
    const r = await powerCurve(model, { sims: 2, workers: 1 });
    const { panelSizes, delta, omega, sigma, tau, c, scaleMax, sims, significanceLevel, seed, workers, workersUsed, test } = r.settings;
    expect({ panelSizes, delta, omega, sigma, tau, c, scaleMax, sims, significanceLevel, seed, workers, workersUsed }).toEqual({
      panelSizes: [5, 10, 15, 20, 25, 30, 35, 40],
      delta: 0.5,
      omega: 0,
      sigma: 0.8,
      tau: 0.3,
      c: 2,
      scaleMax: 4,
      sims: 2,
      significanceLevel: 0.05,
      seed: 1,
      workers: 1,
      workersUsed: 1,
    });
    expect(test).toEqual({ method: "exact", assignments: 25200, maxExact: 1e6, samples: 100000, seed: 1 });
    expect(r.panelSizes).toEqual(panelSizes);
    expect(r.power.length).toBe(8);
  });

  it("with within-layer heterogeneity the curve levels off below 1: δ = 0.3, ω = 1 stays flat near 0.9 from K = 40 to 80 (below 0.97) while ω = 0 is at 1 (300 seeded studies each)", async () => {
    // With ω > 0 each simulated study has its own population; for a large panel the test's p converges to the
    // p of that population's relation vector, which for a population with a weak ordering stays above α.
    const hetero = await powerCurve(model, { panelSizes: [40, 80], delta: 0.3, omega: 1, sims: 300, seed: 5, workers: 1 });
    const plain = await powerCurve(model, { panelSizes: [40], delta: 0.3, sims: 300, seed: 5, workers: 1 });
    expect(plain.power[0]).toBe(1);
    expect(hetero.settings.omega).toBe(1);
    for (const p of hetero.power) expect(p).toBeLessThan(0.97);
    expect(Math.abs(hetero.power[1] - hetero.power[0])).toBeLessThan(4 * Math.hypot(hetero.mcse[0], hetero.mcse[1]));
    await expect(powerCurve(model, { omega: -1 })).rejects.toThrow(/omega must be a finite number ≥ 0, got -1/);
  });

  it("size under the null (δ = 0, K = 14, 2000 seeded panels): within 3 Monte Carlo SE of the exact test's attainable size, and not above 0.05 + 3 SE", async () => {
    // The exact test is discrete: for sizes 2,3,2,3 its attainable size at 0.05 is 1,190/25,200 (attainableTrendSize, tested in tests/layersAttainableSize.test.ts).
    const size = attainableTrendSize(model, 0.05)!.size;
    expect(size).toBeLessThanOrEqual(0.05);
    expect(size).toBeGreaterThan(0.04);
    const r = await powerCurve(model, { panelSizes: [14], delta: 0, sims: 2000, seed: 3, workers: 1 });
    const se = Math.sqrt((size * (1 - size)) / 2000);
    expect(r.failed[0]).toBe(0);
    expect(Math.abs(r.power[0] - size)).toBeLessThan(3 * se);
    expect(r.power[0]).toBeLessThan(0.05 + 3 * Math.sqrt((0.05 * 0.95) / 2000));
    expect(r.mcse[0]).toBeCloseTo(Math.sqrt((r.power[0] * (1 - r.power[0])) / 2000), 14);
  }, 120_000);

  it("power rises with K: δ = 0.05 over K = 2, 5, 10, 20 (200 panels each, each step > 3 SE); the default δ = 0.5 is already ≥ 0.99 at K = 5", async () => {
    const r = await powerCurve(model, { panelSizes: [2, 5, 10, 20], delta: 0.05, sims: 200, seed: 5, workers: 1 });
    for (let i = 1; i < 4; i++) {
      const se = Math.hypot(r.mcse[i], r.mcse[i - 1]) || 1 / 200;
      expect(r.power[i] - r.power[i - 1]).toBeGreaterThan(Math.min(3 * se, 0.5 * (1 - r.power[i - 1])));
    }
    expect(r.power[0]).toBeLessThan(0.6);
    const strong = await powerCurve(model, { panelSizes: [5], sims: 200, seed: 5, workers: 1 });
    expect(strong.power[0]).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it("a figure depends only on (seed, K, simulation): the same K gives the same counts whatever else is in the list, and onProgress ends at the total", async () => {
    const seen: number[] = [];
    const a = await powerCurve(model, { panelSizes: [4, 9], delta: 0.05, sims: 120, seed: 2, workers: 1, onProgress: (d, t) => seen.push(d / t) });
    const b = await powerCurve(model, { panelSizes: [9], delta: 0.05, sims: 120, seed: 2, workers: 1 });
    expect(b.rejections[0]).toBe(a.rejections[1]);
    expect(seen.at(-1)).toBe(1);
    const c = await powerCurve(model, { panelSizes: [9], delta: 0.05, sims: 120, seed: 2, workers: 3 });
    expect(c.rejections).toEqual(b.rejections); // from TypeScript source: workers fall back to in-process
  }, 60_000);

  it("rejects misuse: a model without two layers, empty or invalid K, bad sims/alpha/workers", async () => {
    const flat: Model = { components: model.components, layers: [{ id: "L", name: "all", components: model.components.map((c) => c.id) }] };
    await expect(powerCurve(flat, { sims: 1 })).rejects.toThrow(/two non-empty layers/);
    await expect(powerCurve(model, { panelSizes: [] })).rejects.toThrow(RangeError);
    await expect(powerCurve(model, { panelSizes: [0] })).rejects.toThrow(RangeError);
    await expect(powerCurve(model, { sims: 0 })).rejects.toThrow(RangeError);
    await expect(powerCurve(model, { significanceLevel: 0 })).rejects.toThrow(RangeError);
    await expect(powerCurve(model, { workers: 0 })).rejects.toThrow(RangeError);
  });
});
