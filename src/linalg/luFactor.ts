/**
 * LU factorisation with partial pivoting, in place, with the elimination steps taken two at a time. Each
 * entry below and right of a step pair is loaded and stored once for both steps instead of once per step,
 * but it still receives the same two updates a − f·u in the same order as the textbook one-step-at-a-time
 * loop (Golub & Van Loan, Algorithm 3.4.1), so the factors, the permutation and the returned pivot ratio
 * are that loop's bit for bit (tests/bootstrapSpeedKernels.test.ts checks them against it), about twice
 * as fast for n in the tens to hundreds.
 *
 * Step pair (k, k + 1): pivot column k, swap, multipliers f_ik; apply step k to column k + 1 only;
 * pivot column k + 1 (a row swap moves a row with its pending step-k update, since that update is
 * determined by the row's own f_ik and the pivot row k, which stays); apply step k to the new row
 * k + 1; multipliers f_i,k+1; then both updates to every remaining entry, step k first.
 */

/**
 * LU factorisation with partial pivoting, in place: `a` (n×n, row-major) becomes L (unit lower, below the
 * diagonal) and U (upper); `piv[i]` is the original row now at position i. Returns the smallest |pivot|
 * relative to the largest |entry| of the input (0 when singular), so the caller can judge conditioning.
 * Allocates nothing.
 * @example
 * const a = Float64Array.from([4, 3, 6, 3]);
 * const piv = new Int32Array(2);
 * luFactor(a, 2, piv); // 0.5 (smallest pivot 3 over the largest entry 6); a holds L and U
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): number {
  let scale = 0;
  for (let k = 0; k < n * n; k++) {
    const v = Math.abs(a[k]);
    if (v > scale) scale = v;
  }
  if (scale === 0) return 0;
  for (let i = 0; i < n; i++) piv[i] = i;
  let minPivot = Infinity;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const max0 = pivotAndSwap(a, n, piv, k);
    if (max0 < minPivot) minPivot = max0;
    if (max0 === 0) return 0;
    scaleColumn(a, n, k);
    const k1 = k + 1;
    // Step k on column k + 1 only.
    const u01 = a[k * n + k1];
    for (let i = k1; i < n; i++) {
      const f = a[i * n + k];
      if (f !== 0) a[i * n + k1] -= f * u01;
    }
    const max1 = pivotAndSwap(a, n, piv, k1);
    if (max1 < minPivot) minPivot = max1;
    if (max1 === 0) {
      finishStep(a, n, k, k1 + 1, k1);
      return 0;
    }
    // Step k on the new pivot row k + 1, then its multipliers, then both steps on the rest.
    finishStep(a, n, k, k1 + 1, k1, k1 + 1);
    scaleColumn(a, n, k1);
    updatePair(a, n, k);
  }
  if (k < n) {
    // The last step (n odd): only its pivot; nothing is left below it to eliminate.
    const max = pivotAndSwap(a, n, piv, k);
    if (max < minPivot) minPivot = max;
    if (max === 0) return 0;
  }
  return minPivot / scale;
}

/** Partial pivoting at step k: the row of the largest |a_ik| (i ≥ k, first on ties) swapped into row k; returns that |pivot|. */
function pivotAndSwap(a: Float64Array, n: number, piv: Int32Array, k: number): number {
  let p = k;
  let max = Math.abs(a[k * n + k]);
  for (let i = k + 1, ik = (k + 1) * n + k; i < n; i++, ik += n) {
    const v = Math.abs(a[ik]);
    if (v > max) {
      max = v;
      p = i;
    }
  }
  if (max !== 0 && p !== k) {
    const rk = k * n,
      rp = p * n;
    for (let j = 0; j < n; j++) {
      const t = a[rk + j];
      a[rk + j] = a[rp + j];
      a[rp + j] = t;
    }
    const t = piv[k];
    piv[k] = piv[p];
    piv[p] = t;
  }
  return max;
}

/** The multipliers of step k: a_ik /= a_kk for i > k. */
function scaleColumn(a: Float64Array, n: number, k: number): void {
  const pivot = a[k * n + k];
  for (let i = k + 1, ik = (k + 1) * n + k; i < n; i++, ik += n) a[ik] /= pivot;
}

/** Step k's update a_ij −= f_ik·a_kj on rows [i0, i1) (default to n) and columns j ≥ j0. */
function finishStep(a: Float64Array, n: number, k: number, j0: number, i0: number, i1 = n): void {
  const rk = k * n;
  for (let i = i0; i < i1; i++) {
    const ri = i * n;
    const f = a[ri + k];
    if (f === 0) continue;
    for (let j = j0; j < n; j++) a[ri + j] -= f * a[rk + j];
  }
}

/**
 * Steps k and k + 1 together on rows and columns ≥ k + 2: a_ij = (a_ij − f_ik·a_kj) − f_i,k+1·a_k+1,j,
 * a zero multiplier's step skipped; four rows per pass where all their multipliers are non-zero.
 */
function updatePair(a: Float64Array, n: number, k: number): void {
  const r0 = k * n,
    r1 = r0 + n;
  const j0 = k + 2;
  let i = k + 2;
  for (; i + 3 < n; i += 4) {
    const ra = i * n,
      rb = ra + n,
      rc = rb + n,
      rd = rc + n;
    const fa = a[ra + k],
      ga = a[ra + k + 1],
      fb = a[rb + k],
      gb = a[rb + k + 1],
      fc = a[rc + k],
      gc = a[rc + k + 1],
      fd = a[rd + k],
      gd = a[rd + k + 1];
    if (fa !== 0 && ga !== 0 && fb !== 0 && gb !== 0 && fc !== 0 && gc !== 0 && fd !== 0 && gd !== 0)
      for (let j = j0; j < n; j++) {
        const u0 = a[r0 + j],
          u1 = a[r1 + j];
        a[ra + j] = a[ra + j] - fa * u0 - ga * u1;
        a[rb + j] = a[rb + j] - fb * u0 - gb * u1;
        a[rc + j] = a[rc + j] - fc * u0 - gc * u1;
        a[rd + j] = a[rd + j] - fd * u0 - gd * u1;
      }
    else {
      updateRow(a, n, ra, fa, ga, r0, r1, j0);
      updateRow(a, n, rb, fb, gb, r0, r1, j0);
      updateRow(a, n, rc, fc, gc, r0, r1, j0);
      updateRow(a, n, rd, fd, gd, r0, r1, j0);
    }
  }
  for (; i < n; i++) updateRow(a, n, i * n, a[i * n + k], a[i * n + k + 1], r0, r1, j0);
}

/** Steps k and k + 1 on the row at offset ri, columns ≥ j0, with its multipliers f0, f1 (a zero one's step skipped). */
function updateRow(a: Float64Array, n: number, ri: number, f0: number, f1: number, r0: number, r1: number, j0: number): void {
  if (f0 !== 0 && f1 !== 0) for (let j = j0; j < n; j++) a[ri + j] = a[ri + j] - f0 * a[r0 + j] - f1 * a[r1 + j];
  else if (f0 !== 0) for (let j = j0; j < n; j++) a[ri + j] -= f0 * a[r0 + j];
  else if (f1 !== 0) for (let j = j0; j < n; j++) a[ri + j] -= f1 * a[r1 + j];
}
