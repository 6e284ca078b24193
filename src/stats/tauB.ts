/**
 * Internal: Kendall's tau-b on preallocated typed arrays, allocating nothing
 * per call, for hot loops. Not part of the public API (the public one is
 * `kendallTauB`; tests/kendallTauB.test.ts checks the two agree).
 *
 * τ_b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)), n_0 = m(m − 1)/2 pairs,
 * n_1 / n_2 = pairs tied in x / in y (Kendall 1945, "The treatment of ties in
 * ranking problems", Biometrika 33, 239–251; the `cor(method = "kendall")` of
 * R and `scipy.stats.kendalltau` compute the same). Ties in x and in y follow
 * the package's one tie rule, `tieTolerance` and `pairSign` of kendallTauB.ts
 * (values within 1e-12·max(1, max|value|) are tied; the reason is given
 * there), so it returns exactly what `kendallTauB` returns. It does not check
 * for NaN (the caller's values are finite); NaN when a denominator factor is 0.
 * The coefficient itself comes from `tauFromCounts`, so it is the same
 * floating-point expression as `kendallTauB` and the trend test.
 */
import { pairSign, tauFromCounts, tieTolerance } from "./kendallTauB.js";

/** A reusable τ_b evaluator for m paired values. */
export interface TauB {
  /** The x values (fill, then call `fixX` once). */
  readonly x: Float64Array;
  /** The y values (fill before each `compute`). */
  readonly y: Float64Array;
  /** Precompute the x-side signs after filling `x`. */
  fixX(): void;
  /** τ_b of the current x and y. */
  compute(): number;
}

/** Make a τ_b evaluator for m pairs. */
export function createTauB(m: number): TauB {
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const pairs = (m * (m - 1)) / 2;
  const sx = new Int8Array(pairs);
  let tiesX = 0;
  return {
    x,
    y,
    fixX(): void {
      const tol = tieTolerance(x);
      let k = 0;
      tiesX = 0;
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++, k++) {
          sx[k] = pairSign(x[a], x[b], tol);
          if (sx[k] === 0) tiesX++;
        }
    },
    compute(): number {
      const tol = tieTolerance(y);
      let s = 0,
        ties = 0,
        k = 0;
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++, k++) {
          const d = pairSign(y[a], y[b], tol);
          if (d === 0) ties++;
          else s += d * sx[k];
        }
      return tauFromCounts(s, m, tiesX, ties);
    },
  };
}
