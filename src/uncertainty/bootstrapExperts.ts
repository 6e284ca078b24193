import { measuredCoverage, type MeasuredCoverage } from "./measuredCoverage.js";
import { jackknifeT, type JackknifeInterval } from "./jackknifeInterval.js";
import { expertLevelTest, shareAtMaximum, type ExpertLevelTest } from "./expertLevelTest.js";
import { trendMaximum } from "../permutation/trendMaximum.js";
import type { Matrix, Model } from "../types.js";
import { InfeasibleError } from "../errors.js";
import { assertSquare, toFlat } from "../linalg/linalg.js";
import { lambdaLineName, lambdaSource } from "../core/lambdaSource.js";
import { layerIndex } from "../model/model.js";
import { requireLayers } from "../model/assertLayeredModel.js";
import type { AggregationMethod } from "../core/aggregate.js";
import type { DematelResult } from "../core/dematel.js";
import type { NormalizationMethod } from "../core/normalize.js";
import { resolveSettings, type DematelSettings, type DematelSettingsInput } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { flowStatistic } from "../permutation/flowStatistic.js";
import { trendStatistic } from "../permutation/trendStatistic.js";
import { createReplicateEvaluator, type ReplicateEvaluator } from "./replicateEvaluator.js";
import { createVariantReplicateEvaluator } from "./variantReplicateEvaluator.js";
import { mergeReplicates, replicateChunks, replicateProgress, resampleChunk, type ReplicateChunk, type Replicates } from "./resampleExperts.js";
import { jackknifeExperts } from "./jackknifeExperts.js";
import { createIntervals, type Interval } from "./bootstrapInterval.js";
import { createStructureTally, withStructureTally, type StructureCounts, type StructureStability, type StructureTally } from "./structureStability.js";
import { ismLevels } from "../structure/ismLevels.js";
import { micmac } from "../structure/micmac.js";

export type { Interval } from "./bootstrapInterval.js";

/** Options of {@link bootstrapExperts}. */
export interface BootstrapOptions {
  /** Number of bootstrap replicates B (default 5,000, docs/methods.md §7.1). */
  B?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
  /**
   * The DEMATEL settings of the full panel and of every replicate: aggregation
   * (a resampled expert keeps its weight; weights are used by the mean only),
   * normalisation and ε (every replicate uses N = A/(λ + ε)). Default: all defaults.
   */
  settings?: DematelSettingsInput | DematelSettings;
  /** The full panel's DEMATEL result under `settings`, when the caller has it (default: computed here). */
  baseline?: DematelResult;
  /** Coverage of the intervals (default 0.95). */
  level?: number;
  /** Called now and then (about 100 times) with replicates done and B. */
  onProgress?: (done: number, total: number) => void;
  /** Tally each replicate's ISM levels, MICMAC classes and map edges (`structure`; default true up to {@link STRUCTURE_MAX_COMPONENTS} components, where it costs n solves per replicate). */
  structure?: boolean;
}

