import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { compoundFileKind } from "./compoundFileKind.js";
import { parseSurvey, type SurveyOptions } from "./parseSurvey.js";
import { parseSurveyWorkbook } from "./parseSurveyWorkbook.js";
import { isXlsxBytes } from "./isXlsxBytes.js";
import { decodeSurveyBytes } from "./readSurvey.js";

/**
 * Parse a survey file's bytes, whatever layout the tool reads: an Excel workbook (.xlsx, as
 * {@link parseSurveyWorkbook}) when the bytes are a ZIP archive holding `xl/workbook.xml`, otherwise
 * a CSV text (decoded as `readSurvey` decodes it, then {@link parseSurvey}). Told apart by content,
 * never by name. A password-protected workbook and an old .xls (OLE compound files, `compoundFileKind`)
 * are refused saying how to save them (docs/methods.md §1.3). No file system: the command line reads
 * the bytes (`readSurveyFile`), the browser app gets them from the dropped file. Asynchronous because
 * the workbook reader is.
 * @throws {InputError} when the bytes are not a survey file, or listing every problem in the content
 * (located by sheet and cell in a workbook, by row and column in a CSV file), at `options.source`.
 * @example
 * const survey = await parseSurveyBytes(new Uint8Array(await file.arrayBuffer()), defaultModel(), { source: file.name });
 */
export async function parseSurveyBytes(bytes: Uint8Array, model: Model, options: SurveyOptions = {}): Promise<Survey> {
  const file = options.source ?? "survey";
  refuseOfficeWorkbook(bytes, file);
  if (isXlsxBytes(bytes)) return parseSurveyWorkbook(bytes, model, { ...options, source: file });
  return parseSurvey(decodeSurveyBytes(bytes, file), model, { ...options, source: file });
}

/** Refuse a password-protected workbook or an old .xls, saying how to save it so that it reads; any other file passes. */
function refuseOfficeWorkbook(bytes: Uint8Array, file: string): void {
  const kind = compoundFileKind(bytes);
  if (kind === "encrypted")
    throw new InputError({
      file,
      message: "the workbook is protected by a password (encrypted), so it cannot be read",
      expected: "the workbook saved without a password (in Excel: File › Info › Protect Workbook › Encrypt with Password, clear it, save), or a CSV file",
      found: "an encrypted Office file (an OLE compound file holding an EncryptedPackage stream)",
    });
  if (kind === "xls")
    throw new InputError({
      file,
      message: "the file is an old Excel 97–2003 workbook (.xls), which is not read",
      expected: "the workbook saved as .xlsx (in Excel or LibreOffice: Save As › Excel Workbook (.xlsx)), or as CSV UTF-8",
      found: "an OLE compound file holding a Workbook stream (.xls)",
    });
}
