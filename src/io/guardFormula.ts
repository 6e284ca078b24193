/**
 * The characters that make a spreadsheet (Excel, LibreOffice Calc, Google
 * Sheets) read a text cell as a formula when it starts with one of them:
 * `=`, `+`, `-`, `@`, tab (0x09) and carriage return (0x0D), the list of
 * OWASP "CSV Injection". Full-width look-alikes (＝ ＋ － ＠) are not in it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that is a plain decimal number, e.g. "-1.5" or "+2e-3": a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether text starts with a character that can open a spreadsheet formula:
 * `=`, `+`, `-`, `@`, tab or carriage return (OWASP "CSV Injection"). The
 * one predicate of the CSV writers' guard ({@link guardFormula}) and of the
 * readers that take the guard off again (`unguardCsvCell`).
 * Source: OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection).
 * @throws nothing.
 * @example
 * startsLikeFormula("=SUM(A1)"); // true
 * startsLikeFormula("a=b"); // false
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The formula guard of every CSV file this package writes (result tables
 * through `toCsv`, survey templates and exported surveys through
 * `surveyCsvCell`): text that {@link startsLikeFormula} and is not a plain
 * decimal number gets a leading `'`, which spreadsheets show as text and
 * `unguardCsvCell` strips again when a survey is read; any other text is
 * returned unchanged. Plain numbers (`-1.5`, `+2e-3`) stay as they are, since
 * a spreadsheet reads them as numbers. Quoting is the writer's business.
 * Source: OWASP, "CSV Injection".
 * @throws nothing.
 * @example
 * guardFormula("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * guardFormula("-1.5"); // "-1.5"
 */
export function guardFormula(text: string): string {
  return startsLikeFormula(text) && !PLAIN_NUMBER.test(text) ? "'" + text : text;
}
