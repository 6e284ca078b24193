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
  const counts = new Float64Array(K);
  const { kernel } = evaluator;
  for (let k = 0; k < K; k++) {
    counts.fill(1);
    counts[k] = 0;
    if (!evaluator.evaluate(counts)) return null;
    for (let i = 0; i < n; i++) {
      jack[k * width + i] = kernel.given[i];
      jack[k * width + n + i] = kernel.received[i];
    }
    jack[k * width + 2 * n] = kernel.trend;
    jack[k * width + 2 * n + 1] = kernel.flow;
  }
  return jack;
}
