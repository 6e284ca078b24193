import { readJsonFile } from "./readJsonFile.js";
import { checkSurveyMapping, type SurveyMapping } from "./surveyMapping.js";

/**
 * Read a mapping file (docs/methods.md §1.8) with {@link checkSurveyMapping}: JSON, every problem
 * located in it; the file is never modified.
 * @throws {InputError} when the file is missing, not JSON, or has problems.
 * @example
 * const mapping = readSurveyMapping("survey.mapping.json");
 */
export function readSurveyMapping(path: string): SurveyMapping {
  const value = readJsonFile(path, { what: "mapping file", expected: "a JSON mapping file", empty: '{ "pattern": "…" } or { "columns": { … } }' });
  return checkSurveyMapping(value, path);
}
