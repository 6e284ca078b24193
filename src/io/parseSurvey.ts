import type { InputWarning, Model, Survey } from "../types.js";
import { type ComponentMatcher, componentMatcher, normalizeLabel } from "./componentMatcher.js";
import { createComponentResolver } from "./componentResolver.js";
import { type CsvRow, readCsvRows } from "./csvRows.js";
import { createBlocksLayout } from "./blocksLayout.js";
import { createExpertRatings, toExpertMatrix } from "./expertRatings.js";
import { createLongLayout } from "./longLayout.js";
import { createProblemLog, type ProblemLog } from "./problemLog.js";
import { readRatingRows } from "./readRatingRows.js";
import { checkComponentsRated, checkMissingRatings, warnImplausibleExperts } from "./surveyChecks.js";
import { classifySurveyHeader, SURVEY_COLUMN_NAMES, type SurveyHeader } from "./surveyHeader.js";
import { termReader } from "./linguisticTerms.js";
import { InputError } from "../errors.js";
import { parseSurveyExport } from "./parseSurveyExport.js";
import { surveyExportLayout } from "./surveyExportLayout.js";
import type { SurveyOptions } from "./surveyOptions.js";

export type { SurveyOptions } from "./surveyOptions.js";
import { checkExportSize, countTextRows } from "./exportSizeLimit.js";
import { exportOnlyOptionProblems } from "./exportOnlyOptions.js";

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
  const file = options.source ?? "survey";
  const terms = options.terms ? termReader(options.terms) : undefined;
  const scale = terms?.range ?? options.scale ?? { min: 0, max: 4 };
  const impute = options.impute ?? "none";
  const maxProblems = options.maxProblems ?? 50;
  if (!terms && !(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max))
    throw new RangeError(`parseSurvey: scale must have finite min < max, got ${scale.min}..${scale.max}`);
  if (terms && impute === "mean") throw new RangeError('parseSurvey: impute "mean" does not go with a linguistic scale (the mean of two terms is no term)');
  if (impute !== "none" && impute !== "mean") throw new RangeError(`parseSurvey: impute must be "none" or "mean", got ${String(impute)}`);
  if (!(Number.isInteger(maxProblems) && maxProblems >= 1)) throw new RangeError(`parseSurvey: maxProblems must be an integer >= 1, got ${maxProblems}`);
  if ("text" in input && typeof input.text !== "string") throw new TypeError("parseSurvey: text must be a string");
  if (!model || !Array.isArray(model.components) || model.components.length === 0)
    throw new TypeError("parseSurvey: model must have a non-empty components list");

  const exported = "text" in input ? surveyExportOf(input.text, model, options) : undefined;
  if (exported) return exported;
  const ids = model.components.map((c) => c.id);
  const log = createProblemLog(file, maxProblems);
  const warnings: InputWarning[] = [];
  // Rows: the header and the rows under it (stops on an empty file or a header that fits no layout).
  const matcher = componentMatcher(model);
  const { rows, header } = readHeaderAndRows(input, matcher, ids, log);
  for (const p of exportOnlyOptionProblems(header, options, file, rows[0].line)) log.add(p);
  // Ratings: every row into its expert's matrix.
  const resolver = createComponentResolver(matcher, ids, log);
  const ratings = createExpertRatings(ids, scale, log, warnings, terms);
  const layout = header.layout === "long" ? createLongLayout(header, ratings, resolver, log) : createBlocksLayout(header, ratings, resolver, log);
  readRatingRows(rows, { header, layout, ratings, resolver, log });
  ratings.warnDiagonalZeros();
  // Checks: experts, components, missing ratings; then every problem at once.
  const experts = [...ratings.experts.values()];
  if (experts.length === 0) {
    log.add({
      file,
      row: rows.length > 1 ? rows[1].line : rows[0].line,
      message: "the survey has no experts",
      expected: "at least one row of ratings under the header",
      found: rows.length > 1 ? "no row with an expert label" : "only a header",
    });
    log.stop();
  }
  const context = { ids, scale, header, log, warnings };
  checkComponentsRated(resolver, context);
  checkMissingRatings(experts, resolver.mentioned, impute, context);
  log.throwIfAny();
  // The survey.
  const out = experts.map((e) => toExpertMatrix(e, ids.length));
  warnImplausibleExperts(experts, context);
  warnings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { source: file, components: ids, experts: out, scale: { min: scale.min, max: scale.max }, warnings };
}

/** The names of a CSV layout's from column: a header with one is never read as a survey-tool export. */
const FROM_NAMES = new Set(SURVEY_COLUMN_NAMES.from.map(normalizeLabel));

/**
 * The survey read as a survey-tool export (docs/methods.md §1.8) when it is one: always with a
 * mapping file, else when its header rows have a column a tool's header pattern names a component
 * in and no from column; undefined otherwise. An export larger than `MAX_EXPORT_CELLS` is refused
 * before it is split into cells.
 */
function surveyExportOf(text: string, model: Model, options: SurveyOptions): Survey | undefined {
  const file = options.source ?? "survey";
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = headRows(body);
  if (head.length === 0) return undefined;
  if (!options.mapping) {
    if (head[0].cells.some((c) => FROM_NAMES.has(normalizeLabel(c)))) return undefined;
    if (!surveyExportLayout(head, model, componentMatcher(model), { weightColumn: options.weightColumn, groupColumn: options.groupColumn })) return undefined;
  }
  checkExportSize(countTextRows(body), head[0].cells.length, file);
  const { rows, problems } = readCsvRows(body, file);
  if (problems.length > 0) throw new InputError(problems);
  return parseSurveyExport(rows, model, options);
}

/** The first three rows of the text (the most header rows an export has), split from a prefix long enough to hold them. */
function headRows(body: string): CsvRow[] {
  for (let size = 65_536; ; size *= 4) {
    const rows = readCsvRows(body.slice(0, size)).rows;
    if (rows.length > 3 || size >= body.length) return rows.slice(0, 3);
  }
}

/** The survey's non-blank rows (a byte-order mark dropped) and its classified header; every CSV and header problem logged. */
function readHeaderAndRows(
  input: { text: string } | { rows: readonly CsvRow[] },
  matcher: ComponentMatcher,
  ids: readonly string[],
  log: ProblemLog,
): { rows: readonly CsvRow[]; header: SurveyHeader } {
  const file = log.file;
  const body = "text" in input ? (input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text) : "";
  const { rows, problems } = "text" in input ? readCsvRows(body, file) : { rows: input.rows, problems: [] };
  if (rows.length === 0) {
    log.add({
      file,
      message: "the survey file is empty",
      expected: "a header line such as expert,from,to,value, then one row per rating",
      found: body === "" ? "an empty file" : "only blank lines",
    });
    return log.stop();
  }
  for (const p of problems) log.add(p);
  const header = classifySurveyHeader(rows[0].cells, rows[0].line, matcher, ids, log.problems, file);
  if (!header) return log.stop();
  return { rows, header };
}
