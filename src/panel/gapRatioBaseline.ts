import type { Matrix } from "../types.js";
import { createRandom } from "../random.js";
import { assertPanel } from "../linalg/assertPanel.js";
import { quantileType7 } from "../stats/quantileType7.js";

/** Options of {@link gapRatioBaseline}. */
export interface GapRatioBaselineOptions {
  /** Number of no-agreement panels B (default 2,000; fixed, no early stopping). */
  B?: number;
  /** Seed of the shuffles (default 1). */
  seed?: number;
}

/** What {@link gapRatioBaseline} reports: the observed final gap against panels with no agreement. */
export interface GapRatioBaseline {
  B: number;
  seed: number;
  /** gap(K) of the panel as given (survey order). */
  observed: number;
  /** Median of gap(K) over the B shuffled panels. */
  median: number;
  /** 5th percentile (type 7) of gap(K) over the B shuffled panels. */
  p05: number;
  /** (1 + #{b : gap*_b ≤ observed}) / (B + 1): the share of no-agreement panels whose final gap is as small as the observed, counting the panel itself. */
  share: number;
}

/**
 * gap(K) of the panel packed in X: K experts one after another, each its m = n(n − 1) off-diagonal cells in row-major
 * order: mean over the cells of |a^K − a^{K−1}| / a^K (cells with a^K = 0 left out). The cells are summed in the same
 * order as a row-major pass over i ≠ j, so the value is the same to the last bit as on the full n×n layout.
 */
function finalGap(X: Float64Array, K: number, m: number, sum: Float64Array): number {
  sum.fill(0);
  for (let k = 0; k < K - 1; k++) {
    const base = k * m;
    for (let c = 0; c < m; c++) sum[c] += X[base + c];
  }
  const last = (K - 1) * m;
  let total = 0;
  for (let c = 0; c < m; c++) {
    const before = sum[c] / (K - 1);
    const now = (sum[c] + X[last + c]) / K;
    if (now !== 0) total += Math.abs(now - before) / now;
  }
  return m === 0 ? 0 : total / m;
}

/** Shuffle each expert's m cells of X in place (Fisher–Yates from the last cell down; X packed as in {@link finalGap}). */
function shuffleExperts(X: Float64Array, K: number, m: number, rng: ReturnType<typeof createRandom>): void {
  for (let k = 0; k < K; k++) {
    const base = k * m;
    for (let a = m - 1; a > 0; a--) {
      const b = base + rng.int(a + 1);
      const t = X[base + a];
      X[base + a] = X[b];
      X[b] = t;
    }
  }
}

/**
 * Permutation baseline of the final consensus gap ratio (docs/methods.md §3.1):
 * what gap(K) gives for a panel of the same size, the same experts' rating
 * distributions and the same scale, but no agreement. Each of the B baseline
 * panels shuffles every expert's n(n−1) off-diagonal ratings independently
 * (a uniformly random permutation per expert), which keeps each expert's use
 * of the scale and breaks any agreement about which cell is strong; gap(K) is
 * then computed as {@link gapRatio} does. The idea is the permutation null
 * of agreement indices (Mielke & Berry 2007, Permutation Methods, ch. 9;
 * the same null as chance-corrected agreement, e.g. Krippendorff's expected
 * disagreement), with the share counted as in Phipson & Smyth (2010).
 * Reproducibility: one `createRandom(seed)` stream; draw b shuffles experts
 * 1..K in order, each by Fisher–Yates from the last cell down. The draws
 * work on one preallocated copy of the panel and allocate nothing.
 * Edge cases: K < 2 gives NaN throughout (no gap); a 1×1 model gives 0s and share 1.
 * @throws {RangeError} on no matrices, matrices of different sizes or B not a positive integer.
 * @throws {TypeError} on a rating that is not a finite number, or a seed that is not an integer.
 * @example
 * const b = gapRatioBaseline(survey.experts.map((e) => e.matrix), { B: 2000, seed: 1 });
 * b.share; // small (≤ 0.05): the final gap is smaller than that of 95% of no-agreement panels
 */
export function gapRatioBaseline(matrices: readonly Matrix[], options: GapRatioBaselineOptions = {}): GapRatioBaseline {
  const n = assertPanel(matrices, "gapRatioBaseline");
  const B = options.B ?? 2000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`gapRatioBaseline: B must be a positive integer, got ${B}`);
  const rng = createRandom(seed);
  const K = matrices.length;
  if (K < 2) return { B, seed, observed: NaN, median: NaN, p05: NaN, share: NaN };
  // Each expert's off-diagonal cells, packed in row-major order (the order the shuffle permutes and the gap sums).
  const m = n * (n - 1);
  const X = new Float64Array(K * m);
  matrices.forEach((rows, k) => {
    let c = k * m;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) X[c++] = rows[i][j];
  });
  const sum = new Float64Array(m);
  const observed = finalGap(X, K, m, sum);
  const draws = new Float64Array(B);
  let atMost = 0;
  for (let b = 0; b < B; b++) {
    // Shuffling the previous draw's panel again gives a fresh uniform permutation of each expert's cells.
    shuffleExperts(X, K, m, rng);
    draws[b] = finalGap(X, K, m, sum);
    if (draws[b] <= observed) atMost++;
  }
  draws.sort();
  return { B, seed, observed, median: quantileType7(draws, 0.5), p05: quantileType7(draws, 0.05), share: (1 + atMost) / (B + 1) };
}
