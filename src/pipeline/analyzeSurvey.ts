import type { Model, Survey, InputWarning } from "../types.js";
import { InfeasibleError, InputError } from "../errors.js";
import { aggregate, type AggregationMethod } from "../core/aggregate.js";
import { dematel, type DematelResult } from "../core/dematel.js";
import type { NormalizationMethod } from "../core/normalize.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { TOOL } from "../tool.js";
import { panelQuality, type PanelQuality } from "../panel/panelQuality.js";
import { validateLayers, type LayerValidation } from "../layers/validateLayers.js";
import { MAX_LAYER_ORDERS } from "../structure/layerOrders.js";
import { bootstrapExperts, type BootstrapResult } from "../uncertainty/bootstrapExperts.js";

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
  /** How expert matrices are combined: weighted `"mean"` (default) or element-wise `"median"`. */
  aggregation?: AggregationMethod;
  /** One weight per expert for the mean (default: the survey's expert weights, 1 each unless the file gives them). */
  weights?: readonly number[];
  /** Normalisation of A (default `"max"`). */
  normalization?: NormalizationMethod;
  /** ε added to λ by explicit choice (default 0). */
  epsilon?: number;
  /** Threshold of the impact-relation map (default: mean of all n² entries of T). */
  threshold?: ThresholdOptions;
  /** Date written into `meta.date` (default: now, ISO 8601); fix it for reproducible files. */
  date?: string;
  /** Test the model's layering (default true when the model has at least two non-empty layers). */
  layers?: boolean;
  /** Bootstrap replicates over experts for the layer section (default 5,000, METHODS §6; 0 = no bootstrap). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Called now and then with bootstrap replicates done and B. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The layer validation of an analysis (METHODS §4–6; the shape of
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
  model: { title?: string; citation?: string; components: Array<{ id: string; name: string; layer?: string }>; layers: Array<{ id: string; name: string; components: string[] }> };
  experts: Array<{ expert: string; weight: number }>;
  scale: { min: number; max: number };
  /** The resolved settings, defaults filled in. */
  options: {
    aggregation: AggregationMethod;
    weights: number[];
    normalization: NormalizationMethod;
    epsilon: number;
    threshold: ThresholdOptions;
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
  /** Panel quality (METHODS §3): gap-ratio curve, Krippendorff's alphas, expert distances, leave-one-out effects. */
  panel: PanelQuality;
  /** Layer validation, when the model has layers (and `options.layers` is not false). */
  layers?: LayerAnalysis;
}

/**
 * Run the whole DEMATEL analysis of a validated survey against its model
 * (METHODS §2): aggregate the experts' matrices (weighted mean by default, or
 * median), normalise, total relation, D, R, prominence, relation, roles,
 * weights, net influence, threshold and impact-relation map; panel quality
 * (gap-ratio curve, Krippendorff's alphas, expert distances); when the
 * model has layers, their validation (METHODS §4–6: exact trend and flow
 * permutation tests, sign checks, all layer orders, suggested layers, ISM
 * levels, MICMAC, agreement, and a seeded bootstrap over experts; with more
 * than MAX_LAYER_ORDERS (8) layers all but the ranking of the L! layer orders,
 * with a note in `layers.notes` saying why); and record the
 * provenance (tool, version, date, source, synthetic flag, model citation,
 * resolved options, warnings, imputed cells).
 * Source: METHODS §2; Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044.
 * @throws {RangeError} when the survey's components are not the model's (in model order) or weights are invalid.
 * @throws {InfeasibleError} when no total-relation matrix exists (ρ(N) ≥ 1), naming the remedies, or every aggregated rating is 0.
 * @throws {InputError} when the model has fewer than two components (not located at a file: this function is not told the model's path).
 * @example
 * const survey = readSurvey("panel.csv", model);
 * const result = analyzeSurvey(survey, model, { threshold: { method: "mmde" } });
 * result.relation; // D − R per component, model order
 */
