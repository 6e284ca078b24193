import { decodeSurveyBytes } from "./readSurvey.js";
import { readInputFile } from "./readInputFile.js";
import { parseJsonText, type JsonFileAbout } from "./parseJsonText.js";

export type { JsonFileAbout } from "./parseJsonText.js";

/**
 * Read a JSON input file (a model, a linguistic scale): UTF-8 or UTF-16 with
 * or without a byte-order mark, parsed with the position of a syntax error
 * given as line and character. Never modifies the file.
 * @throws {InputError} when the file cannot be read, is empty, or is not JSON, located at its line.
 * @example
 * const value = readJsonFile("scale.json", { what: "scale file", expected: "a JSON scale file", empty: '{ "terms": [...] }' });
 */
export function readJsonFile(path: string, about: JsonFileAbout): unknown {
  const bytes = readInputFile(path, { what: about.what, expected: `a readable ${about.expected.replace(/^an? /, "")}` });
  // decodeSurveyBytes already drops a byte-order mark (UTF-8 or UTF-16), which JSON.parse would refuse.
  const text = decodeSurveyBytes(bytes, path, { expected: `${about.expected} saved as UTF-8` });
  return parseJsonText(text, path, about);
}
