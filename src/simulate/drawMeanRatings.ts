/**
 * Internal: the mean direct matrix of a simulated panel (docs/methods.md §8.1), drawn straight into
 * the aggregate without the per-expert matrices: the power simulation's hot loop. Not part of the public API.
 */
import type { Random } from "../random.js";

/** Number of normal deviates one expert's ratings take from the stream: the bias, then one per off-diagonal cell. */
export function deviatesPerExpert(n: number): number {
  return 1 + n * (n - 1);
}

/**
 * The element-wise mean of the K matrices that `drawRatings(mu, n, K, sigma, tau, scaleMax, rng, …)` would
 * draw, into `out` (n×n, row-major), with the same deviates in the same order: for each expert its bias
 * b = τ·z, then for each off-diagonal cell row by row x = round(clip(μ_ij + b + σ·z, 0, s)). The deviates
 * come in one `rng.fillNormal` call into `normals` (at least K·(1 + n(n − 1)) entries); the ratings are
 * integers, so their sums are exact and the mean equals the mean of `drawRatings`' matrices bit for bit.
 * Leaves `rng` exactly where `drawRatings` leaves it. Allocates nothing.
 * @example
 * const A = new Float64Array(100);
 * drawMeanRatings(panelMeans(model, 0.5, 2), 10, 14, 0.8, 0.3, 4, createRandom(1), new Float64Array(14 * 91), A);
 */
export function drawMeanRatings(
  mu: Float64Array,
  n: number,
  K: number,
  sigma: number,
  tau: number,
  scaleMax: number,
  rng: Random,
  normals: Float64Array,
  out: Float64Array,
): void {
  const count = K * deviatesPerExpert(n);
  if (normals.length < count) throw new RangeError(`drawMeanRatings: ${normals.length} deviate slots for ${count} deviates`);
  rng.fillNormal(normals, 0, count);
  const nn = n * n;
  out.fill(0, 0, nn);
  for (let k = 0, o = 0; k < K; k++) {
    const b = tau * normals[o++];
    // Row by row, the off-diagonal cells come in runs between diagonal cells d = i(n + 1): d + 1 … d + n.
    for (let d = 0; d < nn; d += n + 1) {
      const end = Math.min(d + n + 1, nn);
      for (let c = d + 1; c < end; c++) out[c] += roundedRating(mu[c] + b + sigma * normals[o++], scaleMax);
    }
  }
  for (let c = 0; c < nn; c++) out[c] /= K;
}

/**
 * round(clip(x, 0, s)) with `Math.round` (halves up), as `drawRatings` rates, without its data-dependent branches
 * (`Math.round` and the clip each branch on the deviate, which the processor cannot predict). Exact for every finite x:
 * r = ⌊fl(x + 0.5)⌋ is Math.round(x) or, when x + 0.5 was rounded up onto an integer, one more, which r − 0.5 > x
 * detects (almost never true, so well predicted); rounding is monotone with round(0) = 0 and round(s) = s (s an integer), so
 * clipping the rounded value gives round(clip(x, 0, s)). May give +0 where Math.round gives −0, the same in a sum.
 * @example
 * roundedRating(2.5, 4); // 3, as Math.round(2.5)
 * roundedRating(0.49999999999999994, 4); // 0 (⌊x + 0.5⌋ alone would give 1)
 */
export function roundedRating(x: number, scaleMax: number): number {
  let r = Math.floor(x + 0.5);
  if (r - 0.5 > x) r -= 1;
  return r < 0 ? 0 : r > scaleMax ? scaleMax : r;
}
