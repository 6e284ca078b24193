import { createRandom, restoreRandom, type RandomState } from "../random.js";
import { roleOf } from "../core/dematel.js";
import { pairSign, tieTolerance } from "../stats/kendallTauB.js";
import type { ReplicateEvaluator } from "./replicateEvaluator.js";
import { holdsLambda } from "../core/lambdaSource.js";
import type { NormalizationMethod } from "../core/normalizerOf.js";

/** The replicates of a bootstrap over experts, as {@link resampleChunk} collects them for a chunk and {@link mergeReplicates} for a run. */
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
 * Replicates per chunk of {@link replicateChunks}: a multiple of the evaluators' batch of 16, so that no chunk but the
 * last ends in a short batch (a batch gives the same numbers as one replicate at a time, so this is for speed only).
 */
export const CHUNK_REPLICATES = 256;

/** Replicates [start, end) of a bootstrap, and the generator's position at replicate `start`. */
export interface ReplicateChunk {
  start: number;
  end: number;
  rng: RandomState;
}

/** How many chunks of {@link CHUNK_REPLICATES} the B replicates of a bootstrap make (the length of {@link replicateChunks}). */
export function chunkCount(B: number): number {
  return Math.ceil(B / CHUNK_REPLICATES);
}

/**
 * The B replicates of a bootstrap over K experts in {@link chunkCount} chunks of {@link CHUNK_REPLICATES}, each with the position of the one stream
 * `createRandom(seed)` at its first replicate (K draws `int(K)` per replicate, in replicate order): a chunk can then
 * be drawn and evaluated anywhere, in any order, and give the same replicates as the whole run in one pass.
 * @example
 * replicateChunks(14, 1000, 1).length; // 4 (256, 256, 256, 232 replicates)
 */
export function replicateChunks(K: number, B: number, seed: number): ReplicateChunk[] {
  const rng = createRandom(seed);
  const chunks: ReplicateChunk[] = [];
  for (let start = 0; start < B; start += CHUNK_REPLICATES) {
    const end = Math.min(B, start + CHUNK_REPLICATES);
    chunks.push({ start, end, rng: rng.state() });
    for (let d = (end - start) * K; d > 0; d--) rng.int(K);
  }
  return chunks;
}

/**
 * Evaluate one chunk of bootstrap panels (docs/methods.md §7.1): replicate b draws its K expert indices with
 * `int(K)` from the chunk's generator, K draws per replicate in order. A failed replicate is skipped (not stored).
 * Ranks: tied relations share the better rank, ties by `tieTolerance` (within 1e-12·max(1, max|relation|)). With
 * `lambdaLine`, it also counts the used replicates whose λ no longer comes from that row or column (docs/methods.md
 * §2.13). `onReplicate(b)` is called after each replicate b. Nothing is allocated per replicate.
 */
export function resampleChunk(
  evaluator: ReplicateEvaluator,
  K: number,
  n: number,
  chunk: ReplicateChunk,
  lambdaLine?: LambdaLine,
  onReplicate?: (b: number) => void,
): Replicates {
  const width = 2 * n + 2;
  const stats = new Float64Array((chunk.end - chunk.start) * width);
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
  const rng = restoreRandom(chunk.rng);
  /** Replicate b's outputs, in the kernel, into the tallies (when it did not fail). */
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
    onReplicate?.(b);
  };
  // Replicates in batches of the evaluator's size (1: one by one); the draws are made in replicate order either way.
  for (let b0 = chunk.start; b0 < chunk.end; b0 += batch) {
    const size = Math.min(batch, chunk.end - b0);
    counts.fill(0);
    for (let j = 0; j < size; j++) for (let k = 0; k < K; k++) counts[j * K + rng.int(K)]++;
    if (batch === 1) record(b0, evaluator.evaluate(counts));
    else evaluator.evaluateBatch(counts, size, (j, ok) => record(b0 + j, ok));
  }
  return { stats: stats.slice(0, used * width), width, used, causeCount, rankCount, decreaseCount, lambdaElsewhereCount };
}

/** An `onReplicate` for {@link resampleChunk} that calls `onProgress(done, B)` about 100 times over B replicates (and at the last). */
export function replicateProgress(B: number, onProgress?: (done: number, total: number) => void): ((b: number) => void) | undefined {
  const every = Math.max(1, Math.floor(B / 100));
  return onProgress && ((b: number): void => void (((b + 1) % every === 0 || b + 1 === B) && onProgress(b + 1, B)));
}

/** The replicates of consecutive chunks, in chunk order, as one run's: rows concatenated, counts added. */
export function mergeReplicates(parts: readonly Replicates[], n: number): Replicates {
  const width = 2 * n + 2;
  const used = parts.reduce((a, p) => a + p.used, 0);
  const stats = new Float64Array(used * width);
  const causeCount = new Int32Array(n);
  const rankCount = new Int32Array(n * n);
  let decreaseCount = 0;
  let lambdaElsewhereCount = 0;
  let row = 0;
  for (const p of parts) {
    stats.set(p.stats.subarray(0, p.used * width), row * width);
    row += p.used;
    p.causeCount.forEach((c, i) => (causeCount[i] += c));
    p.rankCount.forEach((c, i) => (rankCount[i] += c));
    decreaseCount += p.decreaseCount;
    lambdaElsewhereCount += p.lambdaElsewhereCount;
  }
  return { stats, width, used, causeCount, rankCount, decreaseCount, lambdaElsewhereCount };
}

/**
 * Draw B bootstrap panels of K experts with replacement and evaluate each (docs/methods.md §7.1): the chunks of
 * {@link replicateChunks} one after another ({@link resampleChunk}), merged; one evaluator and no structure tally
 * (the coverage study's loop; `bootstrapExperts` runs its chunks through `bootstrapRunner`). Replicate b draws its K expert indices
 * with `createRandom(seed).int(K)`, K draws per replicate in order, one stream for the whole run: the same seed
 * gives the same numbers, however the chunks are shared out.
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
  const progress = replicateProgress(B, onProgress);
  const parts = replicateChunks(K, B, seed).map((chunk) => resampleChunk(evaluator, K, n, chunk, lambdaLine, progress));
  return mergeReplicates(parts, n);
}
