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

function withFormat1Names(_key: unknown, value: unknown): unknown {
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
function serialised(holder: object, key: string | number, value: unknown): unknown {
  const kind = typeof value;
  const own = value !== null && (kind === "object" || kind === "function") && typeof (value as { toJSON?: unknown }).toJSON === "function";
  // The replacer reads no key, so an array index is made a string only for a toJSON.
  return withFormat1Names(key, own ? (value as { toJSON(key: string): unknown }).toJSON(String(key)) : value);
}

/** Whether `value` (after toJSON and the replacer) is a container written member by member: an array or an object other than a boxed primitive. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== "object") return false;
  // Boxed primitives are written as their primitive by JSON.stringify.
  return !(value instanceof Number || value instanceof String || value instanceof Boolean);
}

/**
 * The JSON text of `value` (after toJSON and the replacer) at indentation `indent`, in pieces, as JSON.stringify
 * with an indent of 2 writes it: containers member by member, an array of primitives as one piece (joined),
 * primitives by JSON.stringify (undefined, a function or a symbol: no member of an object, null in an array).
 */
function* jsonPieces(value: Record<string, unknown> | unknown[], indent: string): Generator<string> {
  if (Array.isArray(value)) yield* arrayPieces(value, indent);
  else yield* objectPieces(value, indent);
}

/** An array's pieces: one piece when it holds no container (its elements joined), else element by element. */
function* arrayPieces(value: unknown[], indent: string): Generator<string> {
  const inner = indent + "  ";
  // By index, not map: a hole of a sparse array is an element (written null), as JSON.stringify has it.
  const items = new Array<unknown>(value.length);
  let leaves = true;
  for (let i = 0; i < value.length; i++) {
    items[i] = serialised(value, i, value[i]);
    if (isContainer(items[i])) leaves = false;
  }
  if (items.length === 0) return yield "[]";
  if (leaves) return yield `[\n${inner}${items.map((v) => JSON.stringify(v) ?? "null").join(`,\n${inner}`)}\n${indent}]`;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    yield `${i === 0 ? "[" : ","}\n${inner}`;
    if (isContainer(v)) yield* jsonPieces(v, inner);
    else yield JSON.stringify(v) ?? "null";
  }
  yield `\n${indent}]`;
}

/** An object's pieces, member by member (a member whose value is undefined, a function or a symbol is left out). */
function* objectPieces(value: Record<string, unknown>, indent: string): Generator<string> {
  const inner = indent + "  ";
  let first = true;
  for (const key of Object.keys(value)) {
    const v = serialised(value, key, value[key]);
    const text = isContainer(v) ? undefined : (JSON.stringify(v) as string | undefined);
    if (text === undefined && !isContainer(v)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (isContainer(v)) yield* jsonPieces(v, inner);
    else yield text as string;
  }
  yield first ? "{}" : `\n${indent}}`;
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
  if (isContainer(v)) yield* jsonPieces(v, "");
  else yield JSON.stringify(v) ?? "undefined";
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
