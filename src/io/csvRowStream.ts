import { EventEmitter } from "node:events";
import Papa from "papaparse";
import type { InputProblem } from "../errors.js";
import { type CsvRow, SEP_LINE, createDelimiterScanner, csvQuoteProblem } from "./csvRows.js";

/** Where a {@link createCsvRowStream} hands what it splits. */
export interface CsvRowSink {
  /** The next non-blank row, in file order. */
  row(row: CsvRow): void;
  /** A broken quoting, located by line. */
  problem(problem: InputProblem): void;
}

/** Delimited text split into rows as it comes, chunk by chunk (see {@link createCsvRowStream}). */
export interface CsvRowStream {
  /** The next piece of the text (any length, cut anywhere, even inside a CRLF or a quoted cell). */
  push(text: string): void;
  /** After the last piece: the last row. */
  end(): void;
}

/**
 * Split delimited text that comes in pieces into the rows and problems that {@link readCsvRows} gives for the
 * whole text, in the same order with the same line numbers, through papaparse's streaming mode (its chunk
 * reader, which rejoins a row cut between two chunks), so that a large file is never held whole. The text
 * until the delimiter is known (its first non-blank line, or a `sep=` line) is held, then every piece goes
 * straight to papaparse: memory is a chunk and the row being read (a quoted cell never closed holds the rest
 * of the file, as it is read as one cell). A leading byte-order mark must already be removed.
 * Source: RFC 4180; papaparse 5 readable-stream input (`step`, `meta.cursor` = offset after the row).
 * @example
 * const rows: CsvRow[] = [];
 * const s = createCsvRowStream({ row: (r) => rows.push(r), problem: () => {} });
 * s.push("a;b\r"); s.push("\n1;2,5"); s.end(); // rows: [{ line: 1, cells: ["a","b"] }, { line: 2, cells: ["1","2,5"] }]
 */
export function createCsvRowStream(sink: CsvRowSink, file?: string): CsvRowStream {
  let heldReturn = false;
  let head = "";
  const scanner = createDelimiterScanner();
  let sawNewline = false;
  let parser: ChunkParser | undefined;
  const normalize = (text: string, last: boolean): string => {
    let t = heldReturn ? "\r" + text : text;
    heldReturn = !last && t.endsWith("\r");
    if (heldReturn) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, "\n");
  };
  const feed = (text: string, last: boolean): void => {
    if (parser) {
      parser.feed(text);
      return;
    }
    // The held text is scanned once, piece by piece (no pass over all of it per piece).
    sawNewline ||= text.includes("\n");
    head += text;
    scanner.add(text);
    const sep = sawNewline || last ? SEP_LINE.exec(head) : undefined;
    if (!sep && !last && !(sawNewline && scanner.result().complete)) return;
    parser = createChunkParser(sep ? sep[1] : scanner.result().delimiter, sink, file);
    parser.feed(sep ? head.slice(sep[0].length) : head);
    head = "";
  };
  return {
    push(text) {
      feed(normalize(text, false), false);
    },
    end() {
      feed(normalize("", true), true);
      (parser as ChunkParser).end();
    },
  };
}

/** Papaparse over text fed in pieces, each row with its line number. */
interface ChunkParser {
  feed(text: string): void;
  end(): void;
}

/**
 * Papaparse's readable-stream reader on a stream that this function drives itself, so that each piece is
 * split as soon as it is fed (synchronously) and nothing queues up. Lines are counted in the text as fed,
 * from one row's start to the next, as {@link readCsvRows} counts them in the whole text.
 */
function createChunkParser(delimiter: string, sink: CsvRowSink, file?: string): ChunkParser {
  const input = Object.assign(new EventEmitter(), { readable: true, read: () => null, pause: () => input, resume: () => input });
  const lines = createLineCounter();
  let fed = 0;
  let start = 0;
  let failure: { error: unknown } | undefined;
  Papa.parse<string[]>(input as unknown as NodeJS.ReadableStream, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const at = lines.lineAt(start);
      start = result.meta.cursor;
      for (const e of result.errors) sink.problem(csvQuoteProblem(e, file, at));
      const cells = result.data.map((c) => c.trim());
      if (cells.some((c) => c !== "")) sink.row({ line: at, cells });
    },
    error: (error: unknown) => {
      failure ??= { error };
    },
  });
  const emit = (event: string, text?: string): void => {
    input.emit(event, text);
    if (failure) throw failure.error;
  };
  return {
    feed(text) {
      if (text === "") return;
      lines.add(text);
      // Papaparse drops a byte-order mark at the start of a whole text (not of a stream): do the same, offsets unchanged as there.
      emit("data", fed === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      fed += text.length;
    },
    end() {
      emit("end");
    },
  };
}

/** The 1-based line of an offset in text fed in pieces: 1 + the line feeds before it; pieces already counted are let go. */
function createLineCounter(): { add(text: string): void; lineAt(offset: number): number } {
  const pieces: string[] = [];
  let first = 0;
  let base = 0;
  let scanned = 0;
  let line = 1;
  return {
    add(text) {
      pieces.push(text);
    },
    lineAt(offset) {
      while (scanned < offset && first < pieces.length) {
        const piece = pieces[first];
        const end = Math.min(offset - base, piece.length);
        for (let k = piece.indexOf("\n", scanned - base); k >= 0 && k < end; k = piece.indexOf("\n", k + 1)) line++;
        scanned = base + end;
        if (end === piece.length) {
          base += piece.length;
          pieces[first++] = "";
          if (first > 64) {
            pieces.splice(0, first);
            first = 0;
          }
        }
      }
      return line;
    },
  };
}
