/**
 * Internal: {@link quantileType7} without sorting, for the bootstrap's tens of
 * thousands of replicate values: Hoare's quickselect (Hoare 1961, CACM 4(7),
 * Algorithm 65 "FIND") with a median-of-three pivot finds the order statistic
 * x₍⌊h⌋₎ in expected linear time; x₍⌊h⌋+1₎ is then the smallest value above
 * it. The interpolation is quantileType7's own (`quantileType7By`, Hyndman &
 * Fan 1996, type 7), so both give the same number. Not part of the public API.
 */
import { quantileType7By } from "./quantileType7.js";

/** Rearrange values[start, start+count) so the k-th smallest (0-based) sits at start+k, smaller ones before it, larger ones after. */
function select(a: Float64Array, start: number, count: number, k: number): void {
  let lo = start,
    hi = start + count - 1;
  const target = start + k;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three into a[mid].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo,
      j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Type-7 quantile of values[start, start+count) (no NaN), reordering that
 * segment and no other entry. Allocates nothing but one closure.
 * @throws {RangeError} when count < 1 or p is outside [0, 1].
 * @example
 * quantileSelect(Float64Array.of(4, 1, 3, 2), 0, 4, 0.3); // 1.9, as quantileType7([1, 2, 3, 4], 0.3)
 */
export function quantileSelect(values: Float64Array, start: number, count: number, p: number): number {
  let selected = -1;
  return quantileType7By(
    count,
    p,
    (k) => {
      if (selected < 0) {
        select(values, start, count, k);
        selected = k;
        return values[start + k];
      }
      // k = selected + 1: after the selection every value after position `selected` is ≥ x₍selected₎, so x₍k₎ is the smallest of them.
      let next = Infinity;
      for (let i = start + selected + 1; i < start + count; i++) if (values[i] < next) next = values[i];
      return next;
    },
    "quantileSelect",
  );
}
