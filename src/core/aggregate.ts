import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";
import { medianOfSorted } from "../stats/medianOfSorted.js";

/** How expert matrices are combined into one direct-influence matrix. */
export type AggregationMethod = "mean" | "median";

/** Options of {@link aggregate}. */
export interface AggregateOptions {
  /** `"mean"` (weighted arithmetic mean, default) or `"median"` (element-wise, unweighted). */
  method?: AggregationMethod;
  /** One non-negative weight per expert (default: all 1). Used by `"mean"` only. */
  weights?: readonly number[];
}

/**
 * Aggregate K experts' direct-influence matrices into the average direct
 * matrix A (docs/methods.md §2.1): `A = Σ_k w_k X^k / Σ_k w_k` (default), or the
 * element-wise median. The diagonal of the result is always 0.
 * Source: Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044, eq. (1).
 * @throws {RangeError} when there are no matrices, shapes differ, or weights are invalid.
 * @example
 * aggregate([[[0, 2], [4, 0]], [[0, 4], [2, 0]]]); // [[0, 3], [3, 0]]
 */
export function aggregate(matrices: readonly Matrix[], options: AggregateOptions = {}): Matrix {
  const method = options.method ?? "mean";
  const K = matrices.length;
  if (K === 0) throw new RangeError("aggregate requires at least one matrix");
  const n = assertSquare(matrices[0] as Matrix, "expert matrix 1");
  for (let k = 1; k < K; k++) {
    if (assertSquare(matrices[k] as Matrix, `expert matrix ${k + 1}`) !== n) throw new RangeError(`expert matrix ${k + 1} is not ${n}×${n}`);
  }
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  if (method === "mean") {
    const w = options.weights ?? new Array<number>(K).fill(1);
    if (w.length !== K) throw new RangeError(`aggregate needs one weight per expert: ${K} matrices, ${w.length} weights`);
    let total = 0;
    for (const x of w) {
      if (!Number.isFinite(x) || x < 0) throw new RangeError(`expert weights must be finite and non-negative, got ${x}`);
      total += x;
    }
    if (!(total > 0)) throw new RangeError("expert weights must not all be zero");
    // Expert by expert, row by row (memory order); each cell still sums k = 0, 1, …, K − 1 in order, so the
    // result is bit-identical to the cell-by-cell sum, without striding across K matrices for every cell.
    const sums = new Float64Array(n * n);
    for (let k = 0; k < K; k++) {
      const m = matrices[k];
      const wk = w[k];
      for (let i = 0; i < n; i++) {
        const row = m[i];
        const base = i * n;
        for (let j = 0; j < n; j++) if (i !== j) sums[base + j] += wk * row[j];
      }
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) out[i][j] = sums[i * n + j] / total;
  } else if (method === "median") {
    const buf = new Float64Array(K);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        for (let k = 0; k < K; k++) buf[k] = matrices[k][i][j];
        buf.sort();
        out[i][j] = medianOfSorted(buf, K);
      }
  } else {
    throw new RangeError(`unknown aggregation method "${String(method)}": use "mean" or "median"`);
  }
  return out;
}
