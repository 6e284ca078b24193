/**
 * Internal: the experts' ratings packed several cells to a double, for the bootstrap's weighted sums
 * when every rating and every weight is a non-negative integer (integer rating scales, unit weights:
 * the usual survey). Then every term counts_k·w_k·x_k and every partial sum of a cell is an integer
 * below 2^53, so the straightforward loop computes each cell's sum exactly, and so does any other
 * exact computation of it: summing packed values p = Σ_f x_f·2^(b·f) (F fields of b bits) gives
 * Σ_f (Σ_k counts_k·w_k·x_kf)·2^(b·f) exactly as long as each field's sum stays below 2^b, and
 * unpacking returns the very same doubles (bit-identical, +0 for an empty cell), with about F times
 * fewer multiply-adds. A replicate whose bound could overflow a field is left to the caller.
 */

/** Ratings packed F cells to a double; see {@link packRatings}. */
export interface PackedRatings {
  /** The K experts' packed matrices, `cells` values each, one after another. */
  readonly X: Float64Array;
  /** Packed values per expert: ⌈n² / fields⌉. */
  readonly cells: number;
  /** Cells per packed value (F). */
  readonly fields: number;
  /** Bits per field (b). */
  readonly bits: number;
  /** 2^b, the place value of the second field. */
  readonly scale: number;
  /** The largest rating, to bound a replicate's cell sums by largest · Σ_k counts_k·w_k. */
  readonly largest: number;
}

/** Exactly representable integers end here: every packed sum must stay below it. */
const EXACT_BITS = 53;

/**
 * Pack X (K row-major n² = nn matrices) for weighted sums of total weight Σ_k counts_k·w_k up to
 * `maxTotal`; null when a rating or a weight is not a non-negative integer, or fewer than two cells
 * would share a double.
 * @example
 * const packed = packRatings(X, w, K, nn, K * Math.max(...w)); // null for non-integer ratings
 */
export function packRatings(X: Float64Array, w: Float64Array, K: number, nn: number, maxTotal: number): PackedRatings | null {
  for (let k = 0; k < K; k++) if (!(Number.isInteger(w[k]) && w[k] >= 0)) return null;
  let largest = 0;
  for (let c = 0; c < K * nn; c++) {
    const v = X[c];
    if (!(Number.isInteger(v) && v >= 0)) return null;
    if (v > largest) largest = v;
  }
  const bound = largest * maxTotal;
  if (!Number.isSafeInteger(bound)) return null;
  let bits = 1;
  while (2 ** bits <= bound) bits++;
  const fields = Math.floor(EXACT_BITS / bits);
  if (fields < 2) return null;
  const cells = Math.ceil(nn / fields);
  const packed = new Float64Array(K * cells);
  // The place value as a plain number field: a `2 ** bits` computed inside the unpacking loop's function kept it 5× slower in V8.
  const scale = 2 ** bits;
  for (let k = 0; k < K; k++) {
    let place = 1;
    let q = k * cells;
    for (let c = 0, f = 0; c < nn; c++) {
      packed[q] += X[k * nn + c] * place; // field f = c % fields of value q = ⌊c / fields⌋, at place 2^(bits·f)
      if (++f < fields) place *= scale;
      else {
        f = 0;
        place = 1;
        q++;
      }
    }
  }
  return { X: packed, cells, fields, bits, scale, largest };
}

/** Whether a replicate of total weight Σ_k counts_k·w_k = `total` has every field sum below 2^bits (then {@link unpackSums} is exact). */
export function fitsPacked(p: PackedRatings, total: number): boolean {
  return p.largest * total < p.scale;
}

/**
 * A[c] for c < nn from the packed sums S[o .. o + cells): field c % F of value ⌊c / F⌋, each an exact
 * integer (power-of-two scaling, floor and subtraction of integers below 2^53 are exact).
 * @example
 * unpackSums(packed, sums, j * packed.cells, nn, kernel.direct);
 */
export function unpackSums(p: PackedRatings, S: Float64Array, o: number, nn: number, A: Float64Array): void {
  const { fields, cells, scale } = p;
  const inverse = 1 / scale;
  for (let q = 0; q < cells; q++) {
    let v = S[o + q];
    const end = Math.min(nn, (q + 1) * fields);
    for (let c = q * fields; c < end; c++) {
      const high = Math.floor(v * inverse);
      A[c] = v - high * scale;
      v = high;
    }
  }
}
