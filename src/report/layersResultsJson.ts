import type { AnalysisResult } from "../pipeline/analyzeSurvey.js";
import { resultsJsonText } from "./resultsJson.js";

/**
 * The layer results as `cxm-dematel layers --json` prints them: `{ meta, trend, flow, signs, orders,
 * suggestedLayer, ism, micmac, agreement, sensitivity, bootstrap, notes, relation, conditioning }`
 * (docs/methods.md §5–§7), or undefined when the layering was not tested (a model without two layers).
 * The browser app offers the same text as `layers.json`.
 * @example
 * layersResultsJson(analyzeSurvey(survey, model)); // '{\n  "meta": …'
 */
export function layersResultsJson(r: AnalysisResult): string | undefined {
  if (!r.layers) return undefined;
  return resultsJsonText({ meta: r.meta, ...r.layers, relation: r.relation, conditioning: r.conditioning });
}
