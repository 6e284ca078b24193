/**
 * Internal: {@link luSolve} for four right-hand sides at once. A single solve is one chain of
 * dependent subtractions per row; four interleaved chains keep the processor busy while each chain
 * performs exactly `luSolve`'s operations in its order, so every solution equals four separate
 * `luSolve` calls bit for bit.
 */

/**
 * Solve A x_c = b_c for c = 0..3 given `luFactor`'s output, in place in X (n×4 row-major: X[i·4 + c]
 * is entry i of right-hand side c); `work` is n×4 scratch. Allocates nothing.
 * @example
 * luSolveFour(lu, n, piv, X, work); // X[i * 4 + c] = (A⁻¹ b_c)[i]
 */
export function luSolveFour(lu: Float64Array, n: number, piv: Int32Array, X: Float64Array, work: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const p = piv[i] * 4;
    work[i * 4] = X[p];
    work[i * 4 + 1] = X[p + 1];
    work[i * 4 + 2] = X[p + 2];
    work[i * 4 + 3] = X[p + 3];
  }
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s0 = work[i * 4],
      s1 = work[i * 4 + 1],
      s2 = work[i * 4 + 2],
      s3 = work[i * 4 + 3];
    for (let j = 0; j < i; j++) {
      const l = lu[ri + j];
      s0 -= l * work[j * 4];
      s1 -= l * work[j * 4 + 1];
      s2 -= l * work[j * 4 + 2];
      s3 -= l * work[j * 4 + 3];
    }
    work[i * 4] = s0;
    work[i * 4 + 1] = s1;
    work[i * 4 + 2] = s2;
    work[i * 4 + 3] = s3;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s0 = work[i * 4],
      s1 = work[i * 4 + 1],
      s2 = work[i * 4 + 2],
      s3 = work[i * 4 + 3];
    for (let j = i + 1; j < n; j++) {
      const u = lu[ri + j];
      s0 -= u * work[j * 4];
      s1 -= u * work[j * 4 + 1];
      s2 -= u * work[j * 4 + 2];
      s3 -= u * work[j * 4 + 3];
    }
    const d = lu[ri + i];
    work[i * 4] = s0 / d;
    work[i * 4 + 1] = s1 / d;
    work[i * 4 + 2] = s2 / d;
    work[i * 4 + 3] = s3 / d;
  }
  for (let k = 0; k < 4 * n; k++) X[k] = work[k];
}
