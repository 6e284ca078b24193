import type { AggregationMethod } from "./aggregate.js";
import type { NormalizationMethod } from "./normalize.js";
import type { ThresholdOptions } from "./thresholdTypes.js";
import { checkThresholdOptions } from "./checkThresholdOptions.js";
import type { FuzzyOrder } from "./fuzzyDematel.js";
import type { GreyOrder } from "./greyDematel.js";
import type { DefuzzifyRange } from "./uncertainDematel.js";
import { checkScale, FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE, type LinguisticScale } from "./linguisticScale.js";

/**
 * How a panel becomes one DEMATEL result: `"classic"` (aggregate crisp ratings, then DEMATEL; default),
 * `"fuzzy"` (each rating code read as the triangular fuzzy number of a linguistic scale, docs/methods.md §2.9)
 * or `"grey"` (as an interval grey number, §2.10).
 */
export type DematelMethod = "classic" | "fuzzy" | "grey";

/** The settings of a fuzzy or grey method (docs/methods.md §2.9–2.11), resolved. */
export interface VariantSettings {
  /** Fuzzy: `"defuzzify-first"` (default) or `"defuzzify-last"`; grey: `"whiten-last"` (default) or `"whiten-first"`. */
  readonly order: FuzzyOrder | GreyOrder;
  /** The CFCS / whitening minimum and range of the first orders: `"global"` (default) or `"per-matrix"`. */
  readonly range: DefuzzifyRange;
  /** The last orders: whether T's diagonal enters the final minimum and range (default true). */
  readonly diagonal: boolean;
  /** The linguistic scale the rating codes are read by (default the built-in five-term scale of the method). */
  readonly scale: LinguisticScale;
}

/** What a caller may give of {@link VariantSettings}. */
export interface VariantSettingsInput {
  order?: FuzzyOrder | GreyOrder;
  range?: DefuzzifyRange;
  diagonal?: boolean;
  scale?: LinguisticScale;
}

/**
 * Every setting that decides a DEMATEL result, in one object: the rating
 * scale, how the experts are combined (aggregation and weights), the
 * normalisation, ε, and the threshold rule of the impact-relation map. It is
 * resolved and checked once, at the boundary (the command line, or the first
 * library call), by {@link resolveSettings}, and then handed unchanged to every
 * stage: the full-panel DEMATEL, leave-one-out, panel quality, the layer tests,
 * sensitivity and the bootstrap. Defaults: docs/methods.md §2.
 */
export interface DematelSettings {
  /** How a panel becomes a DEMATEL result (default `"classic"`). */
  readonly method: DematelMethod;
  /** The rating scale (default 0–4). */
  readonly scale: { readonly min: number; readonly max: number };
  /** `"mean"` (weighted, default) or `"median"` (element-wise, unweighted). */
  readonly aggregation: AggregationMethod;
  /** One non-negative weight per expert for the mean; undefined = every expert weighs 1 and no weights were given. */
  readonly weights: readonly number[] | undefined;
  /** Normalisation of A (default `"max"`). */
  readonly normalization: NormalizationMethod;
  /** ε added to λ by explicit choice (default 0). */
  readonly epsilon: number;
  /** The impact-relation map's threshold rule, its method always stated (default the mean of all n² entries of T). */
  readonly threshold: Readonly<ThresholdOptions> & { readonly method: NonNullable<ThresholdOptions["method"]> };
  /** The fuzzy or grey method's settings; undefined for `"classic"`. */
  readonly variant?: VariantSettings;
}

/** What a caller may give of {@link DematelSettings}; every field is optional and defaults as documented there. */
export interface DematelSettingsInput {
  method?: DematelMethod;
  scale?: { min: number; max: number };
  aggregation?: AggregationMethod;
  weights?: readonly number[];
  normalization?: NormalizationMethod;
  epsilon?: number;
  threshold?: ThresholdOptions;
  /** Fuzzy or grey settings (ignored, and left out, for `"classic"`). */
  variant?: VariantSettingsInput;
}

const resolved = new WeakSet<object>();

const AGGREGATIONS: readonly AggregationMethod[] = ["mean", "median"];
const NORMALIZATIONS: readonly NormalizationMethod[] = ["max", "row", "column"];
const DEMATEL_METHODS: readonly DematelMethod[] = ["classic", "fuzzy", "grey"];

function oneOf<T extends string>(value: T | undefined, allowed: readonly T[], fallback: T, what: string): T {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw new RangeError(`unknown ${what} "${String(v)}": use ${allowed.map((a) => `"${a}"`).join(" or ")}`);
  return v;
}

