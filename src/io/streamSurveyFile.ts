import { open, type FileHandle } from "node:fs/promises";
import { TextDecoder } from "node:util";
import type { Model, Survey } from "../types.js";
import { createCsvRowStream, type CsvRowStream } from "./csvRowStream.js";
import { parseSurveyBytes } from "./parseSurveyBytes.js";
import { readInputFile } from "./readInputFile.js";
import { headRowsOf, isSurveyExportHead } from "./surveyExportHead.js";
import type { SurveyOptions } from "./surveyOptions.js";
import { createSurveyReading, surveySettings, type SurveyReading } from "./surveyReading.js";

/** Options of {@link streamSurveyFile}. */
export interface StreamReadOptions {
  /** Bytes read at a time (default 1 MiB, at least 16). */
  chunkBytes?: number;
  /** Called after each chunk with the bytes read so far and the file's size. */
  onProgress?: (done: number, total: number) => void;
  /** The most characters held to find the text's first rows before the file is read whole instead (default 8 Mi). */
  maxHeadChars?: number;
}

/** Why a file is read whole after all: it is not plain UTF-8 text in the long or blocks layout. */
class ReadWhole extends Error {}

/** First bytes of files that are not UTF-8 text (ZIP, OLE compound file, PDF, UTF-16 byte-order marks). */
const NOT_UTF8_TEXT: ReadonlyArray<readonly number[]> = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Read a survey file in chunks, in bounded memory: the same survey and the same problems (every one,
 * located by file, row and column, all at once) as `readSurveyFile`, which holds the whole file, its text
 * and all its rows at once. The bytes are decoded as they come (UTF-8), split into rows by papaparse's
 * streaming mode ({@link createCsvRowStream}) and each row is read into its expert's matrix and let go,
 * so memory is the experts' matrices and a chunk, whatever the file's size. A file that is not plain UTF-8
 * text in the long or blocks layout (a workbook, UTF-16 text, binary data, bytes that are not UTF-8, a
 * survey-tool export, which is small) is read whole by `readSurveyFile`'s own path, which says what it is.
 * @throws {InputError} as `readSurveyFile`.
 * @throws {RangeError} when an option is invalid.
 * @example
 * const survey = await streamSurveyFile("big-survey.csv", model, { source: "big-survey.csv" });
 */
export async function streamSurveyFile(path: string, model: Model, options: SurveyOptions = {}, read: StreamReadOptions = {}): Promise<Survey> {
  const whole = async (): Promise<Survey> =>
    parseSurveyBytes(readInputFile(path, { what: "survey file", expected: "a readable CSV file" }), model, { ...options, source: options.source ?? path });
  let handle: FileHandle;
  try {
    surveySettings(options);
    if (options.mapping || !Array.isArray(model?.components) || model.components.length === 0) return await whole();
    handle = await open(path, "r");
  } catch {
    return await whole(); // the whole-file path says what is wrong, in its own words
  }
  try {
    return await streamOpenFile(handle, model, { ...options, source: options.source ?? path }, read);
  } catch (e) {
    if (e instanceof ReadWhole || typeof (e as NodeJS.ErrnoException).code === "string") return await whole(); // not text, or unreadable (a folder): its own words
    throw e;
  } finally {
    await handle.close();
  }
}

/** The survey in the open file, read chunk by chunk. @throws {ReadWhole} when the file must be read whole. */
async function streamOpenFile(handle: FileHandle, model: Model, options: SurveyOptions, read: StreamReadOptions): Promise<Survey> {
  const total = (await handle.stat()).size;
  const buffer = Buffer.alloc(Math.max(16, read.chunkBytes ?? 1 << 20));
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const text = surveyTextSink(model, options, read.maxHeadChars ?? 8 * 1024 * 1024);
  let done = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    const bytes = buffer.subarray(0, bytesRead);
    if (done === 0 && NOT_UTF8_TEXT.some((magic) => magic.every((b, k) => bytes[k] === b))) throw new ReadWhole();
    if (bytes.indexOf(0) >= 0) throw new ReadWhole();
    done += bytesRead;
    text.push(decode(decoder, bytes, false));
    read.onProgress?.(done, total);
  }
  text.push(decode(decoder, undefined, true));
  return text.end();
}

/** The next piece of text; any bytes that are not UTF-8 send the file to the whole-file path, which locates them. */
function decode(decoder: TextDecoder, bytes: Uint8Array | undefined, last: boolean): string {
  try {
    return last ? decoder.decode() : decoder.decode(bytes, { stream: true });
  } catch {
    throw new ReadWhole();
  }
}

/**
 * Where the decoded text goes: held until its first rows tell that it is no survey-tool export
 * (`headRowsOf`, as `parseSurvey` decides), then through the row splitter into the survey's reading.
 */
function surveyTextSink(model: Model, options: SurveyOptions, maxHead: number): { push(text: string): void; end(): Survey } {
  let held = "";
  let started = false;
  let empty = true;
  let rows: CsvRowStream | undefined;
  let reading: SurveyReading | undefined;
  let tried = 0;
  const start = (complete: boolean): void => {
    // The head is split again only when the held text has doubled (linear in all); a head that needs more than
    // maxHead characters (a quote never closed, a header without a line end) goes to the whole-file read, which
    // reports it as a whole text does.
    if (!complete && held.length < 2 * tried) return;
    if (!complete && held.length > maxHead) throw new ReadWhole();
    tried = held.length;
    const head = headRowsOf(held, complete);
    if (head === undefined) return;
    if (isSurveyExportHead(head, model, options)) throw new ReadWhole();
    const r = createSurveyReading(model, options, surveySettings(options));
    reading = r;
    rows = createCsvRowStream({ row: (row) => r.row(row), problem: (p) => r.csvLog.add(p) }, r.csvLog.file);
    rows.push(held);
    held = "";
  };
  return {
    push(piece) {
      if (piece === "") return;
      // The decoder drops the byte-order mark; parseSurvey drops one more U+FEFF at the start of the text.
      if (!started) {
        started = true;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      if (piece !== "") empty = false;
      if (rows) rows.push(piece);
      else {
        held += piece;
        start(false);
      }
    },
    end() {
      if (!rows) start(true);
      (rows as CsvRowStream).end();
      return (reading as SurveyReading).finish(empty);
    },
  };
}
