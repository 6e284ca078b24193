import type { InputWarning, Model, Survey } from "../types.js";
import { InputError, type InputProblem, shown } from "../errors.js";
import { type ComponentMatcher, componentMatcher, normalizeLabel } from "./componentMatcher.js";
import type { CsvRow } from "./csvRows.js";
import { parseSurveyRows, type SurveyOptions } from "./parseSurvey.js";
import { parseSurveyExport } from "./parseSurveyExport.js";
import { surveyExportLayout } from "./surveyExportLayout.js";
import { SURVEY_COLUMN_NAMES } from "./surveyHeader.js";
import { checkWorkbookArchive } from "./checkWorkbookArchive.js";
import { exportOnlyOptionProblems } from "./exportOnlyOptions.js";

/**
 * Whether a file's bytes are an Excel workbook (.xlsx): a ZIP archive (first
 * bytes `PK\x03\x04`) that holds the workbook part `xl/workbook.xml` (ZIP
 * stores entry names uncompressed). An OpenDocument spreadsheet or any other
 * ZIP archive is not one.
 * Source: ECMA-376 Part 2 (Open Packaging Conventions), PKWARE APPNOTE 4.3.7.
 * @example
 * isXlsxBytes(new TextEncoder().encode("expert,from,to,value")); // false
 */
export function isXlsxBytes(bytes: Uint8Array): boolean {
  if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return false;
  return indexOfBytes(bytes, WORKBOOK_PART) >= 0;
}

/** The ZIP entry name of the workbook part, as bytes (entry names are stored uncompressed). */
const WORKBOOK_PART = Uint8Array.from("xl/workbook.xml", (c) => c.charCodeAt(0));

/** The first index of `needle` in `haystack`, or −1: a plain scan that runs the same in Node and in a browser (no Buffer). */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Sheets skipped as not holding ratings, matched after `normalizeLabel` anywhere in the sheet name. */
const SKIPPED_SHEET = /instruction|read ?me|scale|help|guide|legend|note|about|راهنما|مقیاس|توضیح|دستورالعمل/;

/**
 * Whether the workbook reader skips a sheet of this name as not holding ratings (instructions,
 * readme, scale, help, guide, legend, notes, about, or راهنما, مقیاس, توضیح, دستورالعمل, anywhere
 * in the name after `normalizeLabel`).
 * @example
 * isSkippedSheetName("Instructions"); // true
 * isSkippedSheetName("E01"); // false
 */
export function isSkippedSheetName(name: string): boolean {
  return SKIPPED_SHEET.test(normalizeLabel(name));
}

/** Synthetic line of row r of grid sheet s (1-based): s·LINE_STRIDE + r (Excel has at most 1,048,576 rows). */
const LINE_STRIDE = 10_000_000;

/** One sheet's cells as trimmed text, by 1-based row and column; a formula without a saved result is logged. */
interface SheetText {
  name: string;
  /** Row number → cells (index = column − 1); only rows with a non-empty cell. */
  rows: Map<number, string[]>;
  /** Leftmost and rightmost columns (1-based) holding a non-empty cell. */
  firstCol: number;
  lastCol: number;
}

/** Where the parse steps' rows and columns sit in the workbook. */
interface Placement {
  /** Sheet and sheet row of a parse line, or undefined (the synthetic header). */
  lineAt(line: number): { sheet: string; row: number; index: number } | undefined;
  /** The column letter of header column `column` in sheet `index`, or undefined. */
  columnAt(index: number, column: string): string | undefined;
  /** Columns of the parse steps that are not the sheet's (a grid's expert label is its sheet name). */
  synthetic: ReadonlySet<string>;
}

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

