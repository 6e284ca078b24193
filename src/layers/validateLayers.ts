import type { Matrix, Model } from "../types.js";
import { aggregate, type AggregationMethod } from "../core/aggregate.js";
import { dematel, type DematelResult } from "../core/dematel.js";
import { componentIds } from "../model/model.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { createLayerTests, layerTests, type LayerTestResult, type LayerTests } from "./layerTests.js";
import { MAX_LAYER_ORDERS, layerOrders, type LayerOrders } from "../structure/layerOrders.js";
import { suggestedLayers, type SuggestedLayer } from "../structure/suggestedLayers.js";
import { ismLevels, type IsmLevels } from "../structure/ismLevels.js";
import { micmac, type Micmac } from "../structure/micmac.js";
import { structureAgreement, type StructureAgreement } from "../structure/structureAgreement.js";
import { SENSITIVITY_AGGREGATIONS, SENSITIVITY_THRESHOLDS, sensitivity as runSensitivity, type Sensitivity, type SensitivityOptions } from "./sensitivity.js";

/** Options of {@link validateLayers}. */
export interface ValidateLayersOptions extends Omit<SensitivityOptions, "prepared"> {
  /** Aggregation of the main analysis (default "mean"); it is also the sensitivity baseline. */
  aggregation?: AggregationMethod;
  /** Threshold of the impact-relation map and the ISM reachability (default mean of T); also the sensitivity baseline. */
  threshold?: ThresholdOptions;
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
  experts: number;
  /** The DEMATEL analysis of the aggregated panel. */
  dematel: DematelResult;
  trend: LayerTestResult;
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

/**
 * Does an expert panel support a model's proposed layering? One call that
 * runs the whole of METHODS §5 and the structure and sensitivity parts of
 * §4 and §6 (the bootstrap is added by the caller from `bootstrapExperts`):
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
  const layers = model.layers ?? [];
  if (layers.length === 0) throw new RangeError("validateLayers needs a model with layers; this model has none");
  if (layers.length < 2) throw new RangeError(`validateLayers needs a model with at least two layers to compare; this model has one ("${layers[0].id}")`);
  const ids = componentIds(model);
  const n = ids.length;
  if (matrices.length === 0) throw new RangeError("validateLayers needs at least one expert matrix");
  matrices.forEach((m, k) => {
    if (m.length !== n) throw new RangeError(`expert matrix ${k + 1} is ${m.length}×${m.length} but the model has ${n} components`);
  });
  const aggregation = options.aggregation ?? "mean";
  const threshold = options.threshold ?? { method: "mean" };
  const prepared = createLayerTests(model, options);
  const A = aggregate(matrices, { method: aggregation, weights: options.weights });
  const d = dematel(A, { components: ids, normalization: options.normalization, epsilon: options.epsilon, threshold });
  const tests = layerTests(d.total, d.relation, model, { prepared });
  const ism = ismLevels(d.total, d.threshold.value, ids);
  // The sensitivity defaults, with this analysis's own threshold and aggregation first (the baseline).
  const thresholds = options.thresholds ?? [threshold, ...SENSITIVITY_THRESHOLDS.filter((t) => t.method !== (threshold.method ?? "mean"))];
  const aggregations = options.aggregations ?? [aggregation, ...SENSITIVITY_AGGREGATIONS.filter((a) => a !== aggregation)];
  return {
    components: ids,
    layers: layers.map((l) => l.id),
    experts: matrices.length,
    dematel: d,
    trend: tests.trend,
    flow: tests.flow,
    signs: tests.signs,
    ...((options.orders ?? layers.length <= MAX_LAYER_ORDERS) ? { orders: layerOrders(d.relation, model) } : {}),
    suggestedLayer: suggestedLayers(d.relation, model),
    ism,
    micmac: micmac(ism.reachability, ids),
    agreement: structureAgreement(model, d.relation, ism),
    sensitivity: options.sensitivity === false ? null : runSensitivity(matrices, model, { ...options, thresholds, aggregations, prepared }),
  };
}
