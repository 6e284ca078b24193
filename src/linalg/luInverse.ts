/**
 * Internal: the inverse of a matrix from its {@link luFactor} factors, all n columns at once. Each
 * column receives exactly the operations `luSolve` performs on the unit vector e_j (the same
 * subtractions in the same order, then the same division), so the result equals n separate solves
 * bit for bit, but the work runs along contiguous rows instead of one strided solve per column.
 */

/**
 * W = A⁻¹ (row-major n×n) from `luFactor`'s `lu` and `piv` of A, column j equal to
 * `luSolve(lu, n, piv, e_j)` bit for bit. `V` is n×n scratch. Allocates nothing.
 *
 * Forward, in the columns' pivot order (V[i][p] belongs to column piv[p]): solve p starts from the
 * unit vector at position p, and its entries above p are +0 and stay +0 through every subtraction
 * (+0 − (±0) = +0), which also leaves the entries below unchanged until row p is reached; so only the
 * entries p ≤ j of each row j take part, V = L⁻¹, the same doubles `luSolve` forms.
 * @example
 * const a = Float64Array.from([2, 0, 0, 4]);
 * const piv = new Int32Array(2);
 * luFactor(a, 2, piv);
 * const inv = new Float64Array(4);
 * luInverse(a, 2, piv, inv, new Float64Array(4)); // [0.5, 0, 0, 0.25]
 */
export function luInverse(lu: Float64Array, n: number, piv: Int32Array, W: Float64Array, V: Float64Array): void {
  V.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    V[ri + i] = 1;
    // Row i −= l_ij · row j for j < i, ascending (luSolve's s −= lu[i·n + j]·work[j]), on row j's entries p ≤ j.
    for (let j = 0; j < i; j++) {
      const f = lu[ri + j];
      const rj = j * n;
      for (let p = 0; p <= j; p++) V[ri + p] -= f * V[rj + p];
    }
  }
  // Backward: row i −= u_ij · row j for j > i, ascending, then row i / u_ii (every entry takes part).
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    for (let j = i + 1; j < n; j++) {
      const f = lu[ri + j];
      const rj = j * n;
      for (let p = 0; p < n; p++) V[ri + p] -= f * V[rj + p];
    }
    const d = lu[ri + i];
    for (let p = 0; p < n; p++) V[ri + p] /= d;
  }
  for (let i = 0; i < n; i++) for (let p = 0; p < n; p++) W[i * n + piv[p]] = V[i * n + p];
}
