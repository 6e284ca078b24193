/**
 * Internal: the weighted sums Σ_k counts_k·w_k·X_k of a batch of resampled panels, the way the
 * bootstrap's mean aggregation needs them: packed several cells to a double when the ratings and
 * weights are integers ({@link packRatings}, exact), else register-blocked on the ratings themselves
 * ({@link weightedSums}). Either way each replicate's sum is the same double, cell by cell, as the
 * straightforward loop's (experts ascending, zero factors skipped).
 */
import { fitsPacked, packRatings, unpackSums, type PackedRatings } from "./packedRatings.js";
import { createWeightedSumsScratch, weightedSums, type WeightedSumsScratch } from "./weightedSums.js";

/** The sums of up to `batchSize` replicates; see {@link createPanelSums}. */
export interface PanelSums {
  /** After `sum`: Σ_k counts_jk·w_k of replicate j. */
  readonly totals: Float64Array;
  /** Sum replicates j < size (their counts row-major size × K). */
  sum(counts: Float64Array, size: number): void;
  /** Replicate j's summed matrix (n² cells) into A; `counts` as given to `sum`. */
  read(counts: Float64Array, j: number, A: Float64Array): void;
}

/**
 * Sums of batches of up to `batchSize` replicates of the K experts' matrices X (n² = nn cells each)
 * with weights w. Allocates once; `sum` and `read` allocate nothing.
 * @example
 * const sums = createPanelSums(X, w, nn, 16);
 * sums.sum(counts, 16);
 * sums.read(counts, 0, kernel.direct);
 */
export function createPanelSums(X: Float64Array, w: Float64Array, nn: number, batchSize: number): PanelSums {
  const K = w.length;
  let maxWeight = 0;
  for (let k = 0; k < K; k++) if (w[k] > maxWeight) maxWeight = w[k];
  const packed = packRatings(X, w, K, nn, K * Math.max(1, maxWeight));
  const totals = new Float64Array(batchSize);
  const one = new Float64Array(1);
  const direct = createWeightedSumsScratch(K, nn, packed ? 1 : batchSize);
  return packed ? packedSums(packed, X, w, nn, batchSize, totals, direct, one) : directPanelSums(X, w, nn, totals, direct, new Float64Array(batchSize * nn));
}

/** Sums on the ratings themselves, into `sums` (batchSize × n²), copied out per replicate. */
function directPanelSums(X: Float64Array, w: Float64Array, nn: number, totals: Float64Array, scratch: WeightedSumsScratch, sums: Float64Array): PanelSums {
  const K = w.length;
  return {
    totals,
    sum(counts: Float64Array, size: number): void {
      weightedSums(X, counts, w, K, nn, size, sums, totals, scratch);
    },
    read(_counts: Float64Array, j: number, A: Float64Array): void {
      A.set(sums.subarray(j * nn, (j + 1) * nn));
    },
  };
}

/** Sums of the packed ratings, unpacked per replicate; a replicate whose fields could overflow is summed directly. */
function packedSums(
  p: PackedRatings,
  X: Float64Array,
  w: Float64Array,
  nn: number,
  batchSize: number,
  totals: Float64Array,
  direct: WeightedSumsScratch,
  one: Float64Array,
): PanelSums {
  const K = w.length;
  const { cells } = p;
  const sums = new Float64Array(batchSize * cells);
  const scratch = createWeightedSumsScratch(K, cells, batchSize);
  const ones = new Float64Array(K).fill(1);
  const everyone = new Float64Array(cells);
  const row = new Float64Array(K);
  weightedSums(p.X, ones, w, K, cells, 1, everyone, one, scratch);
  const fullFits = fitsPacked(p, one[0]);
  return {
    totals,
    sum(counts: Float64Array, size: number): void {
      if (fullFits && fewLeftOut(counts, K, size)) leftOutSums(p.X, counts, w, K, cells, size, everyone, sums, totals);
      else weightedSums(p.X, counts, w, K, cells, size, sums, totals, scratch);
    },
    read(counts: Float64Array, j: number, A: Float64Array): void {
      if (fitsPacked(p, totals[j])) unpackSums(p, sums, j * p.cells, nn, A);
      else {
        // Never for a bootstrap or jackknife panel (their totals are at most K·max w): summed on the ratings.
        for (let k = 0; k < K; k++) row[k] = counts[j * K + k];
        weightedSums(X, row, w, K, nn, 1, A, one, direct);
      }
    },
  };
}

/** Whether every replicate takes each expert at most once and leaves out fewer than a quarter of them (the jackknife's panels). */
function fewLeftOut(counts: Float64Array, K: number, size: number): boolean {
  for (let j = 0; j < size; j++) {
    let out = 0;
    for (let k = 0; k < K; k++) {
      const c = counts[j * K + k];
      if (c === 0) out++;
      else if (c !== 1) return false;
    }
    if (4 * out >= K) return false;
  }
  return true;
}

/**
 * Packed sums of panels that leave a few experts out: the whole panel's sum minus the left-out
 * experts' terms. Exact, so the same integers as summing the experts kept: every partial result is
 * the sum of a subset of the non-negative integer terms, below the whole panel's sum < 2^53, with
 * each field below 2^bits. The totals are summed as `weightedSums` sums them.
 */
function leftOutSums(
  X: Float64Array,
  counts: Float64Array,
  w: Float64Array,
  K: number,
  cells: number,
  size: number,
  everyone: Float64Array,
  S: Float64Array,
  totals: Float64Array,
): void {
  for (let j = 0; j < size; j++) {
    const o = j * cells;
    S.set(everyone, o);
    let total = 0;
    for (let k = 0; k < K; k++) {
      const f = counts[j * K + k] * w[k];
      if (f !== 0) total += f;
      else if (counts[j * K + k] === 0 && w[k] !== 0) {
        const wk = w[k],
          b = k * cells;
        for (let c = 0; c < cells; c++) S[o + c] -= wk * X[b + c];
      }
    }
    totals[j] = total;
  }
}
