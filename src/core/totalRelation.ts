import type { Matrix } from "../types.js";
import { InfeasibleError } from "../errors.js";
import { assertSquare, luFactor, luSolve, spectralRadius, toFlat } from "../linalg/linalg.js";
import { luSolveMatrix } from "../linalg/luSolveMatrix.js";

/** Result of {@link totalRelation}. */
export interface TotalRelation {
  /** T = N (I − N)⁻¹. */
  total: Matrix;
  /** Spectral radius of N (must be < 1). */
  spectralRadius: number;
  /** max |T − N·T − N|, the solution's residual. */
  residual: number;
}

const REMEDIES =
  "This happens when a group of components that all influence each other has every row sum (or every column sum) equal to the largest sum λ, " +
  "for example when every row of the average matrix has the same sum: check first that the ratings are what the experts meant. " +
  "Remedies: add a small ε to λ by explicit choice (--epsilon 0.01 on the command line, option `epsilon` in the library), " +
  "the repair discussed for this case by Lee et al. (2013), 'revised DEMATEL', and Chen & Huang (2022); " +
  "or, where the column (row) sums are smaller, normalise by the largest row (column) sum alone with --normalization row|column — " +
  "that changes the method, so say so when you report.";

/** N·T (row-major n×n), four rows of T per pass over a row of the product (only the residual check reads it). */
function product(N: Float64Array, T: Float64Array, n: number): Float64Array {
  const NT = new Float64Array(n * n);
  for (let row = 0; row < n * n; row += n) {
    let k = 0;
    for (; k + 3 < n; k += 4) {
      const a0 = N[row + k],
        a1 = N[row + k + 1],
        a2 = N[row + k + 2],
        a3 = N[row + k + 3];
      const o = k * n;
      for (let j = 0; j < n; j++) NT[row + j] += a0 * T[o + j] + a1 * T[o + n + j] + a2 * T[o + 2 * n + j] + a3 * T[o + 3 * n + j];
    }
    for (; k < n; k++) {
      const a = N[row + k];
      for (let j = 0; j < n; j++) NT[row + j] += a * T[k * n + j];
    }
  }
  return NT;
}

/**
 * Total-relation matrix T = N + N² + … = N (I − N)⁻¹ (docs/methods.md §2.3),
 * computed by LU-solving (I − N) T = N (N and (I − N)⁻¹ commute), never by
 * forming the inverse. The series converges only when the spectral radius
 * ρ(N) < 1, which is decided exactly (for non-negative N, ρ(N) < 1 iff
 * I − N is nonsingular and (I − N)⁻¹·1 > 0); otherwise no T exists and this throws.
 * Source: Gabus & Fontela (1973); Tzeng et al. (2007) eq. (3).
 * @throws {InfeasibleError} when ρ(N) ≥ 1, I − N is singular, or the solution fails its residual check.
 * @example
 * totalRelation([[0, 0.5], [0.5, 0]]).total; // [[1/3, 2/3], [2/3, 1/3]]
 */
export function totalRelation(normalized: Matrix): TotalRelation {
  const n = assertSquare(normalized, "normalised matrix");
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (normalized[i][j] < 0) throw new RangeError("the normalised matrix must not have negative entries");
  const infeasible = (why: string): InfeasibleError =>
    new InfeasibleError(
      `The total-relation matrix does not exist: ${why}, so N + N² + … diverges (the spectral radius ρ(N) = ${spectralRadius(normalized).toFixed(6)} must be < 1). ${REMEDIES}`,
    );
  const lu = toFlat(normalized);
  for (let k = 0; k < n * n; k++) lu[k] = -lu[k];
  for (let i = 0; i < n; i++) lu[i * n + i] += 1;
  const piv = new Int32Array(n);
  const pivot = luFactor(lu, n, piv);
  if (pivot < 1e-14) throw infeasible(`I − N is singular (relative pivot ${pivot.toExponential(2)})`);
  // Exact test of ρ(N) < 1 for non-negative N (M-matrix theory; Berman & Plemmons 1994, ch. 6,
  // condition I27): I − N is a nonsingular M-matrix iff some x > 0 has (I − N)x > 0; then
  // z = (I − N)⁻¹·1 is positive. Conversely z > 0 is such an x. So ρ(N) < 1 ⇔ z > 0.
  const col = new Float64Array(n);
  const work = new Float64Array(n);
  col.fill(1);
  luSolve(lu, n, piv, col, work);
  for (let i = 0; i < n; i++) if (!(col[i] > 0)) throw infeasible("(I − N)⁻¹ is not non-negative");
  // (I − N) T = N for all columns at once; then the residual max |T − N·T − N|.
  const N = toFlat(normalized);
  const T = Float64Array.from(N);
  luSolveMatrix(lu, n, piv, T);
  const NT = product(N, T, n);
  let residual = 0,
    size = 0;
  for (let c = 0; c < n * n; c++) {
    const r = Math.abs(T[c] - NT[c] - N[c]);
    if (r > residual) residual = r;
    if (Math.abs(T[c]) > size) size = Math.abs(T[c]);
  }
  const total: Matrix = Array.from({ length: n }, (_, i) => Array.from(T.subarray(i * n, i * n + n)));
  if (residual > 1e-9 * Math.max(1, size)) {
    throw new InfeasibleError(
      `The total-relation matrix failed its residual check (max |T − N·T − N| = ${residual.toExponential(2)}): I − N is too ill-conditioned. ${REMEDIES}`,
    );
  }
  return { total, spectralRadius: spectralRadius(normalized), residual };
}
