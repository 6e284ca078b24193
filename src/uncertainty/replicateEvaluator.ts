import type { DematelSettings } from "../core/dematelSettings.js";
import { createDematelKernel, type DematelKernel } from "../core/dematelKernel.js";
import { medianOfSorted } from "../stats/medianOfSorted.js";
import { createPanelSums } from "./panelSums.js";

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
  const sums = mean ? createPanelSums(X, w, nn, batchSize) : null;
  const run = (): boolean => kernel.run() && !Number.isNaN(kernel.trend) && !Number.isNaN(kernel.flow);
  const evaluate = (counts: Float64Array): boolean => {
    if (sums !== null) {
      sums.sum(counts, 1);
      const total = sums.totals[0];
      if (!(total > 0)) return false;
      sums.read(counts, 0, A);
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
      if (sums === null || batchSize === 1 || size > batchSize) {
        for (let j = 0; j < size; j++) done(j, evaluate(counts.subarray(j * K, (j + 1) * K)));
        return;
      }
      sums.sum(counts, size);
      for (let j = 0; j < size; j++) {
        const total = sums.totals[j];
        if (!(total > 0)) {
          done(j, false);
          continue;
        }
        sums.read(counts, j, A);
        kernel.epsilon = epsilon * total;
        done(j, run());
      }
    },
  };
}
