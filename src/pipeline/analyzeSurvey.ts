/**
 * The analysis pipeline: one survey and its model in, one results object out.
 * Each stage is computed once and handed on; nothing below recomputes what an
 * earlier stage already has.
 *
 *   stage                 function (folder)                 in                                  → out
 *   1. settings           resolveSettings (core)            options.settings, the survey         → DematelSettings (resolved once, frozen)
 *   2. DEMATEL baseline   panelDematelOutcome (core)        the K expert matrices, settings      → DematelResult of the full panel (the one baseline), fuzzy/grey matrices
 *   3. leave-one-out      leaveOneOut (panel)               matrices, settings                   → K runs without one expert each (computed once)
 *   4. panel quality      panelQuality (panel)              matrices, settings, baseline, runs   → gap ratio, Krippendorff's α, distances, leave-one-out effects
 *   5. layer tests        validateLayers (layers)           matrices, model, settings, baseline, runs
 *                                                                                                → trend/flow tests, signs, orders, ISM, MICMAC, agreement, sensitivity
 *   6. uncertainty        bootstrapExperts (uncertainty)    matrices, model, settings, baseline  → bootstrap intervals and shares
 *   7. provenance         analysisMeta (here)               survey, model, settings              → meta (tool, date, source, settings as options, warnings, imputed cells)
 *   8. DANP weights       danp (structure)                  the baseline's T, the model's layers → influential weights, cluster and local weights, weighted and limit supermatrices
 *
 * Stage 2 is the one place a panel becomes a DEMATEL result: a new method
 * (fuzzy, grey) is added to panelDematel and every later stage follows.
 * Stages 5–6 run only for a model with at least two non-empty layers; stage 8
 * only for one whose non-empty layers (at least two) hold every component,
 * and it computes from the one baseline T (docs/methods.md §6.6).
 * Definitions: docs/methods.md §2–7.
 */
import type { Matrix, Model, Survey, InputWarning } from "../types.js";
import { InfeasibleError, InputError } from "../errors.js";
import type { AggregationMethod } from "../core/aggregate.js";
import type { DematelResult } from "../core/dematel.js";
import type { NormalizationMethod } from "../core/normalize.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { resolveSettings, type DematelMethod, type DematelSettings, type DematelSettingsInput, type VariantSettings } from "../core/dematelSettings.js";
import { panelDematelOutcome, type MethodMatrices, type PanelDematelOutcome } from "../core/panelDematel.js";
import type { LinguisticScale } from "../core/linguisticScale.js";
import { nonEmptyLayerCount } from "../model/assertLayeredModel.js";
import { TOOL } from "../tool.js";
import { leaveOneOut, type LeaveOneOutRun } from "../panel/leaveOneOut.js";
import { panelQuality, type PanelQuality } from "../panel/panelQuality.js";
import { validateLayers, type LayerValidation } from "../layers/validateLayers.js";
import { MAX_LAYER_ORDERS } from "../structure/layerOrders.js";
import { bootstrapExperts, planBootstrap, type BootstrapResult } from "../uncertainty/bootstrapExperts.js";
import { danp, danpClusters } from "../structure/danp.js";
import { conditioning, type Conditioning } from "./conditioning.js";
import { GAP_BASELINE_DRAWS, type GapRatioBaseline } from "../panel/gapRatioBaseline.js";
import { startTask, threadsAvailable } from "./threadTask.js";
import type { PendingTask } from "./pendingTask.js";
import { packMatrices } from "./analysisTasks.js";
import { exhaust, sharedBootstrap, sharedCounters, type ClaimedChunks, type SharedCounters } from "./sharedBootstrap.js";
import { chunkCount } from "../uncertainty/resampleExperts.js";

/** A bootstrap shared between threads: the counters and the workers' tasks taking chunks. */
interface SharedBootstrapTasks {
  shared: SharedCounters;
  tasks: Array<PendingTask<ClaimedChunks>>;
}

/** The stages started on worker threads: the gap-ratio baseline and the takers of the bootstrap's chunks. */
interface Elsewhere {
  gap: PendingTask<GapRatioBaseline>;
  bootstrap?: SharedBootstrapTasks;
}

