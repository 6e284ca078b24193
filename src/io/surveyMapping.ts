import { InputError, type InputProblem, shown } from "../errors.js";

/** Which export column holds which ordered pair: its `from` and `to` components (id, English or Persian name). */
export interface MappedPair {
  from: string;
  to: string;
}

/**
 * A mapping file (docs/methods.md §1.8): how the columns of a survey-tool export carry the
 * ratings, when the tool's own headers are not recognised. Every field is optional.
 */
export interface SurveyMapping {
  /** A regular expression (JavaScript syntax, matched against each column header) with named groups `from` and `to`. */
  pattern?: string;
  /** An explicit table: exact column header → its ordered pair. Tried before `pattern`. */
  columns?: Readonly<Record<string, MappedPair>>;
  /** Answer labels → scale values, tried before the default labels (e.g. `{ "Strong": 4 }`). */
  answers?: Readonly<Record<string, number>>;
  /** The header of the column holding each respondent's label (default: a column named expert, respondent id, response id, …). */
  expert?: string;
  /** The header of the column holding each respondent's weight (default: a column named weight). */
  weight?: string;
  /** The header of the column holding each respondent's group (default: a column named group). */
  group?: string;
  /** Free text: what the file is for (ignored). */
  about?: string;
}

const FIELDS = new Set(["pattern", "columns", "answers", "expert", "weight", "group", "about"]);

/**
 * Check a parsed mapping file and return it typed, every problem located at its field
 * (`column "columns.Q1_2.to"`): unknown fields, a pattern that is no regular expression or lacks
 * the named groups `from` and `to`, a column entry without both texts, an answer value that is
 * not a finite number, a header name that is not a text.
 * @param file the file (or label) the problems are located in.
 * @throws {InputError} listing every problem.
 * @example
 * checkSurveyMapping({ pattern: "^(?<from>\\w+) → (?<to>\\w+)$" }, "map.json").pattern;
 */
export function checkSurveyMapping(value: unknown, file: string): SurveyMapping {
  const problems: InputProblem[] = [];
  const at = (column: string, message: string, expected: string, found?: unknown): void => {
    problems.push({ file, column, message, expected, ...(found !== undefined ? { found: shown(JSON.stringify(found), 60) } : {}) });
  };
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError({
      file,
      message: "a mapping file holds one JSON object",
      expected: '{ "pattern": "…", "answers": { … } }',
      found: shown(JSON.stringify(value), 60),
    });
  const m = value as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!FIELDS.has(key)) at(key, "unknown field of a mapping file", [...FIELDS].join(", "), key);
  for (const key of ["pattern", "expert", "weight", "group", "about"] as const)
    if (m[key] !== undefined && typeof m[key] !== "string") at(key, `"${key}" must be a text`, "a text", m[key]);
  if (typeof m.pattern === "string") patternProblems(m.pattern, (message, expected) => at("pattern", message, expected, m.pattern));
  if (m.columns !== undefined) {
    if (m.columns === null || typeof m.columns !== "object" || Array.isArray(m.columns))
      at("columns", '"columns" must be an object', '{ "header": { "from": "A", "to": "B" } }', m.columns);
    else
      for (const [header, pair] of Object.entries(m.columns as Record<string, unknown>)) {
        const p = pair as Record<string, unknown> | null;
        for (const part of ["from", "to"] as const)
          if (p === null || typeof p !== "object" || typeof p[part] !== "string" || (p[part] as string).trim() === "")
            at(
              `columns.${header}.${part}`,
              `the column "${header}" needs a "${part}" component`,
              "a component id or name",
              p === null || typeof p !== "object" ? p : (p[part] ?? null),
            );
      }
  }
  if (m.answers !== undefined) {
    if (m.answers === null || typeof m.answers !== "object" || Array.isArray(m.answers))
      at("answers", '"answers" must be an object', '{ "High": 3 }', m.answers);
    else
      for (const [label, v] of Object.entries(m.answers as Record<string, unknown>))
        if (typeof v !== "number" || !Number.isFinite(v)) at(`answers.${label}`, `the answer "${label}" needs a number`, "a finite number on the scale", v);
  }
  if (problems.length > 0) throw new InputError(problems);
  return m as SurveyMapping;
}

/** Why `pattern` cannot be a column pattern: not a regular expression, or without the named groups. */
function patternProblems(pattern: string, report: (message: string, expected: string) => void): void {
  let re: RegExp;
  try {
    re = new RegExp(pattern, "u");
  } catch (e) {
    report(`not a regular expression: ${(e as Error).message}`, "a JavaScript regular expression");
    return;
  }
  const source = re.source;
  const missing = ["from", "to"].filter((g) => !source.includes(`(?<${g}>`));
  if (missing.length > 0) report(`the pattern has no named group ${missing.map((g) => `(?<${g}>…)`).join(" or ")}`, "named groups (?<from>…) and (?<to>…)");
}
