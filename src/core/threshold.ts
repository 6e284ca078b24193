import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";
import type { Threshold, ThresholdOptions } from "./thresholdTypes.js";
import { mmdeThreshold } from "./mmde.js";
import { quantileType7 } from "../stats/quantileType7.js";
import { checkThresholdOptions } from "./checkThresholdOptions.js";

/** The entries of T that enter a threshold statistic. */
export function thresholdEntries(total: Matrix, entries: "all" | "offDiagonal" = "all"): number[] {
  const n = total.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (entries === "all" || i !== j) out.push(total[i][j]);
  return out;
}

/**
 * Threshold α of the impact-relation map (docs/methods.md §2.5). Edges are t_ij > α.
 * - `mean`: mean of the chosen entries of T (all n² by default, as in Tzeng et al. 2007).
 * - `mean+sd`: mean + k·sd (population sd by default).
 * - `quantile`: the q-quantile of the chosen entries (R type 7, {@link quantileType7}).
 * - `fixed`: a value the analyst gives.
 * - `mmde`: maximum mean de-entropy (Li & Tzeng 2009), see {@link mmdeThreshold}.
 * @throws {RangeError} on an unknown method or an invalid setting.
 * @example
 * threshold([[0, 1], [3, 0]]).value; // 1 (mean of all four entries)
 */
export function threshold(total: Matrix, options: ThresholdOptions = {}): Threshold {
  assertSquare(total, "total-relation matrix");
  checkThresholdOptions(options);
  const method = options.method ?? "mean";
  const entries = options.entries ?? "all";
  if (method === "fixed") {
    const v = options.value as number;
    return { method, value: v, settings: { value: v } };
  }
  if (method === "mmde") {
    return mmdeThreshold(total);
  }
  const xs = thresholdEntries(total, entries);
  if (xs.length === 0) throw new RangeError("threshold needs at least one entry (a 1×1 matrix has no off-diagonal entries)");
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  if (method === "mean") return { method, value: mean, settings: { entries } };
  if (method === "mean+sd") {
    const k = options.k ?? 1;
    const sdKind = options.sd ?? "population";
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    const denom = sdKind === "sample" ? xs.length - 1 : xs.length;
    if (denom <= 0) throw new RangeError("a sample sd needs at least two entries");
    const sd = Math.sqrt(ss / denom);
    return { method, value: mean + k * sd, settings: { entries, k, sd: sdKind } };
  }
  if (method === "quantile") {
    const q = options.q ?? 0.75;
    const sorted = xs.slice().sort((a, b) => a - b);
    return { method, value: quantileType7(sorted, q), settings: { entries, q } };
  }
  throw new RangeError(`unknown threshold method "${String(method)}"`); // unreachable: checkThresholdOptions knows every method
}