/** Above this many components the bootstrap leaves out the structure stability by default (each replicate would cost n more solves and a closure). */
export const STRUCTURE_MAX_COMPONENTS = 40;

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
  /** S_trend = −τ_b(layer, relation) (docs/methods.md §5.2). */
  trend: Interval;
  /** S_flow (docs/methods.md §5.3). */
  flow: Interval;
  /** Per component, the share of replicates with relation > 1e-12 (a cause, as `dematel` decides roles). */
  pCause: number[];
  /**
   * The expert-level test of the ordering (docs/methods.md §7.7): the layer slope of the relation share with its
   * bootstrap standard error and a one-sided t p-value; unlike the permutation tests of §5, it accounts for which experts were asked.
   */
  expertTest: ExpertLevelTest;
  /**
   * Jackknife-t intervals (docs/methods.md §7.6) of the quantities a small panel can identify: each component's share
   * of the total influence D_i/ΣD, prominence share (D_i + R_i)/Σ(D + R) and relation share (D_i − R_i)/ΣD, and S_flow.
   * Measured coverage 94–96% for K from 8 to 30, where the percentile intervals of D, R, D + R and D − R covered
   * 12–91%. Absent when K < 3 or a leave-one-out panel has no total-relation matrix.
   */
  jackknife?: { givenShare: JackknifeInterval[]; prominenceShare: JackknifeInterval[]; relationShare: JackknifeInterval[]; flow: JackknifeInterval };
  /**
   * What the coverage study measured for intervals like these at this panel size (docs/methods.md §7.6): the percentile
   * intervals on T's scale fall short of their nominal 95%, the jackknife-t ones do not. Absent for settings the study
   * did not run (a method other than classic, median aggregation, row or column normalisation, ε > 0).
   */
  coverage?: MeasuredCoverage;
  /** Share of replicates whose S_trend is at its attainable maximum for the layer sizes (§5.2): where it is large, the S_trend interval is [max, max] and this share is the report. */
  trendAtMaximum: number;
  /** Share of replicates whose layer means of relation strictly decrease from outer to inner layer. */
  pLayerMeansDecrease: number;
  /** rankDistribution[i][r − 1]: share of replicates in which component i ranks r by relation (1 = largest). */
  rankDistribution: number[][];
  /** Replicates skipped because no total-relation matrix exists (ρ(N) ≥ 1, all-zero A) or a layer statistic is undefined. */
  failed: number;
  /** Replicates used (B − failed): the denominator of every share. */
  used: number;
  /** Stability of the ISM levels, MICMAC classes and map edges, each replicate at its own threshold by the same rule (docs/methods.md §7.4); absent when not tallied. */
  structure?: StructureStability;
  /**
   * The row or column of the full panel's A whose sum gives λ ("row LEAD", "column INS"), and the share of used
   * replicates whose λ comes from another row or column (ties count as the same line): how often resampling
   * changes what the normalisation divides by (docs/methods.md §2.13).
   */
  lambdaSource: { line: string; elsewhere: number };
}

/**
 * Bootstrap over experts (docs/methods.md §7.1–7.4): draw K experts with replacement from
 * the panel, B times; for each replicate recompute the aggregate A,
 * N = A/(λ + ε) (ε = 0 unless given, as in `dematel`), D, R,
 * prominence, relation, S_trend and S_flow. Reports, per component and for
 * both layer statistics, the full-panel estimate with a percentile interval
 * (Hyndman–Fan type 7 quantiles, R's default) and a BCa interval where stable;
 * P(relation_i > 0); P(layer means of relation strictly decrease outer →
 * inner); and each component's rank distribution by relation (rank 1 = the
 * largest relation; tied relations share the better rank, ties within
 * 1e-12·max(1, max|relation|)); and, in the same pass, the share of
 * replicates giving each component the full panel's ISM level and MICMAC
 * class and each edge of the impact-relation map, each replicate at its own
 * threshold by the analysis's rule (`structure`, docs/methods.md §7.4).
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
 * Fuzzy and grey methods (docs/methods.md §2.9–2.11): the experts resampled are their fuzzy or grey
 * matrices (the rating codes read by the settings' scale), and every replicate runs the method itself
 * (`createVariantReplicateEvaluator`): CFCS or whitening with the replicate's own global minimum and
 * range, or the defuzzify-last / whiten-last normalisation of the replicate's aggregated matrices.
 *
 * Speed: for classic DEMATEL the loop works on preallocated typed arrays and allocates nothing per
 * replicate; it never forms T (D, R and the layer-block sums come from one LU
 * factorisation of I − N and L + 1 solves). The weighted sums are register-blocked over the experts,
 * and packed several cells to a double when every rating and weight is an integer (`createPanelSums`,
 * exact); the LU takes its steps in pairs (`luFactor`): every number is the same, bit for bit,
 * as the straightforward loops give. A fuzzy or grey replicate is one full method run.
 *
 * Steps: `planBootstrap` (check and pack the panel, the full panel's estimates, the chunks of replicates with
 * the generator's state at each start) → `bootstrapRunner` evaluates every chunk (`resampleChunk`; on several
 * threads in `analyzeSurvey`, docs/methods.md §7.8) → `finishBootstrap`: the chunks merged in order,
 * `jackknifeExperts` (K leave-one-out panels, for BCa) and `createIntervals` (percentile and BCa intervals
 * around the full-panel estimates, which come from `options.baseline` when the caller has it).
 *
 * @param matrices the K experts' n×n direct matrices, in model component order.
 * @param model the model; it must have at least two non-empty layers.
 * @throws {RangeError} on no matrices, wrong shapes, negative ratings, a model
 *   with fewer than two layers, or invalid options (B, level, settings).
 * @throws {TypeError} when a rating is not a finite number.
 * @throws {InfeasibleError} when the full panel has no total-relation matrix, or every replicate failed.
 * @example
 * const panel = simulatePanel(defaultModel(), { seed: 3 });
 * const boot = bootstrapExperts(panel, defaultModel(), { B: 2000, seed: 1, settings: { aggregation: "median" } });
 * boot.trend; // { estimate, lower, upper, bca }
 */
