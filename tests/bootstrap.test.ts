import { describe, expect, it } from "vitest";
import {
  aggregate,
  bootstrapExperts,
  createRandom,
  defaultModel,
  dematel,
  flowStatistic,
  InfeasibleError,
  layerIndex,
  simulatePanel,
  trendStatistic,
  type Matrix,
  type Model,
} from "../src/index.js";
import { TWO_LAYER_MODEL, deepFreeze, expectClose } from "./helpers.js";

/** Two components, one per layer (outer A, inner B). */
const twoLayer: Model = TWO_LAYER_MODEL;

describe("bootstrapExperts(matrices, model, options)", () => {
  const model = defaultModel();
  const panel = simulatePanel(model, { seed: 2024 });

  it("same seed → identical numbers; another seed → different numbers", () => {
    const a = bootstrapExperts(panel, model, { B: 500, seed: 9 });
    const b = bootstrapExperts(panel, model, { B: 500, seed: 9 });
    const c = bootstrapExperts(panel, model, { B: 500, seed: 10 });
    expect(b).toEqual(a);
    expect(c.relation.map((r) => r.lower)).not.toEqual(a.relation.map((r) => r.lower));
  });

  it("states its settings and defaults (B = 5000, seed = 1, level = 0.95, mean, max, ε = 0) and does not mutate its input", () => {
    const frozen = deepFreeze(panel.map((m) => m.map((r) => r.slice())));
    const r = bootstrapExperts(frozen, model);
    expect([r.B, r.seed, r.level, r.aggregation, r.normalization, r.epsilon]).toEqual([5000, 1, 0.95, "mean", "max", 0]);
    expect(r.components).toEqual(model.components.map((c) => c.id));
    expect(r.failed + r.used).toBe(5000);
  });

  it("estimates equal dematel() on the aggregated full panel and the layer statistics of src/layers", () => {
    const r = bootstrapExperts(panel, model, { B: 200, seed: 3 });
    const full = dematel(aggregate(panel));
    const layerOf = layerIndex(model);
    expectClose(
      r.given.map((x) => x.estimate),
      full.given,
      0,
    );
    expectClose(
      r.received.map((x) => x.estimate),
      full.received,
      0,
    );
    expectClose(
      r.prominence.map((x) => x.estimate),
      full.prominence,
      0,
    );
    expectClose(
      r.relation.map((x) => x.estimate),
      full.relation,
      0,
    );
    expect(r.trend.estimate).toBe(trendStatistic(layerOf, full.relation));
    expect(r.flow.estimate).toBe(flowStatistic(full.total, layerOf));
  });

  it("B = 1 reproduces the documented draw order: K draws of createRandom(seed).int(K), then dematel() of that resample (mean with weights, and median)", () => {
    const K = panel.length;
    const rng = createRandom(77);
    const pick = Array.from({ length: K }, () => rng.int(K));
    const weights = Array.from({ length: K }, (_, k) => 1 + (k % 3));
    const resampled = pick.map((k) => panel[k]);
    const layerOf = layerIndex(model);
    for (const aggregation of ["mean", "median"] as const) {
      const ref = dematel(aggregate(resampled, { method: aggregation, weights: pick.map((k) => weights[k]) }));
      const r = bootstrapExperts(panel, model, { B: 1, seed: 77, settings: { aggregation, weights } });
      expect(r.used).toBe(1);
      // With one replicate every quantile is that replicate's value.
      expectClose(
        r.relation.map((x) => x.lower),
        ref.relation,
        1e-12,
      );
      expectClose(
        r.given.map((x) => x.upper),
        ref.given,
        1e-12,
      );
      expectClose(
        r.received.map((x) => x.lower),
        ref.received,
        1e-12,
      );
      expect(r.trend.lower).toBeCloseTo(trendStatistic(layerOf, ref.relation), 12);
      expect(r.flow.upper).toBeCloseTo(flowStatistic(ref.total, layerOf), 12);
      expect(r.pCause).toEqual(ref.relation.map((v) => (v > 1e-12 ? 1 : 0)));
    }
  });

  it("epsilon: the fast path equals dematel(aggregate(resample), { epsilon }) to 1e-12 (B = 1, mean with weights and median; and the jackknife via full-panel estimates)", () => {
    // N = A/(λ + ε) (docs/methods.md §2.2: ε is added to λ only by explicit choice); the mean path keeps A as the
    // weighted sum Σw·Ā and scales ε by Σw, which must give the same N as dividing first.
    const K = panel.length;
    const weights = Array.from({ length: K }, (_, k) => 1 + (k % 3));
    const layerOf = layerIndex(model);
    for (const epsilon of [0.5, 3]) {
      const rng = createRandom(41);
      const pick = Array.from({ length: K }, () => rng.int(K));
      const resampled = pick.map((k) => panel[k]);
      for (const aggregation of ["mean", "median"] as const) {
        const ref = dematel(aggregate(resampled, { method: aggregation, weights: pick.map((k) => weights[k]) }), { epsilon });
        const r = bootstrapExperts(panel, model, { B: 1, seed: 41, settings: { aggregation, weights, epsilon } });
        expect(r.epsilon).toBe(epsilon);
        expect(r.used).toBe(1);
        expectClose(
          r.given.map((x) => x.lower),
          ref.given,
          1e-12,
        );
        expectClose(
          r.received.map((x) => x.upper),
          ref.received,
          1e-12,
        );
        expectClose(
          r.relation.map((x) => x.lower),
          ref.relation,
          1e-12,
        );
        expect(Math.abs(r.trend.lower - trendStatistic(layerOf, ref.relation))).toBeLessThan(1e-12);
        expect(Math.abs(r.flow.upper - flowStatistic(ref.total, layerOf))).toBeLessThan(1e-12);
        // Full-panel estimates come from dematel(…, { epsilon }) too.
        const full = dematel(aggregate(panel, { method: aggregation, weights }), { epsilon });
        expectClose(
          r.relation.map((x) => x.estimate),
          full.relation,
          1e-12,
        );
      }
    }
    // ε really changes N: D shrinks when λ grows (D = Σ_k N^k 1 is increasing in N).
    const plain = bootstrapExperts(panel, model, { B: 1, seed: 41 });
    const eps = bootstrapExperts(panel, model, { B: 1, seed: 41, settings: { epsilon: 3 } });
    plain.given.forEach((iv, i) => expect(eps.given[i].lower).toBeLessThan(iv.lower - 1e-6));
    expect(plain.epsilon).toBe(0);
  });

  it("epsilon makes a panel with equal row sums analysable, as dematel's epsilon does", () => {
    // Mean of [[0,3],[1,0]] and [[0,1],[3,0]] is [[0,2],[2,0]]: ρ(N) = 1 without ε; with ε = 1, N = [[0,2/3],[2/3,0]].
    const experts: Matrix[] = [
      [
        [0, 3],
        [1, 0],
      ],
      [
        [0, 1],
        [3, 0],
      ],
    ];
    const r = bootstrapExperts(experts, twoLayer, { B: 50, seed: 2, settings: { epsilon: 1 } });
    const ref = dematel(
      [
        [0, 2],
        [2, 0],
      ],
      { epsilon: 1 },
    );
    expectClose(
      r.given.map((x) => x.estimate),
      ref.given,
      1e-12,
    );
    // D = (2/3)/(1 − 2/3) = 2 for the full panel, by hand.
    expect(r.given[0].estimate).toBeCloseTo(2, 12);
    expect(r.used).toBeGreaterThan(0);
  });

  it("identical experts give degenerate intervals at the estimate, pCause 0/1 and a one-point rank distribution", () => {
    const one = panel[0];
    const r = bootstrapExperts([one, one, one, one], model, { B: 300, seed: 1 });
    const ref = dematel(one);
    for (const key of ["given", "received", "prominence", "relation"] as const) {
      r[key].forEach((iv) => {
        expect(Math.abs(iv.lower - iv.estimate)).toBeLessThan(1e-12);
        expect(Math.abs(iv.upper - iv.estimate)).toBeLessThan(1e-12);
      });
    }
    expect(r.pCause).toEqual(ref.relation.map((v) => (v > 1e-12 ? 1 : 0)));
    // 0-based rank of each component: how many relations are larger.
    const rank0 = ref.relation.map((v) => ref.relation.filter((u) => u > v).length);
    r.rankDistribution.forEach((row, i) => expect(row[rank0[i]]).toBe(1));
  });

  it("hand-countable 2×2 case: X1 = [[0,1],[1,0]] alone has ρ(N) = 1, so the resample {X1, X1} (probability 1/4) fails and is counted, never used", () => {
    // Resamples of K = 2: {X1,X1} (1/4) fails; {X2,X2} (1/4): N = [[0,1],[1/3,0]], D = [2,1], relation [1,−1];
    // {X1,X2} (1/2): A = [[0,2],[1,0]], N = [[0,1],[1/2,0]], T = [[1,2],[1,1]], D = [3,2], relation [1,−1].
    const X1: Matrix = [
      [0, 1],
      [1, 0],
    ];
    const X2: Matrix = [
      [0, 3],
      [1, 0],
    ];
    const B = 4000;
    const r = bootstrapExperts([X1, X2], twoLayer, { B, seed: 5 });
    expect(r.failed + r.used).toBe(B);
    expect(Math.abs(r.failed - B / 4)).toBeLessThan(5 * Math.sqrt((B * 3) / 16));
    expect(r.pCause).toEqual([1, 0]);
    expect(r.pLayerMeansDecrease).toBe(1);
    expect(r.rankDistribution).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expectClose([r.relation[0].lower, r.relation[0].upper, r.relation[1].lower, r.relation[1].upper], [1, 1, -1, -1], 1e-12);
    // Among used replicates D_A is 2 (share 1/3) or 3 (share 2/3): the 2.5% and 97.5% quantiles are 2 and 3.
    expect(r.given[0].lower).toBeCloseTo(2, 12);
    expect(r.given[0].upper).toBeCloseTo(3, 12);
    expect(r.trend.lower).toBe(1);
    expect(r.trend.bca).toBeNull(); // K < 3: no jackknife acceleration
  });

  it("throws InfeasibleError when the full panel has no total-relation matrix", () => {
    // Mean of [[0,3],[1,0]] and [[0,1],[3,0]] is [[0,2],[2,0]]: equal row sums, ρ(N) = 1.
    expect(() =>
      bootstrapExperts(
        [
          [
            [0, 3],
            [1, 0],
          ],
          [
            [0, 1],
            [3, 0],
          ],
        ],
        twoLayer,
        { B: 10 },
      ),
    ).toThrow(InfeasibleError);
  });

  it("rejects misuse: no matrices, wrong size, negative rating, a model with one layer, bad B/level/weights", () => {
    expect(() => bootstrapExperts([], model)).toThrow(RangeError);
    expect(() =>
      bootstrapExperts(
        [
          [
            [0, 1],
            [1, 0],
          ],
        ],
        model,
      ),
    ).toThrow(RangeError);
    expect(() =>
      bootstrapExperts(
        [
          [
            [0, -1],
            [1, 0],
          ],
        ],
        twoLayer,
      ),
    ).toThrow(RangeError);
    expect(() =>
      bootstrapExperts(
        [
          [
            [0, NaN],
            [1, 0],
          ],
        ],
        twoLayer,
      ),
    ).toThrow(TypeError);
    const oneLayer: Model = { ...twoLayer, layers: [{ id: "L1", name: "all", components: ["A", "B"] }] };
    expect(() =>
      bootstrapExperts(
        [
          [
            [0, 3],
            [1, 0],
          ],
        ],
        oneLayer,
      ),
    ).toThrow(/two non-empty layers/);
    expect(() => bootstrapExperts(panel, model, { B: 0 })).toThrow(RangeError);
    expect(() => bootstrapExperts(panel, model, { level: 1 })).toThrow(RangeError);
    expect(() => bootstrapExperts(panel, model, { settings: { weights: [1, 2] } })).toThrow(RangeError);
    expect(() => bootstrapExperts(panel, model, { settings: { epsilon: -1 } })).toThrow(RangeError);
    expect(() => bootstrapExperts(panel, model, { settings: { epsilon: NaN } })).toThrow(RangeError);
  });

  it("weights: multiplying every weight by a constant changes nothing", () => {
    const w = panel.map((_, k) => 1 + (k % 4));
    const a = bootstrapExperts(panel, model, { B: 300, seed: 4, settings: { weights: w } });
    const b = bootstrapExperts(panel, model, { B: 300, seed: 4, settings: { weights: w.map((x) => 2.5 * x) } });
    expectClose(
      a.relation.map((x) => x.lower),
      b.relation.map((x) => x.lower),
      1e-12,
    );
    expectClose(
      a.prominence.map((x) => x.upper),
      b.prominence.map((x) => x.upper),
      1e-12,
    );
    expect(a.pCause).toEqual(b.pCause);
  });

  it("seeded invariants on a layered panel (δ = 1): lower ≤ upper, rank rows sum to 1, shares in [0,1], S_trend interval above 0", () => {
    const strong = simulatePanel(model, { delta: 1, seed: 8 });
    const r = bootstrapExperts(strong, model, { B: 1000, seed: 2 });
    for (const key of ["given", "received", "prominence", "relation"] as const) r[key].forEach((iv) => expect(iv.lower).toBeLessThanOrEqual(iv.upper));
    r.rankDistribution.forEach((row) => expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12));
    r.pCause.forEach((p) => expect(p >= 0 && p <= 1).toBe(true));
    expect(r.trend.lower).toBeGreaterThan(0.5);
    expect(r.flow.lower).toBeGreaterThan(0);
    expect(r.pLayerMeansDecrease).toBeGreaterThan(0.8);
    // Outer layer components are causes in (almost) every replicate, inner layer effects.
    expect(Math.min(r.pCause[0], r.pCause[1])).toBeGreaterThan(0.95);
    expect(Math.max(r.pCause[7], r.pCause[8], r.pCause[9])).toBeLessThan(0.05);
  });

  it("BCa intervals, where reported, are ordered; for D, which is biased downward by resampling (the max row/column sum λ grows), they shift up from the percentile interval", () => {
    const r = bootstrapExperts(panel, model, { B: 2000, seed: 6 });
    let reported = 0;
    r.given.forEach((iv) => {
      if (!iv.bca) return;
      reported++;
      expect(iv.bca.lower).toBeLessThanOrEqual(iv.bca.upper);
      expect(iv.bca.lower).toBeGreaterThan(iv.lower);
      expect(iv.bca.upper).toBeGreaterThan(iv.upper);
    });
    expect(reported).toBeGreaterThanOrEqual(r.given.length / 2);
  });

  it("calls onProgress with increasing counts, ending at (B, B)", () => {
    const seen: Array<[number, number]> = [];
    bootstrapExperts(panel, model, { B: 250, seed: 1, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([250, 250]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
  });
});
