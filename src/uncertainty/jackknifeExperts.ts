import type { ReplicateEvaluator } from "./replicateEvaluator.js";

/**
 * The leave-one-expert-out jackknife of the bootstrap's statistics, for the
 * BCa acceleration (Efron & Tibshirani 1993, eq. 14.15): row k holds D (n),
 * R (n), S_trend and S_flow of the panel without expert k.
 * @returns K rows of 2n + 2 values, or null when K < 3 or a jackknife panel fails (BCa is then not reported).
 */
export function jackknifeExperts(evaluator: ReplicateEvaluator, K: number, n: number): Float64Array | null {
  if (K < 3) return null;
  const width = 2 * n + 2;
  const jack = new Float64Array(K * width);
  const batch = evaluator.batchSize;
  const counts = new Float64Array(K * batch);
  const { kernel } = evaluator;
  let failed = false;
  // The panels without expert k, `batch` at a time (evaluateBatch: the same results as one by one).
  for (let k0 = 0; k0 < K && !failed; k0 += batch) {
    const size = Math.min(batch, K - k0);
    counts.fill(1);
    for (let j = 0; j < size; j++) counts[j * K + k0 + j] = 0;
    evaluator.evaluateBatch(counts, size, (j, ok) => {
      if (!ok || failed) {
        failed = true;
        return;
      }
      const k = k0 + j;
      for (let i = 0; i < n; i++) {
        jack[k * width + i] = kernel.given[i];
        jack[k * width + n + i] = kernel.received[i];
      }
      jack[k * width + 2 * n] = kernel.trend;
      jack[k * width + 2 * n + 1] = kernel.flow;
    });
  }
  return failed ? null : jack;
}