export function bootstrapExperts(matrices: readonly Matrix[], model: Model, options: BootstrapOptions = {}): BootstrapResult {
  const plan = planBootstrap(matrices, model, options);
  const runner = bootstrapRunner(plan);
  const progress = replicateProgress(plan.B, options.onProgress);
  const parts = plan.chunks.map((_, c) => runner.run(c, progress));
  return finishBootstrap(plan, runner, parts);
}

/**
 * A bootstrap prepared once ({@link planBootstrap}): the checked options and panel, the full panel's estimates and
 * the chunks of replicates, which any thread can evaluate with its own {@link bootstrapRunner}, in any order: the
 * merged chunks are the replicates of {@link bootstrapExperts}, bit for bit.
 */
export interface BootstrapPlan {
  B: number;
  seed: number;
  level: number;
  K: number;
  n: number;
  settings: DematelSettings;
  matrices: readonly Matrix[];
  /** The K matrices row-major one after another, diagonal 0 (checked: shapes and signs). */
  X: Float64Array;
  model: Model;
  ids: string[];
  layerOf: number[];
  /** The full panel's DEMATEL result (the options' baseline, or computed). */
  full: DematelResult;
  /** The row or column of the full panel's A that gives λ (`lambdaSource`'s code). */
  line: number;
  /** Whether every replicate's ISM levels, MICMAC classes and map edges are tallied. */
  structure: boolean;
  /** The replicates in chunks, each with the generator's position at its start (`replicateChunks`). */
  chunks: ReplicateChunk[];
}

/**
 * Check the options and the panel and prepare the bootstrap (see {@link bootstrapExperts}, whose errors these are).
 * @example
 * const plan = planBootstrap(matrices, model, { B: 2000 }); plan.chunks.length; // 8
 */