/** Why the ranking of the layer orders is missing, for the results and the report (more than MAX_LAYER_ORDERS layers). */
function layerOrdersNote(L: number): string {
  let orders = 1;
  for (let k = 2; k <= L; k++) orders *= k;
  let limit = 1;
  for (let k = 2; k <= MAX_LAYER_ORDERS; k++) limit *= k;
  return (
    `The layer orders were not ranked: the model has ${L} layers, so there are ${L}! = ${orders.toLocaleString("en-US")} orders, and ranking every order is limited to ${MAX_LAYER_ORDERS} layers (${MAX_LAYER_ORDERS}! = ${limit.toLocaleString("en-US")} orders). ` +
    "The other layer results (trend and flow tests, sign checks, suggested layers, ISM levels, MICMAC, sensitivity, bootstrap) do not need it."
  );
}

/** Options of {@link analyzeSurvey}; every default is stated and written back into `meta.options`. */
export interface AnalyzeOptions {
  /**
   * The DEMATEL settings (aggregation, weights, normalisation, ε, threshold; see
   * {@link DematelSettings}). Defaults: the survey's scale and expert weights
   * (1 each unless the file gives them), weighted mean, max normalisation,
   * ε = 0, the mean of all n² entries of T. A resolved object is used as it is.
   */
  settings?: DematelSettingsInput | DematelSettings;
  /** Date written into `meta.date` (default: now, ISO 8601); fix it for reproducible files. */
  date?: string;
  /** Test the model's layering (default true when the model has at least two non-empty layers). */
  layers?: boolean;
  /** Bootstrap replicates over experts for the layer section (default 5,000, docs/methods.md §7.1; 0 = no bootstrap). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Called now and then with bootstrap replicates done and B. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads the analysis may use, this one included (default 1). Above 1, on Node, the gap-ratio baseline and the
   * bootstrap's chunks run on up to `workers` − 1 worker threads while this thread computes the leave-one-out runs,
   * panel quality and the layer tests, then takes the bootstrap's remaining chunks (docs/methods.md §7.8); every
   * number is the same for any value. Where there are no worker threads (a browser) everything runs on this thread.
   */
  workers?: number;
}

/**
 * The layer validation of an analysis (docs/methods.md §5–7; the shape of
 * `cxm-dematel layers --json`): `validateLayers`'s trend and flow tests,
 * sign checks, layer orders, suggested layers, ISM levels, MICMAC, agreement
 * and sensitivity (its DEMATEL result left out: it is the analysis itself),
 * plus the bootstrap over experts.
 */
export interface LayerAnalysis extends Omit<LayerValidation, "dematel"> {
  /** Bootstrap over experts; absent when B = 0 or the panel has one expert. */
  bootstrap?: BootstrapResult;
  /** Plain-language remarks on parts that could not be computed and why (no bootstrap for one expert; layer orders not ranked above MAX_LAYER_ORDERS layers). */
  notes: string[];
}

/** An imputed (missing, filled with the other experts' mean) rating, named for the reader. */
export interface ImputedCell {
  expert: string;
  from: string;
  to: string;
}

/** Provenance of an analysis: what was read, with which settings, by which tool. */
export interface AnalysisMeta {
  tool: string;
  version: string;
  date: string;
  /** The survey's source (file path or label). */
  source: string;
  /** True for the shipped synthetic example panels: every output says so. */
  synthetic: boolean;
  model: {
    title?: string;
    citation?: string;
    components: Array<{ id: string; name: string; layer?: string }>;
    layers: Array<{ id: string; name: string; components: string[] }>;
  };
  experts: Array<{ expert: string; weight: number }>;
  scale: { min: number; max: number };
  /** The resolved settings, defaults filled in. */
  options: {
    aggregation: AggregationMethod;
    weights: number[];
    normalization: NormalizationMethod;
    epsilon: number;
    threshold: ThresholdOptions;
    /** The DEMATEL method, written only when it is not classic (docs/methods.md §2.9–2.11). */
    method?: DematelMethod;
    /** The fuzzy or grey method's order, range, diagonal rule and linguistic scale; only for those methods. */
    variant?: VariantSettings;
  };
  warnings: InputWarning[];
  /** Every imputed cell; empty when nothing was imputed. */
  imputed: ImputedCell[];
  /** Bootstrap settings of the layer section (B = 0: none). */
  bootstrap: { B: number; seed: number };
  /** Plain-language remarks on parts of the analysis that were not run, and why. */
  notes: string[];
}

