import type { Model, Survey } from "../types.js";
import type { SurveyOptions } from "./parseSurvey.js";
import { readInputFile } from "./readInputFile.js";
import { parseSurveyBytes } from "./parseSurveyBytes.js";

/**
 * Read a survey file of any layout the tool reads ({@link parseSurveyBytes} of its bytes): a CSV file (as
 * {@link readSurvey}) or an Excel workbook (.xlsx, as {@link parseSurveyWorkbook}),
 * told apart by the file's content, not its name: a ZIP archive holding
 * `xl/workbook.xml` is a workbook. Any other binary file (an OpenDocument
 * spreadsheet, an old .xls, a PDF) is refused as `readSurvey` refuses it.
 * Asynchronous because the workbook reader is; `readSurvey` stays the
 * synchronous reader of CSV files. The file is never modified.
 * @throws {InputError} when the file is missing or unreadable, not a survey
 * file, or listing every problem in its content (located by sheet and cell in a workbook).
 * @throws {RangeError} when an option is invalid.
 * @example
 * const survey = await readSurveyFile("survey.xlsx", defaultModel());
 */
export async function readSurveyFile(path: string, model: Model, options: SurveyOptions = {}): Promise<Survey> {
  const bytes = readInputFile(path, { what: "survey file", expected: "a readable CSV file" });
  return parseSurveyBytes(bytes, model, { ...options, source: options.source ?? path });
}
