/**
 * The version of the JSON files the tool writes (results.json, `--json`, power.json).
 * Format 2 gave a count of experts, a list of panel sizes, an expert's index,
 * the significance level and Krippendorff's α names of their own; the names of
 * format 1 are still written beside them (see {@link FORMAT_1_NAMES}).
 */
export const RESULTS_FORMAT = 2;

/**
 * Format-2 key → the format-1 key it replaced. Each format-1 key is written
 * after the new one, with the same value, in every object that has the new key
 * and not the old (so a reader of format 1 keeps working); they will be dropped
 * in format 3.
 */
export const FORMAT_1_NAMES: Readonly<Record<string, string>> = Object.freeze({
  expertCount: "experts",
  panelSizes: "experts",
  expertIndex: "expert",
  krippendorffAlpha: "alpha",
  significanceLevel: "alpha",
});

function withFormat1Names(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const [now, before] of Object.entries(FORMAT_1_NAMES)) {
    if (!(now in record) || before in record || (copy !== undefined && before in copy)) continue;
    copy ??= { ...record };
    copy[before] = record[now];
  }
  return copy ?? value;
}

/** The value JSON.stringify serialises for `holder[key]`: after `toJSON` and the replacer. */
function serialised(holder: object, key: string, value: unknown): unknown {
  const kind = typeof value;
  const own = value !== null && (kind === "object" || kind === "function") && typeof (value as { toJSON?: unknown }).toJSON === "function";
  return withFormat1Names(key, own ? (value as { toJSON(key: string): unknown }).toJSON(key) : value);
}

/** Whether the chunks go inside `value` (a plain object, or an array of objects) rather than stringify it whole. */
function isSplit(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== "object") return false;
  // Boxed primitives are written as their primitive by JSON.stringify.
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return false;
  if (!Array.isArray(value)) return true;
  const first: unknown = value[0];
  return first !== null && typeof first === "object" && !Array.isArray(first);
}

/**
 * The JSON text of `value` (after toJSON and the replacer) at indentation `indent`, in pieces: plain objects and
 * arrays of objects member by member, anything else whole by JSON.stringify, re-indented (a JSON text has no raw
 * newline inside a string, so every newline is between tokens). Joined, the pieces are JSON.stringify's text.
 */
function* jsonPieces(value: Record<string, unknown> | unknown[], indent: string): Generator<string> {
  const inner = indent + "  ";
  const array = Array.isArray(value);
  // Array.from, not map: a hole of a sparse array is an entry (written null), as JSON.stringify has it.
  const entries: Array<[string, unknown]> = array ? Array.from({ length: value.length }, (_, i) => [String(i), value[i]]) : Object.entries(value);
  let first = true;
  for (const [key, raw] of entries) {
    const v = serialised(value, key, raw);
    const text = isSplit(v) ? undefined : JSON.stringify(v, withFormat1Names, 2);
    if (text === undefined && !isSplit(v) && !array) continue; // undefined, a function or a symbol: no member
    yield `${first ? (array ? "[" : "{") : ","}\n${inner}${array ? "" : JSON.stringify(key) + ": "}`;
    first = false;
    if (isSplit(v)) yield* jsonPieces(v, inner);
    else yield text === undefined ? "null" : text.replace(/\n/g, `\n${inner}`);
  }
  yield first ? (array ? "[]" : "{}") : `\n${indent}${array ? "]" : "}"}`;
}

/** The value with `meta.format` = {@link RESULTS_FORMAT} when it has a `meta`. */
function stamped(value: unknown): unknown {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  const meta = record?.meta;
  return record && meta !== null && typeof meta === "object" ? { ...record, meta: { ...meta, format: RESULTS_FORMAT } } : value;
}

/**
 * The text of {@link resultsJsonText} in pieces, for writing a large results object (hundreds of sensitivity rows at
 * n = 100) without holding its whole text at once: the same characters, joined.
 * @example
 * [...resultsJsonChunks({ expertCount: 3 })].join(""); // '{\n  "expertCount": 3,\n  "experts": 3\n}\n'
 */
export function* resultsJsonChunks(value: unknown): Generator<string> {
  const v = serialised({ "": value }, "", stamped(value));
  if (isSplit(v)) yield* jsonPieces(v, "");
  else yield JSON.stringify(v, withFormat1Names, 2) ?? "undefined";
  yield "\n";
}

/**
 * A results object as the text of a JSON file (two-space indent, final newline,
 * NaN and ±∞ written as null, as JSON.stringify does), with the format-1 key
 * names written beside the format-2 ones and, when the object has a `meta`,
 * `meta.format` = {@link RESULTS_FORMAT}.
 * @example
 * resultsJsonText({ expertCount: 3 }); // '{\n  "expertCount": 3,\n  "experts": 3\n}\n'
 */
export function resultsJsonText(value: unknown): string {
  return JSON.stringify(stamped(value), withFormat1Names, 2) + "\n";
}
