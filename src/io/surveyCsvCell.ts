/**
 * One cell of a survey CSV we write: text that a spreadsheet would read as a
 * formula (first character `=`, `+`, `-` or `@`) gets a leading `'`, which
 * `parseSurvey` strips again from expert labels; then RFC 4180 quoting when
 * the cell holds a comma, semicolon, quote, tab or line break (quotes doubled).
 * Numbers are written with `String(x)`, the shortest text that reads back as
 * the same double.
 * Source: RFC 4180 §2; OWASP "CSV Injection".
 * @throws {RangeError} on a non-finite number.
 * @example
 * surveyCsvCell("=E1"); // "'=E1"
 * surveyCsvCell(2.5); // "2.5"
 */
export function surveyCsvCell(cell: string | number): string {
  let s: string;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`surveyCsvCell: a rating must be finite, got ${cell}`);
    s = String(cell);
  } else s = /^[=+\-@]/.test(cell) ? "'" + cell : cell;
  return /[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A cell that starts with the `'` our CSV writers put before a formula-like text: `surveyCsvCell` for `=`, `+`, `-`, `@`; `toCsv`'s `csvCell` also for tab and CR. */
const GUARDED = /^'[=+\-@\t\r]/;

/**
 * The text behind the formula guard that {@link surveyCsvCell} (and `toCsv`)
 * write: `'=E1` → `=E1`; any other cell is returned unchanged. `parseSurvey`
 * reads expert labels and component labels through it, so a file we wrote
 * reads back to the same labels.
 * Source: OWASP "CSV Injection".
 * @example
 * unguardCsvCell("'=E1"); // "=E1"
 * unguardCsvCell("'quoted"); // "'quoted"
 */
export function unguardCsvCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
