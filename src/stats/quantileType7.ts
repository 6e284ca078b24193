/**
 * Sample quantile of a sorted array by Hyndman & Fan's (1996) definition 7
 * (R's default `quantile(type = 7)`, numpy's default "linear"): with
 * h = (N − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) on the
 * 0-based sorted values. Source: Hyndman, R. J. & Fan, Y. (1996), "Sample
 * quantiles in statistical packages", The American Statistician 50(4), 361–365.
 * @param sorted values in ascending order (not checked), no NaN.
 * @param p probability in [0, 1].
 * @param count how many leading entries of `sorted` to use (default all).
 * @throws {RangeError} when there are no values or p is outside [0, 1].
 * @example
 * quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95); // 9.55, as R's quantile(1:10, 0.95)
 */
export function quantileType7(sorted: ArrayLike<number>, p: number, count: number = sorted.length): number {
  if (!(count >= 1)) throw new RangeError("quantileType7 requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7: p must be in [0, 1], got ${p}`);
  const h = (count - 1) * p;
  const lo = Math.floor(h);
  if (lo >= count - 1) return sorted[count - 1];
  const f = h - lo;
  return f === 0 ? sorted[lo] : sorted[lo] + f * (sorted[lo + 1] - sorted[lo]);
}
