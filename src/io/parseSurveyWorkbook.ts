import type { InputWarning, Model, Survey } from "../types.js";
import { InputError, type InputProblem, shown } from "../errors.js";
import { type ComponentMatcher, componentMatcher, normalizeLabel } from "./componentMatcher.js";
import type { CsvRow } from "./csvRows.js";
import { parseSurveyRows, type SurveyOptions } from "./parseSurvey.js";
import { parseSurveyExport } from "./parseSurveyExport.js";
import { surveyExportLayout } from "./surveyExportLayout.js";
import { SURVEY_COLUMN_NAMES } from "./surveyHeader.js";
import { exportOnlyOptionProblems } from "./exportOnlyOptions.js";
import { columnLetter, headerCells, loadSheets, type Placement, type SheetText, sheetRows } from "./workbookSheets.js";
import { gridRows } from "./workbookGrid.js";

/**
 * Parse an Excel workbook survey (docs/methods.md §1.3) into one matrix per
 * expert, through the same header, rating and check steps as {@link parseSurvey}
 * (so every rule and message is shared), located as `file › sheet › cell`.
 *
 * Sheets named like `instructions`, `readme`, `scale`, `help`, `notes`
 * (or راهنما, مقیاس), hidden sheets and empty sheets are skipped. Three layouts:
 * **a survey-tool export** downloaded as Excel (docs/methods.md §1.8): the first
 * sheet, one row per respondent and one column per ordered pair, told as
 * `parseSurvey` tells one in a CSV file (a mapping given, or header rows a tool's
 * pattern reads and no from column), read by `parseSurveyExport` with the
 * mapping, weight and group column options; other sheets are not read (a warning
 * names each); **one sheet in a CSV layout** (long or blocks: its header row has an expert
 * column), read row by row like the CSV file; or **one sheet per expert**
 * (the sheet name is the expert label) holding an n×n grid: its first row
 * names the "to" components, its first column the "from" components (ids,
 * English or Persian names, matched like CSV labels); the diagonal is not
 * rated. Rows above a grid's first row naming a component, columns left of
 * its column of "from" components (full names, as the workbook template writes
 * them beside the ids), and in the CSV layout leading rows with a single filled
 * cell, are titles and skipped, as are empty leading columns and empty trailing
 * rows and columns.
 *
 * Cells: numbers, numbers stored as text (Persian digits, decimal comma, as in
 * CSV), rich text and hyperlinks as their text; a formula as its saved
 * (cached) result, a formula without one is an error; an error value such as
 * `#N/A` is not a number. A merged cell's value counts in the rows it spans in
 * its own column (an expert label merged down the rows of its block) and not
 * in the other columns it spans (a title over the grid).
 *
 * Before ExcelJS sees the bytes, `checkWorkbookArchive` refuses a cut-off file, a zip bomb and a
 * workbook over the limits (200 MB inflated, 100,000 rows in a sheet, 1,000,000 cells; docs/methods.md §1.3).
 * @throws {InputError} listing every problem, each with `sheet` and `cell` when it is in one; or the one
 * problem that the file is damaged or over a limit.
 * @throws {RangeError} when an option is invalid.
 * @example
 * const survey = await parseSurveyWorkbook(readFileSync("survey.xlsx"), defaultModel(), { source: "survey.xlsx" });
 */
export async function parseSurveyWorkbook(bytes: Uint8Array, model: Model, options: SurveyOptions = {}): Promise<Survey> {
  const file = options.source ?? "survey";
  const maxProblems = options.maxProblems ?? 50;
  const problems: InputProblem[] = [];
  const sheets = (await loadSheets(bytes, file, problems)).filter((s) => s.rows.size > 0);
  if (sheets.length === 0)
    throw new InputError({
      file,
      message: "the workbook has no sheet of ratings",
      expected: "one sheet per expert with a grid of ratings, or one sheet in the long or blocks layout",
      found: "only empty or skipped sheets (instructions, scale, hidden)",
    });
  const matcher = componentMatcher(model);
  const exported = exportSheetRows(sheets[0], model, matcher, options);
  const expertNames = new Set(SURVEY_COLUMN_NAMES.expert.map(normalizeLabel));
  const csvSheets = exported ? [] : sheets.filter((s) => headerCells(s).some((c) => expertNames.has(normalizeLabel(c))));
  if (csvSheets.length > 0 && sheets.length > 1)
    throw new InputError({
      file,
      sheet: csvSheets[0].name,
      message: "the workbook mixes a sheet in a CSV layout with other sheets of ratings",
      expected: "one sheet in the long or blocks layout, or one grid sheet per expert",
      found: `${sheets.length} sheets: ${sheets.map((s) => shown(s.name)).join(", ")}`,
    });
  const { rows, placement } = exported ?? (csvSheets.length > 0 ? csvLayoutRows(sheets[0]) : gridRows(sheets, model, matcher, file, problems));
  const grid = !exported && csvSheets.length === 0;
  if (grid) problems.push(...exportOnlyOptionProblems({ layout: "grid", names: [], weight: -1 }, options, file));
  const read = grid ? { ...options, weightColumn: undefined, groupColumn: undefined } : options;
  const badCells = new Set(problems.map((p) => `${p.sheet}\u0000${p.cell}`));
  const place = <T extends InputProblem | InputWarning>(p: T): T => placed(p, placement);
  let survey: Survey | undefined;
  let truncated = 0;
  try {
    survey = exported ? (parseSurveyExport(rows, model, { ...options, source: file }) as Survey) : parseSurveyRows(rows, model, { ...read, source: file });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems.map(place)) if (!badCells.has(`${p.sheet}\u0000${p.cell}`)) problems.push(p);
    truncated = e.truncated;
  }
  if (problems.length > 0) throw new InputError(problems.slice(0, maxProblems), truncated + Math.max(0, problems.length - maxProblems));
  const s = survey as Survey;
  const ignored: InputWarning[] = exported
    ? sheets.slice(1).map((other) => ({
        file,
        sheet: other.name,
        message: `sheet not read: the first sheet ${shown(sheets[0].name)} is read as a survey-tool export (one row per respondent), and an export has one sheet`,
      }))
    : [];
  return { ...s, warnings: [...s.warnings.map(place), ...ignored] };
}

