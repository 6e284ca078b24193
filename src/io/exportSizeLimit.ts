import { InputError } from "../errors.js";

/**
 * Most cells (rows × columns of the header) a survey-tool export may hold (docs/methods.md §1.8):
 * 10,000 respondents × 100 columns. Reading keeps every cell in memory, about 300 bytes a cell at
 * the peak, so the limit bounds memory near 300 MB and time near two seconds; a DEMATEL panel is
 * far smaller.
 */
export const MAX_EXPORT_CELLS = 1_000_000;

/**
 * The number of rows of delimited text, counted without splitting it: line ends (LF, CRLF, CR)
 * outside double quotes, plus a last line without one. An upper bound on the rows `readCsvRows`
 * returns (blank lines count here).
 * @example
 * countTextRows('a,b\n"x\ny",2\n'); // 2
 */
export function countTextRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let last = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
      rows++;
      last = k;
    }
  }
  return last < text.length - 1 ? rows + 1 : rows;
}

/**
 * Refuse a survey-tool export with more than {@link MAX_EXPORT_CELLS} cells before it is split
 * into cells, so a huge file gives a clear error within a second instead of exhausting memory.
 * @throws {InputError} naming the rows and columns found.
 * @example
 * checkExportSize(20, 92, "forms.csv"); // fine
 */
export function checkExportSize(rows: number, columns: number, file: string): void {
  if (rows * Math.max(1, columns) <= MAX_EXPORT_CELLS) return;
  throw new InputError({
    file,
    message: `the export is too large to read: ${rows.toLocaleString("en")} rows × ${columns.toLocaleString("en")} columns`,
    expected: `at most ${MAX_EXPORT_CELLS.toLocaleString("en")} cells (e.g. 10,000 respondents × 100 columns); remove blank rows and unused columns, or split the respondents`,
    found: `${(rows * columns).toLocaleString("en")} cells`,
  });
}
