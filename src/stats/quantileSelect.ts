/**
 * Internal: {@link quantileType7} without sorting, for the bootstrap's tens of
 * thousands of replicate values: Hoare's quickselect (Hoare 1961, CACM 4(7),
 * Algorithm 65 "FIND") with a median-of-three pivot finds the order statistic
 * x₍⌊h⌋₎ in expected linear time; x₍⌊h⌋+1₎ is then the smallest value above
 * it. Same definition as quantileType7 (Hyndman & Fan 1996, type 7). Not part
 * of the public API.
 */

/** Rearrange values[start, start+count) so the k-th smallest (0-based) sits at start+k, smaller ones before it, larger ones after. */
function select(a: Float64Array, start: number, count: number, k: number): void {
  let lo = start, hi = start + count - 1;
  const target = start + k;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three into a[mid].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo, j = hi;
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
 * segment. Allocates nothing.
 */
export function quantileSelect(values: Float64Array, start: number, count: number, p: number): number {
  if (!(count >= 1)) throw new RangeError("quantileSelect requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSelect: p must be in [0, 1], got ${p}`);
  const h = (count - 1) * p;
  const k = Math.floor(h);
  select(values, start, count, k);
  const xk = values[start + k];
  const f = h - k;
  if (f === 0 || k >= count - 1) return xk;
  let next = Infinity;
  for (let i = start + k + 1; i < start + count; i++) if (values[i] < next) next = values[i];
  return xk + f * (next - xk);
}
