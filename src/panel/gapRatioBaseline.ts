import type { Matrix } from "../types.js";
import { createRandom } from "../random.js";
import { assertPanel } from "../linalg/assertPanel.js";
import { quantileType7 } from "../stats/quantileType7.js";
import { DEFAULT_STOP_AFTER, sequentialMonteCarlo } from "../stats/sequentialMonteCarlo.js";

/** The share at or below which the final gap counts as consensus beyond chance (`panelQuality`'s `consensus`). */
export const CONSENSUS_LEVEL = 0.05;

/** The most no-agreement panels {@link gapRatioBaseline} draws by default. */
export const GAP_BASELINE_DRAWS = 2000;

/** Options of {@link gapRatioBaseline}. */
export interface GapRatioBaselineOptions {
  /** Most no-agreement panels B (default 2,000); fewer are drawn when the sequential rule stops (`sequentialMonteCarlo`). */
  B?: number;
  /** Seed of the shuffles (default 1). */
  seed?: number;
  /** Shuffle one-byte codes of the ratings when there are at most 256 distinct ones (default true; false shuffles the cells' indices, with the same result). */
  codes?: boolean;
}

/** What {@link gapRatioBaseline} reports: the observed final gap against panels with no agreement. */
export interface GapRatioBaseline {
  /** The most no-agreement panels the rule could draw. */
  B: number;
  /** The no-agreement panels drawn: B, or fewer when the sequential rule stopped (docs/methods.md §3.1). */
  draws: number;
  seed: number;
  /** gap(K) of the panel as given (survey order). */
  observed: number;
  /** Median of gap(K) over the shuffled panels drawn. */
  median: number;
  /** 5th percentile (type 7) of gap(K) over the shuffled panels drawn. */
  p05: number;
  /**
   * The share of no-agreement panels whose final gap is as small as the observed, counting the panel itself:
   * (1 + #{b : gap*_b ≤ observed}) / (draws + 1), or h/draws when the rule stopped on h = 50 such panels.
   */
  share: number;
  /** Monte Carlo standard error of the share, √(share(1 − share)/draws). */
  standardError: number;
}

/**
 * gap(K) of the panel held as codes into `values`: K experts one after another, each its m = n(n − 1) off-diagonal
 * cells in row-major order, cell c of expert k rated values[codes[k·m + c]]: mean over the cells of
 * |a^K − a^{K−1}| / a^K (cells with a^K = 0 left out). The cells are summed in the same order as a row-major pass over
 * i ≠ j, so the value is the same to the last bit as on the full n×n layout, whichever codes hold the ratings.
 */
function finalGap(codes: Uint8Array | Uint32Array, values: Float64Array, K: number, m: number, sum: Float64Array): number {
  sum.fill(0);
  for (let k = 0; k < K - 1; k++) {
    const base = k * m;
    for (let c = 0; c < m; c++) sum[c] += values[codes[base + c]];
  }
  const last = (K - 1) * m;
  let total = 0;
  for (let c = 0; c < m; c++) {
    const before = sum[c] / (K - 1);
    const now = (sum[c] + values[codes[last + c]]) / K;
    if (now !== 0) total += Math.abs(now - before) / now;
  }
  return m === 0 ? 0 : total / m;
}

/**
 * The panel's ratings as codes the shuffles permute: one-byte codes into its distinct values (in order of first
 * appearance) when there are at most 256 of them and `bytes` is true, so the shuffles move bytes that stay in the
 * fastest cache and the gap reads an eighth of the memory; otherwise each cell's own index into X. (0 and −0 share a
 * byte code: adding either to a sum that starts at +0 gives the same sums.)
 */
function codesOf(X: Float64Array, bytes: boolean): { codes: Uint8Array | Uint32Array; values: Float64Array } {
  const indices = (): { codes: Uint32Array; values: Float64Array } => ({ codes: Uint32Array.from(X, (_, c) => c), values: X });
  if (!bytes) return indices();
  const values: number[] = [];
  const codes = new Uint8Array(X.length);
  let lastValue = NaN;
  let lastCode = 0;
  for (let i = 0; i < X.length; i++) {
    const v = X[i];
    if (v !== lastValue) {
      lastCode = values.indexOf(v);
      if (lastCode < 0) {
        if (values.length === 256) return indices();
        lastCode = values.push(v) - 1;
      }
      lastValue = v;
    }
    codes[i] = lastCode;
  }
  return { codes, values: Float64Array.from(values) };
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
 * Panels are drawn under the sequential rule of `sequentialMonteCarlo`, at most B:
 * it stops after 50 panels with a gap as small as the observed (share 50/L), or
 * at 100, 200, 400, … panels once the share is clearly below 0.05 (a share ≥ 0.05
 * is declared below it with probability ≤ 0.001); `draws` and `standardError`
 * say how precise the share is.
 * Reproducibility: one `createRandom(seed)` stream; draw b shuffles experts
 * 1..K in order, each by Fisher–Yates from the last cell down (`Random.shuffle`). The draws
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
  const B = options.B ?? GAP_BASELINE_DRAWS;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`gapRatioBaseline: B must be a positive integer, got ${B}`);
  const rng = createRandom(seed);
  const K = matrices.length;
  if (K < 2) return { B, draws: 0, seed, observed: NaN, median: NaN, p05: NaN, share: NaN, standardError: NaN };
  // Each expert's off-diagonal cells, packed in row-major order (the order the shuffle permutes and the gap sums).
  const m = n * (n - 1);
  const X = new Float64Array(K * m);
  matrices.forEach((rows, k) => {
    let c = k * m;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) X[c++] = rows[i][j];
  });
  const sum = new Float64Array(m);
  const { codes, values } = codesOf(X, options.codes !== false);
  const observed = finalGap(codes, values, K, m, sum);
  const gaps = new Float64Array(B);
  const rule = { maxDraws: B, stopAfter: DEFAULT_STOP_AFTER, level: CONSENSUS_LEVEL };
  const {
    p: share,
    draws,
    standardError,
  } = sequentialMonteCarlo(rule, (b) => {
    // Shuffling the previous draw's panel again gives a fresh uniform permutation of each expert's cells. Byte codes
    // and cell indices are shuffled by the same permutations, so both give the same gap to the last bit.
    for (let k = 0, base = 0; k < K; k++, base += m) rng.shuffle(codes, base, base + m);
    gaps[b] = finalGap(codes, values, K, m, sum);
    return gaps[b] <= observed;
  });
  const drawn = gaps.subarray(0, draws).sort();
  return { B, draws, seed, observed, median: quantileType7(drawn, 0.5), p05: quantileType7(drawn, 0.05), share, standardError };
}
