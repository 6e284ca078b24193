import type { Model, Survey } from "../types.js";
import { type CsvRow, readCsvRows } from "./csvRows.js";
import { InputError } from "../errors.js";
import { parseSurveyExport } from "./parseSurveyExport.js";
import type { SurveyOptions } from "./surveyOptions.js";
import { createSurveyReading, surveySettings } from "./surveyReading.js";
import { headRowsOf, isSurveyExportHead } from "./surveyExportHead.js";

export type { SurveyOptions } from "./surveyOptions.js";
import { checkExportSize, countTextRows } from "./exportSizeLimit.js";

/**
 * Parse a survey of expert direct-influence ratings (docs/methods.md §1) into one
 * n×n matrix per expert, in model component order, with a zero diagonal.
 *
 * Layouts, detected from the header: **long** `expert,from,to,value[,weight]`
 * (one row per rating) and **matrix blocks** `expert,from,<one column per
 * component>[,weight]` (one row per expert and "from" component). Components
 * may be named by id (any case), English name or Persian name (`name_fa`), in
 * cells and in block column headers. Header names are trimmed and
 * case-insensitive; `rater`/`respondent`/`participant` = expert,
 * `source` = from, `target` = to, `rating`/`score` = value.
 *
 * Forgiving: a byte-order mark; `,` `;` or tab delimiters (decided from the
 * header, so `3,5` in a `;` file is 3.5); Persian/Arabic-Indic digits, the
 * Arabic decimal separator and a decimal comma; spaces around cells; CRLF;
 * blank lines; trailing empty columns. Fractional ratings inside the scale are
 * kept as given (a published average matrix read as one expert reproduces it).
 * The optional `weight` (positive, default 1) may be left blank on some of an
 * expert's rows (or left out, when it is the last column) but must not differ
 * between them.
 *
 * Strict: every problem is collected in one pass and thrown together as an
 * {@link InputError} (at most `maxProblems`, then "… and N more"), each with
 * file, row (1-based file line, header = 1), column, expected and found: a
 * rating outside the scale or not a number; a duplicate rating (both rows
 * named); a missing rating (the expert and the exact cells, e.g.
 * `expert E3 has no rating for LEAD→GOV, CUL→INS`); an unknown component
 * (with the closest id or name suggested); model components the survey never
 * rates and survey components not in the model; an empty file; a header that
 * fits neither layout; a missing or duplicate component column; a row with the
 * wrong number of cells; an invalid or inconsistent weight; zero experts.
 * Diagonal cells (from = to) are not rated: a value there is ignored with a
 * located warning (zeros, the usual filler, get one summary warning at the
 * first), an empty or `-` diagonal cell silently. Plausibility warnings: an
 * expert who rated every pair at the bottom of the scale, and an expert whose
 * ratings are identical to an earlier expert's (a copied block). Warnings are
 * sorted by row.
 *
 * Experts appear in the order of their first row. The model is not modified.
 * @throws {InputError} listing every problem found in the text.
 * @throws {RangeError} when an option is invalid (scale min ≥ max, maxProblems < 1).
 * @example
 * const s = parseSurvey("expert,from,to,value\nE1,A,B,3\nE1,B,A,1", { components: [{ id: "A", name: "a" }, { id: "B", name: "b" }] });
 * s.experts[0].matrix; // [[0, 3], [1, 0]]
 */
export function parseSurvey(text: string, model: Model, options: SurveyOptions = {}): Survey {
  return parseSurveyInput({ text }, model, options);
}

/**
 * Internal: {@link parseSurvey} over rows already split into trimmed cells (a
 * spreadsheet's sheet, `line` = its row number), through the same header,
 * rating and check steps, so every rule and message is shared with the CSV
 * path. Rows whose cells are all empty must be left out.
 * @throws {InputError} listing every problem found in the rows.
 * @throws {RangeError} when an option is invalid.
 * @example
 * parseSurveyRows([{ line: 1, cells: ["expert", "from", "to", "value"] }, { line: 2, cells: ["E1", "A", "B", "3"] }], model);
 */
export function parseSurveyRows(rows: readonly CsvRow[], model: Model, options: SurveyOptions = {}): Survey {
  return parseSurveyInput({ rows }, model, options);
}

function parseSurveyInput(input: { text: string } | { rows: readonly CsvRow[] }, model: Model, options: SurveyOptions): Survey {
  const settings = surveySettings(options);
  if ("text" in input && typeof input.text !== "string") throw new TypeError("parseSurvey: text must be a string");
  if (!model || !Array.isArray(model.components) || model.components.length === 0)
    throw new TypeError("parseSurvey: model must have a non-empty components list");

  const exported = "text" in input ? surveyExportOf(input.text, model, options) : undefined;
  if (exported) return exported;
  // Rows: the header and the rows under it, each into its expert's matrix; then the checks and every problem at once.
  const reading = createSurveyReading(model, options, settings);
  const body = "text" in input ? (input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text) : "";
  const { rows, problems } = "text" in input ? readCsvRows(body, settings.file) : { rows: input.rows, problems: [] };
  for (const p of problems) reading.csvLog.add(p);
  for (const row of rows) reading.row(row);
  return reading.finish(body === "");
}

/**
 * The survey read as a survey-tool export (docs/methods.md §1.8) when it is one ({@link isSurveyExportHead});
 * undefined otherwise. An export larger than `MAX_EXPORT_CELLS` is refused before it is split into cells.
 */
function surveyExportOf(text: string, model: Model, options: SurveyOptions): Survey | undefined {
  const file = options.source ?? "survey";
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = headRowsOf(body, true) as CsvRow[];
  if (!isSurveyExportHead(head, model, options)) return undefined;
  checkExportSize(countTextRows(body), head[0].cells.length, file);
  const { rows, problems } = readCsvRows(body, file);
  if (problems.length > 0) throw new InputError(problems);
  return parseSurveyExport(rows, model, options);
}
