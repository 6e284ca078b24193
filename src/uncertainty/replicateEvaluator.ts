import type { DematelSettings } from "../core/dematelSettings.js";
import { createDematelKernel, type DematelKernel } from "../core/dematelKernel.js";
import { medianOfSorted } from "../stats/medianOfSorted.js";

/** Evaluates one resampled panel (experts with multiplicities) with the fast DEMATEL kernel; see {@link createReplicateEvaluator}. */
export interface ReplicateEvaluator {
  /** The kernel whose outputs (given, received, relation, trend, flow, layerMeansDecrease) hold the last evaluated replicate. */
  readonly kernel: DematelKernel;
  /**
   * Aggregate the experts with multiplicities `counts` (counts[k] copies of
   * expert k) and run the kernel; false when the replicate fails (A all zero,
   * no total-relation matrix, or an undefined layer statistic).
   */
  evaluate(counts: Float64Array): boolean;
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
  return {
    kernel,
    evaluate(counts: Float64Array): boolean {
      if (mean) {
        const total = weightedSum(X, counts, w, K, nn, A);
        if (!(total > 0)) return false;
        kernel.epsilon = epsilon * total;
      } else {
        medianInto(X, counts, K, nn, A, column);
        kernel.epsilon = epsilon;
      }
      return kernel.run() && !Number.isNaN(kernel.trend) && !Number.isNaN(kernel.flow);
    },
  };
}