export function analyzeSurvey(survey: Survey, model: Model, options: AnalyzeOptions = {}): AnalysisResult {
  const ids = model.components.map((c) => c.id);
  if (survey.components.length !== ids.length || survey.components.some((c, i) => c !== ids[i])) {
    throw new RangeError(`analyzeSurvey: the survey's components (${survey.components.join(", ")}) are not the model's (${ids.join(", ")})`);
  }
  if (survey.experts.length === 0) throw new RangeError("analyzeSurvey: the survey has no experts");
  const aggregation = options.aggregation ?? "mean";
  const weights = [...(options.weights ?? survey.experts.map((e) => e.weight))];
  const normalization = options.normalization ?? "max";
  const epsilon = options.epsilon ?? 0;
  const thresholdOptions: ThresholdOptions = { method: "mean", ...(options.threshold ?? {}) };
  const matrices = survey.experts.map((e) => e.matrix);
  // No file name: analyzeSurvey is not told where the model came from (the command line refuses such a model at its file, in cliModel).
  if (ids.length < 2) throw new InputError({ column: "components", message: `the model has ${ids.length === 1 ? "only one component" : "no components"}: DEMATEL needs at least two, since a single component has no influence to give or receive`, expected: "a model with two or more components", found: `${ids.length} component${ids.length === 1 ? "" : "s"}` });
  const direct = aggregate(matrices, { method: aggregation, weights });
  if (direct.every((row) => row.every((v) => v === 0))) {
    throw new InfeasibleError(
      `Every entry of the ${aggregation === "median" ? "median" : "average"} direct-influence matrix is 0, so there is no influence to analyse. ` +
        "Check that the ratings were read from the right columns and that the scale starts at 0 for \"no influence\"" +
        (aggregation === "median" ? "; with --aggregation median, a cell is 0 when at least half of the experts rated it 0." : "."),
    );
  }
  const r = dematel(direct, { normalization, epsilon, threshold: thresholdOptions, components: ids });

  const layerOfComponent = new Map<string, string>();
  (model.layers ?? []).forEach((l) => l.components.forEach((c) => layerOfComponent.set(c, l.id)));
  const imputed: ImputedCell[] = [];
  for (const e of survey.experts) for (const [i, j] of e.imputed) imputed.push({ expert: e.expert, from: ids[i], to: ids[j] });

  const meta: AnalysisMeta = {
    tool: TOOL.name,
    version: TOOL.version,
    date: options.date ?? new Date().toISOString(),
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
    options: { aggregation, weights, normalization, epsilon, threshold: thresholdOptions },
    warnings: survey.warnings.map((w) => ({ ...w })),
    imputed,
    bootstrap: { B: options.bootstrap ?? 5000, seed: options.seed ?? 1 },
    notes: [],
  };
  const layerCount = (model.layers ?? []).filter((l) => l.components.length > 0).length;
  let layers: LayerAnalysis | undefined;
  if (layerCount >= 2 && options.layers !== false) {
    const v = validateLayers(matrices, model, {
      aggregation,
      weights: aggregation === "mean" ? weights : undefined,
      normalization,
      epsilon,
      threshold: thresholdOptions,
      experts: survey.experts.map((e) => e.expert),
    });
    // Everything validateLayers finds except its DEMATEL result, which is this analysis itself.
    layers = {
      components: v.components,
      layers: v.layers,
      experts: v.experts,
      trend: v.trend,
      flow: v.flow,
      signs: v.signs,
      ...(v.orders ? { orders: v.orders } : {}),
      suggestedLayer: v.suggestedLayer,
      ism: v.ism,
      micmac: v.micmac,
      agreement: v.agreement,
      sensitivity: v.sensitivity,
      notes: [],
    };
    const notes = layers.notes;
    if (!v.orders) notes.push(layerOrdersNote(v.layers.length));
    const B = meta.bootstrap.B;
    if (!Number.isInteger(B) || B < 0) throw new RangeError(`analyzeSurvey: bootstrap must be a non-negative integer, got ${B}`);
    if (B > 0 && matrices.length < 2) notes.push("No bootstrap: the panel has a single expert, so there is nothing to resample.");
    else if (B > 0) {
      layers.bootstrap = bootstrapExperts(matrices, model, { B, seed: meta.bootstrap.seed, weights: aggregation === "mean" ? weights : undefined, aggregation, normalization, epsilon, onProgress: options.onProgress });
    }
  }
  // ε is in meta.options; the residual is dematel's internal check.
  const { epsilon: _epsilon, residual: _residual, ...dematelFields } = r;
  return {
    meta,
    ...dematelFields,
    panel: panelQuality(matrices, { aggregation, weights: aggregation === "mean" ? weights : undefined, normalization, epsilon, labels: survey.experts.map((e) => e.expert) }),
    ...(layers ? { layers } : {}),
  };
}