/**
 * The full results object of one analysis: the issue's JSON shape plus
 * provenance. Its DEMATEL fields are `dematel()`'s result on the aggregated
 * matrix (components in model order, A, N, λ, T, D, R, prominence, relation,
 * roles, weights, net influence, threshold, edges), except ε (recorded in
 * `meta.options.epsilon`) and the residual of T − NT = N (an internal check).
 */
export interface AnalysisResult extends Omit<DematelResult, "epsilon" | "residual"> {
  meta: AnalysisMeta;
  /** How stable T's magnitudes are under the normalisation: ρ(N), 1/(1 − ρ(N)), where λ comes from, and the warning (docs/methods.md §2.13). */
  conditioning: Conditioning;
  /** Panel quality (docs/methods.md §3): gap-ratio curve, Krippendorff's alphas, expert distances, leave-one-out effects. */
  panel: PanelQuality;
  /** Layer validation, when the model has layers (and `options.layers` is not false). */
  layers?: LayerAnalysis;
  /** The fuzzy or grey method, its conventions and its own intermediate matrices (docs/methods.md §2.9–2.11); absent for classic. */
  method?: MethodSection;
  /** DANP influential weights (docs/methods.md §6.6), when the model's non-empty layers (at least two) hold every component. */
  danp?: DanpWeights;
}

/** The `method` part of a fuzzy or grey analysis's results: which method and conventions, and the method's own matrices. */
export interface MethodSection extends MethodMatrices {
  name: DematelMethod;
  /** defuzzify-first | defuzzify-last (fuzzy), whiten-last | whiten-first (grey). */
  order: string;
  /** The CFCS / whitening range of the first orders: global | per-matrix. */
  cfcs: string;
  /** The last orders: whether T's diagonal entered the final minimum and range. */
  diagonal: boolean;
  scale: LinguisticScale;
}

/** The DANP part of the results (docs/methods.md §6.6): the layers are the clusters; vectors in model order, matrices as rows. */
export interface DanpWeights {
  /** The cluster (layer) ids, outermost first: the order of `clusterWeights`. */
  clusters: string[];
  /** Global influential weights, summing to 1. */
  weights: number[];
  /** One weight per cluster, summing to 1. */
  clusterWeights: number[];
  /** Each component's weight within its cluster, summing to 1 within each cluster. */
  localWeights: number[];
  /** The weighted supermatrix W^α (every column sums to 1). */
  weighted: number[][];
  /** Its limit (equal columns). */
  limit: number[][];
}

/**
 * Run the whole DEMATEL analysis of a validated survey against its model
 * (docs/methods.md §2): aggregate the experts' matrices (weighted mean by default, or
 * median), normalise, total relation, D, R, prominence, relation, roles,
 * weights, net influence, threshold and impact-relation map; panel quality
 * (gap-ratio curve, Krippendorff's alphas, expert distances); when the
 * model has layers, their validation (docs/methods.md §5–7: exact trend and flow
 * permutation tests, sign checks, all layer orders, suggested layers, ISM
 * levels, MICMAC, agreement, and a seeded bootstrap over experts; with more
 * than MAX_LAYER_ORDERS (8) layers all but the ranking of the L! layer orders,
 * with a note in `layers.notes` saying why); and record the
 * provenance (tool, version, date, source, synthetic flag, model citation,
 * resolved options, warnings, imputed cells).
 * Source: docs/methods.md §2; Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044.
 * @throws {RangeError} when the survey's components are not the model's (in model order) or weights are invalid.
 * @throws {InfeasibleError} when no total-relation matrix exists (ρ(N) ≥ 1), naming the remedies, or every aggregated rating is 0.
 * @throws {InputError} when the model has fewer than two components (not located at a file: this function is not told the model's path).
 * @example
 * const survey = readSurvey("panel.csv", model);
 * const result = analyzeSurvey(survey, model, { settings: { threshold: { method: "mmde" } } });
 * result.relation; // D − R per component, model order
 */
