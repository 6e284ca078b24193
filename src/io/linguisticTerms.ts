import type { LinguisticScale } from "./linguisticScaleRules.js";
import { termKey, termValues } from "./linguisticScaleRules.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";

/** How a survey's rating cells are read on a linguistic scale (docs/methods.md §1.2, §2.11). */
export interface TermReader {
  /** The survey value of a cell (see `termValues`), or undefined when the cell names no term. */
  read(raw: string): number | undefined;
  /** The terms as a message lists them: `0 "No influence" "بدون تأثیر", 1 …`. */
  readonly list: string;
  /** The smallest and largest survey value of the scale. */
  readonly range: { min: number; max: number };
}

/**
 * The reader of rating cells on a linguistic scale: a cell may hold a term's
 * code, its English label or its Persian label, compared by `termKey` (any
 * case, Persian or Arabic-Indic digits, Arabic or Persian letters, with or
 * without half-spaces); when the codes are numbers, a cell that reads as the
 * same number (`3.0`, `۳`) is that term too. The scale must be sound
 * (`scaleProblems` empty), so no key names two terms. Shared by the CSV and the
 * workbook readers through `createExpertRatings`.
 * @example
 * const r = termReader(scale); // the built-in fuzzy scale
 * r.read("تأثیر زیاد"); // 3
 * r.read("very HIGH influence"); // 4
 */
export function termReader(scale: LinguisticScale): TermReader {
  const values = termValues(scale);
  const byKey = new Map<string, number>();
  const numericCodes = scale.terms.every((t) => parseLocaleNumber(t.term) !== undefined);
  scale.terms.forEach((t, k) => {
    for (const text of [t.term, t.label, t.label_fa]) if (typeof text === "string" && text.trim() !== "") byKey.set(termKey(text), values[k]);
  });
  const list = scale.terms
    .map((t) =>
      [t.term, t.label, t.label_fa]
        .filter((x, p) => x !== undefined && (p === 0 || x !== ""))
        .map((x, p) => (p === 0 ? x : `"${x}"`))
        .join(" "),
    )
    .join(", ");
  return {
    read(raw: string): number | undefined {
      const hit = byKey.get(termKey(raw));
      if (hit !== undefined) return hit;
      if (!numericCodes) return undefined;
      const x = parseLocaleNumber(raw);
      return x !== undefined && values.includes(x) ? x : undefined;
    },
    list,
    range: { min: Math.min(...values), max: Math.max(...values) },
  };
}
