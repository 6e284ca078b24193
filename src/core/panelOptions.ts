import type { AggregationMethod } from "./aggregate.js";
import type { NormalizationMethod } from "./normalize.js";
import type { ThresholdOptions } from "./thresholdTypes.js";

/**
 * The DEMATEL choices every panel-level method shares (aggregation and
 * weights, normalisation, ε, threshold, component ids), declared once for
 * the fuzzy and grey functions; defaults as in `DematelSettings`.
 */
export interface PanelMethodOptions {
  /** `"mean"` (weighted, default) or `"median"`. */
  aggregation?: AggregationMethod;
  weights?: readonly number[];
  /** Normalisation rule (default `"max"`). */
  normalization?: NormalizationMethod;
  epsilon?: number;
  threshold?: ThresholdOptions;
  components?: readonly string[];
}