export function analyzeSurvey(survey: Survey, model: Model, options: AnalyzeOptions = {}): AnalysisResult {
  const B = options.bootstrap ?? 5000;
  if (!Number.isInteger(B) || B < 0) throw new RangeError(`analyzeSurvey: bootstrap must be a non-negative integer, got ${B}`);
  const seed = options.seed ?? 1;
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`analyzeSurvey: workers must be a positive integer, got ${workers}`);
  const { ids, matrices, settings, outcome } = surveyBaseline(survey, model, options.settings);
  const baseline = outcome.dematel;
  const wantLayers = nonEmptyLayerCount(model) >= 2 && options.layers !== false;
  const elsewhere = startedElsewhere(matrices, model, { settings, baseline, B: wantLayers ? B : 0, seed, workers });
  const labels = survey.experts.map((e) => e.expert);
  const { panel, layers } = cancelledOnError(elsewhere, () => {
    const runs = leaveOneOut(matrices, settings, ids);
    const gapBaseline = elsewhere && ((): GapRatioBaseline => elsewhere.gap.result());
    return {
      panel: panelQuality(matrices, { settings, labels, baseline, leaveOneOut: runs, seed, gapBaseline }),
      layers: wantLayers
        ? layerAnalysis(matrices, model, { settings, labels, baseline, runs, B, seed, onProgress: options.onProgress, bootstrap: elsewhere?.bootstrap })
        : undefined,
    };
  });
  const meta = analysisMeta(survey, model, settings, { date: options.date, B, seed });
  const cond = conditioning(baseline, layers?.bootstrap);
  if (cond.warning) meta.warnings.push({ message: cond.warning });
  const danpResult = danpWeights(baseline, model, meta.notes);
  // ε is in meta.options; the residual is dematel's internal check.
  const { epsilon: _epsilon, residual: _residual, ...dematelFields } = baseline;
  const method: MethodSection | undefined = settings.variant
    ? {
        name: settings.method,
        order: settings.variant.order,
        cfcs: settings.variant.range,
        diagonal: settings.variant.diagonal,
        scale: settings.variant.scale,
        ...outcome.matrices,
      }
    : undefined;
  return {
    meta,
    ...dematelFields,
    conditioning: cond,
    ...(method ? { method } : {}),
    panel,
    ...(layers ? { layers } : {}),
    ...(danpResult ? { danp: danpResult } : {}),
  };
}

/** What stages 1–2 give every later stage: the component ids, the experts' matrices, the resolved settings and the baseline. */
export interface SurveyBaseline {
  ids: string[];
  matrices: Matrix[];
  settings: DematelSettings;
  outcome: PanelDematelOutcome;
}

/**
 * Stages 1–2 of {@link analyzeSurvey} alone: the settings resolved with the survey's
 * scale and weights as defaults, and the full panel's DEMATEL result. `check` runs
 * this, so "OK" means that `analyze` with the same options has its baseline, without
 * paying for the later stages (whose failures become notes, never errors).
 * @throws {RangeError} when the survey's components are not the model's, or it has no experts.
 * @throws {InputError} for a model of fewer than two components.
 * @throws {InfeasibleError} when the aggregated matrix is all zero or T does not exist.
 */
export function surveyBaseline(survey: Survey, model: Model, given?: DematelSettingsInput | DematelSettings): SurveyBaseline {
  const ids = checkedComponents(survey, model);
  const matrices = survey.experts.map((e) => e.matrix);
  const settings = analysisSettings(survey, given);
  return { ids, matrices, settings, outcome: baselineDematel(matrices, settings, ids) };
}