function checkedWeights(weights: readonly number[] | undefined, expertCount: number | undefined): readonly number[] | undefined {
  if (weights === undefined) return undefined;
  if (expertCount !== undefined && weights.length !== expertCount)
    throw new RangeError(`one weight per expert is needed: ${expertCount} experts, ${weights.length} weights`);
  for (const w of weights) if (!Number.isFinite(w) || w < 0) throw new RangeError(`expert weights must be finite and non-negative, got ${w}`);
  if (!weights.some((w) => w > 0)) throw new RangeError("expert weights must not all be zero");
  return Object.freeze([...weights]);
}

function resolvedVariant(method: DematelMethod, input: VariantSettingsInput | undefined): VariantSettings | undefined {
  if (method === "classic") return undefined;
  const fuzzy = method === "fuzzy";
  const orders = fuzzy ? ["defuzzify-first", "defuzzify-last"] : ["whiten-last", "whiten-first"];
  const order = oneOf<string>(input?.order, orders, orders[0], `${method} order`) as FuzzyOrder | GreyOrder;
  const range = oneOf<DefuzzifyRange>(input?.range, ["global", "per-matrix"], "global", `${fuzzy ? "CFCS" : "whitening"} range`);
  const diagonal = input?.diagonal ?? true;
  if (typeof diagonal !== "boolean") throw new RangeError(`the diagonal setting must be true or false, got ${String(diagonal)}`);
  const scale = input?.scale ?? (fuzzy ? FUZZY_FIVE_TERM_SCALE : GREY_FIVE_TERM_SCALE);
  checkScale(scale, method);
  return Object.freeze({ order, range, diagonal, scale });
}

/**
 * Resolve and check {@link DematelSettings} once: fill every default, refuse
 * an unknown aggregation, normalisation or method, a negative or non-finite ε,
 * an inverted scale, an invalid threshold rule ({@link checkThresholdOptions}),
 * an invalid fuzzy/grey variant or scale, and weights that are not one finite
 * non-negative number per expert (not all zero). The result is frozen; passing
 * it to `resolveSettings` again returns it as it is (only its weights' length
 * is compared with `expertCount` again), so every stage can accept either a
 * resolved object or a partial input, and the CLI and library entry points
 * resolve once.
 * @param given the settings given (default: all defaults); a resolved object is returned unchanged.
 * @param expertCount the number of experts the weights must match (default: not checked).
 * @param defaults defaults of this context under the input's own fields (e.g. a survey's scale and weights); not used for a resolved object.
 * @throws {RangeError} naming the setting and the value found.
 * @example
 * const s = resolveSettings({ aggregation: "median" });
 * s.normalization; // "max"
 * s.threshold; // { method: "mean" }
 */
export function resolveSettings(
  given: DematelSettingsInput | DematelSettings = {},
  expertCount?: number,
  defaults: DematelSettingsInput = {},
): DematelSettings {
  const input: DematelSettingsInput = resolved.has(given) ? given : { ...defaults, ...given };
  if (resolved.has(given)) {
    const s = given as DematelSettings;
    if (expertCount !== undefined && s.weights !== undefined && s.weights.length !== expertCount)
      throw new RangeError(`one weight per expert is needed: ${expertCount} experts, ${s.weights.length} weights`);
    return s;
  }
  const epsilon = input.epsilon ?? 0;
  if (!Number.isFinite(epsilon) || epsilon < 0) throw new RangeError(`epsilon must be a finite non-negative number, got ${epsilon}`);
  const scale = input.scale ?? { min: 0, max: 4 };
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max)
    throw new RangeError(`the scale must run from a smaller to a larger finite number, got ${scale.min}–${scale.max}`);
  // The method first, as results.json has always listed it.
  const threshold = { method: "mean" as const, ...(input.threshold ?? {}) };
  checkThresholdOptions(threshold);
  const method = oneOf(input.method, DEMATEL_METHODS, "classic", "DEMATEL method");
  const variant = resolvedVariant(method, input.variant);
  const settings: DematelSettings = Object.freeze({
    method,
    scale: Object.freeze({ min: scale.min, max: scale.max }),
    aggregation: oneOf(input.aggregation, AGGREGATIONS, "mean", "aggregation method"),
    weights: checkedWeights(input.weights, expertCount),
    normalization: oneOf(input.normalization, NORMALIZATIONS, "max", "normalization"),
    epsilon,
    threshold: Object.freeze({ ...threshold, method: threshold.method ?? "mean" }),
    ...(variant ? { variant } : {}),
  });
  resolved.add(settings);
  return settings;
}
