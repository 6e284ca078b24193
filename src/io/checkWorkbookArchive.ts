import { InputError, shown } from "../errors.js";
import { MAX_EXPORT_CELLS } from "./exportSizeLimit.js";
import { readZipDirectory, type ZipEntry } from "./zipDirectory.js";

/**
 * Most bytes a workbook's parts may inflate to, together (docs/methods.md §1.3): 200 MB, six times the
 * sheet XML of the largest workbook read (1,000,000 cells take about 32 MB).
 */
export const MAX_WORKBOOK_BYTES = 200_000_000;
/** Most rows (`<row>` elements) one sheet may hold (docs/methods.md §1.3): five times a long-layout panel of 50 experts × 20 components (19,000 rows). */
export const MAX_SHEET_ROWS = 100_000;
/** Most cells (`<c>` elements) all sheets together may hold: the limit of a survey-tool export, `MAX_EXPORT_CELLS` (§1.8). */
export const MAX_WORKBOOK_CELLS = MAX_EXPORT_CELLS;
/** An entry that inflates to more than 1 MB may inflate at most this many times its stored size (a sheet of Excel's holds 5–30). */
export const MAX_ENTRY_RATIO = 200;
const BIG_ENTRY = 1_000_000;
/** Most characters kept of the two parts that name the sheets (their first megabyte names thousands of sheets). */
const KEEP_TEXT = 1_000_000;

const DAMAGED = "the workbook cannot be read (damaged, or not an Excel .xlsx workbook)";
const EXPECTED = "an Excel workbook (.xlsx) as saved by Excel or LibreOffice, or a CSV file";
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** The streams of the browser and Node (≥ 18) that inflate raw deflate data. */
type Inflater = new (format: "deflate-raw") => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

/**
 * Check an .xlsx workbook's ZIP archive before a spreadsheet library sees it, so that a hostile or
 * broken file is refused within a second, in bounded memory (docs/methods.md §1.3). Refused: a missing
 * or cut-off central directory (a truncated file), an encrypted entry, a compression method other
 * than stored or deflate; declared sizes that add up to more than {@link MAX_WORKBOOK_BYTES}; an entry
 * over 1 MB that inflates more than {@link MAX_ENTRY_RATIO} times its stored size (a zip bomb). Then
 * every deflated entry is inflated as a stream, never held whole, and stopped as soon as it outgrows its
 * declared size (a zip bomb that lies about its sizes) or its deflate data breaks; in each sheet the
 * rows and cells are counted on the way, and a sheet over {@link MAX_SHEET_ROWS} rows, or sheets over
 * {@link MAX_WORKBOOK_CELLS} cells together, are refused with the limit in the message. A sheet is
 * named by its name in `xl/workbook.xml` when that part says so, else by its part name.
 * Source: PKWARE APPNOTE.TXT 6.3.10; ECMA-376 Part 1 §18.3.1.73 (`row`), §18.3.1.4 (`c`).
 * @throws {InputError} naming the problem and the limit, at `file`.
 * @example
 * await checkWorkbookArchive(readFileSync("survey.xlsx"), "survey.xlsx"); // resolves: within the limits
 */
export async function checkWorkbookArchive(bytes: Uint8Array, file: string): Promise<void> {
  const refuse = (message: string, found: string, expected = EXPECTED): never => {
    throw new InputError({ file, message, expected, found });
  };
  const directory = readZipDirectory(bytes);
  if ("damaged" in directory) return refuse(DAMAGED, `a ZIP archive whose ${directory.damaged.replace(/^its /, "")}`);
  const { entries } = directory;
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) refuse(DAMAGED, `an encrypted ZIP entry ${shown(e.name)}`, "a workbook saved without a password, or a CSV file");
    if (e.method !== 0 && e.method !== 8) refuse(DAMAGED, `ZIP entry ${shown(e.name)} compressed with method ${e.method} (Excel uses deflate, 8)`);
    declared += e.uncompressedSize;
    if (e.uncompressedSize > BIG_ENTRY && e.uncompressedSize > MAX_ENTRY_RATIO * Math.max(1, e.compressedSize))
      refuse(
        "the workbook is a zip bomb (a part inflates far beyond its size)",
        `ZIP entry ${shown(e.name)} of ${megabytes(e.compressedSize)} declares ${megabytes(e.uncompressedSize)}, ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)).toLocaleString("en")} times more`,
        `a workbook whose parts inflate at most ${MAX_ENTRY_RATIO} times (a sheet of Excel's: 5 to 30 times)`,
      );
  }
  if (declared > MAX_WORKBOOK_BYTES)
    refuse(
      "the workbook is too large to read",
      `parts that inflate to ${megabytes(declared)}`,
      `at most ${megabytes(MAX_WORKBOOK_BYTES)} inflated (about 1,000,000 cells); split the respondents, or save the ratings as CSV`,
    );
  await scanEntries(bytes, entries, refuse);
}

