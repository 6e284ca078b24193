/**
 * The tie rule of every Kendall τ_b in this package ({@link kendallTauB}, the
 * fast evaluator `createTauB`, the trend test and the resampling kernel):
 * two values u, v of one variable are tied when
 * `|u − v| ≤ 1e-12 · max(1, max|value|)`, the maximum over that variable's
 * finite values. This function returns that bound; {@link pairSign} applies it.
 *
 * Why a tolerance and not exact equality (R's rule): τ_b is taken here mostly
 * over relation D − R, a computed float. Components that are exchangeable in
 * the data have equal relation in exact arithmetic but come out a few ulps
 * apart, and differently on each code path (`dematel` solves for T, the
 * kernel takes D = z − 1 from a solve for z). With exact ties S_trend then
 * depended on rounding: on a strictly layered CXM panel with equal relations
 * within each layer it counted 6 of the 8 within-layer ties, on the mirror
 * panel 4, so mirror-image panels had different |S_trend|; a symmetric
 * two-component panel (relation 0 for both) gave S_trend −1 on one path and
 * NaN (no ordering) on the other. The bound is about 4,500 ulps at scale 1,
 * far above the rounding error of D − R and far below any difference a real
 * survey produces; the floor of 1 makes it the absolute ±1e-12 band within
 * which `roleOf` calls a relation neutral. On integers (layer indices, ISM
 * levels) it is exact equality; the golden results did not change with it.
 * Because a chain of values each within the bound of the next need not be
 * within it end to end, ties are counted as tied pairs (for exact ties the
 * same as Σ t(t−1)/2 over groups of equal values).
 * @param values one variable's values (or one value, e.g. a statistic compared with others of its kind); NaN and ±Infinity do not set the scale.
 * @returns the largest difference counted as a tie (≥ 1e-12).
 * @throws nothing.
 * @example
 * tieTolerance([0.3, -2, 1]); // 2e-12
 */
export function tieTolerance(values: ArrayLike<number> | number): number {
  if (typeof values === "number") return 1e-12 * (Math.abs(values) > 1 && values !== Infinity && values !== -Infinity ? Math.abs(values) : 1);
  let scale = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] < 0 ? -values[i] : values[i];
    if (v > scale && v !== Infinity) scale = v;
  }
  return 1e-12 * scale;
}

/**
 * sign(a − b) under the tie rule of {@link tieTolerance}: +1 when
 * a − b > tolerance, −1 when a − b < −tolerance, 0 (tied) otherwise, which
 * includes a NaN difference (NaN, or the same infinity twice).
 * @param tolerance `tieTolerance` of the variable a and b belong to.
 * @throws nothing (hot-loop helper).
 * @example
 * pairSign(1, 1 + 1e-15, tieTolerance([1, 1 + 1e-15])); // 0
 */
export function pairSign(a: number, b: number, tolerance: number): -1 | 0 | 1 {
  const d = a - b;
  return d > tolerance ? 1 : d < -tolerance ? -1 : 0;
}

/**
 * Kendall's tau-b rank correlation with ties (Kendall 1945, "The treatment of
 * ties in ranking problems", Biometrika 33, 239–251; the coefficient R's
 * `cor(x, y, method = "kendall")` returns).
 *
 * In words: over all n(n−1)/2 pairs i < j, S = Σ sign(x_i − x_j)·sign(y_i − y_j)
 * (concordant minus discordant pairs); with n0 = n(n−1)/2, n1 = the number of
 * pairs tied in x (Σ t(t−1)/2 over groups of tied x values) and n2 likewise
 * for y, `τ_b = S / √((n0 − n1)(n0 − n2))`.
 *
 * Ties follow {@link tieTolerance}: values of one variable within
 * 1e-12·max(1, max|value|) of each other are tied, so floating-point noise in a
 * computed relation never breaks a true tie. This equals R's exact-equality
 * rule except for values closer than that. The result is NaN when either
 * variable is constant (or n < 2), because the denominator is 0.
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
  const tolX = tieTolerance(x);
  const tolY = tieTolerance(y);
  let s = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    for (let j = i + 1; j < n; j++) {
      const dx = pairSign(xi, x[j], tolX);
      const dy = pairSign(yi, y[j], tolY);
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
