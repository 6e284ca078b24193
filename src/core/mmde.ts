import { tieTolerance } from "../stats/kendallTauB.js";
import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";
import type { Threshold } from "./thresholdTypes.js";

/** What {@link mmdeThreshold} chose from, for reports and for checking by hand. */
export interface MmdeDetail {
  /** p_D: the first prefix length (1-based) at which the dispatch-node mean de-entropy is largest. */
  pDispatch: number;
  /** p_R: the same for the receive nodes. */
  pReceive: number;
  /** max(p_D, p_R): α is the smallest t among the first `prefixLength` sorted triplets. */
  prefixLength: number;
  /** MDE of the dispatch-node multiset for every prefix length p = 1..n² (index p − 1). */
  mdeDispatch: number[];
  /** MDE of the receive-node multiset for every prefix length p = 1..n² (index p − 1). */
  mdeReceive: number[];
}

/**
 * Mean de-entropy of a multiset of nodes given by its counts (docs/methods.md §2.6 step 3):
 * with N distinct nodes of relative frequencies q_k, H = −Σ q_k ln q_k and
 * MDE = (ln N − H) / N, and 0 when N ≤ 1. The sum runs in node order, so equal
 * multisets always give bit-identical values.
 */
function meanDeEntropy(counts: Float64Array, size: number): number {
  let distinct = 0;
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k];
    if (c > 0) {
      distinct++;
      const q = c / size;
      h -= q * Math.log(q);
    }
  }
  if (distinct <= 1) return 0;
  return (Math.log(distinct) - h) / distinct;
}

/** First index whose value is the largest, treating values within 1e-12 (relative) of the maximum as equal to it. */
function firstArgMax(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  const tol = tieTolerance(max);
  for (let i = 0; i < values.length; i++) if (values[i] >= max - tol) return i;
  return 0;
}

/**
 * MMDE threshold of the impact-relation map: the node-based maximum mean
 * de-entropy algorithm of Li & Tzeng (2009), exactly as docs/methods.md §2.6 states it
 * (not the value-spread variants some studies also call MMDE):
 * 1. list the n² triplets (t_ij, i, j), diagonal included, sorted by t_ij
 *    descending (ties by i, then j);
 * 2. for each prefix length p = 1..n², take the multiset of dispatch nodes
 *    (the i's of the first p triplets) and of receive nodes (the j's);
 * 3. for a multiset with N distinct nodes of relative frequencies q_k, the
 *    entropy is H = −Σ q_k ln q_k, the de-entropy ln N − H, and the mean
 *    de-entropy MDE = (ln N − H)/N (0 when N ≤ 1);
 * 4. p_D = the first prefix length where the dispatch MDE is largest, p_R
 *    likewise for receive (values within 1e-12·max(1, |max|) of the maximum count
 *    as equal, so floating-point noise never moves the choice);
 * 5. α = the smallest t among the first max(p_D, p_R) triplets.
 * Edge cases: a 1×1 matrix gives α = t_11 (every MDE is 0, p_D = p_R = 1); a
 * matrix whose entries are all equal gives α = that value, so the map keeps no
 * edge (edges are t_ij > α).
 * Source: Li, C.-W. & Tzeng, G.-H. (2009), "Identification of a threshold value
 * for the DEMATEL method using the maximum mean de-entropy algorithm to find
 * critical services provided by a semiconductor intellectual property mall",
 * Expert Systems with Applications 36, 9891–9898, section 3.
 * @throws {RangeError} when `total` is not a non-empty square matrix.
 * @throws {TypeError} when an entry is not a finite number.
 * @example
 * const t = mmdeThreshold([[0, 4], [1, 2]]);
 * t.value; // 1 — sorted triplets (4,1,2) (2,2,2) (1,2,1) (0,1,1); p_D = p_R = 3
 */
export function mmdeThreshold(total: Matrix): Threshold {
  const n = assertSquare(total, "total-relation matrix");
  const m = n * n;
  const values = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = total[i][j];
  // Flat index i·n + j already orders ties by i, then j.
  const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => values[b] - values[a] || a - b);

  const dispatch = new Float64Array(n);
  const receive = new Float64Array(n);
  const mdeDispatch = new Array<number>(m);
  const mdeReceive = new Array<number>(m);
  for (let p = 1; p <= m; p++) {
    const k = order[p - 1];
    dispatch[Math.floor(k / n)] += 1;
    receive[k % n] += 1;
    mdeDispatch[p - 1] = meanDeEntropy(dispatch, p);
    mdeReceive[p - 1] = meanDeEntropy(receive, p);
  }
  const pDispatch = firstArgMax(mdeDispatch) + 1;
  const pReceive = firstArgMax(mdeReceive) + 1;
  const prefixLength = Math.max(pDispatch, pReceive);
  // Sorted descending: the smallest t of the prefix is its last triplet.
  const value = values[order[prefixLength - 1]];
  const detail: MmdeDetail = { pDispatch, pReceive, prefixLength, mdeDispatch, mdeReceive };
  return { method: "mmde", value, settings: {}, detail: { ...detail } };
}
