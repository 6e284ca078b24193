import type { DematelSettings } from "../core/dematelSettings.js";
import { createDematelKernel, type DematelKernel } from "../core/dematelKernel.js";
import { medianOfSorted } from "../stats/medianOfSorted.js";

/** Evaluates one resampled panel (experts with multiplicities) with the fast DEMATEL kernel; see {@link createReplicateEvaluator}. */
export interface ReplicateEvaluator {
  /** The kernel whose outputs (given, received, relation, trend, flow, layerMeansDecrease) hold the last evaluated replicate. */
  readonly kernel: DematelKernel;
  /** The last evaluated replicate's T (row-major n×n), when the evaluator forms it (fuzzy and grey); the classic kernel never does. */
  readonly total?: Float64Array;
  /**
   * Aggregate the experts with multiplicities `counts` (counts[k] copies of
   * expert k) and run the kernel; false when the replicate fails (A all zero,
   * no total-relation matrix, or an undefined layer statistic).
   */
  evaluate(counts: Float64Array): boolean;
  /**
   * Replicates evaluated together (1: one at a time). Above 1 (a weighted mean of a large panel),
   * {@link ReplicateEvaluator.evaluateBatch} sums them in one pass over the experts' matrices.
   */
  readonly batchSize: number;
  /**
   * Evaluate `size` ≤ batchSize replicates, their counts row-major in `counts` (size × K): the same
   * results as `evaluate` on each row in turn, bit for bit (the same sums in the same order), but the
   * experts' matrices are read once per batch instead of once per replicate. `done(j, ok)` is called for
   * j = 0..size−1 in order, with the kernel holding replicate j's outputs.
   */
  evaluateBatch(counts: Float64Array, size: number, done: (j: number, ok: boolean) => void): void;
}

/** Replicates summed together by `evaluateBatch` when the panel's ratings (K·n² values) are at least {@link BATCH_FROM_VALUES}. */
const BATCH_SIZE = 16;
/** From this many ratings (K·n²) the bootstrap sums replicates in batches (below, the panel stays in cache anyway). */
const BATCH_FROM_VALUES = 65536;
/** Cells of a batch summed together, so the batch's partial sums stay in cache while the experts' matrices stream by. */
const CELL_TILE = 512;

/**
 * `weightedSum` for `size` replicates at once (counts row-major size × K) into S (size × n²) and
 * totals: per replicate and cell, the same terms added in the same order (experts ascending, zero
 * factors skipped), so each sum equals `weightedSum`'s bit for bit. Tiled over cells: each tile of
 * the experts' matrices is read once per batch.
 */
function weightedSums(
  X: Float64Array,
  counts: Float64Array,
  w: Float64Array,
  K: number,
  nn: number,
  size: number,
  S: Float64Array,
  totals: Float64Array,
): void {
  S.fill(0, 0, size * nn);
  for (let j = 0; j < size; j++) {
    let total = 0;
    for (let k = 0; k < K; k++) {
      const f = counts[j * K + k] * w[k];
      if (f !== 0) total += f;
    }
    totals[j] = total;
  }
  for (let c0 = 0; c0 < nn; c0 += CELL_TILE) {
    const c1 = Math.min(nn, c0 + CELL_TILE);
    for (let k = 0; k < K; k++) {
      const base = k * nn;
      for (let j = 0; j < size; j++) {
        const f = counts[j * K + k] * w[k];
        if (f === 0) continue;
        const o = j * nn;
        for (let c = c0; c < c1; c++) S[o + c] += f * X[base + c];
      }
    }
  }
}

/**
 * A = Σ_k counts_k·w_k·X_k over the experts drawn (X holds K row-major n×n
 * matrices one after another); returns Σ_k counts_k·w_k. A module-level
 * function with every array passed in, so the JIT keeps them in registers.
 */
function weightedSum(X: Float64Array, counts: Float64Array, w: Float64Array, K: number, nn: number, A: Float64Array): number {
  let total = 0;
  A.fill(0);
  for (let k = 0; k < K; k++) {
    const f = counts[k] * w[k];
    if (f === 0) continue;
    total += f;
    const base = k * nn;
    for (let c = 0; c < nn; c++) A[c] += f * X[base + c];
  }
  return total;
}

/** A[c] = the median of the resampled values of cell c (counts[k] copies of X_k[c]), by insertion sort into `column`. */
function medianInto(X: Float64Array, counts: Float64Array, K: number, nn: number, A: Float64Array, column: Float64Array): void {
  let m = 0;
  for (let k = 0; k < K; k++) m += counts[k];
  for (let c = 0; c < nn; c++) {
    let len = 0;
    for (let k = 0; k < K; k++)
      for (let r = 0; r < counts[k]; r++) {
        const v = X[k * nn + c];
        let p = len++;
        while (p > 0 && column[p - 1] > v) {
          column[p] = column[p - 1];
          p--;
        }
        column[p] = v;
      }
    A[c] = medianOfSorted(column, m);
  }
}

/**
 * The per-replicate step of the bootstrap and the jackknife: aggregate a
 * resampled panel as the settings say (weighted mean or median) into the
 * kernel's direct matrix and evaluate it. Allocates once; `evaluate`
 * allocates nothing.
 * Weighted mean: A is left as the weighted sum Σw·Ā, since
 * N = Ā/(λ + ε) = (Σw·Ā)/(Σw·λ + Σw·ε): the division is skipped and the
 * kernel's ε scaled by Σw instead.
 * @param X the K experts' matrices, row-major n×n one after another, diagonal 0.
 * @param w one weight per expert.
 * @param layerOf each component's layer index (0 = outer), as `layerIndex(model)`.
 */
export function createReplicateEvaluator(
  X: Float64Array,
  w: Float64Array,
  n: number,
  layerOf: readonly number[],
  settings: DematelSettings,
): ReplicateEvaluator {
  const K = w.length;
  const nn = n * n;
  const kernel = createDematelKernel(layerOf, settings.normalization, settings.epsilon);
  const A = kernel.direct;
  const column = new Float64Array(K);
  const { epsilon } = settings;
  const mean = settings.aggregation === "mean";
  const batchSize = mean && K * nn >= BATCH_FROM_VALUES ? BATCH_SIZE : 1;
  const sums = batchSize > 1 ? new Float64Array(batchSize * nn) : null;
  const totals = new Float64Array(batchSize);
  const run = (): boolean => kernel.run() && !Number.isNaN(kernel.trend) && !Number.isNaN(kernel.flow);
  const evaluate = (counts: Float64Array): boolean => {
    if (mean) {
      const total = weightedSum(X, counts, w, K, nn, A);
      if (!(total > 0)) return false;
      kernel.epsilon = epsilon * total;
    } else {
      medianInto(X, counts, K, nn, A, column);
      kernel.epsilon = epsilon;
    }
    return run();
  };
  return {
    kernel,
    evaluate,
    batchSize,
    evaluateBatch(counts: Float64Array, size: number, done: (j: number, ok: boolean) => void): void {
      if (sums === null || size > batchSize) {
        for (let j = 0; j < size; j++) done(j, evaluate(counts.subarray(j * K, (j + 1) * K)));
        return;
      }
      weightedSums(X, counts, w, K, nn, size, sums, totals);
      for (let j = 0; j < size; j++) {
        const total = totals[j];
        if (!(total > 0)) {
          done(j, false);
          continue;
        }
        A.set(sums.subarray(j * nn, (j + 1) * nn));
        kernel.epsilon = epsilon * total;
        done(j, run());
      }
    },
  };
}
