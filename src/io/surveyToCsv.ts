import type { Survey } from "../types.js";
import type { SurveyLayout } from "./surveyHeader.js";
import { surveyCsvCell } from "./surveyCsvCell.js";
import { surveyCsvText } from "./surveyCsvText.js";

/**
 * Write a survey as CSV text that `parseSurvey` reads back to the same
 * survey (same experts in the same order, same ratings to the last bit, same
 * weights and groups): **blocks** (default) `expert,from,<component ids>` with one row
 * per expert and from component and an empty diagonal, or **long**
 * `expert,from,to,value` with one row per off-diagonal rating. A `weight`
 * column is added only when some expert's weight is not 1, a `group` column
 * only when some expert has a group (docs/methods.md §12.1). Imputed cells are
 * written as their imputed values (the `imputed` flags and warnings are not
 * kept). Lines end in CRLF; text cells are quoted per RFC 4180 and guarded
 * against spreadsheet formulas.
 * @throws {RangeError} when a matrix is not n×n for the survey's n components, a rating is not finite, or the layout is unknown.
 * @example
 * surveyToCsv({ source: "x", components: ["A", "B"], scale: { min: 0, max: 4 }, warnings: [],
 *   experts: [{ expert: "E1", weight: 1, matrix: [[0, 3], [1, 0]], imputed: [] }] }, "long");
 * // "expert,from,to,value\r\nE1,A,B,3\r\nE1,B,A,1\r\n"
 */
export function surveyToCsv(survey: Survey, layout: SurveyLayout = "blocks"): string {
  if (layout !== "blocks" && layout !== "long") throw new RangeError(`surveyToCsv: layout must be "blocks" or "long", got ${String(layout)}`);
  const ids = survey.components;
  const n = ids.length;
  for (const e of survey.experts) {
    if (e.matrix.length !== n || e.matrix.some((row) => row.length !== n)) throw new RangeError(`surveyToCsv: expert ${e.expert}'s matrix must be ${n}×${n}`);
  }
  const weighted = survey.experts.some((e) => e.weight !== 1);
  const experts = survey.experts.map((e) => ({
    label: e.expert,
    weight: surveyCsvCell(e.weight),
    rating: (i: number, j: number) => surveyCsvCell(e.matrix[i][j]),
    ...(e.group !== undefined ? { group: e.group } : {}),
  }));
  return surveyCsvText(ids, experts, layout, weighted);
}
