import type { Model, Survey } from "../types.js";
import { parseSurvey, type SurveyOptions } from "./parseSurvey.js";
import { parseSurveyWorkbook, isXlsxBytes } from "./parseSurveyWorkbook.js";
import { decodeSurveyBytes } from "./readSurvey.js";

/**
 * Parse a survey file's bytes, whatever layout the tool reads: an Excel workbook (.xlsx, as
 * {@link parseSurveyWorkbook}) when the bytes are a ZIP archive holding `xl/workbook.xml`, otherwise
 * a CSV text (decoded as `readSurvey` decodes it, then {@link parseSurvey}). Told apart by content,
 * never by name. No file system: the command line reads the bytes (`readSurveyFile`), the browser app
 * gets them from the dropped file. Asynchronous because the workbook reader is.
 * @throws {InputError} when the bytes are not a survey file, or listing every problem in the content
 * (located by sheet and cell in a workbook, by row and column in a CSV file), at `options.source`.
 * @example
 * const survey = await parseSurveyBytes(new Uint8Array(await file.arrayBuffer()), defaultModel(), { source: file.name });
 */
export async function parseSurveyBytes(bytes: Uint8Array, model: Model, options: SurveyOptions = {}): Promise<Survey> {
  const file = options.source ?? "survey";
  if (isXlsxBytes(bytes)) return parseSurveyWorkbook(bytes, model, { ...options, source: file });
  return parseSurvey(decodeSurveyBytes(bytes, file), model, { ...options, source: file });
}
