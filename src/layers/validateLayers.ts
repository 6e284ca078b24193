import type { Matrix, Model } from "../types.js";
import type { AggregationMethod } from "../core/aggregate.js";
import type { DematelResult } from "../core/dematel.js";
import { resolveSettings } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { componentIds } from "../model/model.js";
import { requireLayers } from "../model/assertLayeredModel.js";
import { createLayerTests, layerTests, type LayerTestResult, type LayerTests, type TrendTestResult } from "./layerTests.js";
import { MAX_LAYER_ORDERS, layerOrders, type LayerOrders } from "../structure/layerOrders.js";
import { suggestedLayers, type SuggestedLayer } from "../structure/suggestedLayers.js";
import { ismLevels, type IsmLevels } from "../structure/ismLevels.js";
import { micmac, type Micmac } from "../structure/micmac.js";
import { structureAgreement, type StructureAgreement } from "../structure/structureAgreement.js";
import { scenarioLists, sensitivity as runSensitivity, type Sensitivity, type SensitivityOptions } from "./sensitivity.js";

/** Options of {@link validateLayers}. */
export interface ValidateLayersOptions extends Omit<SensitivityOptions, "prepared" | "baseline"> {
  /** The whole panel's DEMATEL result under `settings`, when the caller has it (default: computed here). Its threshold is the impact-relation map's and the ISM reachability's. */
  baseline?: DematelResult;
  /** Run the sensitivity table (default true). */
  sensitivity?: boolean;
  /**
   * Rank every order of the layers ({@link layerOrders}; default true when the
   * model has at most {@link MAX_LAYER_ORDERS} layers, false above: L! orders
   * are too many to rank, and every other part still runs).
   */
  orders?: boolean;
}

/** Everything {@link validateLayers} finds about a proposed layering. */
export interface LayerValidation {
  components: string[];
  /** Layer ids, outer → inner. */
  layers: string[];
  /** Number of experts. */
  expertCount: number;
  /** The DEMATEL analysis of the aggregated panel. */
  dematel: DematelResult;
  /** The trend test, with S_trend's attainable maximum for the layer sizes and the test's attainable size at 5%. */
  trend: TrendTestResult;
  flow: LayerTestResult;
  signs: LayerTests["signs"];
  /** Absent when the orders were not ranked (more than {@link MAX_LAYER_ORDERS} layers, or `orders: false`). */
  orders?: LayerOrders;
  suggestedLayer: SuggestedLayer[];
  ism: IsmLevels;
  micmac: Micmac;
  agreement: StructureAgreement;
  /** Null when `sensitivity: false`. */
  sensitivity: Sensitivity | null;
}

/** The sensitivity table; the baseline and leave-one-out runs are reused when its first aggregation is the analysis's own. */
function sensitivityAt(
  matrices: readonly Matrix[],
  model: Model,
  options: SensitivityOptions & { aggregations: readonly AggregationMethod[] },
  baseline: DematelResult,
): Sensitivity {
  const own = options.aggregations[0] === resolveSettings(options.settings).aggregation;
  return runSensitivity(matrices, model, { ...options, baseline: own ? baseline : undefined, leaveOneOut: own ? options.leaveOneOut : undefined });
}

/**
 * Does an expert panel support a model's proposed layering? One call that
 * runs the whole of docs/methods.md §5, the structure of §6 and the sensitivity of
 * §7.5 (the bootstrap is added by the caller from `bootstrapExperts`):
 * aggregate → DEMATEL → exact trend and flow tests with sign checks
 * ({@link layerTests}) → S_trend of every layer order ({@link layerOrders})
 * → suggested layers ({@link suggestedLayers}) → ISM levels at the DEMATEL
 * threshold ({@link ismLevels}) and MICMAC ({@link micmac}) → agreement
 * between proposed and data-driven structures ({@link structureAgreement})
 * → sensitivity table ({@link sensitivity}). The permutation tests are
 * prepared once and shared by every step.
 * @param matrices the experts' direct-influence matrices, in model component order.
 * With more than {@link MAX_LAYER_ORDERS} layers the ranking of the L!
 * layer orders is left out (`orders` absent) and everything else runs.
 * @throws {RangeError} when the model has no layers or only one, the matrices
 *   do not fit it, or `orders: true` is asked for more than {@link MAX_LAYER_ORDERS} layers.
 * @throws {InfeasibleError} when the aggregated matrix admits no total-relation matrix.
 * @example
 * const v = validateLayers(survey.experts.map((e) => e.matrix), defaultModel(), { seed: 1 });
 * v.trend.p; v.orders.proposedRank; v.sensitivity?.summary.changedConclusions;
 */
export function validateLayers(matrices: readonly Matrix[], model: Model, options: ValidateLayersOptions = {}): LayerValidation {
  requireLayers(model, "validateLayers");
  const layers = model.layers ?? [];
  const ids = componentIds(model);
  const n = ids.length;
  if (matrices.length === 0) throw new RangeError("validateLayers needs at least one expert matrix");
  matrices.forEach((m, k) => {
    if (m.length !== n) throw new RangeError(`expert matrix ${k + 1} is ${m.length}×${m.length} but the model has ${n} components`);
  });
  const settings = resolveSettings(options.settings, matrices.length);
  const prepared = createLayerTests(model, options);
  const d = options.baseline ?? panelDematel(matrices, settings, ids);
  const tests = layerTests(d.total, d.relation, model, { prepared });
  const ism = ismLevels(d.total, d.threshold.value, ids);
  // The sensitivity defaults, with this analysis's own threshold and aggregation first (the baseline).
  const { thresholds, aggregations } = scenarioLists(settings, options);
  return {
    components: ids,
    layers: layers.map((l) => l.id),
    expertCount: matrices.length,
    dematel: d,
    trend: tests.trend,
    flow: tests.flow,
    signs: tests.signs,
    ...((options.orders ?? layers.length <= MAX_LAYER_ORDERS) ? { orders: layerOrders(d.relation, model) } : {}),
    suggestedLayer: suggestedLayers(d.relation, model),
    ism,
    micmac: micmac(ism.reachability, ids),
    agreement: structureAgreement(model, d.relation, ism),
    sensitivity: options.sensitivity === false ? null : sensitivityAt(matrices, model, { ...options, settings, thresholds, aggregations, prepared }, d),
  };
}
