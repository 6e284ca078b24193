import type { Replicates } from "./resampleExperts.js";
import { studentTUpper } from "../stats/studentT.js";

/** The expert-level test of the ordering (docs/methods.md §7.7). */
export interface ExpertLevelTest {
  /** The full panel's layer slope of the relation share, {@link relationShareSlope}. */
  estimate: number;
  /** Its standard error: the standard deviation of the resampled panels' slopes. */
  standardError: number;
  /** Degrees of freedom of the t reference: K − 1. */
  df: number;
  /** One-sided p-value of H₀ "the population's slope is ≤ 0": P(T_df > estimate / standardError). */
  p: number;
  /** The resampled panels the standard error rests on (the bootstrap's `used`). */
  used: number;
}

/**
 * The fewest experts the expert-level test is run with: its size was calibrated by simulation from K = 8 on
 * (docs/methods.md §7.7); below, with a handful of distinct resampled panels, p would claim more than it knows.
 */
export const EXPERT_TEST_MIN_EXPERTS = 8;

/**
 * The layer slope of relation: β = −Σ(ℓ_i − ℓ̄)(r_i − r̄) / Σ(ℓ_i − ℓ̄)² over the layered components (ℓ = 0-based
 * layer, outer first; r = D − R), the least-squares fall of relation per layer step. NaN with fewer than two layers.
 * @example
 * layerSlope([0, 0, 1, 1], [0.4, 0.2, -0.1, -0.5]); // 0.6
 */
export function layerSlope(layerOf: readonly number[], relation: ArrayLike<number>): number {
  let m = 0,
    lSum = 0,
    rSum = 0;
  for (let i = 0; i < layerOf.length; i++)
    if (layerOf[i] >= 0) {
      m++;
      lSum += layerOf[i];
      rSum += relation[i];
    }
  const lBar = lSum / m;
  const rBar = rSum / m;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < layerOf.length; i++)
    if (layerOf[i] >= 0) {
      sxy += (layerOf[i] - lBar) * (relation[i] - rBar);
      sxx += (layerOf[i] - lBar) ** 2;
    }
  return sxx > 0 ? -sxy / sxx : NaN;
}

/**
 * The layer slope of the relation share: {@link layerSlope} of r_i / ΣD (docs/methods.md §7.7). Dividing by the
 * total influence ΣD removes the scale that max normalisation ties to λ (§2.13), which resampling inflates: on T's
 * own scale a bootstrap test of the slope rejected 15–18% of null panels at α = 0.05.
 * @example
 * relationShareSlope([0, 0, 1, 1], [0.4, 0.2, -0.1, -0.5], [1, 1, 1, 1]); // 0.15
 */
export function relationShareSlope(layerOf: readonly number[], relation: ArrayLike<number>, given: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < given.length; i++) total += given[i];
  return layerSlope(layerOf, relation) / total;
}

/**
 * The expert-level test of the ordering (docs/methods.md §7.7): does the outer → inner fall of relation hold in the
 * population of experts, not only in this panel? The statistic is the layer slope of the relation share
 * ({@link relationShareSlope}), a smooth function of the aggregated ratings, so its bootstrap over experts is valid
 * even where components tie (S_trend, a rank statistic, is not: a bootstrap test of S_trend rejected ~20% of null
 * panels). The standard error is the standard deviation of the B resampled panels' slopes, and
 * p = P(T_{K−1} > β̂ / SE): a studentised test with a t reference of K − 1 degrees of freedom, the small-sample
 * correction that brought the simulated size closest to α (§7.7's table). p is NaN when the slope or its SE is
 * undefined, and below {@link EXPERT_TEST_MIN_EXPERTS} experts (not calibrated there).
 * Sources: Efron & Tibshirani (1993), ch. 16 (bootstrap tests) and §12 (bootstrap-t); Hall & Wilson (1991),
 * Biometrics 47, 757–762 (test a pivot, centred at the estimate).
 * @param K the panel's number of experts (df = K − 1).
 * @example
 * expertLevelTest(reps, layerIndex(model), full.relation, full.given, 14).p; // 0.0003
 */
export function expertLevelTest(
  reps: Replicates,
  layerOf: readonly number[],
  relation: ArrayLike<number>,
  given: ArrayLike<number>,
  K: number,
): ExpertLevelTest {
  const n = layerOf.length;
  const { stats, width, used } = reps;
  const estimate = relationShareSlope(layerOf, relation, given);
  const df = Math.max(1, K - 1);
  const r = new Float64Array(n);
  const d = new Float64Array(n);
  let sum = 0,
    sum2 = 0;
  for (let b = 0; b < used; b++) {
    const o = b * width;
    for (let i = 0; i < n; i++) {
      d[i] = stats[o + i];
      r[i] = stats[o + i] - stats[o + n + i];
    }
    const v = relationShareSlope(layerOf, r, d);
    sum += v;
    sum2 += v * v;
  }
  const standardError = used > 1 ? Math.sqrt(Math.max(0, (sum2 - (sum * sum) / used) / (used - 1))) : NaN;
  const calibrated = K >= EXPERT_TEST_MIN_EXPERTS;
  const p = calibrated && Number.isFinite(estimate) && standardError > 0 ? studentTUpper(estimate / standardError, df) : NaN;
  return { estimate, standardError, df, p, used };
}

/**
 * The share of resampled panels whose S_trend is at its attainable maximum for the layer sizes (docs/methods.md
 * §5.2, §7.7): where most replicates sit at the ceiling, the percentile interval collapses to [max, max] and says
 * nothing; this share is what to report there.
 * @param column the S_trend column of `Replicates.stats` (2n).
 * @example
 * shareAtMaximum(reps, 2 * n, Math.sqrt(37 / 45)); // 0.62
 */
export function shareAtMaximum(reps: Replicates, column: number, maximum: number): number {
  const { stats, width, used } = reps;
  const tol = 1e-9 * Math.max(1, Math.abs(maximum));
  let at = 0;
  for (let b = 0; b < used; b++) if (stats[b * width + column] >= maximum - tol) at++;
  return at / used;
}
