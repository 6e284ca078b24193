import type { Matrix, Model } from "../types.js";
import { InfeasibleError } from "../errors.js";
import { createRandom } from "../random.js";
import { assertSquare } from "../linalg/linalg.js";
import { layerIndex } from "../model/model.js";
import { aggregate, type AggregationMethod } from "../core/aggregate.js";
import { dematel } from "../core/dematel.js";
import type { NormalizationMethod } from "../core/normalize.js";
import { flowStatistic } from "../permutation/flowStatistic.js";
import { trendStatistic } from "../permutation/trendStatistic.js";
import { createDematelKernel } from "../core/dematelKernel.js";
import { quantileSelect } from "../stats/quantileSelect.js";
import { bcaLevels } from "../stats/bcaLevels.js";

/** A point estimate from the full panel with its bootstrap interval. */
export interface Interval {
  /** The value on the full panel (what `dematel()` and the layer statistics give). */
  estimate: number;
  /** Percentile interval: type-7 quantiles at (1 − level)/2 and (1 + level)/2 of the replicates. */
  lower: number;
  upper: number;
  /** BCa interval (Efron 1987) where it is stable, else null (always null for S_trend; see {@link bootstrapExperts}). */
  bca: { lower: number; upper: number } | null;
}

/** Options of {@link bootstrapExperts}. */
export interface BootstrapOptions {
  /** Number of bootstrap replicates B (default 5,000, METHODS §6). */
  B?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
  /** One non-negative weight per expert (default all 1); a resampled expert keeps its weight. Used by "mean" only, as in `aggregate`. */
  weights?: readonly number[];
  /** Aggregation of each replicate's experts (default "mean"). */
  aggregation?: AggregationMethod;
  /** Normalisation (default "max"), as in `normalize`. */
  normalization?: NormalizationMethod;
  /** ε added to λ by explicit choice (default 0), as `dematel`'s `epsilon`: every replicate uses N = A/(λ + ε). */
  epsilon?: number;
  /** Coverage of the intervals (default 0.95). */
  level?: number;
  /** Called now and then (about 100 times) with replicates done and B. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link bootstrapExperts} reports. */
export interface BootstrapResult {
  B: number;
  seed: number;
  level: number;
  aggregation: AggregationMethod;
  normalization: NormalizationMethod;
  /** ε added to λ in the full panel and in every replicate. */
  epsilon: number;
  /** Component ids in model order. */
  components: string[];
  /** D (influence given) per component. */
  given: Interval[];
  /** R (influence received) per component. */
  received: Interval[];
  /** D + R per component. */
  prominence: Interval[];
  /** D − R per component. */
  relation: Interval[];
  /** S_trend = −τ_b(layer, relation) (METHODS §5). */
  trend: Interval;
  /** S_flow (METHODS §5). */
  flow: Interval;
  /** Per component, the share of replicates with relation > 1e-12 (a cause, as `dematel` decides roles). */
  pCause: number[];
  /** Share of replicates whose layer means of relation strictly decrease from outer to inner layer. */
  pLayerMeansDecrease: number;
  /** rankDistribution[i][r − 1]: share of replicates in which component i ranks r by relation (1 = largest). */
  rankDistribution: number[][];
  /** Replicates skipped because no total-relation matrix exists (ρ(N) ≥ 1, all-zero A) or a layer statistic is undefined. */
  failed: number;
  /** Replicates used (B − failed): the denominator of every share. */
  used: number;
}

/**
 * A = Σ_k counts_k·w_k·X_k over the experts drawn (X holds K row-major n×n
 * matrices one after another); returns Σ_k counts_k·w_k. A module-level
 * function with every array passed in, so the JIT keeps them in registers.
 */
function weightedSum(X: Float64Array, counts: Float64Array, w: Float64Array, K: number, nn: number, A: Float64Array): number {
  let total = 0;
  A.fill(0);
  for (let k = 0; k < K; k++) {
    const f = counts[k] * w[k];
    if (f === 0) continue;
    total += f;
    const base = k * nn;
    for (let c = 0; c < nn; c++) A[c] += f * X[base + c];
  }
  return total;
}

/**
 * Bootstrap over experts (METHODS §6): draw K experts with replacement from
 * the panel, B times; for each replicate recompute the aggregate A,
 * N = A/(λ + ε) (ε = 0 unless given, as in `dematel`), D, R,
 * prominence, relation, S_trend and S_flow. Reports, per component and for
 * both layer statistics, the full-panel estimate with a percentile interval
 * (Hyndman–Fan type 7 quantiles, R's default) and a BCa interval where stable;
 * P(relation_i > 0); P(layer means of relation strictly decrease outer →
 * inner); and each component's rank distribution by relation (rank 1 = the
 * largest relation; tied relations share the better rank, ties within
 * 1e-12·max(1, max|relation|)).
 * Sources: Efron & Tibshirani (1993), An Introduction to the Bootstrap,
 * ch. 13 (percentile) and 14.3 (BCa, eqs. 14.9–14.15); Efron (1987), JASA 82, 171–185.
 *
 * Reproducibility: replicate b draws its K expert indices with
 * `createRandom(seed).int(K)`, K draws per replicate in order, one stream for
 * the whole run; same seed → identical numbers.
 *
 * Failed replicates: a replicate whose N has ρ(N) ≥ 1 (possible for tiny
 * panels), whose A is all zero, or whose S_trend / S_flow is undefined (all
 * relations tied, no influence across layers) is counted in `failed` and left
 * out; every share and interval is over the `used` = B − failed replicates.
 *
 * BCa: bias correction z₀ = Φ⁻¹((#{θ* < θ̂} + ½#{θ* = θ̂}) / used) (ties
 * counted half), acceleration â from the leave-one-expert-out jackknife
 * (eq. 14.15). Reported as null when K < 3, a jackknife panel fails, z₀ is
 * infinite, or an adjusted level falls outside [1/used, 1 − 1/used] (the
 * interval would rest on the extreme replicates); and always null for
 * S_trend, a rank statistic with at most a few dozen distinct values, for
 * which BCa's smooth normal-theory correction is not reliable (on the shipped
 * null panel it gave an interval excluding 0 while the exact test has
 * p = 0.07; the percentile interval includes 0).
 * Resampling makes D and R biased low (the largest row/column sum λ grows
 * with the resampling noise), so for them the BCa interval sits above the
 * percentile interval, correcting for that bias.
 *
 * Speed: the loop works on preallocated typed arrays and allocates nothing per
 * replicate; it never forms T (D, R and the layer-block sums come from one LU
 * factorisation of I − N and L + 1 solves).
 *
 * @param matrices the K experts' n×n direct matrices, in model component order.
 * @param model the model; it must have at least two non-empty layers.
 * @throws {RangeError} on no matrices, wrong shapes, negative ratings, a model
 *   with fewer than two layers, or invalid options (B, level, weights, epsilon).
 * @throws {TypeError} when a rating is not a finite number.
 * @throws {InfeasibleError} when the full panel has no total-relation matrix, or every replicate failed.
 * @example
 * const panel = simulatePanel(defaultModel(), { seed: 3 });
 * const boot = bootstrapExperts(panel, defaultModel(), { B: 2000, seed: 1 });
 * boot.trend; // { estimate, lower, upper, bca }
 */
export function bootstrapExperts(matrices: readonly Matrix[], model: Model, options: BootstrapOptions = {}): BootstrapResult {
  const B = options.B ?? 5000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const aggregation = options.aggregation ?? "mean";
  const normalization = options.normalization ?? "max";
  const epsilon = options.epsilon ?? 0;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrapExperts: B must be a positive integer, got ${B}`);
  if (!Number.isInteger(seed)) throw new TypeError(`bootstrapExperts: seed must be an integer, got ${seed}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapExperts: level must be in (0, 1), got ${level}`);
  if (!Number.isFinite(epsilon) || epsilon < 0) throw new RangeError(`bootstrapExperts: epsilon must be a finite non-negative number, got ${epsilon}`);
  if (aggregation !== "mean" && aggregation !== "median") throw new RangeError(`bootstrapExperts: unknown aggregation "${String(aggregation)}": use "mean" or "median"`);
  const K = matrices.length;
  if (K === 0) throw new RangeError("bootstrapExperts requires at least one expert matrix");
  const n = model.components.length;
  const nn = n * n;
  const X = new Float64Array(K * nn);
  for (let k = 0; k < K; k++) {
    if (assertSquare(matrices[k] as Matrix, `expert matrix ${k + 1}`) !== n) throw new RangeError(`expert matrix ${k + 1} is ${matrices[k].length}×${matrices[k].length}, but the model has ${n} components`);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const v = matrices[k][i][j];
        if (v < 0) throw new RangeError(`expert matrix ${k + 1}[${i}][${j}] is negative (${v})`);
        X[k * nn + i * n + j] = i === j ? 0 : v;
      }
  }
  const w = Float64Array.from(options.weights ?? new Array<number>(K).fill(1));
  if (w.length !== K) throw new RangeError(`bootstrapExperts needs one weight per expert: ${K} matrices, ${w.length} weights`);
  for (const x of w) if (!Number.isFinite(x) || x < 0) throw new RangeError(`expert weights must be finite and non-negative, got ${x}`);
  const layerOf = layerIndex(model);
  if (new Set(layerOf.filter((l) => l >= 0)).size < 2) throw new RangeError("bootstrapExperts needs a model with at least two non-empty layers");

  // Full-panel estimates through the public path (throws InfeasibleError with remedies).
  const ids = model.components.map((c) => c.id);
  const full = dematel(aggregate(matrices as Matrix[], { method: aggregation, weights: options.weights }), { normalization, epsilon, components: ids });
  const trendHat = trendStatistic(layerOf, full.relation);
  const flowHat = flowStatistic(full.total, layerOf);

  const kernel = createDematelKernel(layerOf, normalization, epsilon);
  const A = kernel.direct;
  const counts = new Float64Array(K);
  const column = new Float64Array(K);
  // Stored per replicate: D (n), R (n), S_trend, S_flow; prominence and relation are D ± R.
  const S = 2 * n + 2;
  const evaluate = (): boolean => {
    // Aggregate the experts with multiplicities `counts` into A.
    if (aggregation === "mean") {
      // A is left as the weighted sum Σw·Ā: N = Ā/(λ + ε) = (Σw·Ā)/(Σw·λ + Σw·ε), so the division is
      // skipped and the kernel's ε scaled by Σw instead.
      const total = weightedSum(X, counts, w, K, nn, A);
      if (!(total > 0)) return false;
      kernel.epsilon = epsilon * total;
    } else {
      let m = 0;
      for (let k = 0; k < K; k++) m += counts[k];
      for (let c = 0; c < nn; c++) {
        // Insertion-sort the m resampled values of cell c, then take the median.
        let len = 0;
        for (let k = 0; k < K; k++)
          for (let r = 0; r < counts[k]; r++) {
            const v = X[k * nn + c];
            let p = len++;
            while (p > 0 && column[p - 1] > v) {
              column[p] = column[p - 1];
              p--;
            }
            column[p] = v;
          }
        A[c] = m % 2 === 1 ? column[(m - 1) / 2] : (column[m / 2 - 1] + column[m / 2]) / 2;
      }
      kernel.epsilon = epsilon;
    }
    return kernel.run() && !Number.isNaN(kernel.trend) && !Number.isNaN(kernel.flow);
  };

  const stats = new Float64Array(B * S);
  const causeCount = new Int32Array(n);
  const rankCount = new Int32Array(n * n);
  let decreaseCount = 0;
  let used = 0;
  const rng = createRandom(seed);
  const every = Math.max(1, Math.floor(B / 100));
  const rel = kernel.relation;
  const { given, received } = kernel;
  for (let b = 0; b < B; b++) {
    counts.fill(0);
    for (let k = 0; k < K; k++) counts[rng.int(K)]++;
    if (evaluate()) {
      let scale = 1;
      const base = used * S;
      for (let i = 0; i < n; i++) {
        stats[base + i] = given[i];
        stats[base + n + i] = received[i];
        if (rel[i] > 1e-12) causeCount[i]++;
        const a = rel[i] < 0 ? -rel[i] : rel[i];
        if (a > scale) scale = a;
      }
      stats[base + 2 * n] = kernel.trend;
      stats[base + 2 * n + 1] = kernel.flow;
      const tol = 1e-12 * scale;
      for (let i = 0; i < n; i++) {
        let rank = 0;
        for (let j = 0; j < n; j++) if (rel[j] > rel[i] + tol) rank++;
        rankCount[i * n + rank]++;
      }
      if (kernel.layerMeansDecrease) decreaseCount++;
      used++;
    }
    if (options.onProgress && ((b + 1) % every === 0 || b + 1 === B)) options.onProgress(b + 1, B);
  }
  if (used === 0) throw new InfeasibleError(`Every one of the ${B} bootstrap replicates failed: no resampled panel had a total-relation matrix (ρ(N) < 1) and defined layer statistics.`);

  // Leave-one-expert-out jackknife for the BCa acceleration.
  let jack: Float64Array | null = null;
  if (K >= 3) {
    jack = new Float64Array(K * S);
    for (let k = 0; k < K && jack; k++) {
      counts.fill(1);
      counts[k] = 0;
      if (!evaluate()) {
        jack = null;
        break;
      }
      for (let i = 0; i < n; i++) {
        jack[k * S + i] = kernel.given[i];
        jack[k * S + n + i] = kernel.received[i];
      }
      jack[k * S + 2 * n] = kernel.trend;
      jack[k * S + 2 * n + 1] = kernel.flow;
    }
  }

  const jackColumn = new Float64Array(K);
  const lowP = (1 - level) / 2, highP = (1 + level) / 2;
  // Replicates are stored row by row (S statistics each); each statistic's column is copied out and its
  // quantiles found by selection (quickselect), which reorders the copy.
  const values = new Float64Array(used);
  // Column `s` alone (sign 0), or column s plus sign × column s + n (prominence: +1, relation: −1).
  const interval = (s: number, estimate: number, sign = 0, bca = true): Interval => {
    const t = s + n;
    let below = 0, equal = 0;
    for (let r = 0; r < used; r++) {
      const v = sign === 0 ? stats[r * S + s] : stats[r * S + s] + sign * stats[r * S + t];
      values[r] = v;
      if (v < estimate) below++;
      else if (v === estimate) equal++;
    }
    const out: Interval = { estimate, lower: quantileSelect(values, 0, used, lowP), upper: quantileSelect(values, 0, used, highP), bca: null };
    if (jack && bca) {
      for (let k = 0; k < K; k++) jackColumn[k] = sign === 0 ? jack[k * S + s] : jack[k * S + s] + sign * jack[k * S + t];
      const levels = bcaLevels(below, equal, used, jackColumn, lowP, highP);
      if (levels) out.bca = { lower: quantileSelect(values, 0, used, levels[0]), upper: quantileSelect(values, 0, used, levels[1]) };
    }
    return out;
  };
  const perComponent = (offset: number, est: number[], sign = 0): Interval[] => est.map((e, i) => interval(offset + i, e, sign));
  const rankDistribution: number[][] = [];
  for (let i = 0; i < n; i++) rankDistribution.push(Array.from(rankCount.subarray(i * n, (i + 1) * n), (c) => c / used));
  return {
    B,
    seed,
    level,
    aggregation,
    normalization,
    epsilon,
    components: ids,
    given: perComponent(0, full.given),
    received: perComponent(n, full.received),
    prominence: perComponent(0, full.prominence, 1),
    relation: perComponent(0, full.relation, -1),
    trend: interval(2 * n, trendHat, 0, false),
    flow: interval(2 * n + 1, flowHat),
    pCause: Array.from(causeCount, (c) => c / used),
    pLayerMeansDecrease: decreaseCount / used,
    rankDistribution,
    failed: B - used,
    used,
  };
}