/** Stage 8: DANP from the baseline's T with the layers as clusters; a T that DANP cannot normalise leaves a note instead. */
function danpWeights(baseline: DematelResult, model: Model, notes: string[]): DanpWeights | undefined {
  const clusters = danpClusters(model);
  if (!clusters) {
    if (nonEmptyLayerCount(model) >= 2) notes.push("No DANP weights: some components are in no layer, and DANP needs every component in a cluster (layer).");
    return undefined;
  }
  try {
    const d = danp(baseline.total, clusters);
    return { clusters: d.clusters, weights: d.weights, clusterWeights: d.clusterWeights, localWeights: d.localWeights, weighted: d.weighted, limit: d.limit };
  } catch (e) {
    if (!(e instanceof InfeasibleError)) throw e;
    notes.push(`No DANP weights: ${e.message}.`);
    return undefined;
  }
}

/** The model's component ids, after checking that the survey has them in model order, at least two, and experts. */
function checkedComponents(survey: Survey, model: Model): string[] {
  const ids = model.components.map((c) => c.id);
  if (survey.components.length !== ids.length || survey.components.some((c, i) => c !== ids[i])) {
    throw new RangeError(`analyzeSurvey: the survey's components (${survey.components.join(", ")}) are not the model's (${ids.join(", ")})`);
  }
  if (survey.experts.length === 0) throw new RangeError("analyzeSurvey: the survey has no experts");
  // No file name: analyzeSurvey is not told where the model came from (the command line refuses such a model at its file, in cliModel).
  if (ids.length < 2)
    throw new InputError({
      column: "components",
      message: `the model has ${ids.length === 1 ? "only one component" : "no components"}: DEMATEL needs at least two, since a single component has no influence to give or receive`,
      expected: "a model with two or more components",
      found: `${ids.length} component${ids.length === 1 ? "" : "s"}`,
    });
  return ids;
}

/** Stage 1: the settings, with the survey's scale and expert weights as defaults (a resolved object is kept as it is). */
function analysisSettings(survey: Survey, input: DematelSettingsInput | DematelSettings | undefined): DematelSettings {
  const fromSurvey = { scale: survey.scale, weights: survey.experts.map((e) => e.weight) };
  const settings = resolveSettings(input, survey.experts.length, fromSurvey);
  // Settings resolved elsewhere without weights mean "no weights given": the survey's weight column then applies, as it does for a partial input.
  return settings.weights === undefined ? resolveSettings({ ...settings, weights: fromSurvey.weights }, survey.experts.length) : settings;
}

/** Stage 2: the full panel's DEMATEL result; a panel whose aggregated matrix is all zero is refused with the likely causes. */
function baselineDematel(matrices: readonly Matrix[], settings: DematelSettings, ids: readonly string[]): PanelDematelOutcome {
  try {
    return panelDematelOutcome(matrices, settings, ids);
  } catch (e) {
    // normalize() refuses an all-zero matrix with a RangeError; here the reader gets the likely causes instead.
    if (!(e instanceof RangeError) || !/all zeros/.test(e.message)) throw e;
    const median = settings.aggregation === "median";
    throw new InfeasibleError(
      `Every entry of the ${median ? "median" : "average"} direct-influence matrix is 0, so there is no influence to analyse. ` +
        'Check that the ratings were read from the right columns and that the scale starts at 0 for "no influence"' +
        (median ? "; with --aggregation median, a cell is 0 when at least half of the experts rated it 0." : "."),
    );
  }
}

/**
 * The stages that go to worker threads when there are any (threadTask.ts, docs/methods.md §7.8): the gap-ratio
 * baseline first (panel quality needs it soon), then on every worker a task that takes chunks of the bootstrap,
 * which this thread joins once its own stages are done (sharedBootstrap.ts). Undefined when everything runs here.
 */
function startedElsewhere(
  matrices: readonly Matrix[],
  model: Model,
  c: { settings: DematelSettings; baseline: DematelResult; B: number; seed: number; workers: number },
): Elsewhere | undefined {
  if (matrices.length < 2 || !threadsAvailable(c.workers)) return undefined;
  const packed = packMatrices(matrices);
  const gap = startTask("gapBaseline", { matrices: packed, B: GAP_BASELINE_DRAWS, seed: c.seed }, c.workers);
  if (c.B === 0) return { gap };
  const shared = sharedCounters();
  const input = { matrices: packed, model, B: c.B, seed: c.seed, settings: c.settings, baseline: c.baseline, shared };
  // No more takers than chunks beyond this thread's first one.
  const takers = Math.min(c.workers - 1, chunkCount(c.B) - 1);
  const tasks = Array.from({ length: takers }, () => startTask("bootstrapChunks", input, c.workers));
  return { gap, bootstrap: { shared, tasks } };
}

