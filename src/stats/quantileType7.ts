/**
 * Sample quantile of a sorted array by Hyndman & Fan's (1996) definition 7
 * (R's default `quantile(type = 7)`, numpy's default "linear", Excel's
 * PERCENTILE.INC): with
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
  return quantileType7By(count, p, (k) => sorted[k], "quantileType7");
}

/**
 * Internal: the one type-7 rule, behind {@link quantileType7} (sorted input)
 * and `quantileSelect` (quickselect, unsorted input), so the two cannot
 * drift: with h = (count − 1)·p and k = ⌊h⌋,
 * Q(p) = x₍k₎ + (h − k)·(x₍k+1₎ − x₍k₎), where x₍k₎ is the k-th smallest value
 * (0-based); Q(p) = x₍k₎ when h is a whole number.
 * @param count the number of values.
 * @param orderStatistic returns x₍k₎; called first with k = ⌊h⌋, then at
 *   most once more, with ⌊h⌋ + 1.
 * @param caller the function named in the error messages.
 * @throws {RangeError} when count < 1 or p is outside [0, 1] (or NaN).
 * @example
 * quantileType7By(4, 0.3, (k) => [1, 2, 3, 4][k], "q"); // 1.9
 */
export function quantileType7By(count: number, p: number, orderStatistic: (k: number) => number, caller: string): number {
  if (!(count >= 1)) throw new RangeError(`${caller} requires at least one value`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${caller}: p must be in [0, 1], got ${p}`);
  const h = (count - 1) * p;
  const k = Math.floor(h);
  const below = orderStatistic(k);
  const f = h - k;
  if (f === 0 || k >= count - 1) return below;
  return below + f * (orderStatistic(k + 1) - below);
}
