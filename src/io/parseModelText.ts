import { parseJsonText, type JsonFileAbout } from "./parseJsonText.js";
import { parseModel } from "../model/model.js";
import type { Model } from "../types.js";

/** What a model file is, for the messages of a JSON error. */
export const MODEL_FILE: JsonFileAbout = { what: "model file", expected: "a JSON model file", empty: '{ "components": [...], "layers": [...] }' };

/**
 * The model in a model file's text (`path` names it in every problem): JSON, then {@link parseModel}.
 * @throws {InputError} when the text is not JSON or not a valid model, located in it.
 * @example
 * parseModelText('{ "components": [{ "id": "A" }, { "id": "B" }] }', "m.json").components.length; // 2
 */
export function parseModelText(text: string, path: string): Model {
  return parseModel(parseJsonText(text, path, MODEL_FILE), path);
}
