/**
 * The number of distinct assignments of m = Σ sizes components to layers of
 * the given sizes: the multinomial coefficient m! / (s_1!·s_2!·…·s_L!)
 * (docs/methods.md §5.4; 25,200 for the CXM model's sizes 2, 3, 2, 3).
 *
 * Computed as a product of binomial coefficients C(m, s_1)·C(m − s_1, s_2)·…,
 * exact while the result is below 2^53; larger counts are rounded (and may be
 * Infinity for absurd sizes), which only matters for choosing Monte Carlo.
 * @param sizes the layer sizes, non-negative integers (a size of 0 is allowed).
 * @throws {RangeError} when a size is not a non-negative integer.
 * @example
 * countAssignments([2, 3, 2, 3]); // 25200
 */
export function countAssignments(sizes: readonly number[]): number {
  let remaining = 0;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`layer sizes must be non-negative integers, got ${s}`);
    remaining += s;
  }
  let count = 1;
  for (const s of sizes) {
    // C(remaining, s), built up so that every intermediate value is an integer.
    let c = 1;
    for (let k = 1; k <= s && Number.isFinite(c); k++) c = (c * (remaining - s + k)) / k;
    count *= Math.round(c);
    remaining -= s;
  }
  return count;
}
