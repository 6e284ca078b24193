/**
 * Internal: Kendall's tau-b on preallocated typed arrays, allocating nothing
 * per call, for hot loops. Not part of the public API (the public one is the
 * layers module's `kendallTauB`; a test checks the two agree).
 *
 * τ_b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)), n_0 = m(m − 1)/2 pairs,
 * n_1 / n_2 = pairs tied in x / in y (Kendall 1945, "The treatment of ties in
 * ranking problems", Biometrika 33, 239–251; the `cor(method = "kendall")` of
 * R and `scipy.stats.kendalltau` compute the same). Two y values are tied when
 * they differ by at most 1e-12·max(1, max|y|), so floating-point noise in a
 * computed relation never breaks a true tie. NaN when a denominator factor is 0.
 * The coefficient itself comes from the layers module's `tauFromCounts`, so it
 * is the same floating-point expression as `kendallTauB` and the trend test.
 */
import { tauFromCounts } from "./kendallTauB.js";

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
      let k = 0;
      tiesX = 0;
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++, k++) {
          const d = x[a] - x[b];
          sx[k] = d > 0 ? 1 : d < 0 ? -1 : 0;
          if (sx[k] === 0) tiesX++;
        }
    },
    compute(): number {
      let scale = 1;
      for (let a = 0; a < m; a++) {
        const v = y[a] < 0 ? -y[a] : y[a];
        if (v > scale) scale = v;
      }
      const tol = 1e-12 * scale;
      let s = 0, ties = 0, k = 0;
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++, k++) {
          const d = y[a] - y[b];
          if (d > tol) s += sx[k];
          else if (d < -tol) s -= sx[k];
          else ties++;
        }
      return tauFromCounts(s, m, tiesX, ties);
    },
  };
}
