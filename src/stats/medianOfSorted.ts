/**
 * The median of the first `count` values of an ascending array: the middle
 * value for an odd count, the mean of the two middle values for an even one.
 * Used by the element-wise median aggregation and by its resampled form in the
 * bootstrap, so that both give bit-identical medians.
 * @throws nothing (hot-loop helper): count must be ≥ 1.
 * @example
 * medianOfSorted(Float64Array.of(1, 2, 4, 9), 4); // 3
 */
export function medianOfSorted(sorted: ArrayLike<number>, count: number): number {
  return count % 2 === 1 ? sorted[(count - 1) / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
}