/** The workbook's sheets that may hold ratings, as text; formulas without a saved result logged to `problems`. */
async function loadSheets(bytes: Uint8Array, file: string, problems: InputProblem[]): Promise<SheetText[]> {
  // A zip bomb, a cut-off file or a sheet of a million rows is refused before ExcelJS holds it in memory.
  await checkWorkbookArchive(bytes, file);
  // ExcelJS is loaded only when a workbook is read: the CSV path never pays for it.
  const exceljs = await import("exceljs");
  const Workbook = (exceljs.default ?? exceljs).Workbook;
  const workbook = new Workbook();
  try {
    // A Buffer on Node (what ExcelJS's Node build expects), the bytes themselves in a browser (its browser build takes them).
    const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
    await workbook.xlsx.load((NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError({
      file,
      message: "the workbook cannot be read (damaged, or not an Excel .xlsx workbook)",
      expected: "an Excel workbook (.xlsx) as saved by Excel or LibreOffice, or a CSV file",
      found: shown((e as Error).message, 80),
    });
  }
  const out: SheetText[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible" || isSkippedSheetName(sheet.name)) continue;
    const rows = new Map<number, string[]>();
    let firstCol = Infinity;
    let lastCol = 0;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // A merged cell counts in its own column only (down, not across).
        const source = cell.isMerged && cell.master.address !== cell.address ? cell.master : cell;
        if (source !== cell && source.col !== cell.col) return;
        const { text, formula } = cellText(source.value);
        if (formula !== undefined)
          problems.push({
            file,
            sheet: sheet.name,
            cell: cell.address,
            row: r,
            message: "a formula without a saved result",
            expected: "a rating, or a formula whose result the workbook saved (open and save the file in Excel or LibreOffice)",
            found: shown(`=${formula}`),
          });
        if (text === "") return;
        cells[c - 1] = text;
        firstCol = Math.min(firstCol, c);
        lastCol = Math.max(lastCol, c);
      });
      if (cells.length > 0)
        rows.set(
          r,
          Array.from(cells, (x) => x ?? ""),
        );
    });
    out.push({ name: sheet.name, rows, firstCol, lastCol });
  }
  return out;
}

/** A cell value as the trimmed text a CSV cell would hold; `formula` set when it is a formula without a saved result. */
function cellText(value: unknown): { text: string; formula?: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return { text: String(value) };
  if (typeof value === "string") return { text: value.trim() };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: value.toISOString() };
  const v = value as { richText?: Array<{ text: string }>; text?: unknown; formula?: string; sharedFormula?: string; result?: unknown; error?: string };
  if (Array.isArray(v.richText))
    return {
      text: v.richText
        .map((t) => t.text)
        .join("")
        .trim(),
    };
  if (v.formula !== undefined || v.sharedFormula !== undefined) {
    if (v.result === undefined || v.result === null) return { text: `=${v.formula ?? v.sharedFormula}`, formula: v.formula ?? v.sharedFormula };
    return cellText(v.result);
  }
  if (v.error !== undefined) return { text: String(v.error) };
  if (v.text !== undefined) return cellText(v.text);
  return { text: String(value).trim() };
}

/** The first row with at least two filled cells (rows above it with one cell are titles). */
function headerRow(sheet: SheetText): number | undefined {
  for (const [r, cells] of sheet.rows) if (cells.filter((c) => c !== "").length >= 2) return r;
  return undefined;
}

/** A grid's row of "to" components: the first row naming a component after its first column (rows above it are titles), else {@link headerRow}. */
function gridHeaderRow(sheet: SheetText, matcher: ComponentMatcher): number | undefined {
  for (const [r, cells] of sheet.rows) if (cells.slice(sheet.firstCol).some((c) => c !== "" && matcher.match(c) >= 0)) return r;
  return headerRow(sheet);
}

/**
 * A grid's column of "from" components, below its header row `h`: the sheet's first filled column,
 * unless columns of titles stand left of it (a component's full name, as the workbook template
 * writes them): then the leftmost column, left of the first header cell naming a component, in which
 * a row below the header names one. Columns left of it are titles and skipped.
 */
function gridLabelColumn(sheet: SheetText, h: number, matcher: ComponentMatcher): number {
  const header = sheet.rows.get(h) as string[];
  let firstNamed = sheet.firstCol + 1;
  while (firstNamed <= sheet.lastCol && !((header[firstNamed - 1] ?? "") !== "" && matcher.match(header[firstNamed - 1]) >= 0)) firstNamed++;
  if (firstNamed > sheet.lastCol) return sheet.firstCol;
  for (let c = sheet.firstCol; c < firstNamed; c++)
    for (const [r, cells] of sheet.rows) if (r > h && (cells[c - 1] ?? "") !== "" && matcher.match(cells[c - 1]) >= 0) return c;
  return sheet.firstCol;
}

