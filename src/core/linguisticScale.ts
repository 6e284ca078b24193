import type { Matrix } from "../types.js";
import type { FuzzyMatrix, TriangularFuzzyNumber } from "./fuzzyDematel.js";
import type { GreyMatrix, GreyNumber } from "./greyDematel.js";
import { scaleProblems, termValues, type LinguisticScale, type LinguisticTerm } from "../io/linguisticScaleRules.js";

// The scale's shape and its checks live with the survey reader (io), which reads a scale file and a survey's terms by them.
export type { LinguisticScale, LinguisticTerm };

/**
 * The five-term fuzzy scale most cited for fuzzy DEMATEL (docs/methods.md §2.11): No (0, 0, 0.25),
 * Very low (0, 0.25, 0.5), Low (0.25, 0.5, 0.75), High (0.5, 0.75, 1), Very high (0.75, 1, 1), coded 0–4.
 * Source: Li (1999), as used for fuzzy DEMATEL by Lin & Wu (2008), Table 1.
 */
export const FUZZY_FIVE_TERM_SCALE: LinguisticScale = Object.freeze({
  name: "five-term fuzzy scale (Li 1999; Lin & Wu 2008)",
  terms: Object.freeze([
    Object.freeze({ term: "0", label: "No influence", label_fa: "بدون تأثیر", tfn: Object.freeze([0, 0, 0.25] as const) }),
    Object.freeze({ term: "1", label: "Very low influence", label_fa: "تأثیر خیلی کم", tfn: Object.freeze([0, 0.25, 0.5] as const) }),
    Object.freeze({ term: "2", label: "Low influence", label_fa: "تأثیر کم", tfn: Object.freeze([0.25, 0.5, 0.75] as const) }),
    Object.freeze({ term: "3", label: "High influence", label_fa: "تأثیر زیاد", tfn: Object.freeze([0.5, 0.75, 1] as const) }),
    Object.freeze({ term: "4", label: "Very high influence", label_fa: "تأثیر خیلی زیاد", tfn: Object.freeze([0.75, 1, 1] as const) }),
  ]),
});

/**
 * The five-term grey scale of the grey-DEMATEL literature (docs/methods.md §2.11): No influence [0, 0],
 * Very low [0, 0.25], Low [0.25, 0.5], High [0.5, 0.75], Very high [0.75, 1], coded 0–4.
 * Source: Xia, Govindan & Zhu (2015).
 */
export const GREY_FIVE_TERM_SCALE: LinguisticScale = Object.freeze({
  name: "five-term grey scale (Xia, Govindan & Zhu 2015)",
  terms: Object.freeze([
    Object.freeze({ term: "0", label: "No influence", label_fa: "بدون تأثیر", grey: Object.freeze([0, 0] as const) }),
    Object.freeze({ term: "1", label: "Very low influence", label_fa: "تأثیر خیلی کم", grey: Object.freeze([0, 0.25] as const) }),
    Object.freeze({ term: "2", label: "Low influence", label_fa: "تأثیر کم", grey: Object.freeze([0.25, 0.5] as const) }),
    Object.freeze({ term: "3", label: "High influence", label_fa: "تأثیر زیاد", grey: Object.freeze([0.5, 0.75] as const) }),
    Object.freeze({ term: "4", label: "Very high influence", label_fa: "تأثیر خیلی زیاد", grey: Object.freeze([0.75, 1] as const) }),
  ]),
});

/**
 * Check a linguistic scale for a method (the rules of `scaleProblems`, docs/methods.md §2.11): at least two terms,
 * each code and label naming one term, each term with a fuzzy number (l ≤ m ≤ u, finite, non-negative) or a grey
 * number (lo ≤ hi) as the method needs.
 * @throws {RangeError} naming the scale, where in it and what is wrong (the first problem).
 */
export function checkScale(scale: LinguisticScale, kind: "fuzzy" | "grey"): void {
  const problems = scaleProblems(scale, kind);
  if (problems.length === 0) return;
  const p = problems[0];
  const name = typeof scale?.name === "string" && scale.name !== "" ? scale.name : "the scale";
  throw new RangeError(`${name}: ${p.message}${p.found !== undefined ? `, got ${p.found}` : ""}${p.at ? ` (at ${p.at})` : ""}`);
}

function lookup<T>(matrix: Matrix, scale: LinguisticScale, pick: (t: LinguisticTerm) => T | undefined, zero: T, expert: number): T[][] {
  const byCode = new Map<number, T>();
  const values = termValues(scale);
  scale.terms.forEach((t, k) => {
    const v = pick(t);
    if (v !== undefined) byCode.set(values[k], v);
  });
  return matrix.map((row, i) =>
    row.map((x, j) => {
      if (i === j) return zero;
      const v = byCode.get(x);
      if (v === undefined)
        throw new RangeError(
          `expert ${expert + 1}, cell (${i + 1}, ${j + 1}): the rating ${x} is no term of ${scale.name}, whose terms are ${scale.terms.map((t) => t.term).join(", ")}`,
        );
      return v;
    }),
  );
}

/**
 * A crisp survey matrix of term codes as triangular fuzzy numbers, by the scale (docs/methods.md §2.11); the diagonal is (0, 0, 0).
 * @throws {RangeError} naming the expert and cell of a rating that is no term of the scale.
 */
export function fuzzyMatrixOf(matrix: Matrix, scale: LinguisticScale, expert = 0): FuzzyMatrix {
  return lookup<TriangularFuzzyNumber>(matrix, scale, (t) => t.tfn, [0, 0, 0], expert);
}

/**
 * A crisp survey matrix of term codes as interval grey numbers, by the scale (docs/methods.md §2.11); the diagonal is [0, 0].
 * @throws {RangeError} naming the expert and cell of a rating that is no term of the scale.
 */
export function greyMatrixOf(matrix: Matrix, scale: LinguisticScale, expert = 0): GreyMatrix {
  return lookup<GreyNumber>(matrix, scale, (t) => t.grey, [0, 0], expert);
}
