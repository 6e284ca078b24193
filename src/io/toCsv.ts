import { guardFormula } from "./guardFormula.js";

/** One CSV cell: a number is written as a number, anything else as text. */
export type CsvCell = string | number;

/**
 * Format one cell: numbers as the shortest round-trip decimal (`String(x)`),
 * `NaN`/`±Infinity` refused; text through the package's one formula guard,
 * {@link guardFormula} (text starting with `=`, `+`, `-`, `@`, tab or carriage
 * return that is not a plain number gets a leading `'`); then RFC 4180 quoting
 * when the cell holds a comma, a double quote, CR or LF (quotes doubled).
 * Source: OWASP "CSV Injection"; RFC 4180 §2 rules 5–7.
 * @throws {RangeError} on a non-finite number.
 * @example
 * csvCell("=SUM(A1)"); // "'=SUM(A1)"
 * csvCell("a,b"); // "\"a,b\""
 */
export function csvCell(cell: CsvCell): string {
  let s: string;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`toCsv: a number cell must be finite, got ${cell}`);
    s = String(cell);
  } else s = guardFormula(String(cell));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Write rows as CSV text (RFC 4180: comma-separated, CRLF line ends, fields
 * with commas, quotes or line breaks quoted, quotes doubled), safe to open in
 * a spreadsheet: no text cell can start a formula (see {@link csvCell}).
 * Negative numbers stay numbers (`-1.5` is written as `-1.5`).
 * Source: RFC 4180; OWASP "CSV Injection".
 * @throws {RangeError} on a non-finite number cell.
 * @example
 * toCsv([["from", "to", "value"], ["=1+1", "B", -0.5]]); // "from,to,value\r\n'=1+1,B,-0.5\r\n"
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = "";
  for (const row of rows) out += row.map(csvCell).join(",") + "\r\n";
  return out;
}
