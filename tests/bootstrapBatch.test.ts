import { describe, expect, it } from "vitest";
import { bootstrapExperts, createRandom, layerIndex, resolveSettings, type Model } from "../src/index.js";
import { createReplicateEvaluator } from "../src/uncertainty/replicateEvaluator.js";
import { randomDirect } from "./helpers.js";

/** A model of n components in 4 equal layers. */
function modelOf(n: number): Model {
  const ids = Array.from({ length: n }, (_, i) => `C${i}`);
  return {
    components: ids.map((id) => ({ id, name: id })),
    layers: [0, 1, 2, 3].map((l) => ({ id: `L${l}`, name: `L${l}`, components: ids.filter((_, i) => Math.floor((i * 4) / n) === l) })),
  };
}

describe("bootstrap replicates summed in batches (large panels)", () => {
  it("evaluateBatch gives every replicate's outputs bit for bit as evaluate one by one (seeded panels, weights, ε)", () => {
    for (const [n, K, seed] of [
      [20, 170, 1],
      [12, 460, 2],
    ] as const) {
      const model = modelOf(n);
      const rng = createRandom(seed);
      const matrices = Array.from({ length: K }, (_, k) => randomDirect(n, seed * 10000 + k));
      const X = new Float64Array(K * n * n);
      matrices.forEach((m, k) => m.forEach((row, i) => row.forEach((v, j) => (X[k * n * n + i * n + j] = v))));
      const w = Float64Array.from({ length: K }, () => 0.5 + rng.next());
      const settings = resolveSettings({ epsilon: seed === 2 ? 0.01 : 0 }, K);
      const one = createReplicateEvaluator(X, w, n, layerIndex(model), settings);
      const batched = createReplicateEvaluator(X, w, n, layerIndex(model), settings);
      expect(batched.batchSize).toBeGreaterThan(1);
      const size = batched.batchSize - 3;
      const counts = new Float64Array(size * K);
      for (let j = 0; j < size; j++) for (let k = 0; k < K; k++) counts[j * K + rng.int(K)]++;
      counts.fill(0, 2 * K, 3 * K); // an empty replicate: fails in both
      const expected = Array.from({ length: size }, (_, j) => {
        const ok = one.evaluate(counts.subarray(j * K, (j + 1) * K));
        const k = one.kernel;
        return { ok, given: [...k.given], received: [...k.received], trend: k.trend, flow: k.flow };
      });
      const got: typeof expected = [];
      batched.evaluateBatch(counts, size, (j, ok) => {
        expect(j).toBe(got.length);
        const k = batched.kernel;
        got.push({ ok, given: [...k.given], received: [...k.received], trend: k.trend, flow: k.flow });
      });
      got.filter((g) => !g.ok).forEach((g) => Object.assign(g, { given: [], received: [], trend: 0, flow: 0 }));
      expected.filter((g) => !g.ok).forEach((g) => Object.assign(g, { given: [], received: [], trend: 0, flow: 0 }));
      expect(got).toStrictEqual(expected);
      expect(got[2].ok).toBe(false);
    }
  });

  it("bootstrapExperts on a large panel is reproducible and its jackknife runs in batches (BCa present)", () => {
    const n = 16;
    const K = 300;
    const model = modelOf(n);
    const matrices = Array.from({ length: K }, (_, k) => randomDirect(n, 500 + k));
    const a = bootstrapExperts(matrices, model, { B: 40, seed: 3 });
    const b = bootstrapExperts(matrices, model, { B: 40, seed: 3 });
    expect(a).toStrictEqual(b);
    expect(a.used).toBe(40);
  });
});
