/**
 * The small dense linear algebra the package needs, on `Float64Array`s in
 * row-major order, so hot loops (bootstrap, permutation, simulation) can
 * reuse buffers and allocate nothing per iteration. Everything else in the
 * package goes through `Matrix` (arrays of rows).
 */
import type { Matrix } from "../types.js";

/** Copy a square `Matrix` into a row-major `Float64Array` (allocates when `out` is not given). */
export function toFlat(m: Matrix, out?: Float64Array): Float64Array {
  const n = m.length;
  const a = out ?? new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row.length !== n) throw new RangeError(`matrix must be square: row ${i} has ${row.length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) a[i * n + j] = row[j];
  }
  return a;
}

/** Copy a row-major n×n `Float64Array` into a `Matrix`. */
export function fromFlat(a: ArrayLike<number>, n: number): Matrix {
  const m: Matrix = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = a[i * n + j];
    m[i] = row;
  }
  return m;
}

/** Check that `m` is a non-empty square matrix of finite numbers; returns n. */
export function assertSquare(m: Matrix, what = "matrix"): number {
  if (!Array.isArray(m) || m.length === 0) throw new RangeError(`${what} must be a non-empty square matrix`);
  const n = m.length;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (!Array.isArray(row) || row.length !== n)
      throw new RangeError(`${what} must be square: row ${i} has ${Array.isArray(row) ? row.length : 0} entries, expected ${n}`);
    for (let j = 0; j < n; j++) {
      if (typeof row[j] !== "number" || !Number.isFinite(row[j])) throw new TypeError(`${what}[${i}][${j}] must be a finite number, got ${row[j]}`);
    }
  }
  return n;
}

/** LU factorisation with partial pivoting, in place (its own file: the steps are taken in pairs). */
export { luFactor } from "./luFactor.js";

/**
 * Solve `A x = b` given `luFactor`'s output, in place in `x` (which holds b
 * on entry). `work` is scratch of length n. Allocates nothing.
 */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, x: Float64Array, work: Float64Array): void {
  for (let i = 0; i < n; i++) work[i] = x[piv[i]];
  for (let i = 0; i < n; i++) {
    let s = work[i];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * work[j];
    work[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = work[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * work[j];
    work[i] = s / lu[i * n + i];
  }
  for (let i = 0; i < n; i++) x[i] = work[i];
}

/**
 * Solve `Aᵀ x = b` given `luFactor`'s output of A (so P A = L U, Aᵀ = Uᵀ Lᵀ P),
 * in place in `x`. Allocates nothing.
 */
export function luSolveTransposed(lu: Float64Array, n: number, piv: Int32Array, x: Float64Array, work: Float64Array): void {
  // Uᵀ y = b (forward), Lᵀ z = y (backward), x = Pᵀ z.
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let j = 0; j < i; j++) s -= lu[j * n + i] * work[j];
    work[i] = s / lu[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = work[i];
    for (let j = i + 1; j < n; j++) s -= lu[j * n + i] * work[j];
    work[i] = s;
  }
  for (let i = 0; i < n; i++) x[piv[i]] = work[i];
}

/**
 * Spectral radius of a non-negative square matrix (its Perron root), from
 * Collatz–Wielandt bounds on power iteration of I + M (the shift keeps the
 * iteration convergent for periodic matrices). The upper bound max_i (y_i/x_i)
 * decreases to ρ + 1 even for reducible matrices, where the lower bound may
 * stall at a smaller block's root; it stops when the two bounds meet (1e-12,
 * relative) or after 100,000 iterations, and returns the upper bound, so the
 * result never understates ρ. Used for reporting: feasibility of DEMATEL is
 * decided exactly by {@link totalRelation}.
 * @throws {RangeError} when an entry is negative.
 * @example
 * spectralRadius([[0, 0.5], [0.5, 0]]); // 0.5
 */
export function spectralRadius(m: Matrix): number {
  const n = assertSquare(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (m[i][j] < 0) throw new RangeError("spectralRadius needs a non-negative matrix");
  let x = new Float64Array(n).fill(1);
  let y = new Float64Array(n);
  let hi = Infinity;
  for (let it = 0; it < 100000; it++) {
    for (let i = 0; i < n; i++) {
      let s = x[i];
      for (let j = 0; j < n; j++) s += m[i][j] * x[j];
      y[i] = s;
    }
    let lo = Infinity,
      norm = 0;
    hi = 0;
    for (let i = 0; i < n; i++) {
      const r = y[i] / x[i];
      if (r < lo) lo = r;
      if (r > hi) hi = r;
      if (y[i] > norm) norm = y[i];
    }
    for (let i = 0; i < n; i++) y[i] /= norm;
    const t = x;
    x = y;
    y = t;
    if (hi - lo <= 1e-12 * hi) break;
  }
  return Math.max(0, hi - 1);
}