function headerCells(sheet: SheetText): string[] {
  const h = headerRow(sheet);
  return h === undefined ? [] : (sheet.rows.get(h) as string[]);
}

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
function columnLetter(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
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

/** One sheet's rows from its header row on, line = sheet row, from its first filled column to its last. */
function sheetRows(sheet: SheetText): CsvRow[] {
  const h = headerRow(sheet);
  const rows: CsvRow[] = [];
  if (h === undefined) return rows;
  for (const [r, cells] of sheet.rows) {
    if (r < h) continue;
    const row: string[] = [];
    for (let c = sheet.firstCol; c <= sheet.lastCol; c++) row.push(cells[c - 1] ?? "");
    rows.push({ line: r, cells: row });
  }
  return rows;
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

/**
 * Grid sheets (one per expert) as the rows of one blocks survey: header
 * `expert,from,<model ids>`, then per sheet and grid row `[sheet name, from
 * label, the ratings in model order]` at line s·LINE_STRIDE + row. Problems of
 * the grids' column labels (unknown, shared, duplicate, missing, values under
 * no label) are logged here, located at their cells.
 */
function gridRows(
  sheets: readonly SheetText[],
  model: Model,
  matcher: ComponentMatcher,
  file: string,
  problems: InputProblem[],
): { rows: CsvRow[]; placement: Placement } {
  const ids = model.components.map((c) => c.id);
  const rows: CsvRow[] = [{ line: 1, cells: ["expert", "from", ...ids] }];
  const letters: Array<Map<string, string>> = [];
  sheets.forEach((sheet, s) => {
    const h = gridHeaderRow(sheet, matcher);
    const from = h === undefined ? sheet.firstCol : gridLabelColumn(sheet, h, matcher);
    const at = new Map<string, string>([["from", columnLetter(from)]]);
    letters.push(at);
    const where = (c: number, r: number): InputProblem => ({ file, sheet: sheet.name, cell: `${columnLetter(c)}${r}`, row: r, message: "" });
    if (h === undefined) {
      problems.push({
        file,
        sheet: sheet.name,
        message: "the sheet holds no grid of ratings",
        expected: "a first row naming the components, a first column naming them again, the ratings between",
        found: "a single filled cell",
      });
      return;
    }
    const header = sheet.rows.get(h) as string[];
    const colOf = ids.map(() => -1);
    let lastLabel = from;
    for (let c = from + 1; c <= sheet.lastCol; c++) {
      const label = header[c - 1] ?? "";
      if (label === "") continue;
      lastLabel = c;
      const j = matcher.match(label);
      const base = { ...where(c, h), expected: `a component id or name: ${ids.join(", ")}`, found: shown(label) };
      if (j === -1) {
        const hint = matcher.suggest(label);
        problems.push({ ...base, message: `unknown component${hint ? `; ${hint}` : ""}` });
      } else if (j === -2) problems.push({ ...base, message: "this name belongs to more than one component; use the component id" });
      else if (colOf[j] >= 0)
        problems.push({
          ...base,
          message: `duplicate column for component ${ids[j]} (also column ${columnLetter(colOf[j])})`,
          expected: "one column per component",
        });
      else {
        colOf[j] = c;
        at.set(ids[j], columnLetter(c));
      }
    }
    const missing = ids.filter((_, j) => colOf[j] < 0);
    if (missing.length > 0)
      problems.push({
        file,
        sheet: sheet.name,
        row: h,
        message: `the grid has no column for component${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
        expected: `one column per model component: ${ids.join(", ")}`,
        found: shown(
          header
            .slice(from)
            .filter((x) => x !== "")
            .join(","),
          120,
        ),
      });
    let rated = 0;
    for (const [r, cells] of sheet.rows) {
      if (r <= h) continue;
      for (let c = from + 1; c <= sheet.lastCol; c++) {
        const text = cells[c - 1] ?? "";
        if (text === "" || (c <= lastLabel && (header[c - 1] ?? "") !== "")) continue;
        problems.push({
          ...where(c, r),
          message: c > lastLabel ? "a rating outside the grid (no component named above it)" : "a rating in a column with no component named above it",
          expected: "ratings only under the components named in the grid's first row",
          found: shown(text),
        });
      }
      rows.push({
        line: (s + 1) * LINE_STRIDE + r,
        cells: [sheet.name, cells[from - 1] ?? "", ...colOf.map((c) => (c >= 0 ? (cells[c - 1] ?? "") : ""))],
      });
      rated++;
    }
    if (rated === 0)
      problems.push({
        file,
        sheet: sheet.name,
        row: h,
        message: "the grid has no rows of ratings under its component names",
        expected: "one row per from component, named in the first column",
        found: "only the row of component names",
      });
  });
  return {
    rows,
    placement: {
      lineAt: (line) => {
        const s = Math.floor(line / LINE_STRIDE) - 1;
        return s >= 0 && s < sheets.length ? { sheet: sheets[s].name, row: line % LINE_STRIDE, index: s } : undefined;
      },
      columnAt: (index, column) => letters[index]?.get(column),
      synthetic: new Set(["expert"]),
    },
  };
}
