import { readFileSync } from "node:fs";
import { TextDecoder } from "node:util";
import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { parseSurvey, type SurveyOptions } from "./parseSurvey.js";

/**
 * Decode a survey file's bytes as text: UTF-8 (with or without a byte-order
 * mark), or UTF-16 when it starts with a UTF-16 byte-order mark (Excel's
 * "Unicode Text" export). Bytes that are not valid UTF-8 are refused rather
 * than guessed, because a wrong guess would garble Persian component names.
 * @throws {InputError} when the bytes are not valid UTF-8.
 * @example
 * decodeSurveyBytes(new TextEncoder().encode("expert,from"), "s.csv"); // "expert,from"
 */
export function decodeSurveyBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let k = 0; k + 1 < swapped.length; k += 2) (swapped[k] = bytes[k + 3]), (swapped[k + 1] = bytes[k + 2]);
    return new TextDecoder("utf-16le").decode(swapped);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError({ file, message: "the file is not UTF-8 text", expected: "a CSV file saved as UTF-8 (in Excel: Save As → CSV UTF-8)", found: "bytes that are not UTF-8 (perhaps Windows-1256 or Latin-1)" });
  }
}

/**
 * Read a survey file and parse it with {@link parseSurvey} (same layouts,
 * rules and options; `source` defaults to `path`). The file is read as bytes
 * and decoded with {@link decodeSurveyBytes}; it is never modified.
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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" || code === "EPERM" ? "permission denied" : (e as Error).message;
    throw new InputError({ file: path, message: `cannot read the survey file: ${why}`, expected: "a readable CSV file", found: shownPath(path) });
  }
  return parseSurvey(decodeSurveyBytes(bytes, file), model, { ...options, source: file });
}

function shownPath(path: string): string {
  return JSON.stringify(path);
}
