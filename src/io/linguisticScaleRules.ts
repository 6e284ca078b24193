import { parseLocaleNumber } from "./parseLocaleNumber.js";
import { normalizeLabel } from "./componentMatcher.js";

/** One term of a linguistic scale: its code (as a survey cell holds it), labels, and its fuzzy or grey number (docs/methods.md §2.11). */
export interface LinguisticTerm {
  /** The code a survey cell holds for this term, e.g. "0" … "4". */
  readonly term: string;
  readonly label?: string;
  readonly label_fa?: string;
  /** The triangular fuzzy number (l, m, u) of a fuzzy scale. */
  readonly tfn?: readonly [number, number, number];
  /** The interval grey number [lo, hi] of a grey scale. */
  readonly grey?: readonly [number, number];
}

/** A linguistic scale: each term mapped to a triangular fuzzy number (fuzzy) or an interval grey number (grey). */
export interface LinguisticScale {
  readonly name: string;
  readonly terms: readonly LinguisticTerm[];
}

/** One thing wrong with a scale, at a place inside it (`terms[3].tfn`). */
export interface ScaleProblem {
  at: string;
  message: string;
  expected?: string;
  found?: string;
}

/**
 * How a survey names a term once read: the key its code, English label and
 * Persian label are compared by. Persian and Arabic-Indic digits are read as
 * 0–9, hamza forms of alef as alef, and the label rules of `normalizeLabel`
 * apply (Arabic yeh/kaf as Persian, invisible marks dropped, case and runs of
 * space ignored); a zero-width non-joiner counts as a space, so "خیلی‌کم"
 * and "خیلی کم" are one key.
 * @example
 * termKey(" Very  LOW "); // "very low"
 * termKey("۳"); // "3"
 */
export function termKey(text: string): string {
  const spaced = text.replace(/\u200C/g, " ").replace(/[\u064B-\u065F\u0670]/g, "");
  const digits = spaced.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  return normalizeLabel(digits.replace(/[\u0622\u0623\u0625]/g, (c) => (c === "\u0622" ? c : "\u0627")));
}

/**
 * The number a survey matrix holds for each term of a scale, in scale order:
 * the term's code read as a number when every code is one (so "0" … "4" stay
 * 0 … 4 and a crisp rating keeps its meaning), else the term's position 0, 1, ….
 * The one rule both the survey reader and the fuzzy/grey stage use.
 * @example
 * termValues({ name: "s", terms: [{ term: "0" }, { term: "4" }] }); // [0, 4]
 * termValues({ name: "s", terms: [{ term: "VL" }, { term: "H" }] }); // [0, 1]
 */
export function termValues(scale: LinguisticScale): number[] {
  const codes = scale.terms.map((t) => (typeof t.term === "string" ? parseLocaleNumber(t.term) : undefined));
  return codes.every((c) => c !== undefined) ? (codes as number[]) : scale.terms.map((_, k) => k);
}

/** The limits of one term's number, checked: the number's key, a list of problems. */
function numberProblems(t: LinguisticTerm, k: number, kind: "fuzzy" | "grey"): ScaleProblem[] {
  const key = kind === "fuzzy" ? "tfn" : "grey";
  const at = `terms[${k}].${key}`;
  const shape = kind === "fuzzy" ? "[l, m, u] with 0 ≤ l ≤ m ≤ u" : "[lo, hi] with 0 ≤ lo ≤ hi";
  const v = (t as unknown as Record<string, unknown>)[key];
  const parts = kind === "fuzzy" ? 3 : 2;
  if (v === undefined) {
    const other = kind === "fuzzy" ? "grey" : "tfn";
    const hint = other in (t as object) ? ` (it has "${other}": this is a ${other === "grey" ? "grey" : "fuzzy"} scale?)` : "";
    return [{ at, message: `the term "${t.term}" needs ${kind === "fuzzy" ? "a triangular fuzzy number" : "a grey number"} ${key}${hint}`, expected: shape }];
  }
  if (!Array.isArray(v) || v.length !== parts || !v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0))
    return [{ at, message: `the term "${t.term}" needs ${parts} finite non-negative numbers`, expected: shape, found: JSON.stringify(v) }];
  for (let p = 1; p < parts; p++)
    if (v[p] < v[p - 1])
      return [
        {
          at,
          message: `the limits of the term "${t.term}" must be ordered (${kind === "fuzzy" ? "l ≤ m ≤ u" : "lo ≤ hi"})`,
          expected: shape,
          found: JSON.stringify(v),
        },
      ];
  return [];
}

/**
 * Every problem of a linguistic scale for a method (docs/methods.md §2.11), located inside it:
 * a missing name or terms list; a term without a non-empty code; a code, English label or
 * Persian label that names two terms (compared by {@link termKey}, so a survey cell can never
 * be read two ways); a fuzzy number that is not [l, m, u] with 0 ≤ l ≤ m ≤ u, or a grey number
 * that is not [lo, hi] with 0 ≤ lo ≤ hi (finite). Empty when the scale is sound.
 * @example
 * scaleProblems({ name: "s", terms: [{ term: "0", tfn: [0.5, 0.25, 1] }] }, "fuzzy")[0].at; // "terms[0].tfn"
 */
export function scaleProblems(scale: LinguisticScale, kind: "fuzzy" | "grey"): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (scale === null || typeof scale !== "object") return [{ at: "", message: "the scale is not an object", expected: '{ "name": "...", "terms": [...] }' }];
  if (typeof scale.name !== "string" || scale.name.trim() === "") problems.push({ at: "name", message: "the scale has no name", expected: "a non-empty text" });
  if (!Array.isArray(scale.terms) || scale.terms.length === 0) {
    const found = Array.isArray(scale.terms) ? "no terms" : JSON.stringify(scale.terms ?? null);
    problems.push({ at: "terms", message: "the scale has no terms", expected: "a list of terms", found });
    return problems;
  }
  const owner = new Map<string, number>();
  scale.terms.forEach((t, k) => {
    if (t === null || typeof t !== "object") {
      problems.push({ at: `terms[${k}]`, message: "a term must be an object", expected: '{ "term": "0", "label": "...", "tfn": [l, m, u] }' });
      return;
    }
    if (typeof t.term !== "string" || t.term.trim() === "")
      problems.push({ at: `terms[${k}].term`, message: "the term has no code", expected: 'a non-empty text such as "0"', found: JSON.stringify(t.term) });
    for (const field of ["term", "label", "label_fa"] as const) {
      const text = t[field];
      if (text === undefined || (field === "term" && typeof text !== "string")) continue;
      if (typeof text !== "string") {
        problems.push({ at: `terms[${k}].${field}`, message: `the ${field} must be a text`, found: JSON.stringify(text) });
        continue;
      }
      const key = termKey(text);
      const first = owner.get(key);
      if (first !== undefined && first !== k)
        problems.push({
          at: `terms[${k}].${field}`,
          message: `"${text}" also names terms[${first}], so a survey cell could not be read`,
          expected: "each code and label naming one term",
        });
      else owner.set(key, k);
    }
    problems.push(...numberProblems(t, k, kind));
  });
  return problems;
}
