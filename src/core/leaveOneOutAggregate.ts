import type { Matrix } from "../types.js";
import type { AggregateOptions } from "./aggregate.js";
import { medianOfSorted } from "../stats/medianOfSorted.js";

/** Below this many experts an inexact panel (fractional weighted ratings) is left to re-aggregation, which costs O(K²n²) but is bit-identical to it. */
export const LEAVE_ONE_OUT_UPDATE_MIN_EXPERTS = 64;

/** The aggregated matrices of a panel without one expert each, by update (see {@link leaveOneOutAggregate}). */
export interface LeaveOneOutAggregates {
  /** The aggregate of every expert but k, `aggregate(others, { method, weights: others' weights })`. */
  without(k: number): Matrix;
  /** True when every result is bit-identical to re-aggregation (always for the median; for the mean when every w_k·x_ij and weight is an integer). */
  exact: boolean;
}

/** Neumaier's compensated sum of `terms(k)` over k = 0..K−1. */
function compensatedSum(K: number, term: (k: number) => number): number {
  let s = 0,
    c = 0;
  for (let k = 0; k < K; k++) {
    const x = term(k);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * The leave-one-out aggregates of a panel by update instead of K
 * re-aggregations of K − 1 matrices (docs/methods.md §3.4; O(Kn²) instead of O(K²n²)):
 * - mean: A^(−k) = (S − w_k X^k) / (W − w_k) with S = Σ_l w_l X^l and W = Σ_l w_l;
 *   when every product w_l·x^l_ij and weight is an integer (the usual integer
 *   ratings and weights) all these sums are exact, so the result is
 *   bit-identical to `aggregate` of the others; otherwise S and W are
 *   compensated (Neumaier) sums and the result agrees with it to a few units
 *   in the last place (used only from {@link LEAVE_ONE_OUT_UPDATE_MIN_EXPERTS} experts);
 * - median: each cell's K ratings are sorted once, and the median of the
 *   others is read from that order with expert k's value skipped, the same
 *   multiset `aggregate` sorts, so bit-identical.
 * @returns the aggregates, or `undefined` when the update does not apply
 *   (fewer than two experts, a value that is not finite, an invalid weight,
 *   an unknown method, a small inexact panel): the caller re-aggregates, with
 *   its errors.
 * @example
 * leaveOneOutAggregate([[[0, 2], [4, 0]], [[0, 4], [2, 0]]])?.without(0); // [[0, 4], [2, 0]]
 */
export function leaveOneOutAggregate(matrices: readonly Matrix[], options: AggregateOptions = {}): LeaveOneOutAggregates | undefined {
  const K = matrices.length;
  if (K < 2) return undefined;
  const n = matrices[0].length;
  for (const x of matrices) {
    if (!Array.isArray(x) || x.length !== n) return undefined;
    for (const row of x) {
      if (!Array.isArray(row) || row.length !== n) return undefined;
      for (let j = 0; j < n; j++) if (!Number.isFinite(row[j])) return undefined;
    }
  }
  const method = options.method ?? "mean";
  if (method === "median") return medianUpdate(matrices, n);
  if (method !== "mean") return undefined;
  const w = options.weights ?? new Array<number>(K).fill(1);
  if (w.length !== K || w.some((x) => !Number.isFinite(x) || x < 0)) return undefined;
  return meanUpdate(matrices, n, w);
}

function meanUpdate(matrices: readonly Matrix[], n: number, w: readonly number[]): LeaveOneOutAggregates | undefined {
  const K = matrices.length;
  const LIMIT = Number.MAX_SAFE_INTEGER;
  let exact = true;
  let W = 0;
  for (const x of w) {
    W += x;
    if (!Number.isInteger(x)) exact = false;
  }
  if (!(W <= LIMIT)) exact = false;
  const sum = new Float64Array(n * n);
  for (let i = 0; i < n && exact; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let s = 0,
        abs = 0;
      for (let k = 0; k < K; k++) {
        const p = w[k] * matrices[k][i][j];
        if (!Number.isInteger(p)) exact = false;
        s += p;
        abs += Math.abs(p);
      }
      if (!(abs <= LIMIT)) exact = false;
      sum[i * n + j] = s;
    }
  if (!exact) {
    if (K < LEAVE_ONE_OUT_UPDATE_MIN_EXPERTS) return undefined;
    W = compensatedSum(K, (k) => w[k]);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) sum[i * n + j] = compensatedSum(K, (k) => w[k] * matrices[k][i][j]);
  }
  return {
    exact,
    without(k: number): Matrix {
      const total = W - w[k];
      if (!(total > 0)) throw new RangeError("expert weights must not all be zero");
      const x = matrices[k];
      const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) out[i][j] = (sum[i * n + j] - w[k] * x[i][j]) / total;
      return out;
    },
  };
}

function medianUpdate(matrices: readonly Matrix[], n: number): LeaveOneOutAggregates {
  const K = matrices.length;
  // Each off-diagonal cell's K ratings, sorted, at sorted[(i·n + j)·K …].
  const sorted = new Float64Array(n * n * K);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const cell = sorted.subarray((i * n + j) * K, (i * n + j + 1) * K);
      for (let k = 0; k < K; k++) cell[k] = matrices[k][i][j];
      cell.sort();
    }
  const m = K - 1;
  // The two middle entries of the others' order, where medianOfSorted reads them.
  const middle = new Float64Array(m);
  const lower = (m - 1) >> 1,
    upper = m >> 1;
  return {
    exact: true,
    without(k: number): Matrix {
      const x = matrices[k];
      const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const base = (i * n + j) * K;
          // A position of expert k's value in the cell's order (any copy of an equal value leaves the same multiset).
          const v = x[i][j];
          let lo = 0,
            hi = K - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (sorted[base + mid] < v) lo = mid + 1;
            else hi = mid;
          }
          middle[lower] = sorted[base + (lower < lo ? lower : lower + 1)];
          middle[upper] = sorted[base + (upper < lo ? upper : upper + 1)];
          out[i][j] = medianOfSorted(middle, m);
        }
      return out;
    },
  };
}
