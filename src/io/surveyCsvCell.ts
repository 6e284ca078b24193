import { guardFormula, startsLikeFormula } from "./guardFormula.js";

/**
 * One cell of a survey CSV we write: text through the package's one formula
 * guard, {@link guardFormula} (text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return that is not a plain number gets a leading `'`, which
 * `parseSurvey` strips again from expert and component labels); then RFC 4180
 * quoting when the cell holds a comma, semicolon, quote, tab or line break, or
 * starts or ends with white space (quotes doubled).
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
  } else s = guardFormula(cell);
  return /[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The text behind the formula guard that {@link surveyCsvCell} (and `toCsv`)
 * write: a cell of `'` followed by text that `startsLikeFormula` (the guard's
 * own predicate) loses the `'` (`'=E1` → `=E1`, `'-1` → `-1`, as older files
 * wrote plain-number labels); any other cell is returned unchanged.
 * `parseSurvey` reads expert labels and component labels through it, so a
 * file we wrote reads back to the same labels.
 * Source: OWASP "CSV Injection".
 * @example
 * unguardCsvCell("'=E1"); // "=E1"
 * unguardCsvCell("'quoted"); // "'quoted"
 */
export function unguardCsvCell(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}