/** `run()`, and when it throws, the worker tasks given up first (chunks not yet taken are never evaluated). */
function cancelledOnError<T>(elsewhere: Elsewhere | undefined, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (elsewhere) {
      elsewhere.gap.cancel();
      if (elsewhere.bootstrap) {
        exhaust(elsewhere.bootstrap.shared);
        elsewhere.bootstrap.tasks.forEach((t) => t.cancel());
      }
    }
    throw e;
  }
}

/** Stages 5–6: the layer validation (sharing the baseline and leave-one-out runs) and the bootstrap over experts. */
function layerAnalysis(
  matrices: readonly Matrix[],
  model: Model,
  c: {
    settings: DematelSettings;
    labels: string[];
    baseline: DematelResult;
    runs: LeaveOneOutRun[];
    B: number;
    seed: number;
    onProgress?: (done: number, total: number) => void;
    /** The workers' tasks of a bootstrap shared between threads. */
    bootstrap?: SharedBootstrapTasks;
  },
): LayerAnalysis {
  const { dematel: _baseline, ...v } = validateLayers(matrices, model, { settings: c.settings, labels: c.labels, baseline: c.baseline, leaveOneOut: c.runs });
  const notes: string[] = [];
  if (!v.orders) notes.push(layerOrdersNote(v.layers.length));
  let bootstrap: BootstrapResult | undefined;
  if (c.B > 0 && matrices.length < 2) notes.push("No bootstrap: the panel has a single expert, so there is nothing to resample.");
  else if (c.bootstrap) {
    const plan = planBootstrap(matrices, model, { B: c.B, seed: c.seed, settings: c.settings, baseline: c.baseline });
    bootstrap = sharedBootstrap(plan, c.bootstrap.shared, c.bootstrap.tasks, c.onProgress);
  } else if (c.B > 0)
    bootstrap = bootstrapExperts(matrices, model, { B: c.B, seed: c.seed, settings: c.settings, baseline: c.baseline, onProgress: c.onProgress });
  return { ...v, notes, ...(bootstrap ? { bootstrap } : {}) };
}

/** Stage 7: provenance — what was read, with which settings (written as `options`, the results.json key since version 1), by which tool. */
function analysisMeta(survey: Survey, model: Model, settings: DematelSettings, run: { date?: string; B: number; seed: number }): AnalysisMeta {
  const ids = model.components.map((c) => c.id);
  const layerOfComponent = new Map<string, string>();
  (model.layers ?? []).forEach((l) => l.components.forEach((c) => layerOfComponent.set(c, l.id)));
  const imputed: ImputedCell[] = [];
  for (const e of survey.experts) for (const [i, j] of e.imputed) imputed.push({ expert: e.expert, from: ids[i], to: ids[j] });
  return {
    tool: TOOL.name,
    version: TOOL.version,
    date: run.date ?? new Date().toISOString(),
    source: survey.source,
    synthetic: survey.synthetic === true,
    model: {
      title: model.title,
      citation: model.citation,
      components: model.components.map((c) => ({ id: c.id, name: c.name, ...(layerOfComponent.has(c.id) ? { layer: layerOfComponent.get(c.id) } : {}) })),
      layers: (model.layers ?? []).map((l) => ({ id: l.id, name: l.name, components: [...l.components] })),
    },
    experts: survey.experts.map((e) => ({ expert: e.expert, weight: e.weight })),
    scale: { ...survey.scale },
    options: {
      aggregation: settings.aggregation,
      weights: [...(settings.weights ?? survey.experts.map(() => 1))],
      normalization: settings.normalization,
      epsilon: settings.epsilon,
      threshold: { ...settings.threshold },
      ...(settings.method !== "classic" ? { method: settings.method, variant: settings.variant } : {}),
    },
    warnings: survey.warnings.map((w) => ({ ...w })),
    imputed,
    bootstrap: { B: run.B, seed: run.seed },
    notes: [],
  };
}
