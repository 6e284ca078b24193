import type { Matrix } from "../types.js";
import { aggregate } from "./aggregate.js";
import { dematel, type DematelResult } from "./dematel.js";
import type { DematelMethod, DematelSettings, VariantSettings } from "./dematelSettings.js";
import { fuzzyDematel, type FuzzyOrder } from "./fuzzyDematel.js";
import { greyDematel, type GreyOrder } from "./greyDematel.js";
import { fuzzyMatrixOf, greyMatrixOf } from "./linguisticScale.js";

/** One way of turning a panel into a DEMATEL result (see {@link panelDematel}). */
export type PanelDematelMethod = (
  matrices: readonly Matrix[],
  settings: DematelSettings,
  components: readonly string[],
  weights: readonly number[] | undefined,
) => DematelResult;

/**
 * Classic DEMATEL of a panel (docs/methods.md §2): aggregate the crisp ratings
 * (weighted mean or median), then normalise, total relation, D, R, roles and
 * the threshold.
 */
const classic: PanelDematelMethod = (matrices, settings, components, weights) =>
  dematel(aggregate(matrices, { method: settings.aggregation, weights }), {
    components,
    normalization: settings.normalization,
    epsilon: settings.epsilon,
    threshold: settings.threshold,
  });

/** The fuzzy or grey settings of resolved settings (resolveSettings always fills them for these methods). */
function variantOf(settings: DematelSettings): VariantSettings {
  if (!settings.variant) throw new RangeError(`the ${settings.method} method needs resolved settings with its variant (use resolveSettings)`);
  return settings.variant;
}

/**
 * Fuzzy DEMATEL of a panel (docs/methods.md §2.9, §2.11): each rating code read as
 * the triangular fuzzy number of the settings' linguistic scale, then
 * fuzzyDematel in the settings' order, CFCS range and diagonal rule.
 */
const fuzzy: PanelDematelMethod = (matrices, settings, components, weights) => {
  const v = variantOf(settings);
  return fuzzyDematel(
    matrices.map((m, k) => fuzzyMatrixOf(m, v.scale, k)),
    {
      order: v.order as FuzzyOrder,
      cfcs: v.range,
      diagonal: v.diagonal,
      aggregation: settings.aggregation,
      weights,
      normalization: settings.normalization,
      epsilon: settings.epsilon,
      threshold: settings.threshold,
      components,
    },
  ).dematel;
};

/** Grey DEMATEL of a panel (docs/methods.md §2.10, §2.11): each rating code read as the grey number of the scale, then greyDematel. */
const grey: PanelDematelMethod = (matrices, settings, components, weights) => {
  const v = variantOf(settings);
  return greyDematel(
    matrices.map((m, k) => greyMatrixOf(m, v.scale, k)),
    {
      order: v.order as GreyOrder,
      range: v.range,
      diagonal: v.diagonal,
      aggregation: settings.aggregation,
      weights,
      normalization: settings.normalization,
      epsilon: settings.epsilon,
      threshold: settings.threshold,
      components,
    },
  ).dematel;
};

/** The DEMATEL methods by name: the one place a variant (fuzzy, grey) is added, and every later stage follows. */
const BY_METHOD: Readonly<Record<DematelMethod, PanelDematelMethod>> = { classic, fuzzy, grey };

/**
 * The DEMATEL stage of the pipeline: a panel of expert matrices → one DEMATEL
 * result, by the settings' method. Every analysis that needs a DEMATEL result
 * of a panel or of part of one (the full panel, leave-one-out, sensitivity)
 * calls this, so a new method changes them all.
 * @param matrices the experts' n×n direct-influence matrices, in component order.
 * @param settings resolved settings ({@link resolveSettings}).
 * @param components the component ids, in order.
 * @param weights the weights of these matrices (default: the settings' weights; pass a subset's own weights for part of a panel).
 * @throws {RangeError} on shapes or weights that do not fit.
 * @throws {InfeasibleError} when no total-relation matrix exists.
 * @example
 * const d = panelDematel(matrices, resolveSettings(), ["A", "B"]);
 */
export function panelDematel(
  matrices: readonly Matrix[],
  settings: DematelSettings,
  components: readonly string[],
  weights: readonly number[] | undefined = settings.weights,
): DematelResult {
  return BY_METHOD[settings.method](matrices, settings, components, weights);
}
