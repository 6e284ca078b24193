import { TextDecoder } from "node:util";
import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { parseSurvey, type SurveyOptions } from "./parseSurvey.js";
import { readInputFile } from "./readInputFile.js";
import { compoundFileKind, type CompoundFileKind } from "./compoundFileKind.js";

/** Options of {@link decodeSurveyBytes}. */
export interface DecodeOptions {
  /** What the file should be, for the messages (default "a CSV file saved as UTF-8 (in Excel: Save As → CSV UTF-8)"). */
  expected?: string;
}

/** Signatures of binary files users hand over instead of a CSV, first bytes → what it is. */
const BINARY_SIGNATURES: ReadonlyArray<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive — an Excel workbook (.xlsx) or OpenDocument spreadsheet, not a CSV file"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Excel workbook (.xls), not a CSV file"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document, not a CSV file"],
];

/** What an OLE compound file is (`compoundFileKind`), as a refused survey file's "found". */
const COMPOUND_FILES: Readonly<Record<CompoundFileKind, string>> = {
  encrypted: "a password-protected (encrypted) Excel or Office file, not a CSV file",
  xls: "an old Excel workbook (.xls), not a CSV file",
  word: "a Word document (.doc), not a CSV file",
  powerpoint: "a PowerPoint presentation (.ppt), not a CSV file",
  other: "an old Microsoft Office file (an OLE compound file), not a CSV file",
};

/**
 * Decode a survey file's bytes as text: UTF-8 (with or without a byte-order
 * mark), or UTF-16 when it starts with a UTF-16 byte-order mark (Excel's
 * "Unicode Text" export) or, without a mark, when every other byte of its
 * first line is 0 (UTF-16 text of Latin characters). Bytes that are not valid
 * UTF-8 are refused rather than guessed, because a wrong guess would garble
 * Persian component names; the problem names the line and the first bad
 * byte. Spreadsheet workbooks (.xlsx, .xls, a password-protected workbook), PDFs and other binary files
 * (bytes 0 in the text) are named as such.
 * @throws {InputError} when the bytes are binary or not valid UTF-8.
 * @example
 * decodeSurveyBytes(new TextEncoder().encode("expert,from"), "s.csv"); // "expert,from"
 */
export function decodeSurveyBytes(bytes: Uint8Array, file: string, options: DecodeOptions = {}): string {
  const expected = options.expected ?? "a CSV file saved as UTF-8 (in Excel: Save As → CSV UTF-8)";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes.subarray(2));
  const compound = compoundFileKind(bytes);
  if (compound) throw new InputError({ file, message: "the file is not a text file", expected, found: COMPOUND_FILES[compound] });
  for (const [magic, what] of BINARY_SIGNATURES) {
    if (magic.every((b, k) => bytes[k] === b)) throw new InputError({ file, message: "the file is not a text file", expected, found: what });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const head = bytes.subarray(0, Math.min(bytes.length - (bytes.length % 2), 200));
    let evenZero = 0,
      oddZero = 0;
    for (let k = 0; k < head.length; k++)
      if (head[k] === 0) {
        if (k % 2 === 0) evenZero++;
        else oddZero++;
      }
    if (head.length >= 4 && oddZero === head.length / 2 && evenZero === 0) return new TextDecoder("utf-16le").decode(bytes);
    if (head.length >= 4 && evenZero === head.length / 2 && oddZero === 0) return utf16be(bytes);
    const line = lineOf(bytes, nul);
    throw new InputError({ file, row: line, message: "the file is not a text file", expected, found: `binary data (a byte 0 in line ${line})` });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = lineOf(bytes, bad);
    throw new InputError({
      file,
      row: line,
      message: "the file is not UTF-8 text",
      expected,
      found: `byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, "0")} in line ${line}, which is not UTF-8 (the file was perhaps saved as Windows-1252/Latin-1 or Windows-1256)`,
    });
  }
}

function utf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let k = 0; k + 1 < swapped.length; k += 2) {
    swapped[k] = bytes[k + 1];
    swapped[k + 1] = bytes[k];
  }
  return new TextDecoder("utf-16le").decode(swapped);
}

/** 1-based line of byte offset `at`. */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let k = 0; k < at; k++) if (bytes[k] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const d = new TextDecoder("utf-8", { fatal: true });
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || k + len > bytes.length) return k;
    if (len > 1) {
      try {
        d.decode(bytes.subarray(k, k + len));
      } catch {
        return k;
      }
    }
    k += len;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * Read a survey file and parse it with {@link parseSurvey} (same layouts,
 * rules and options; `source` defaults to `path`). The file is read as bytes
 * and decoded with `decodeSurveyBytes`; it is never modified.
 * @throws {InputError} when the file is missing, unreadable (a directory,
 * no permission) or not UTF-8, naming the path; or listing every problem in
 * its content.
 * @throws {RangeError} when an option is invalid.
 * @example
 * const survey = readSurvey("data/surveys/example-panel.csv", defaultModel());
 * survey.experts.length; // 14
 */
export function readSurvey(path: string, model: Model, options: SurveyOptions = {}): Survey {
  const file = options.source ?? path;
  const bytes = readInputFile(path, { what: "survey file", expected: "a readable CSV file" });
  return parseSurvey(decodeSurveyBytes(bytes, file), model, { ...options, source: file });
}
