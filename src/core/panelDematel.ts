import type { Matrix } from "../types.js";
import { aggregate } from "./aggregate.js";
import { dematel, type DematelResult } from "./dematel.js";
import type { DematelMethod, DematelSettings, VariantSettings } from "./dematelSettings.js";
import { fuzzyDematel, type FuzzyOrder } from "./fuzzyDematel.js";
import { greyDematel, type GreyOrder } from "./greyDematel.js";
import { fuzzyMatrixOf, greyMatrixOf } from "./linguisticScale.js";

/**
 * A fuzzy or grey method's own intermediate matrices (docs/methods.md §2.9–2.11), beside its crisp result:
 * defuzzify-last T of the l, m and u matrices (`lower`, `middle`, `upper`), whiten-last T of the lower and
 * upper matrices, or for the first orders each expert's crisp (CFCS or whitened) matrix, whose aggregate is A.
 */
export interface MethodMatrices {
  lower?: Matrix;
  middle?: Matrix;
  upper?: Matrix;
  /** Defuzzify-first / whiten-first: each expert's crisp matrix, in panel order. */
  crisp?: Matrix[];
}

/** A DEMATEL result of a panel, with the method's own matrices (fuzzy and grey only). */
export interface PanelDematelOutcome {
  dematel: DematelResult;
  matrices?: MethodMatrices;
}

/** One way of turning a panel into a DEMATEL result (see {@link panelDematel}). */
export type PanelDematelMethod = (
  matrices: readonly Matrix[],
  settings: DematelSettings,
  components: readonly string[],
  weights: readonly number[] | undefined,
) => PanelDematelOutcome;

/**
 * Classic DEMATEL of a panel (docs/methods.md §2): aggregate the crisp ratings
 * (weighted mean or median), then normalise, total relation, D, R, roles and
 * the threshold.
 */
const classic: PanelDematelMethod = (matrices, settings, components, weights) => ({
  dematel: dematel(aggregate(matrices, { method: settings.aggregation, weights }), {
    components,
    normalization: settings.normalization,
    epsilon: settings.epsilon,
    threshold: settings.threshold,
  }),
});

/** The intermediate matrices of a fuzzy or grey result, only those the order computed. */
function methodMatrices(r: { lower?: Matrix; middle?: Matrix; upper?: Matrix }, crisp: Matrix[] | undefined): MethodMatrices {
  return {
    ...(r.lower ? { lower: r.lower } : {}),
    ...(r.middle ? { middle: r.middle } : {}),
    ...(r.upper ? { upper: r.upper } : {}),
    ...(crisp ? { crisp } : {}),
  };
}

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
  const r = fuzzyDematel(
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
  );
  return { dematel: r.dematel, matrices: methodMatrices(r, r.defuzzified) };
};

/** Grey DEMATEL of a panel (docs/methods.md §2.10, §2.11): each rating code read as the grey number of the scale, then greyDematel. */
const grey: PanelDematelMethod = (matrices, settings, components, weights) => {
  const v = variantOf(settings);
  const r = greyDematel(
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
  );
  return { dematel: r.dematel, matrices: methodMatrices(r, r.whitened) };
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
  return panelDematelOutcome(matrices, settings, components, weights).dematel;
}

/**
 * {@link panelDematel} with the fuzzy or grey method's own matrices ({@link MethodMatrices}; absent for classic)
 * beside the result: what the pipeline's one baseline shows in results.json.
 */
export function panelDematelOutcome(
  matrices: readonly Matrix[],
  settings: DematelSettings,
  components: readonly string[],
  weights: readonly number[] | undefined = settings.weights,
): PanelDematelOutcome {
  return BY_METHOD[settings.method](matrices, settings, components, weights);
}
