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