/** Inflate every entry as a stream (workbook parts first, for the sheet names), checking sizes and counting each sheet's rows and cells. */
async function scanEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  refuse: (message: string, found: string, expected?: string) => never,
): Promise<void> {
  const texts = new Map<string, string>();
  const naming = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
  const ordered = [...entries.filter((e) => naming.includes(e.name)), ...entries.filter((e) => !naming.includes(e.name))];
  let cells = 0;
  for (const e of ordered) {
    const sheet = WORKSHEET.test(e.name);
    const keep = naming.includes(e.name) ? ({ text: "" } as { text: string }) : undefined;
    const counter = sheet ? createTagCounter() : undefined;
    const sheetName = sheet ? sheetNameOf(e.name, texts) : "";
    const take =
      keep || counter
        ? (chunk: string): boolean => {
            if (keep && keep.text.length < KEEP_TEXT) keep.text += chunk;
            if (!counter) return true;
            counter.add(chunk);
            return counter.rows <= MAX_SHEET_ROWS && cells + counter.cells <= MAX_WORKBOOK_CELLS;
          }
        : undefined;
    const inflated = await inflateEntry(bytes, e, take);
    if (inflated === "broken") refuse(DAMAGED, `ZIP entry ${shown(e.name)} holds broken deflate data`);
    if (inflated === "too long")
      refuse(
        "the workbook is a zip bomb (a part inflates beyond its declared size)",
        `ZIP entry ${shown(e.name)} inflates to more than the ${megabytes(e.uncompressedSize)} it declares`,
        "a workbook whose parts inflate to the sizes they declare",
      );
    if (keep) texts.set(e.name, keep.text);
    if (!counter) continue;
    counter.finish();
    if (counter.rows > MAX_SHEET_ROWS)
      refuse(
        `the sheet ${shown(sheetName)} has too many rows to read`,
        `more than ${MAX_SHEET_ROWS.toLocaleString("en")} rows`,
        `at most ${MAX_SHEET_ROWS.toLocaleString("en")} rows in a sheet; delete empty or unused rows, or split the respondents`,
      );
    cells += counter.cells;
    if (cells > MAX_WORKBOOK_CELLS)
      refuse(
        "the workbook has too many cells to read",
        `more than ${MAX_WORKBOOK_CELLS.toLocaleString("en")} cells (the limit was passed in sheet ${shown(sheetName)})`,
        `at most ${MAX_WORKBOOK_CELLS.toLocaleString("en")} cells in all sheets (e.g. 10,000 respondents × 100 columns); delete unused rows and columns, or split the respondents`,
      );
  }
}

/**
 * Inflate one entry's data as a stream of text chunks handed to `take` (when given; else only its size
 * is checked), which returns false to stop early.
 * @returns "ok" (all read, or stopped by `take`), "too long" (it inflated past its declared size), "broken" (bad deflate data).
 */
async function inflateEntry(bytes: Uint8Array, e: ZipEntry, take?: (text: string) => boolean): Promise<"ok" | "too long" | "broken"> {
  const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const decoder = new TextDecoder();
  if (e.method === 0) {
    take?.(decoder.decode(data));
    return "ok";
  }
  const Inflate = (globalThis as { DecompressionStream?: Inflater }).DecompressionStream;
  if (!Inflate) return "ok"; // an old runtime without the stream: the spreadsheet library's own checks remain
  let stream: InstanceType<Inflater>;
  try {
    stream = new Inflate("deflate-raw");
  } catch {
    return "ok"; // a browser without raw deflate streams (before 2023): likewise
  }
  const writer = stream.writable.getWriter();
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > e.uncompressedSize) {
        await reader.cancel().catch(() => undefined);
        return "too long";
      }
      if (take && !take(decoder.decode(value, { stream: true }))) {
        await reader.cancel().catch(() => undefined);
        return "ok";
      }
    }
  } catch {
    return "broken";
  }
  take?.(decoder.decode());
  return "ok";
}

/** Counts `<row …>` and `<c …>` start tags (with or without a namespace prefix) in text that arrives in chunks. */
function createTagCounter(): { rows: number; cells: number; add(chunk: string): void; finish(): void } {
  const TAG = /<(?:[A-Za-z_][\w.-]{0,15}:)?(row|c)[\s>/]/g;
  const KEEP = 24; // longer than the longest tag matched, so a tag cut between chunks is seen whole once
  let tail = "";
  const counter = {
    rows: 0,
    cells: 0,
    add(chunk: string): void {
      const text = tail + chunk;
      const upTo = text.length - KEEP;
      for (const m of text.matchAll(TAG)) {
        if ((m.index as number) >= upTo) break;
        if (m[1] === "row") counter.rows++;
        else counter.cells++;
      }
      tail = text.slice(Math.max(0, upTo));
    },
    finish(): void {
      for (const m of tail.matchAll(TAG)) {
        if (m[1] === "row") counter.rows++;
        else counter.cells++;
      }
      tail = "";
    },
  };
  return counter;
}

/** A sheet part's sheet name, from `xl/workbook.xml` and its relationships, or the part name. */
function sheetNameOf(part: string, texts: ReadonlyMap<string, string>): string {
  const rels = texts.get("xl/_rels/workbook.xml.rels") ?? "";
  const workbook = texts.get("xl/workbook.xml") ?? "";
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const target = attr(tag, "Target") ?? "";
    if ((target.startsWith("/") ? target.slice(1) : `xl/${target}`) !== part) continue;
    const id = attr(tag, "Id");
    for (const [sheet] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) if (attr(sheet, "(?:\\w+:)?id") === id) return xmlText(attr(sheet, "name") ?? part);
  }
  return part;
}

/** XML text with its five predefined entities and character references decoded. */
function xmlText(s: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? codePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)), m) : (named[e] ?? m),
  );
}

/** The character of a code point, or `otherwise` when it is none. */
function codePoint(n: number, otherwise: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : otherwise;
}

function megabytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} MB` : `${n.toLocaleString("en")} bytes`;
}
