import type { InputWarning, Model, Survey } from "../types.js";
import { componentMatcher } from "./componentMatcher.js";
import { createComponentResolver, type ComponentResolver } from "./componentResolver.js";
import type { CsvRow } from "./csvRows.js";
import { createBlocksLayout } from "./blocksLayout.js";
import { createExpertRatings, toExpertMatrix, type ExpertRatings } from "./expertRatings.js";
import { createLongLayout } from "./longLayout.js";
import { createProblemLog, type ProblemLog } from "./problemLog.js";
import { ratingRowReader } from "./readRatingRows.js";
import { checkComponentsRated, checkMissingRatings, warnImplausibleExperts } from "./surveyChecks.js";
import { classifySurveyHeader, type SurveyHeader } from "./surveyHeader.js";
import { termReader, type TermReader } from "./linguisticTerms.js";
import { exportOnlyOptionProblems } from "./exportOnlyOptions.js";
import type { SurveyOptions } from "./surveyOptions.js";

/** The options of one survey read, checked and with their defaults (see {@link surveySettings}). */
export interface SurveySettings {
  file: string;
  terms?: TermReader;
  scale: { min: number; max: number };
  impute: "none" | "mean";
  maxProblems: number;
}

/**
 * The options of `parseSurvey`, checked, with their defaults: file "survey", scale 0–4 (or the terms' range),
 * impute "none", at most 50 problems listed.
 * @throws {RangeError} when an option is invalid (scale min ≥ max, maxProblems < 1, impute unknown or "mean" with terms).
 * @example
 * surveySettings({ scale: { min: 1, max: 7 } }).scale; // { min: 1, max: 7 }
 */
export function surveySettings(options: SurveyOptions): SurveySettings {
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
  return { file, ...(terms ? { terms } : {}), scale, impute, maxProblems };
}

/** A survey read row by row: the header, then every row under it, then the checks (see {@link createSurveyReading}). */
export interface SurveyReading {
  /** The CSV problems (broken quoting): listed before every other problem, as when the text is split before it is read. */
  readonly csvLog: ProblemLog;
  /** The next non-blank row (the first one is the header). */
  row(row: CsvRow): void;
  /**
   * After the last row: the survey, through the checks of `parseSurvey`.
   * @param emptyText true when the text was empty (not only blank lines), for the message of a survey with no rows.
   * @throws {InputError} listing every problem found.
   */
  finish(emptyText: boolean): Survey;
}

/** What the rows under a classified header are read into. */
interface RowStage {
  header: SurveyHeader;
  headerLine: number;
  resolver: ComponentResolver;
  ratings: ExpertRatings;
  readRow: (row: CsvRow) => void;
}

/**
 * The reading of one survey in the long or blocks layout (docs/methods.md §1.3–§1.6), its rows handed over
 * one at a time (a whole text split at once by `parseSurvey`, or a large file in chunks), so that no row is
 * kept after it is read: the header classified at the first row, each row into its expert's matrix, then
 * the checks and every problem at once, in the same order whichever way the rows came.
 * @example
 * const reading = createSurveyReading(model, options, surveySettings(options));
 * for (const row of readCsvRows(text).rows) reading.row(row);
 * const survey = reading.finish(text === "");
 */
export function createSurveyReading(model: Model, options: SurveyOptions, settings: SurveySettings): SurveyReading {
  const { file, maxProblems } = settings;
  const ids = model.components.map((c) => c.id);
  const csvLog = createProblemLog(file, maxProblems);
  const log = createProblemLog(file, maxProblems, csvLog);
  const warnings: InputWarning[] = [];
  const matcher = componentMatcher(model);
  let headerSeen = false;
  let stage: RowStage | undefined;
  let secondLine: number | undefined;
  const startRows = (row: CsvRow): RowStage | undefined => {
    const header = classifySurveyHeader(row.cells, row.line, matcher, ids, log.problems, file);
    if (!header) return undefined;
    for (const p of exportOnlyOptionProblems(header, options, file, row.line)) log.add(p);
    const resolver = createComponentResolver(matcher, ids, log);
    const ratings = createExpertRatings(ids, settings.scale, log, warnings, settings.terms);
    const layout = header.layout === "long" ? createLongLayout(header, ratings, resolver, log) : createBlocksLayout(header, ratings, resolver, log);
    return { header, headerLine: row.line, resolver, ratings, readRow: ratingRowReader({ header, layout, ratings, resolver, log }) };
  };
  return {
    csvLog,
    row(row) {
      if (!headerSeen) {
        headerSeen = true;
        stage = startRows(row);
        return;
      }
      secondLine ??= row.line;
      stage?.readRow(row);
    },
    finish(emptyText) {
      if (!headerSeen) return emptySurvey(file, maxProblems, emptyText);
      if (!stage) return log.stop();
      return finishSurvey(stage, secondLine, { ids, settings, log, warnings });
    },
  };
}

/** Stop on a survey with no rows: its one problem (and none of the CSV problems of its blank lines). */
function emptySurvey(file: string, maxProblems: number, emptyText: boolean): never {
  const log = createProblemLog(file, maxProblems);
  log.add({
    file,
    message: "the survey file is empty",
    expected: "a header line such as expert,from,to,value, then one row per rating",
    found: emptyText ? "an empty file" : "only blank lines",
  });
  return log.stop();
}

/** The checks after the last row (experts, components, missing ratings), then the survey. */
function finishSurvey(
  stage: RowStage,
  secondLine: number | undefined,
  { ids, settings, log, warnings }: { ids: string[]; settings: SurveySettings; log: ProblemLog; warnings: InputWarning[] },
): Survey {
  const { file, scale, impute } = settings;
  const { header, ratings, resolver } = stage;
  stage.ratings.warnDiagonalZeros();
  const experts = [...ratings.experts.values()];
  if (experts.length === 0) {
    log.add({
      file,
      row: secondLine ?? stage.headerLine,
      message: "the survey has no experts",
      expected: "at least one row of ratings under the header",
      found: secondLine !== undefined ? "no row with an expert label" : "only a header",
    });
    log.stop();
  }
  const context = { ids, scale, header, log, warnings };
  checkComponentsRated(resolver, context);
  checkMissingRatings(experts, resolver.mentioned, impute, context);
  log.throwIfAny();
  const out = experts.map((e) => toExpertMatrix(e, ids.length));
  warnImplausibleExperts(experts, context);
  warnings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { source: file, components: ids, experts: out, scale: { min: scale.min, max: scale.max }, warnings };
}
