/**
 * Solve A X = B for all n columns of B at once, given `luFactor`'s output of A (P A = L U), in place in B
 * (row-major n×n). Each entry gets exactly the operations `luSolve` applies to its column, in the same order
 * (row i less L[i][k]·row k for k ascending, then row i less U[i][k]·row k for k ascending above i, divided by
 * U[i][i]), so the result equals n calls of `luSolve` to the last bit; but the inner loops run along rows, in
 * contiguous memory, without gathering columns. Allocates one row-permuted copy.
 * @example
 * const lu = Float64Array.of(2, 0, 0, 4); const piv = Int32Array.of(0, 1);
 * const B = Float64Array.of(2, 4, 8, 4); luSolveMatrix(lu, 2, piv, B); // B = [1, 2, 2, 1]
 */
export function luSolveMatrix(lu: Float64Array, n: number, piv: Int32Array, B: Float64Array): void {
  const X = new Float64Array(n * n);
  for (let i = 0; i < n; i++) X.set(B.subarray(piv[i] * n, piv[i] * n + n), i * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < i; k++) {
      const l = lu[row + k];
      const other = k * n;
      for (let j = 0; j < n; j++) X[row + j] -= l * X[other + j];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    for (let k = i + 1; k < n; k++) {
      const u = lu[row + k];
      const other = k * n;
      for (let j = 0; j < n; j++) X[row + j] -= u * X[other + j];
    }
    const d = lu[row + i];
    for (let j = 0; j < n; j++) X[row + j] /= d;
  }
  B.set(X);
}