export function planBootstrap(matrices: readonly Matrix[], model: Model, options: BootstrapOptions = {}): BootstrapPlan {
  const B = options.B ?? 5000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrapExperts: B must be a positive integer, got ${B}`);
  if (!Number.isInteger(seed)) throw new TypeError(`bootstrapExperts: seed must be an integer, got ${seed}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapExperts: level must be in (0, 1), got ${level}`);
  const K = matrices.length;
  if (K === 0) throw new RangeError("bootstrapExperts requires at least one expert matrix");
  const settings = resolveSettings(options.settings, K);
  const n = model.components.length;
  const X = packedPanel(matrices, n);
  requireLayers(model, "bootstrapExperts");
  // Full-panel estimates through the public path (throws InfeasibleError with remedies).
  const ids = model.components.map((c) => c.id);
  const full = options.baseline ?? panelDematel(matrices, settings, ids);
  const line = lambdaSource(toFlat(full.direct), n, settings.normalization);
  const structure = options.structure ?? n <= STRUCTURE_MAX_COMPONENTS;
  return { B, seed, level, K, n, settings, matrices, X, model, ids, layerOf: layerIndex(model), full, line, structure, chunks: replicateChunks(K, B, seed) };
}

/** One thread's evaluator of a plan's chunks; see {@link bootstrapRunner}. */
export interface BootstrapRunner {
  /** Evaluate chunk `c` of the plan; `onReplicate(b)` after each replicate b. */
  run(c: number, onReplicate?: (b: number) => void): Replicates;
  /** The evaluator without the structure tally (the jackknife's). */
  readonly evaluator: ReplicateEvaluator;
  /** The structure tally of the chunks this runner evaluated (absent when the plan tallies no structure). */
  readonly tally?: StructureTally;
}

/** A runner of the plan's chunks: its own evaluator (and structure tally), built once, so each thread needs one. */
export function bootstrapRunner(plan: BootstrapPlan): BootstrapRunner {
  const { matrices, X, n, K, settings, layerOf, ids } = plan;
  const w = Float64Array.from(settings.weights ?? new Array<number>(K).fill(1));
  const evaluator: ReplicateEvaluator =
    settings.method === "classic" ? createReplicateEvaluator(X, w, n, layerOf, settings) : createVariantReplicateEvaluator(matrices, w, layerOf, settings, ids);
  const tally = plan.structure ? structureTally(plan.full, settings, ids) : undefined;
  const tallied = tally ? withStructureTally(evaluator, tally) : evaluator;
  const lambdaLine = { line: plan.line, method: settings.normalization };
  return {
    evaluator,
    tally,
    run: (c, onReplicate) => resampleChunk(tallied, K, n, plan.chunks[c], lambdaLine, onReplicate),
  };
}

/**
 * The bootstrap's result from every chunk's replicates (`parts`, in chunk order, from any threads), the structure
 * counts of chunks that `runner` did not evaluate (`elsewhere`), and the jackknife on `runner`'s evaluator.
 * @throws {InfeasibleError} when every replicate failed.
 */
export function finishBootstrap(
  plan: BootstrapPlan,
  runner: BootstrapRunner,
  parts: readonly Replicates[],
  elsewhere: readonly StructureCounts[] = [],
): BootstrapResult {
  const { B, seed, level, K, n, settings, full, layerOf, ids, model } = plan;
  const reps = mergeReplicates(parts, n);
  if (reps.used === 0)
    throw new InfeasibleError(
      `Every one of the ${B} bootstrap replicates failed: no resampled panel had a total-relation matrix (ρ(N) < 1) and defined layer statistics.`,
    );
  for (const c of elsewhere) runner.tally?.add(c);
  const jack = jackknifeExperts(runner.evaluator, K, n);
  const { interval } = createIntervals(reps, jack, K, n, level);
  const flow = flowStatistic(full.total, layerOf);
  const perComponent = (offset: number, est: number[], sign = 0): Interval[] => est.map((e, i) => interval(offset + i, e, sign));
  return {
    B,
    seed,
    level,
    aggregation: settings.aggregation,
    normalization: settings.normalization,
    epsilon: settings.epsilon,
    components: ids,
    given: perComponent(0, full.given),
    received: perComponent(n, full.received),
    prominence: perComponent(0, full.prominence, 1),
    relation: perComponent(0, full.relation, -1),
    trend: interval(2 * n, trendStatistic(layerOf, full.relation), 0, false),
    flow: interval(2 * n + 1, flow),
    expertTest: expertLevelTest(reps, layerOf, full.relation, full.given, K),
    trendAtMaximum: shareAtMaximum(reps, 2 * n, trendMaximum((model.layers ?? []).map((l) => l.components.length))),
    ...(studiedSettings(settings) ? { coverage: measuredCoverage(K) } : {}),
    ...(jack ? { jackknife: jackknifeShares(full, jack, K, n, level, flow) } : {}),
    ...shares(reps, n),
    failed: B - reps.used,
    used: reps.used,
    ...(runner.tally ? { structure: runner.tally.result() } : {}),
    lambdaSource: { line: lambdaLineName(plan.line, ids), elsewhere: reps.lambdaElsewhereCount / reps.used },
  };
}

/** The jackknife-t intervals of the influence shares and of S_flow from the leave-one-out rows (D, R, S_trend, S_flow each). */
function jackknifeShares(
  full: DematelResult,
  jack: Float64Array,
  K: number,
  n: number,
  level: number,
  flow: number,
): NonNullable<BootstrapResult["jackknife"]> {
  const width = 2 * n + 2;
  const totalOf = (D: ArrayLike<number>): number => {
    let total = 0;
    for (let i = 0; i < D.length; i++) total += D[i];
    return total;
  };
  const sum = totalOf(full.given);
  const rowTotals = Array.from({ length: K }, (_, k) => totalOf(jack.subarray(k * width, k * width + n)));
  const column = (f: (k: number) => number): number[] => Array.from({ length: K }, (_, k) => f(k));
  const per = (share: (d: number, r: number, total: number) => number): JackknifeInterval[] =>
    full.given.map((d, i) =>
      jackknifeT(
        share(d, full.received[i], sum),
        column((k) => share(jack[k * width + i], jack[k * width + n + i], rowTotals[k])),
        level,
      ),
    );
  return {
    givenShare: per((d, _r, total) => d / total),
    prominenceShare: per((d, r, total) => (d + r) / (2 * total)),
    relationShare: per((d, r, total) => (d - r) / total),
    flow: jackknifeT(
      flow,
      column((k) => jack[k * width + 2 * n + 1]),
      level,
    ),
  };
}

/** Whether the coverage study of docs/methods.md §7.6 ran with these settings: classic DEMATEL, (weighted) mean, max normalisation, ε = 0. */
function studiedSettings(settings: DematelSettings): boolean {
  return settings.method === "classic" && settings.aggregation === "mean" && settings.normalization === "max" && settings.epsilon === 0;
}

/** The K matrices row-major one after another, diagonal 0, after checking shapes and signs. */
function packedPanel(matrices: readonly Matrix[], n: number): Float64Array {
  const nn = n * n;
  const X = new Float64Array(matrices.length * nn);
  matrices.forEach((m, k) => {
    if (assertSquare(m as Matrix, `expert matrix ${k + 1}`) !== n)
      throw new RangeError(`expert matrix ${k + 1} is ${m.length}×${m.length}, but the model has ${n} components`);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const v = m[i][j];
        if (v < 0) throw new RangeError(`expert matrix ${k + 1}[${i}][${j}] is negative (${v})`);
        X[k * nn + i * n + j] = i === j ? 0 : v;
      }
  });
  return X;
}

/** The shares over the used replicates: P(cause), P(layer means decrease), the rank distribution. */
function shares(reps: Replicates, n: number): Pick<BootstrapResult, "pCause" | "pLayerMeansDecrease" | "rankDistribution"> {
  const { used } = reps;
  const rankDistribution: number[][] = [];
  for (let i = 0; i < n; i++) rankDistribution.push(Array.from(reps.rankCount.subarray(i * n, (i + 1) * n), (c) => c / used));
  return { pCause: Array.from(reps.causeCount, (c) => c / used), pLayerMeansDecrease: reps.decreaseCount / used, rankDistribution };
}

/** The structure tally against the full panel's ISM levels and MICMAC classes at its threshold (docs/methods.md §7.4). */
function structureTally(full: DematelResult, settings: DematelSettings, ids: readonly string[]): StructureTally {
  const ism = ismLevels(full.total, full.threshold.value, ids);
  const m = micmac(ism.reachability, ids);
  return createStructureTally(ids.length, settings.normalization, settings.threshold, {
    levelOf: ism.levelOf,
    quadrant: m.quadrant,
    levels: ism.levels.length,
  });
}
