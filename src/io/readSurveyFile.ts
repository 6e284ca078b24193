import type { Model, Survey } from "../types.js";
import type { SurveyOptions } from "./parseSurvey.js";
import { readInputFile } from "./readInputFile.js";
import { parseSurveyBytes } from "./parseSurveyBytes.js";
import { type StreamReadOptions, streamSurveyFile } from "./streamSurveyFile.js";
import { statSync } from "node:fs";

/** Files from this size on are read in chunks ({@link streamSurveyFile}), in bounded memory. */
export const STREAM_READ_BYTES = 16 * 1024 * 1024;

/**
 * Read a survey file of any layout the tool reads ({@link parseSurveyBytes} of its bytes): a CSV file (as
 * {@link readSurvey}) or an Excel workbook (.xlsx, as {@link parseSurveyWorkbook}),
 * told apart by the file's content, not its name: a ZIP archive holding
 * `xl/workbook.xml` is a workbook. Any other binary file (an OpenDocument
 * spreadsheet, an old .xls, a PDF) is refused as `readSurvey` refuses it.
 * A file of {@link STREAM_READ_BYTES} or more is read in chunks ({@link streamSurveyFile}: the same survey
 * and problems, in bounded memory), reporting its progress to `read.onProgress`.
 * Asynchronous because the workbook reader is; `readSurvey` stays the
 * synchronous reader of CSV files. The file is never modified.
 * @throws {InputError} when the file is missing or unreadable, not a survey
 * file, or listing every problem in its content (located by sheet and cell in a workbook).
 * @throws {RangeError} when an option is invalid.
 * @example
 * const survey = await readSurveyFile("survey.xlsx", defaultModel());
 */
export async function readSurveyFile(path: string, model: Model, options: SurveyOptions = {}, read: StreamReadOptions = {}): Promise<Survey> {
  if (fileSize(path) >= STREAM_READ_BYTES) return streamSurveyFile(path, model, options, read);
  const bytes = readInputFile(path, { what: "survey file", expected: "a readable CSV file" });
  return parseSurveyBytes(bytes, model, { ...options, source: options.source ?? path });
}

/** The size of the regular file at `path`, or 0 when it is none (missing, a folder: the whole-file read says so). */
function fileSize(path: string): number {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}
