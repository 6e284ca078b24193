/**
 * Kendall's tau-b rank correlation with ties (Kendall 1945, "The treatment of
 * ties in ranking problems", Biometrika 33, 239–251; the coefficient R's
 * `cor(x, y, method = "kendall")` returns).
 *
 * In words: over all n(n−1)/2 pairs i < j, S = Σ sign(x_i − x_j)·sign(y_i − y_j)
 * (concordant minus discordant pairs); with n0 = n(n−1)/2,
 * n1 = Σ t(t−1)/2 over groups of tied x values and n2 likewise for y,
 * `τ_b = S / √((n0 − n1)(n0 − n2))`.
 *
 * Ties are exact equality (as in R). The result is NaN when either variable is
 * constant (or n < 2), because the denominator is 0.
 * @throws {RangeError} when the lengths differ or a value is NaN.
 * @example
 * kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]); // −0.4714045 (= −4/√72)
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTauB needs two variables of the same length, got ${n} and ${y.length}`);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) throw new RangeError(`kendallTauB: x[${i}] is NaN`);
    if (Number.isNaN(y[i])) throw new RangeError(`kendallTauB: y[${i}] is NaN`);
  }
  let s = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    for (let j = i + 1; j < n; j++) {
      const dx = xi < x[j] ? -1 : xi > x[j] ? 1 : 0;
      const dy = yi < y[j] ? -1 : yi > y[j] ? 1 : 0;
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      s += dx * dy;
    }
  }
  return tauFromCounts(s, n, tiesX, tiesY);
}

/**
 * τ_b from S (concordant − discordant), n, and the numbers of pairs tied in x
 * and in y. Shared with the permutation tests so that the statistic of every
 * assignment is computed with exactly the same floating-point operations.
 * Returns NaN when either variable is constant (a zero denominator).
 * @throws nothing: the counts are trusted (internal helper).
 * @example
 * tauFromCounts(-4, 5, 2, 1); // −4/√72 = −0.4714
 */
export function tauFromCounts(s: number, n: number, tiedPairsX: number, tiedPairsY: number): number {
  const n0 = (n * (n - 1)) / 2;
  const den = (n0 - tiedPairsX) * (n0 - tiedPairsY);
  if (!(den > 0)) return NaN;
  return s / Math.sqrt(den);
}
