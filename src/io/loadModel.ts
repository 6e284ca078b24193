import { decodeSurveyBytes } from "./readSurvey.js";
import { readInputFile } from "./readInputFile.js";
import { InputError, shown } from "../errors.js";
import { parseModel } from "../model/model.js";
import type { Model } from "../types.js";

/**
 * Read and validate a model JSON file. Never modifies the file.
 * @throws {InputError} when the file cannot be read, is not JSON, or fails {@link parseModel}.
 */
export function loadModel(path: string): Model {
  const bytes = readInputFile(path, { what: "model file", expected: "a readable JSON model file" });
  // decodeSurveyBytes already drops a byte-order mark (UTF-8 or UTF-16), which JSON.parse would refuse.
  const text = decodeSurveyBytes(bytes, path, { expected: "a JSON model file saved as UTF-8" });
  if (text.trim() === "")
    throw new InputError({ file: path, message: "the model file is empty", expected: '{ "components": [...], "layers": [...] }', found: "an empty file" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = jsonErrorOffset(text, message);
    const before = at >= 0 ? text.slice(0, at) : "";
    const row = at >= 0 ? before.split("\n").length : undefined;
    const col = at >= 0 ? at - before.lastIndexOf("\n") : undefined;
    const reason = message
      .replace(/\s*(in JSON )?at position \d+.*$/, "")
      .replace(/^(Unexpected token '[\]}]'), [\s\S]*$/, "$1 (a trailing comma before it?)")
      .replace(/^(Unexpected token '.+?'), [\s\S]*$/, "$1")
      .replace(/^Unexpected end of JSON input$/, "the text ends before the JSON is complete");
    throw new InputError({
      file: path,
      ...(row !== undefined ? { row } : {}),
      message: `not valid JSON${col !== undefined ? ` (character ${col} of line ${row})` : ""}: ${reason}`,
      expected: "a JSON model file",
      found: at >= 0 && at < text.length ? shown(text.slice(at, at + 20)) : "the end of the file",
    });
  }
  return parseModel(value, path);
}

/**
 * Offset of a JSON syntax error in `text`: the position V8 reports, the end
 * for a truncated text, or — for "Unexpected token" messages, which carry no
 * position — the longest prefix that JSON.parse still reads as merely
 * incomplete (found by bisection; valid prefixes stay valid when shortened).
 */
function jsonErrorOffset(text: string, message: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const incomplete = (p: number): boolean => {
    try {
      JSON.parse(text.slice(0, p));
      return true;
    } catch (e) {
      const msg = (e as Error).message;
      const at = /at position (\d+)/.exec(msg);
      return /end of JSON input/.test(msg) || (at !== null && Number(at[1]) >= p);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (incomplete(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo < text.length ? lo : -1;
}
