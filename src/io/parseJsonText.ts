import { InputError, shown } from "../errors.js";

/** What a JSON file should be, for the messages of {@link readJsonFile}. */
export interface JsonFileAbout {
  /** "model file", "scale file". */
  what: string;
  /** "a JSON model file". */
  expected: string;
  /** What a non-empty file would start with, for an empty one. */
  empty: string;
}

/**
 * Parse the text of a JSON input (a model, a linguistic scale) named `path`, with the position of a
 * syntax error given as line and character. The file-reading half is {@link readJsonFile}; the browser
 * app parses the text of a chosen file with this.
 * @throws {InputError} when the text is empty or not JSON, located at its line.
 * @example
 * parseJsonText('{ "components": [] }', "m.json", { what: "model file", expected: "a JSON model file", empty: "{}" });
 */
export function parseJsonText(text: string, path: string, about: JsonFileAbout): unknown {
  if (text.trim() === "") throw new InputError({ file: path, message: `the ${about.what} is empty`, expected: about.empty, found: "an empty file" });
  try {
    return JSON.parse(text) as unknown;
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
      expected: about.expected,
      found: at >= 0 && at < text.length ? shown(text.slice(at, at + 20)) : "the end of the file",
    });
  }
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
