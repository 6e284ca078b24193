import type { InputWarning, Model, Survey } from "../types.js";
import { shown } from "../errors.js";
import { answerReader } from "./answerLabels.js";
import { componentMatcher } from "./componentMatcher.js";
import { createComponentResolver, type ComponentResolver } from "./componentResolver.js";
import type { CsvRow } from "./csvRows.js";
import { createExpertRatings, toExpertMatrix, type ExpertRatings, type ExpertState } from "./expertRatings.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";
import { createProblemLog, type ProblemLog } from "./problemLog.js";
import { checkComponentsRated, checkMissingRatings, warnImplausibleExperts } from "./surveyChecks.js";
import type { SurveyHeader } from "./surveyHeader.js";
import { surveyExportLayout, type SurveyExportLayout } from "./surveyExportLayout.js";
import { checkSurveyMapping } from "./surveyMapping.js";
import { unguardCsvCell } from "./surveyCsvCell.js";
import type { SurveyOptions } from "./surveyOptions.js";

/** Options of {@link parseSurveyExport}: those of `parseSurvey`, whose mapping, weight and group column it reads. */
export type SurveyExportOptions = SurveyOptions;

/**
 * Parse the rows of a survey-tool export (Google Forms, Qualtrics, LimeSurvey, SurveyMonkey, or
 * any tool through a mapping file; docs/methods.md §1.8) into one matrix per respondent, through
 * the rating and check steps of `parseSurvey` (same scale, impute, missing-rating and
 * plausibility rules). The columns are recognised by {@link surveyExportLayout}; each answer is
 * read by `answerReader` (numbers, the default labels "High", "زیاد", "High (3)", the mapping's
 * `answers`, or a linguistic scale's terms); the respondent's label is its label column's cell, or
 * R1, R2, … in file order; every other column is ignored. Every problem is located at the
 * respondent's row (the file line) and the column header: an answer that maps to nothing, an
 * answer off the scale, a missing answer, a row label that names no component, two columns for
 * one pair, a repeated respondent label, a bad weight, a header the mapping names that is absent.
 * @returns the survey, or undefined when the rows are not an export (no rating column, no mapping).
 * @throws {InputError} listing every problem.
 * @example
 * parseSurveyExport(readCsvRows(text).rows, model, { source: "forms.csv" })?.experts.length;
 */
export function parseSurveyExport(rows: readonly CsvRow[], model: Model, options: SurveyExportOptions = {}): Survey | undefined {
  const matcher = componentMatcher(model);
  // A mapping object handed to the library unchecked is checked here (a bad pattern is a located problem, not a SyntaxError).
  const mapping = options.mapping ? checkSurveyMapping(options.mapping, "the mapping") : undefined;
  const layout = surveyExportLayout(rows, model, matcher, { mapping, weightColumn: options.weightColumn, groupColumn: options.groupColumn });
  if (!layout) return undefined;
  const file = options.source ?? "survey";
  const ids = model.components.map((c) => c.id);
  const log = createProblemLog(file, options.maxProblems ?? 50);
  const warnings: InputWarning[] = [];
  const reader = answerReader(options.scale ?? { min: 0, max: 4 }, { answers: mapping?.answers, terms: options.terms });
  const scale = reader.range;
  const headerLine = rows[Math.min(layout.headerRows, rows.length) - 1].line;
  const resolver = createComponentResolver(matcher, ids, log);
  const pairs = resolvePairs(layout, resolver, ids, headerLine, log);
  const ratings = createExpertRatings(ids, scale, log, warnings, reader);
  readRespondents(rows.slice(layout.headerRows), layout, pairs, ratings, log);
  const experts = [...ratings.experts.values()];
  if (experts.length === 0) {
    log.add({ file, row: headerLine, message: "the export has no respondents", expected: "one row per respondent under the header", found: "only the header" });
    log.stop();
  }
  const header: SurveyHeader = {
    layout: "long",
    names: layout.names,
    expert: layout.expert,
    from: -1,
    to: -1,
    value: -1,
    weight: layout.weight,
    group: layout.group,
    componentColumn: ids.map(() => -1),
  };
  const context = { ids, scale, header, log, warnings };
  checkComponentsRated(resolver, context);
  checkMissingRatings(experts, resolver.mentioned, options.impute ?? "none", context);
  log.throwIfAny();
  warnImplausibleExperts(experts, context);
  warnings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { source: file, components: ids, experts: experts.map((e) => toExpertMatrix(e, ids.length)), scale: { min: scale.min, max: scale.max }, warnings };
}

