import { fromFlat } from "../linalg/linalg.js";
import { luFactor } from "../linalg/luFactor.js";
import { luInverse } from "../linalg/luInverse.js";
import { normalizerOf, type NormalizationMethod } from "../core/normalizerOf.js";
import { threshold as chooseThreshold } from "../core/threshold.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { createReachabilityLevels, quadrantCode } from "../structure/reachabilityLevels.js";
import type { ReplicateEvaluator } from "./replicateEvaluator.js";
import { BITSET_MAX_COMPONENTS, createBitsetReachabilityLevels } from "./bitsetReachability.js";

/** Bootstrap stability of the structure read from T (docs/methods.md §7.4): ISM levels, MICMAC classes, impact-relation-map edges. */
export interface StructureStability {
  /** Replicates whose structure was computed (those the bootstrap used). */
  used: number;
  /** Per component (model order): the share of replicates that put it at the same ISM level as the full panel. */
  ismLevelSame: number[];
  /** Per component: the share of replicates that give it the same MICMAC class as the full panel. */
  micmacSame: number[];
  /** The share of replicates with as many ISM levels as the full panel. */
  levelCountSame: number;
  /** edgeShare[i][j]: the share of replicates in which t*_ij exceeds their own threshold α* (same rule); 0 on the diagonal. */
  edgeShare: number[][];
}

/** The full panel's structure the replicates are compared with. */
export interface StructureReference {
  levelOf: readonly number[];
  quadrant: readonly string[];
  levels: number;
}

/** Tallies the structure of each used replicate; see {@link createStructureTally}. */
export interface StructureTally {
  /** Tally the replicate whose direct matrix (or a positive multiple, with ε scaled alike) is `direct`. */
  record(direct: Float64Array, epsilon: number): void;
  /** Tally the replicate whose total-relation matrix T (row-major n×n) is `total`: the fuzzy and grey methods form T themselves. */
  recordTotal(total: Float64Array): void;
  /** The counts so far, as plain data, for another thread's tally of the same bootstrap to {@link StructureTally.add}. */
  counts(): StructureCounts;
  /** Add the counts of replicates tallied elsewhere (another thread's share of the same bootstrap). */
  add(counts: StructureCounts): void;
  result(): StructureStability;
}

/** A tally's counts ({@link StructureTally.counts}): replicates tallied, and how many kept each level, class, level count and edge. */
export interface StructureCounts {
  used: number;
  countSame: number;
  levelSame: Int32Array;
  classSame: Int32Array;
  edgeCount: Int32Array;
}

/**
 * The structure tally of the bootstrap over experts (docs/methods.md §7.4): for a
 * replicate's A, N = A/(λ + ε), T = (I − N)⁻¹ − I (the n solves on one LU, all columns at once:
 * `luInverse`), α* by the analysis's threshold rule on T*, then ISM levels and MICMAC classes at α*
 * (`createReachabilityLevels`, on 32-bit words up to 32 components), compared with the full panel's. Preallocated: the
 * mean threshold (the default) allocates nothing per replicate; other rules go
 * through `threshold` on a copy of T*.
 */
export function createStructureTally(n: number, normalization: NormalizationMethod, rule: ThresholdOptions, ref: StructureReference): StructureTally {
  const lu = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const inverse = new Float64Array(n * n);
  const scratch = new Float64Array(n * n);
  const T = new Float64Array(n * n);
  const levels = n <= BITSET_MAX_COMPONENTS ? createBitsetReachabilityLevels(n) : createReachabilityLevels(n);
  const refQuadrant = Int8Array.from(ref.quadrant, quadrantCode);
  const levelSame = new Int32Array(n);
  const classSame = new Int32Array(n);
  const edgeCount = new Int32Array(n * n);
  let countSame = 0;
  let used = 0;
  const fast = (rule.method ?? "mean") === "mean";
  const offDiagonal = rule.entries === "offDiagonal";
  const alphaOf = (): number => {
    if (!fast) return chooseThreshold(fromFlat(T, n), rule).value;
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!offDiagonal || i !== j) s += T[i * n + j];
    return s / (offDiagonal ? n * (n - 1) : n * n);
  };
  /** Compare the structure of T (ISM levels, MICMAC classes, map edges at its own α) with the full panel's. */
  const tallyT = (): void => {
    const alpha = alphaOf();
    levels.run(T, alpha);
    for (let i = 0; i < n; i++) {
      if (levels.levelOf[i] === ref.levelOf[i]) levelSame[i]++;
      if (levels.quadrant[i] === refQuadrant[i]) classSame[i]++;
      for (let j = 0; j < n; j++) if (i !== j && T[i * n + j] > alpha) edgeCount[i * n + j]++;
    }
    if (levels.levels === ref.levels) countSame++;
    used++;
  };
  return {
    record(direct: Float64Array, epsilon: number): void {
      const lambda = normalizerOf(direct, n, normalization, epsilon);
      if (!(lambda > 0)) return;
      for (let k = 0; k < n * n; k++) lu[k] = -direct[k] / lambda;
      for (let i = 0; i < n; i++) lu[i * n + i] += 1;
      if (!(luFactor(lu, n, piv) >= 1e-14)) return;
      luInverse(lu, n, piv, inverse, scratch); // the n solves M x = e_j at once, bit for bit
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[i * n + j] = inverse[i * n + j] - (i === j ? 1 : 0);
      tallyT();
    },
    recordTotal(total: Float64Array): void {
      T.set(total);
      tallyT();
    },
    counts: (): StructureCounts => ({ used, countSame, levelSame: levelSame.slice(), classSame: classSame.slice(), edgeCount: edgeCount.slice() }),
    add(c: StructureCounts): void {
      used += c.used;
      countSame += c.countSame;
      c.levelSame.forEach((v, i) => (levelSame[i] += v));
      c.classSame.forEach((v, i) => (classSame[i] += v));
      c.edgeCount.forEach((v, i) => (edgeCount[i] += v));
    },
    result(): StructureStability {
      const share = (c: number): number => (used > 0 ? c / used : NaN);
      return {
        used,
        ismLevelSame: Array.from(levelSame, share),
        micmacSame: Array.from(classSame, share),
        levelCountSame: share(countSame),
        edgeShare: Array.from({ length: n }, (_, i) => Array.from(edgeCount.subarray(i * n, (i + 1) * n), share)),
      };
    },
  };
}

/** The evaluator `e`, with every successful replicate also tallied by `tally` (the kernel still holds its direct matrix then; an evaluator that forms T hands T itself). */
export function withStructureTally(e: ReplicateEvaluator, tally: StructureTally): ReplicateEvaluator {
  const recordOne = (): void => (e.total ? tally.recordTotal(e.total) : tally.record(e.kernel.direct, e.kernel.epsilon));
  return {
    kernel: e.kernel,
    batchSize: e.batchSize,
    evaluate(counts: Float64Array): boolean {
      const ok = e.evaluate(counts);
      if (ok) recordOne();
      return ok;
    },
    evaluateBatch(counts: Float64Array, size: number, done: (j: number, ok: boolean) => void): void {
      e.evaluateBatch(counts, size, (j, ok) => {
        if (ok) recordOne();
        done(j, ok);
      });
    },
  };
}
