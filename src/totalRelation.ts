import type { Matrix } from "./types.js";
import { InfeasibleError } from "./errors.js";
import { assertSquare, luFactor, luSolve, spectralRadius, toFlat } from "./linalg.js";

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
  "Remedies: normalise by the largest row sum or the largest column sum alone (--normalization row|column) where that leaves ρ(N) < 1, " +
  "use the revised DEMATEL normalisation of Lee et al. (2013), or add a small ε to λ by explicit choice (--epsilon 0.01). " +
  "Check first that the ratings are what the experts meant: this happens when every row (or every column) of the average matrix has the same sum.";

/**
 * Total-relation matrix T = N + N² + … = N (I − N)⁻¹ (METHODS §2.3),
 * computed by LU-solving (I − N) T = N (N and (I − N)⁻¹ commute), never by
 * forming the inverse. The series converges only when the spectral radius
 * ρ(N) < 1; otherwise no T exists and this throws.
 * Source: Gabus & Fontela (1973); Tzeng et al. (2007) eq. (3).
 * @throws {InfeasibleError} when ρ(N) ≥ 1, I − N is singular, or the solution fails its residual check.
 * @example
 * totalRelation([[0, 0.5], [0.5, 0]]).total; // [[1/3, 2/3], [2/3, 1/3]]
 */
export function totalRelation(normalized: Matrix): TotalRelation {
  const n = assertSquare(normalized, "normalised matrix");
  const rho = spectralRadius(normalized);
  if (rho >= 1 - 1e-10) {
    throw new InfeasibleError(
      `The total-relation matrix does not exist: the normalised matrix has spectral radius ρ(N) = ${rho.toFixed(6)} ≥ 1, so I − N is singular or N + N² + … diverges. ${REMEDIES}`,
    );
  }
  const lu = toFlat(normalized);
  for (let k = 0; k < n * n; k++) lu[k] = -lu[k];
  for (let i = 0; i < n; i++) lu[i * n + i] += 1;
  const piv = new Int32Array(n);
  const pivot = luFactor(lu, n, piv);
  if (pivot < 1e-14) throw new InfeasibleError(`I − N is numerically singular (relative pivot ${pivot.toExponential(2)}). ${REMEDIES}`);
  const col = new Float64Array(n);
  const work = new Float64Array(n);
  const total: Matrix = Array.from({ length: n }, () => new Array<number>(n));
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = normalized[i][j];
    luSolve(lu, n, piv, col, work);
    for (let i = 0; i < n; i++) total[i][j] = col[i];
  }
  let residual = 0, size = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let nt = 0;
      for (let k = 0; k < n; k++) nt += normalized[i][k] * total[k][j];
      const r = Math.abs(total[i][j] - nt - normalized[i][j]);
      if (r > residual) residual = r;
      if (Math.abs(total[i][j]) > size) size = Math.abs(total[i][j]);
    }
  if (residual > 1e-9 * Math.max(1, size)) {
    throw new InfeasibleError(`The total-relation matrix failed its residual check (max |T − N·T − N| = ${residual.toExponential(2)}): I − N is too ill-conditioned. ${REMEDIES}`);
  }
  return { total, spectralRadius: rho, residual };
}
