import { createRandom } from "../random.js";
import { roleOf } from "../core/dematel.js";
import { pairSign, tieTolerance } from "../stats/kendallTauB.js";
import type { ReplicateEvaluator } from "./replicateEvaluator.js";
import { holdsLambda } from "../core/lambdaSource.js";
import type { NormalizationMethod } from "../core/normalizerOf.js";

/** The replicates of a bootstrap over experts, as {@link resampleExperts} collects them. */
export interface Replicates {
  /** Per used replicate, `width` statistics in a row: D (n), R (n), S_trend, S_flow. */
  stats: Float64Array;
  /** Statistics per replicate (2n + 2). */
  width: number;
  /** Replicates used (B − failed). */
  used: number;
  /** Per component, the replicates in which it is a cause (`roleOf`). */
  causeCount: Int32Array;
  /** rankCount[i·n + r]: replicates in which component i has rank r + 1 by relation (1 = largest). */
  rankCount: Int32Array;
  /** Replicates whose layer means of relation strictly decrease from outer to inner. */
  decreaseCount: number;
  /** Used replicates whose λ comes from another row or column than `lambdaLine` (0 when no line was given). */
  lambdaElsewhereCount: number;
}

/** The row or column that gives the full panel's λ ({@link lambdaSource}'s code) and the normalisation, to count replicates whose λ comes from elsewhere. */
export interface LambdaLine {
  line: number;
  method: NormalizationMethod;
}

/**
 * Draw B bootstrap panels of K experts with replacement and evaluate each
 * (docs/methods.md §7.1). Replicate b draws its K expert indices with
 * `createRandom(seed).int(K)`, K draws per replicate in order, one stream for
 * the whole run: the same seed gives the same numbers. A failed replicate is
 * skipped (not stored). Ranks: tied relations share the better rank, ties
 * by `tieTolerance` (within 1e-12·max(1, max|relation|)). With `lambdaLine`, it also counts the used replicates
 * whose λ no longer comes from that row or column (docs/methods.md §2.13). Nothing is allocated per replicate.
 */
export function resampleExperts(
  evaluator: ReplicateEvaluator,
  K: number,
  n: number,
  B: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  lambdaLine?: LambdaLine,
): Replicates {
  const width = 2 * n + 2;
  const stats = new Float64Array(B * width);
  const causeCount = new Int32Array(n);
  const rankCount = new Int32Array(n * n);
  const batch = evaluator.batchSize;
  const counts = new Float64Array(K * batch);
  const { kernel } = evaluator;
  const rel = kernel.relation;
  const { given, received } = kernel;
  let decreaseCount = 0;
  let lambdaElsewhereCount = 0;
  let used = 0;
  const rng = createRandom(seed);
  const every = Math.max(1, Math.floor(B / 100));
  /** Replicate b's outputs, in the kernel, into the tallies (when it did not fail) and the progress. */
  const record = (b: number, ok: boolean): void => {
    if (ok) {
      const base = used * width;
      for (let i = 0; i < n; i++) {
        stats[base + i] = given[i];
        stats[base + n + i] = received[i];
        if (roleOf(rel[i]) === "cause") causeCount[i]++;
      }
      stats[base + 2 * n] = kernel.trend;
      stats[base + 2 * n + 1] = kernel.flow;
      const tol = tieTolerance(rel);
      for (let i = 0; i < n; i++) {
        let rank = 0;
        for (let j = 0; j < n; j++) if (pairSign(rel[j], rel[i], tol) > 0) rank++;
        rankCount[i * n + rank]++;
      }
      if (kernel.layerMeansDecrease) decreaseCount++;
      if (lambdaLine && !holdsLambda(kernel.direct, n, lambdaLine.method, lambdaLine.line)) lambdaElsewhereCount++;
      used++;
    }
    if (onProgress && ((b + 1) % every === 0 || b + 1 === B)) onProgress(b + 1, B);
  };
  // Replicates in batches of the evaluator's size (1: one by one); the draws are made in replicate order either way.
  for (let b0 = 0; b0 < B; b0 += batch) {
    const size = Math.min(batch, B - b0);
    counts.fill(0);
    for (let j = 0; j < size; j++) for (let k = 0; k < K; k++) counts[j * K + rng.int(K)]++;
    if (batch === 1) record(b0, evaluator.evaluate(counts));
    else evaluator.evaluateBatch(counts, size, (j, ok) => record(b0 + j, ok));
  }
  return { stats, width, used, causeCount, rankCount, decreaseCount, lambdaElsewhereCount };
}
