import { readJsonFile } from "./readJsonFile.js";
import { MODEL_FILE } from "./parseModelText.js";
import { parseModel } from "../model/model.js";
import type { Model } from "../types.js";

/**
 * Read and validate a model JSON file. Never modifies the file.
 * @throws {InputError} when the file cannot be read, is not JSON, or fails {@link parseModel}.
 */
export function loadModel(path: string): Model {
  return parseModel(readJsonFile(path, MODEL_FILE), path);
}
