/**
 * Errors. `InputError` is the one error class for a user's bad input (a
 * survey, a model file, an option value): it carries every problem found,
 * each located by file, row and column with what was expected and what was
 * found, so the command line can print them all without a stack trace.
 * Programming misuse throws `RangeError`/`TypeError`; a mathematically
 * infeasible matrix throws `InfeasibleError`.
 */

/** One located problem in a user's input. */
export interface InputProblem {
  /** The file, or another label of the input ("model", "--scale"). */
  file?: string;
  /** 1-based line number in the file (the header is line 1). */
  row?: number;
  /** The column name (or 1-based index) in the file. */
  column?: string;
  /** A spreadsheet's sheet the problem is in (a workbook survey); `row` is then the sheet's row number. */
  sheet?: string;
  /** The spreadsheet cell (`D7`) the problem is in, when it is one cell. */
  cell?: string;
  /** What a valid value would be. */
  expected?: string;
  /** What was there (already shortened for display). */
  found?: string;
  /** The problem in one short sentence. */
  message: string;
}

/**
 * Format one problem as a single line: `file:row, column "c": message (expected …, found …)`;
 * in a workbook `file › sheet › cell: message (…)` (`file › sheet › row 7` without a cell).
 * Line breaks and other control characters inside the parts (a quoted cell
 * may hold a newline) are shown as `\n`, `\r`, `\t` or `\u00XX`, so each
 * problem stays on one line.
 * @example
 * formatProblem({ file: "s.csv", row: 3, message: "duplicate rating" }); // "s.csv:3: duplicate rating"
 */
export function formatProblem(p: InputProblem): string {
  const where: string[] = [];
  if (p.sheet !== undefined) {
    const place = p.cell ?? (p.row !== undefined ? `row ${p.row}` : undefined);
    where.push([p.file, p.sheet, place].filter((x) => x !== undefined).join(" › "));
    if (p.cell === undefined && p.column !== undefined) where.push(`column "${p.column}"`);
  } else if (p.file !== undefined) where.push(p.row !== undefined ? `${p.file}:${p.row}` : p.file);
  else if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.sheet === undefined && p.column !== undefined) where.push(`column "${p.column}"`);
  const detail: string[] = [];
  if (p.expected !== undefined) detail.push(`expected ${p.expected}`);
  if (p.found !== undefined) detail.push(`found ${p.found}`);
  const line = (where.length ? where.join(", ") + ": " : "") + p.message + (detail.length ? ` (${detail.join(", ")})` : "");
  // eslint-disable-next-line no-control-regex -- control characters in a message are escaped, never printed
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A user's input is wrong. `problems` lists every problem found in one pass
 * (capped; `truncated` counts those left out).
 */
export class InputError extends Error {
  readonly problems: InputProblem[];
  readonly truncated: number;
  constructor(problems: InputProblem[] | InputProblem, truncated = 0) {
    const list = Array.isArray(problems) ? problems : [problems];
    const head =
      list.length === 1
        ? formatProblem(list[0])
        : `${list.length + truncated} problems in the input:\n` + list.map((p) => "  - " + formatProblem(p)).join("\n");
    super(truncated > 0 ? `${head}\n  … and ${truncated} more` : head);
    this.name = "InputError";
    this.problems = list;
    this.truncated = truncated;
  }
}

/** The matrix admits no DEMATEL solution (ρ(N) ≥ 1 or I − N singular). */
export class InfeasibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InfeasibleError";
  }
}

/** Shorten a found value for an error message and show it quoted. */
export function shown(value: unknown, max = 40): string {
  const s = String(value);
  return JSON.stringify(s.length > max ? s.slice(0, max - 1) + "…" : s);
}