/** The problem or warning `p` of the parse steps, moved to its sheet and cell (and its synthetic row numbers in the message to sheet rows). */
function placed<T extends InputProblem | InputWarning>(p: T, placement: Placement): T {
  if (p.row === undefined) return p;
  const at = placement.lineAt(p.row);
  const { row: _line, ...rest } = p;
  if (!at) return rest as T;
  if (rest.column !== undefined && placement.synthetic.has(rest.column)) delete rest.column;
  const letter = p.column !== undefined ? placement.columnAt(at.index, p.column) : undefined;
  const message = p.message.replace(/\b\d{8,}\b/g, (m) => {
    const other = placement.lineAt(Number(m));
    if (!other) return m;
    return other.sheet === at.sheet ? String(other.row) : `${other.row} of sheet ${shown(other.sheet)}`;
  });
  return { ...rest, message, sheet: at.sheet, row: at.row, ...(letter !== undefined ? { cell: `${letter}${at.row}` } : {}) } as T;
}

/** The names of a CSV layout's from column: a header with one is never read as a survey-tool export (as in `parseSurvey`). */
const FROM_NAMES = new Set(SURVEY_COLUMN_NAMES.from.map(normalizeLabel));

/**
 * The sheet's rows when it holds a survey-tool export (docs/methods.md §1.8), as `parseSurvey` tells one
 * in a CSV file: always with a mapping file, else when its header rows have no from column and a
 * column a tool's header pattern reads as a pair; undefined otherwise. Placed by the export's column names.
 */
function exportSheetRows(
  sheet: SheetText,
  model: Model,
  matcher: ComponentMatcher,
  options: SurveyOptions,
): { rows: CsvRow[]; placement: Placement } | undefined {
  const rows = sheetRows(sheet);
  if (rows.length === 0) return undefined;
  if (!options.mapping) {
    if (rows[0].cells.some((c) => FROM_NAMES.has(normalizeLabel(c)))) return undefined;
    if (!surveyExportLayout(rows.slice(0, 3), model, matcher, { weightColumn: options.weightColumn, groupColumn: options.groupColumn })) return undefined;
  }
  const layout = surveyExportLayout(rows.slice(0, 3), model, matcher, {
    mapping: options.mapping,
    weightColumn: options.weightColumn,
    groupColumn: options.groupColumn,
  });
  return { rows, placement: sheetPlacement(sheet, layout?.names ?? rows[0].cells) };
}
/** One sheet in the long or blocks layout: its rows from the header on ({@link sheetRows}), placed by its header's names. */
function csvLayoutRows(sheet: SheetText): { rows: CsvRow[]; placement: Placement } {
  const rows = sheetRows(sheet);
  return { rows, placement: sheetPlacement(sheet, rows[0].cells) };
}

/** Where a one-sheet layout's problems sit: row = line, and each column name (`names[k]`, of the k-th column from the first filled one) at its letter. */
function sheetPlacement(sheet: SheetText, names: readonly string[]): Placement {
  const columnOf = new Map<string, string>();
  const seen = new Set<string>();
  names.forEach((name, k) => {
    const key = name === "" ? `#${k + 1}` : name;
    if (seen.has(key)) columnOf.delete(key);
    else columnOf.set(key, columnLetter(sheet.firstCol + k));
    seen.add(key);
  });
  return {
    lineAt: (line) => ({ sheet: sheet.name, row: line, index: 0 }),
    columnAt: (_index, column) => columnOf.get(column),
    synthetic: new Set(),
  };
}
