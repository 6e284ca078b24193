import { InputError, type InputProblem } from "../errors.js";
import { readJsonFile } from "./readJsonFile.js";
import { type LinguisticScale, type LinguisticTerm, scaleProblems } from "./linguisticScaleRules.js";

/** The kind of a scale file: which number every term carries. */
export type ScaleKind = "fuzzy" | "grey";

/**
 * The kind a scale file's terms declare when no method is given: fuzzy when every term has
 * `tfn` and none `grey`, grey the other way round, else undefined (the method must then be given).
 * @example
 * scaleFileKind({ terms: [{ term: "0", grey: [0, 0] }] }); // "grey"
 */
export function scaleFileKind(value: unknown): ScaleKind | undefined {
  const terms = (value as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  const has = (key: string): boolean[] => terms.map((t) => t !== null && typeof t === "object" && key in t);
  if (has("tfn").every(Boolean) && !has("grey").some(Boolean)) return "fuzzy";
  if (has("grey").every(Boolean) && !has("tfn").some(Boolean)) return "grey";
  return undefined;
}

/** Problems of the `diagonal` entry: optional; when given, the zero number of the kind ([0, 0, 0] or [0, 0]). */
function diagonalProblems(value: unknown, kind: ScaleKind): InputProblem[] {
  if (value === undefined) return [];
  const zero = kind === "fuzzy" ? [0, 0, 0] : [0, 0];
  if (Array.isArray(value) && value.length === zero.length && value.every((x) => x === 0)) return [];
  return [
    {
      column: "diagonal",
      message: "the diagonal is always rated zero on input (a component's influence on itself is not rated)",
      expected: JSON.stringify(zero),
      found: JSON.stringify(value),
    },
  ];
}

/**
 * Read a linguistic scale file (docs/methods.md §2.11):
 * `{"name": "...", "terms": [{"term": "0", "label": "No influence", "label_fa": "بدون تأثیر", "tfn": [0, 0, 0.25]}, ...], "diagonal": [0, 0, 0]}`,
 * with `"grey": [lo, hi]` instead of `"tfn"` for a grey scale. The file's own `name`
 * is kept. Every problem is reported at once, each located inside the file
 * (`scale.json, column "terms[3].tfn": the limits … are not ordered`): bad JSON
 * (line and character), a missing name or terms, a term without a code, a code or
 * label naming two terms, unordered or negative limits, a wrong diagonal.
 * Only the fields of {@link LinguisticTerm} are kept. The file is never modified.
 * @param path the file.
 * @param kind the method the scale is for; default: what the file's terms declare ({@link scaleFileKind}).
 * @throws {InputError} listing every problem of the file.
 * @example
 * const { scale, kind } = readScaleFile("five-terms.json", "fuzzy");
 */
export function readScaleFile(path: string, kind?: ScaleKind): { scale: LinguisticScale; kind: ScaleKind } {
  const value = readJsonFile(path, { what: "scale file", expected: "a JSON scale file", empty: '{ "name": "...", "terms": [...] }' });
  const found = value === null || typeof value !== "object" || Array.isArray(value) ? JSON.stringify(value)?.slice(0, 30) : undefined;
  if (found !== undefined) throw new InputError({ file: path, message: "a scale file holds one object", expected: '{ "name": "...", "terms": [...] }', found });
  const k = kind ?? scaleFileKind(value);
  if (!k)
    throw new InputError({
      file: path,
      column: "terms",
      message: 'cannot tell whether this is a fuzzy or a grey scale: give every term "tfn": [l, m, u] (fuzzy) or "grey": [lo, hi] (grey), or choose --method',
    });
  const raw = value as { name?: unknown; terms?: unknown; diagonal?: unknown };
  const problems: InputProblem[] = [
    ...scaleProblems(raw as unknown as LinguisticScale, k).map((p) => ({
      file: path,
      ...(p.at ? { column: p.at } : {}),
      message: p.message,
      expected: p.expected,
      found: p.found,
    })),
    ...diagonalProblems(raw.diagonal, k).map((p) => ({ file: path, ...p })),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const terms = (raw.terms as LinguisticTerm[]).map((t) =>
    Object.freeze({
      term: t.term,
      ...(t.label !== undefined ? { label: t.label } : {}),
      ...(t.label_fa !== undefined ? { label_fa: t.label_fa } : {}),
      ...(k === "fuzzy" ? { tfn: Object.freeze([...(t.tfn as readonly number[])]) as unknown as LinguisticTerm["tfn"] } : {}),
      ...(k === "grey" ? { grey: Object.freeze([...(t.grey as readonly number[])]) as unknown as LinguisticTerm["grey"] } : {}),
    }),
  );
  return { scale: Object.freeze({ name: raw.name as string, terms: Object.freeze(terms) }), kind: k };
}