/** Each rating column's (from, to) model indexes (−1 when a label names no component or the pair repeats, logged at the header). */
function resolvePairs(layout: SurveyExportLayout, resolver: ComponentResolver, ids: readonly string[], line: number, log: ProblemLog): Array<[number, number]> {
  const file = log.file;
  for (const [field, name] of layout.missing)
    log.add({
      file,
      row: line,
      message: `the mapping's ${field} column is not in the export`,
      expected: `a column headed ${shown(name)}`,
      found: shown(layout.names.join(","), 120),
    });
  if (layout.ratings.length === 0)
    log.add({
      file,
      row: line,
      message: "no column of the export holds ratings",
      expected: 'columns that the mapping\'s "columns" or "pattern" name',
      found: shown(layout.names.join(","), 120),
    });
  const seen = new Map<number, number>();
  return layout.ratings.map(({ col, from, to }) => {
    const column = layout.names[col];
    const i = from.index >= 0 ? resolver.resolveQuietly(ids[from.index]) : resolver.resolve(from.label, line, column);
    const j = to.index >= 0 ? resolver.resolveQuietly(ids[to.index]) : resolver.resolve(to.label, line, column);
    if (i < 0 || j < 0) return [-1, -1];
    const prior = seen.get(i * ids.length + j);
    if (prior !== undefined) {
      log.add({
        file,
        row: line,
        column,
        message: `a second column for ${ids[i]}→${ids[j]} (also column ${prior + 1}, ${shown(layout.names[prior], 60)})`,
        expected: "one column per ordered pair of components",
        found: shown(column, 60),
      });
      return [-1, -1];
    }
    seen.set(i * ids.length + j, col);
    return [i, j];
  });
}

/** Read every respondent row: its label (or R1, R2, …), its weight, and each rating column's answer. */
function readRespondents(
  rows: readonly CsvRow[],
  layout: SurveyExportLayout,
  pairs: ReadonlyArray<[number, number]>,
  ratings: ExpertRatings,
  log: ProblemLog,
): void {
  const file = log.file;
  rows.forEach(({ line, cells }, k) => {
    const cell = (col: number): string => (col >= 0 && col < cells.length ? cells[col] : "");
    const label = layout.expert >= 0 ? unguardCsvCell(cell(layout.expert)) : `R${k + 1}`;
    const column = layout.expert >= 0 ? layout.names[layout.expert] : undefined;
    if (label === "") {
      log.addRepeated("no-label", { file, row: line, column, message: "no respondent label", expected: "the respondent's label, e.g. E1", found: '""' });
      return;
    }
    if (ratings.experts.has(label)) {
      const first = ratings.experts.get(label)?.firstLine;
      log.add({
        file,
        row: line,
        column,
        message: `respondent ${label} answers twice (rows ${first} and ${line})`,
        expected: "one row per respondent",
        found: shown(label),
      });
      return;
    }
    const e = ratings.expertOf(label, line);
    readWeightAndGroup(e, cell, line, layout, log);
    layout.ratings.forEach(({ col }, r) => {
      const [i, j] = pairs[r];
      if (i >= 0 && i !== j) ratings.rate(e, i, j, cell(col), line, layout.names[col]);
    });
  });
}

/** A respondent's weight (positive; blank = 1) and group (required when the export has a group column), each problem located at its cell. */
function readWeightAndGroup(e: ExpertState, cell: (col: number) => string, line: number, layout: SurveyExportLayout, log: ProblemLog): void {
  const file = log.file;
  if (layout.weight >= 0 && cell(layout.weight) !== "") {
    const w = parseLocaleNumber(cell(layout.weight));
    if (w === undefined || !(w > 0))
      log.add({
        file,
        row: line,
        column: layout.names[layout.weight],
        message: `weight of respondent ${e.label} must be a positive number`,
        expected: "a positive number, e.g. 1",
        found: shown(cell(layout.weight)),
      });
    else e.weight = w;
  }
  if (layout.group < 0) return;
  const group = unguardCsvCell(cell(layout.group)).trim();
  if (group !== "") e.group = group;
  else
    log.addRepeated("no-group", {
      file,
      row: line,
      column: layout.names[layout.group],
      message: `no group for respondent ${e.label}`,
      expected: "the respondent's group label, e.g. managers",
      found: '""',
    });
}
