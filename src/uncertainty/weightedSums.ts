/**
 * Internal: the bootstrap's weighted sums A_j = Σ_k counts_jk·w_k·X_k for a batch of replicates j,
 * register-blocked over the experts: each cell's running sum stays in a register while four
 * experts' terms are added to it, so a pass reads and writes the sum once per four experts instead
 * of once per expert. The terms of each cell are still added one by one, experts ascending, zero
 * factors skipped, starting from 0, so every sum is the same floating-point number, bit for bit, as
 * the straightforward loop (`for k: if (f !== 0) A[c] += f·X_k[c]` on A = 0).
 */

/** Scratch of {@link weightedSums}: per replicate, its experts with a non-zero factor, ascending. */
export interface WeightedSumsScratch {
  /** Expert offsets k·n² of replicate j's non-zero factors at j·K + m. */
  readonly base: Int32Array;
  /** The non-zero factors counts_jk·w_k, in the same places. */
  readonly factor: Float64Array;
  /** How many non-zero factors each replicate has. */
  readonly length: Int32Array;
  /** Cells summed together: tiles of this many cells of all K experts' matrices stay in cache across the batch. */
  readonly tile: number;
}

/** Bytes of the experts' matrices one cell tile should span (all K experts), to stay in a core's L2 cache. */
const TILE_BYTES = 1 << 20;

/**
 * Scratch for batches of up to `batch` replicates of K experts with n² = nn cells.
 * @example
 * const scratch = createWeightedSumsScratch(50, 10000, 16);
 */
export function createWeightedSumsScratch(K: number, nn: number, batch: number): WeightedSumsScratch {
  const tile = Math.max(64, Math.min(nn, Math.floor(TILE_BYTES / 8 / K / 16) * 16));
  return { base: new Int32Array(batch * K), factor: new Float64Array(batch * K), length: new Int32Array(batch), tile };
}

/**
 * S[j·nn + c] = Σ_k counts[j·K + k]·w[k]·X[k·nn + c] for j < size, and totals[j] = Σ_k counts[j·K + k]·w[k]:
 * each sum over the experts with a non-zero factor, ascending, starting from 0, the same operations
 * in the same order as the straightforward loop (bit-identical). A replicate with no non-zero factor
 * gets S = 0 and total 0. Allocates nothing.
 * @example
 * weightedSums(X, counts, w, K, nn, size, S, totals, createWeightedSumsScratch(K, nn, size));
 */
export function weightedSums(
  X: Float64Array,
  counts: Float64Array,
  w: Float64Array,
  K: number,
  nn: number,
  size: number,
  S: Float64Array,
  totals: Float64Array,
  scratch: WeightedSumsScratch,
): void {
  const { base, factor, length, tile } = scratch;
  for (let j = 0; j < size; j++) {
    let total = 0;
    let m = j * K;
    for (let k = 0; k < K; k++) {
      const f = counts[j * K + k] * w[k];
      if (f === 0) continue;
      total += f;
      base[m] = k * nn;
      factor[m++] = f;
    }
    totals[j] = total;
    length[j] = m - j * K;
    if (m === j * K) S.fill(0, j * nn, (j + 1) * nn);
  }
  for (let c0 = 0; c0 < nn; c0 += tile) {
    const c1 = Math.min(nn, c0 + tile);
    for (let j = 0; j < size; j++) sumTile(X, S, j * nn, base, factor, j * K, length[j], c0, c1);
  }
}

/** Cells c0..c1 of one replicate's sum (at S[o + c]) over its `len` non-zero terms at base/factor[m0..]: four experts per pass, then the rest. */
function sumTile(X: Float64Array, S: Float64Array, o: number, base: Int32Array, factor: Float64Array, m0: number, len: number, c0: number, c1: number): void {
  if (len === 0) return;
  const end = m0 + len;
  let m = m0;
  let first = true;
  for (; m + 4 <= end; m += 4) {
    const b0 = base[m] - o,
      b1 = base[m + 1] - o,
      b2 = base[m + 2] - o,
      b3 = base[m + 3] - o;
    const f0 = factor[m],
      f1 = factor[m + 1],
      f2 = factor[m + 2],
      f3 = factor[m + 3];
    if (first) for (let c = o + c0; c < o + c1; c++) S[c] = 0 + f0 * X[b0 + c] + f1 * X[b1 + c] + f2 * X[b2 + c] + f3 * X[b3 + c];
    else for (let c = o + c0; c < o + c1; c++) S[c] = S[c] + f0 * X[b0 + c] + f1 * X[b1 + c] + f2 * X[b2 + c] + f3 * X[b3 + c];
    first = false;
  }
  const rest = end - m;
  if (rest === 0) return;
  const b0 = base[m] - o,
    f0 = factor[m];
  const b1 = rest > 1 ? base[m + 1] - o : 0,
    f1 = rest > 1 ? factor[m + 1] : 0;
  const b2 = rest > 2 ? base[m + 2] - o : 0,
    f2 = rest > 2 ? factor[m + 2] : 0;
  if (rest === 3) {
    if (first) for (let c = o + c0; c < o + c1; c++) S[c] = 0 + f0 * X[b0 + c] + f1 * X[b1 + c] + f2 * X[b2 + c];
    else for (let c = o + c0; c < o + c1; c++) S[c] = S[c] + f0 * X[b0 + c] + f1 * X[b1 + c] + f2 * X[b2 + c];
  } else if (rest === 2) {
    if (first) for (let c = o + c0; c < o + c1; c++) S[c] = 0 + f0 * X[b0 + c] + f1 * X[b1 + c];
    else for (let c = o + c0; c < o + c1; c++) S[c] = S[c] + f0 * X[b0 + c] + f1 * X[b1 + c];
  } else if (first) for (let c = o + c0; c < o + c1; c++) S[c] = 0 + f0 * X[b0 + c];
  else for (let c = o + c0; c < o + c1; c++) S[c] = S[c] + f0 * X[b0 + c];
}
