import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";

/**
 * How A is scaled into N:
 * - `"max"` (default): λ = max(largest row sum, largest column sum) — the
 *   classic DEMATEL rule (Gabus & Fontela; Tzeng et al. 2007).
 * - `"row"`: λ = largest row sum (what some tools and Excel templates use).
 * - `"column"`: λ = largest column sum.
 */
export type NormalizationMethod = "max" | "row" | "column";

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  method?: NormalizationMethod;
  /**
   * Added to λ by explicit choice (default 0), so that a matrix whose row or
   * column sums are all equal (ρ(N) = 1, no T exists) can still be analysed.
   */
  epsilon?: number;
}

/** The normalised matrix N = A/λ and the λ used. */
export interface Normalized {
  normalized: Matrix;
  lambda: number;
  method: NormalizationMethod;
  epsilon: number;
}

/**
 * Normalise the average direct matrix (docs/methods.md §2.2): N = A / (λ + ε).
 * @throws {RangeError} on a matrix with negative entries or with every sum 0 (nothing to normalise).
 * @example
 * normalize([[0, 3], [1, 0]]).lambda; // 3
 */
export function normalize(a: Matrix, options: NormalizeOptions = {}): Normalized {
  const method = options.method ?? "max";
  const epsilon = options.epsilon ?? 0;
  if (!Number.isFinite(epsilon) || epsilon < 0) throw new RangeError(`epsilon must be a finite non-negative number, got ${epsilon}`);
  const n = assertSquare(a, "direct-influence matrix");
  let maxRow = 0, maxCol = 0;
  for (let i = 0; i < n; i++) {
    let r = 0, c = 0;
    for (let j = 0; j < n; j++) {
      if (a[i][j] < 0 || a[j][i] < 0) throw new RangeError("direct-influence matrix must not have negative entries");
      r += a[i][j];
      c += a[j][i];
    }
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  }
  let lambda: number;
  if (method === "max") lambda = Math.max(maxRow, maxCol);
  else if (method === "row") lambda = maxRow;
  else if (method === "column") lambda = maxCol;
  else throw new RangeError(`unknown normalisation "${String(method)}": use "max", "row" or "column"`);
  if (!(lambda > 0)) throw new RangeError("direct-influence matrix is all zeros: no influence to analyse");
  const s = lambda + epsilon;
  return { normalized: a.map((row) => row.map((v) => v / s)), lambda: s, method, epsilon };
}
