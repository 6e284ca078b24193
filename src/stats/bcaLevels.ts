/**
 * Internal: the adjusted percentile levels of a BCa bootstrap interval
 * (Efron 1987, JASA 82, 171–185; Efron & Tibshirani 1993, An Introduction to
 * the Bootstrap, §14.3, eqs. 14.9–14.15). Not part of the public API.
 *
 * z₀ = Φ⁻¹((#{θ* < θ̂} + ½·#{θ* = θ̂}) / B) (ties counted half, for discrete
 * statistics); â = Σ d_i³ / (6 (Σ d_i²)^{3/2}) with d_i = θ̄₍·₎ − θ₍i₎ over the
 * jackknife values (â = 0 when they are all equal); the level p maps to
 * Φ(z₀ + (z₀ + z_p) / (1 − â (z₀ + z_p))).
 * Returns null ("not stable") when z₀ is infinite (every replicate on one
 * side), a denominator 1 − â(z₀ + z_p) is ≤ 0, or an adjusted level falls
 * outside [1/B, 1 − 1/B], where the interval would rest on the extreme replicates.
 */
import { normalCdf, normalQuantile } from "./standardNormal.js";

/** The BCa-adjusted levels [p_low, p_high] for nominal levels lowP < highP, or null. */
export function bcaLevels(below: number, equal: number, used: number, jackknife: ArrayLike<number>, lowP: number, highP: number): [number, number] | null {
  const K = jackknife.length;
  let mean = 0;
  for (let k = 0; k < K; k++) mean += jackknife[k];
  mean /= K;
  let s2 = 0,
    s3 = 0;
  for (let k = 0; k < K; k++) {
    const d = mean - jackknife[k];
    s2 += d * d;
    s3 += d * d * d;
  }
  const a = s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
  const z0 = normalQuantile((below + equal / 2) / used);
  if (!Number.isFinite(z0)) return null;
  const adjust = (p: number): number => {
    const zp = normalQuantile(p);
    const den = 1 - a * (z0 + zp);
    return den > 0 ? normalCdf(z0 + (z0 + zp) / den) : NaN;
  };
  const p1 = adjust(lowP),
    p2 = adjust(highP);
  if (!(p1 >= 1 / used && p2 <= 1 - 1 / used && p1 <= p2)) return null;
  return [p1, p2];
}
