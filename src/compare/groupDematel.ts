/**
 * Internal: classic DEMATEL of one group of experts from the group's weighted rating sum, on
 * preallocated typed arrays (docs/methods.md §12.2): what the permutation test of
 * {@link compareGroups} evaluates twice per relabelling. Not part of the public API; the public,
 * checked path is `dematel()` (tests/compare.test.ts checks the two agree).
 */
import { luFactor, luSolve } from "../linalg/linalg.js";
import { normalizerOf, type NormalizationMethod } from "../core/normalizerOf.js";
import { createTauB, type TauB } from "../stats/tauB.js";

/** A reusable evaluator of one group's T, relation, prominence and S_trend. */
export interface GroupDematel {
  readonly n: number;
  /** T of the last successful `run`, row-major n×n. */
  readonly total: Float64Array;
  readonly relation: Float64Array;
  readonly prominence: Float64Array;
  /** S_trend = −τ_b(ℓ, relation) over the layered components (NaN without two layers, or when relation is tied throughout). */
  trend: number;
  /**
   * Evaluate the group whose weighted rating sum is `sum` (Σ_k w_k X^k over its experts, row-major) and
   * whose weights sum to `weight`: A = sum/weight, N = A/(λ + ε), T = N(I − N)⁻¹. Computed as
   * N = sum/(λ(sum) + weight·ε), the same N. False when no T exists (nothing to normalise, a
   * singular or ill-conditioned I − N, or ρ(N) ≥ 1 shown by a row or column sum of (I − N)⁻¹ below 1).
   */
  run(sum: Float64Array, weight: number): boolean;
}

/**
 * Make a {@link GroupDematel} for n = layerOf.length components.
 * @param layerOf each component's 0-based layer, −1 for none (`layerIndex(model)`).
 * @example
 * const g = createGroupDematel([0, 1], "max", 0); g.run(Float64Array.of(0, 3, 1, 0), 1); g.relation; // [0.5, −0.5]
 */
export function createGroupDematel(layerOf: readonly number[], normalization: NormalizationMethod, epsilon: number): GroupDematel {
  const n = layerOf.length;
  const nn = n * n;
  const lu = new Float64Array(nn);
  const piv = new Int32Array(n);
  const col = new Float64Array(n);
  const work = new Float64Array(n);
  const given = new Float64Array(n);
  const received = new Float64Array(n);
  const layered = layerOf.map((l, i) => (l >= 0 ? i : -1)).filter((i) => i >= 0);
  const layers = new Set(layerOf.filter((l) => l >= 0)).size;
  const tau: TauB | null = layers >= 2 ? createTauB(layered.length) : null;
  if (tau) {
    layered.forEach((i, a) => (tau.x[a] = layerOf[i]));
    tau.fixX();
  }
  const g: GroupDematel = {
    n,
    total: new Float64Array(nn),
    relation: new Float64Array(n),
    prominence: new Float64Array(n),
    trend: NaN,
    run(sum: Float64Array, weight: number): boolean {
      const lambda = normalizerOf(sum, n, normalization, weight * epsilon);
      if (!(lambda > 0 && Number.isFinite(lambda))) return false;
      for (let k = 0; k < nn; k++) lu[k] = -sum[k] / lambda;
      for (let i = 0; i < n; i++) lu[i * n + i] += 1;
      if (!(luFactor(lu, n, piv) >= 1e-14)) return false;
      // Column j of (I − N)⁻¹, less the identity, is column j of T.
      given.fill(0);
      received.fill(0);
      for (let j = 0; j < n; j++) {
        col.fill(0);
        col[j] = 1;
        luSolve(lu, n, piv, col, work);
        for (let i = 0; i < n; i++) {
          const t = i === j ? col[i] - 1 : col[i];
          g.total[i * n + j] = t;
          given[i] += t;
          received[j] += t;
        }
      }
      for (let i = 0; i < n; i++) {
        if (!(given[i] >= -1e-9 && given[i] < 1e10 && received[i] >= -1e-9 && received[i] < 1e10)) return false;
        g.relation[i] = given[i] - received[i];
        g.prominence[i] = given[i] + received[i];
      }
      g.trend = tau ? trendOf(tau, layered, g.relation) : NaN;
      return true;
    },
  };
  return g;
}

/** S_trend of the relation vector (never −0, as `trendStatistic`). */
function trendOf(tau: TauB, layered: readonly number[], relation: Float64Array): number {
  for (let a = 0; a < layered.length; a++) tau.y[a] = relation[layered[a]];
  const t = tau.compute();
  return t === 0 ? 0 : -t;
}
