import { newExcelWorkbook } from "./newExcelWorkbook.js";
import type { Workbook, Worksheet } from "exceljs";
import { InputError, type InputProblem, shown } from "../errors.js";
import { normalizeLabel } from "./componentMatcher.js";
import type { CsvRow } from "./csvRows.js";
import { checkWorkbookArchive } from "./checkWorkbookArchive.js";

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

/** One sheet's cells as trimmed text, by 1-based row and column; a formula without a saved result is logged. */
export interface SheetText {
  name: string;
  /** Row number → cells (index = column − 1); only rows with a non-empty cell. */
  rows: Map<number, string[]>;
  /** Leftmost and rightmost columns (1-based) holding a non-empty cell. */
  firstCol: number;
  lastCol: number;
}

/** Where the parse steps' rows and columns sit in the workbook. */
export interface Placement {
  /** Sheet and sheet row of a parse line, or undefined (the synthetic header). */
  lineAt(line: number): { sheet: string; row: number; index: number } | undefined;
  /** The column letter of header column `column` in sheet `index`, or undefined. */
  columnAt(index: number, column: string): string | undefined;
  /** Columns of the parse steps that are not the sheet's (a grid's expert label is its sheet name). */
  synthetic: ReadonlySet<string>;
}

/**
 * The workbook's sheets that may hold ratings, as text: visible sheets whose name is not skipped
 * ({@link isSkippedSheetName}), each read by {@link sheetText}; formulas without a saved result logged to `problems`.
 * @throws {InputError} when the file is damaged, over a limit (`checkWorkbookArchive`) or not a workbook ExcelJS reads.
 * @example
 * const problems: InputProblem[] = [];
 * const sheets = await loadSheets(readFileSync("survey.xlsx"), "survey.xlsx", problems);
 */
export async function loadSheets(bytes: Uint8Array, file: string, problems: InputProblem[]): Promise<SheetText[]> {
  const workbook = await openWorkbook(bytes, file);
  const out: SheetText[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible" || isSkippedSheetName(sheet.name)) continue;
    out.push(sheetText(sheet, file, problems));
  }
  return out;
}

/** The workbook in `bytes`, opened by ExcelJS once `checkWorkbookArchive` has passed it; a damaged file is an {@link InputError}. */
async function openWorkbook(bytes: Uint8Array, file: string): Promise<Workbook> {
  // A zip bomb, a cut-off file or a sheet of a million rows is refused before ExcelJS holds it in memory.
  await checkWorkbookArchive(bytes, file);
  const workbook = await newExcelWorkbook();
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
  return workbook;
}

/** One sheet's cells as text ({@link cellText}); a formula without a saved result logged to `problems` at its cell. */
function sheetText(sheet: Worksheet, file: string, problems: InputProblem[]): SheetText {
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
  return { name: sheet.name, rows, firstCol, lastCol };
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

/**
 * The first row with at least two filled cells (rows above it with one cell are titles), or undefined.
 * @example
 * headerRow({ name: "E1", rows: new Map([[1, ["Survey"]], [2, ["", "A", "B"]]]), firstCol: 1, lastCol: 3 }); // 2
 */
export function headerRow(sheet: SheetText): number | undefined {
  for (const [r, cells] of sheet.rows) if (cells.filter((c) => c !== "").length >= 2) return r;
  return undefined;
}

/**
 * The cells of the sheet's {@link headerRow}, or none.
 * @example
 * headerCells({ name: "ratings", rows: new Map([[1, ["expert", "from", "A"]]]), firstCol: 1, lastCol: 3 }); // ["expert", "from", "A"]
 */
export function headerCells(sheet: SheetText): string[] {
  const h = headerRow(sheet);
  return h === undefined ? [] : (sheet.rows.get(h) as string[]);
}

/**
 * Column letters of a 1-based column: 1 → A, 27 → AA.
 * @example
 * columnLetter(28); // "AB"
 */
export function columnLetter(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * One sheet's rows from its header row on, line = sheet row, from its first filled column to its last.
 * @example
 * sheetRows({ name: "E1", rows: new Map([[1, ["Survey"]], [3, ["expert", "from"]]]), firstCol: 1, lastCol: 2 });
 * // [{ line: 3, cells: ["expert", "from"] }]
 */
export function sheetRows(sheet: SheetText): CsvRow[] {
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
