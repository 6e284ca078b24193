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

/**
 * A results object as the text of a JSON file (two-space indent, final newline,
 * NaN and ±∞ written as null, as JSON.stringify does), with the format-1 key
 * names written beside the format-2 ones and, when the object has a `meta`,
 * `meta.format` = {@link RESULTS_FORMAT}.
 * @example
 * resultsJsonText({ expertCount: 3 }); // '{\n  "expertCount": 3,\n  "experts": 3\n}\n'
 */
export function resultsJsonText(value: unknown): string {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  const meta = record?.meta;
  const stamped = record && meta !== null && typeof meta === "object" ? { ...record, meta: { ...meta, format: RESULTS_FORMAT } } : value;
  return JSON.stringify(stamped, withFormat1Names, 2) + "\n";
}
