import Papa from "papaparse";
import type { InputProblem } from "../errors.js";

/** One non-blank line of a delimited text file. */
export interface CsvRow {
  /** 1-based line number in the original file (the header is line 1 when nothing precedes it). */
  line: number;
  /** The cells, each trimmed of surrounding white space. */
  cells: string[];
}

/** The rows of a delimited text file and what was found while splitting it. */
export interface CsvRows {
  /** The delimiter used: `","`, `";"` or `"\t"`. */
  delimiter: string;
  /** Non-blank rows (a row whose cells are all empty is blank), first row = header. */
  rows: CsvRow[];
  /** Broken quoting, located by line. */
  problems: InputProblem[];
}

/**
 * Pick the delimiter of a delimited file from its first non-blank line (the
 * header, which holds no numbers and hence no decimal commas): the one of tab,
 * `;` and `,` that occurs most often outside double quotes; ties prefer tab,
 * then `;`, then `,`; `,` when none occurs. Deciding on the header alone is what
 * makes `3,5` in a `;`-separated file a decimal comma rather than two cells.
 * @example
 * detectDelimiter("expert;from;to;value\nE1;LEAD;CUL;3,5"); // ";"
 */
export function detectDelimiter(text: string): string {
  return scanDelimiter(text).delimiter;
}

/**
 * {@link detectDelimiter}, and whether `text` held the whole first non-blank line (a line end outside
 * quotes after it): when it did not, and `text` is only the start of a file, more of it may change the answer.
 * @example
 * scanDelimiter("expert;from").complete; // false
 */
export function scanDelimiter(text: string): { delimiter: string; complete: boolean } {
  const scanner = createDelimiterScanner();
  scanner.add(text);
  return scanner.result();
}

/**
 * {@link scanDelimiter} over text that comes in pieces: each piece is scanned once (the quote state and the counts
 * carry over), so a first line that never ends costs linear time however many pieces it spans.
 * @example
 * const s = createDelimiterScanner(); s.add("expert;fr"); s.add("om\n"); s.result(); // { delimiter: ";", complete: true }
 */
export function createDelimiterScanner(): { add(text: string): void; result(): { delimiter: string; complete: boolean } } {
  const counts = new Map<string, number>([
    ["\t", 0],
    [";", 0],
    [",", 0],
  ]);
  let inQuotes = false;
  let sawText = false;
  let complete = false;
  return {
    add(text) {
      for (let k = 0; k < text.length && !complete; k++) {
        const ch = text[k];
        if (ch === '"') inQuotes = !inQuotes;
        else if (!inQuotes && (ch === "\n" || ch === "\r")) {
          if (sawText) complete = true;
        } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
        else if (ch.trim() !== "") sawText = true;
      }
    },
    result() {
      let best = ",";
      let bestCount = 0;
      for (const [d, c] of counts)
        if (c > bestCount) {
          best = d;
          bestCount = c;
        }
      return { delimiter: best, complete };
    },
  };
}

/**
 * Split delimited text into trimmed cells with papaparse (RFC 4180 quoting),
 * the delimiter chosen by {@link detectDelimiter}. Line ends may be LF, CRLF or
 * CR. An Excel `sep=;` first line sets the delimiter and is skipped.
 * Blank lines (and lines of empty cells only) are dropped, but every row
 * keeps its original 1-based line number for messages. A leading byte-order
 * mark must already be removed.
 * Source: RFC 4180; papaparse 5 `step` results (`meta.cursor` = offset after the row).
 * @example
 * readCsvRows("a;b\n\n1;2,5").rows; // [{ line: 1, cells: ["a","b"] }, { line: 3, cells: ["1","2,5"] }]
 */
export function readCsvRows(text: string, file?: string): CsvRows {
  let normalized = text.replace(/\r\n?/g, "\n");
  // Excel's "sep=;" first line names the delimiter; blank it out so line numbers stay.
  const sep = SEP_LINE.exec(normalized);
  const delimiter = sep ? sep[1] : detectDelimiter(normalized);
  if (sep) normalized = normalized.slice(sep[0].length);
  const rows: CsvRow[] = [];
  const problems: InputProblem[] = [];
  // Line number of a character offset: 1 + number of line feeds before it.
  let scanned = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; scanned < offset && scanned < normalized.length; scanned++) if (normalized.charCodeAt(scanned) === 10) line++;
    return line;
  };
  let start = 0;
  Papa.parse<string[]>(normalized, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const at = lineAt(start);
      start = result.meta.cursor;
      for (const e of result.errors) problems.push(csvQuoteProblem(e, file, at));
      const cells = result.data.map((c) => c.trim());
      if (cells.some((c) => c !== "")) rows.push({ line: at, cells });
    },
  });
  return { delimiter, rows, problems };
}

/**
 * The problem of one papaparse error in the row at line `row`: a quoted cell never closed, or a quote in the middle of a cell.
 * @example
 * csvQuoteProblem({ code: "MissingQuotes", message: "Quoted field unterminated" }, "s.csv", 3).message; // "a quoted cell is never closed"
 */
export function csvQuoteProblem(e: { code: string; message: string }, file: string | undefined, row: number): InputProblem {
  const found =
    e.code === "MissingQuotes"
      ? 'an opening " with no closing " (the rest of the file is read as one cell)'
      : e.code === "InvalidQuotes"
        ? 'a " inside a quoted cell that is not doubled ("")'
        : e.message;
  return {
    file,
    row,
    message: e.code === "MissingQuotes" ? "a quoted cell is never closed" : "a quote in the middle of a cell",
    expected: 'cells quoted as "text", with inner quotes doubled',
    found,
  };
}

/** Excel's "sep=;" first line, which names the delimiter (read by {@link readCsvRows} and the chunked reader alike). */
export const SEP_LINE = /^[ \t]*sep=(,|;|\t)[ \t]*(?=\n|$)/i;
