import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";
import { type NormalizationMethod, normalizerOf } from "./normalizerOf.js";

export type { NormalizationMethod } from "./normalizerOf.js";

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
  // The rule itself is normalizerOf's; NaN means nothing to normalise, and the message says why.
  const s = normalizerOf(Float64Array.from(a.flat()), n, method, epsilon);
  if (Number.isNaN(s)) {
    if (a.some((row) => row.some((v) => v < 0))) throw new RangeError("direct-influence matrix must not have negative entries");
    throw new RangeError("direct-influence matrix is all zeros: no influence to analyse");
  }
  return { normalized: a.map((row) => row.map((v) => v / s)), lambda: s, method, epsilon };
}
