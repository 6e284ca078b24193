import type { Model } from "../types.js";
import type { SurveyLayout } from "./surveyHeader.js";
import { surveyCsvText } from "./surveyCsvText.js";

/** Options of {@link surveyTemplate}. */
export interface SurveyTemplateOptions {
  /** Number of experts (rows are labelled `E1`, `E2`, …). Default 3. */
  expertCount?: number;
  /** `"blocks"` (default): one row per expert and from component, one column per component; `"long"`: one row per rating. */
  layout?: SurveyLayout;
  /** Prefix of the expert labels. Default `"E"`. */
  expertPrefix?: string;
}

/**
 * A blank survey CSV to hand to experts (docs/methods.md §1.7): the header of the chosen
 * layout with the model's component ids and a trailing `weight` column, then
 * for **blocks** one row per (expert, from component) with one empty cell per
 * component, or for **long** one row per (expert, from, to ≠ from) with an
 * empty value. Every empty rating cell must be filled with a number on the
 * survey's scale (0 = no influence … 4 = very high influence) before the file
 * is read; the diagonal cells of the blocks layout (a component's influence on
 * itself) stay empty and are ignored, as is an empty `weight` (= 1). Reading
 * an unfilled template back with `parseSurvey` reports every blank cell as a
 * missing rating. Lines end in CRLF (RFC 4180).
 * @throws {RangeError} when `expertCount` is not a positive integer or the layout is unknown.
 * @example
 * surveyTemplate({ components: [{ id: "A", name: "a" }, { id: "B", name: "b" }] }, { expertCount: 1 });
 * // "expert,from,A,B,weight\r\nE1,A,,,\r\nE1,B,,,\r\n"
 */
export function surveyTemplate(model: Model, options: SurveyTemplateOptions = {}): string {
  const expertCount = options.expertCount ?? 3;
  const layout = options.layout ?? "blocks";
  const prefix = options.expertPrefix ?? "E";
  if (!(Number.isInteger(expertCount) && expertCount >= 1)) throw new RangeError(`surveyTemplate: expertCount must be a positive integer, got ${expertCount}`);
  if (layout !== "blocks" && layout !== "long") throw new RangeError(`surveyTemplate: layout must be "blocks" or "long", got ${String(layout)}`);
  const blank = { weight: "", rating: (): string => "" };
  const experts = Array.from({ length: expertCount }, (_, k) => ({ label: `${prefix}${k + 1}`, ...blank }));
  return surveyCsvText(
    model.components.map((c) => c.id),
    experts,
    layout,
    true,
  );
}
