/**
 * Internal: the rating means of one simulated study with within-layer heterogeneity (docs/methods.md §8.1), for the
 * power simulation, which draws a population per study and must not allocate matrices per panel. Not part of the public API.
 */
import type { Model } from "../types.js";
import { createRandom } from "../random.js";
import { layerPositions } from "./panelDraw.js";
import { positionSeed } from "./componentPositions.js";

/**
 * A function of the study's seed giving its means μ_ij = c + δ·(p_j − p_i) (0 on the diagonal), equal bit for bit to
 * `meansFromPositions(componentPositions(model, { omega }, seed), delta, c)`: p_i = ℓ(i) + ω·z_i with z_1..z_n the first
 * n deviates of `createRandom(positionSeed(seed))`. The layer positions are computed once; each call fills and returns
 * the same buffer (valid until the next call) and allocates only the seeded generator.
 * @example
 * const meansOf = createStudyMeans(defaultModel(), 0.3, 0.5, 2);
 * meansOf(7); // = meansFromPositions(componentPositions(defaultModel(), { omega: 0.3 }, 7), 0.5, 2)
 */
export function createStudyMeans(model: Model, omega: number, delta: number, c: number): (seed: number) => Float64Array {
  const layer = layerPositions(model);
  const n = layer.length;
  const z = new Float64Array(n);
  const pos = new Float64Array(n);
  const mu = new Float64Array(n * n);
  return (seed: number): Float64Array => {
    createRandom(positionSeed(seed)).fillNormal(z);
    // componentPositions adds (0 + ω·z), the shift being 0: the same sum (0 + y = y but for y = −0, and ℓ − 0 = ℓ + 0).
    for (let i = 0; i < n; i++) pos[i] = layer[i] + omega * z[i];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) mu[i * n + j] = i === j ? 0 : c + delta * (pos[j] - pos[i]);
    return mu;
  };
}
