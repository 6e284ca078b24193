import { DEFAULT_ANSWER_LABELS } from "./answerLabels.js";
import type { LinguisticScale } from "./linguisticScaleRules.js";
import { termValues } from "./linguisticScaleRules.js";

/** One row of a workbook template's `Scale` sheet: what an expert enters, what it means, the value it is read as. */
export interface WorkbookScaleRow {
  /** What the cell holds: a number, or a linguistic term's code. */
  entry: number | string;
  label: string;
  label_fa: string;
  /** The survey value (`termValues` for a linguistic term; the number itself otherwise). */
  value: number;
  /** A linguistic term's fuzzy or grey number, as text: `(0.5, 0.75, 1)` or `[0.5, 0.75]`. */
  number?: string;
}

/** The data validation of every rating cell (ExcelJS's shape, written as `<dataValidation>`, never as a cell formula). */
export interface WorkbookValidation {
  type: "whole" | "decimal" | "list";
  operator?: "between";
  allowBlank: true;
  formulae: Array<number | string>;
  showErrorMessage: true;
  errorTitle: string;
  error: string;
}

/** A workbook template's rating scale: the `Scale` sheet's rows, the rating cells' validation and how the instructions name it. */
export interface WorkbookScale {
  rows: WorkbookScaleRow[];
  validation: WorkbookValidation;
  /** The instructions' phrase for an entry, in English and Persian: `a whole number from 0 to 4`. */
  entry: string;
  entry_fa: string;
  /** A line under the scale's rows (`Any whole number from 0 to 100.`), or undefined. */
  footnote?: string;
}

/** Most whole-number points listed one row each on the Scale sheet (a longer scale lists its ends only). */
const MAX_LISTED_POINTS = 21;
/** Excel's limit on an inline list validation (`"a,b,c"`), in characters. */
const MAX_INLINE_LIST = 255;

/** Labels of a numeric scale's point `v`: the five-term labels on 0–4, else the ends' "no" and "very high influence". */
function pointLabels(v: number, min: number, max: number): [string, string] {
  const words = min === 0 && max === 4 && Number.isInteger(v) ? DEFAULT_ANSWER_LABELS[v] : undefined;
  if (words) return [words[0], words.find((w) => /[\u0600-\u06FF]/.test(w)) ?? ""];
  if (v === min) return ["No influence", "بدون تأثیر"];
  if (v === max) return ["Very high influence", "تأثیر خیلی زیاد"];
  return ["", ""];
}

/** A numeric scale: whole numbers listed point by point (ends only when long), or a continuous range by its ends. */
function numericScale(scale: { min: number; max: number }, whole: boolean): WorkbookScale {
  const { min, max } = scale;
  const listed = whole && max - min + 1 <= MAX_LISTED_POINTS;
  const points = listed ? Array.from({ length: max - min + 1 }, (_, k) => min + k) : [min, max];
  const rows = points.map((v) => {
    const [label, label_fa] = pointLabels(v, min, max);
    return { entry: v, label, label_fa, value: v };
  });
  const entry = `${whole ? "a whole number" : "a number"} from ${min} to ${max}`;
  const entry_fa = `${whole ? "عددی صحیح" : "عددی"} از ${min} تا ${max}`;
  return {
    rows,
    entry,
    entry_fa,
    ...(listed ? {} : { footnote: `Any ${whole ? "whole " : ""}number from ${min} to ${max} · ${entry_fa}` }),
    validation: {
      type: whole ? "whole" : "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [min, max],
      showErrorMessage: true,
      errorTitle: "Rating · امتیاز",
      error: `${entry[0].toUpperCase()}${entry.slice(1)} · ${entry_fa}`,
    },
  };
}

/** A linguistic scale: one row per term; the cells take a term's code from a list (inline when short and plain, else the Scale sheet's codes). */
function linguisticScale(terms: LinguisticScale, scaleSheet: string): WorkbookScale {
  const values = termValues(terms);
  const rows = terms.terms.map((t, k) => ({
    entry: t.term,
    label: t.label ?? "",
    label_fa: t.label_fa ?? "",
    value: values[k],
    ...(t.tfn ? { number: `(${t.tfn.join(", ")})` } : t.grey ? { number: `[${t.grey.join(", ")}]` } : {}),
  }));
  const codes = terms.terms.map((t) => t.term);
  const inline = codes.join(",");
  const plain = codes.every((c) => !/[,"]/.test(c)) && inline.length + 2 <= MAX_INLINE_LIST;
  const list = plain ? `"${inline}"` : `'${scaleSheet.replace(/'/g, "''")}'!$A$2:$A$${codes.length + 1}`;
  const shown = codes.join(", ");
  return {
    rows,
    entry: `the code of a term of the Scale sheet (${shown})`,
    entry_fa: `کد یکی از گزینه‌های برگهٔ مقیاس (${shown})`,
    validation: {
      type: "list",
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorTitle: "Rating · امتیاز",
      error: `A code of the Scale sheet: ${shown} · کد یکی از گزینه‌های برگهٔ مقیاس`,
    },
  };
}

/**
 * The rating scale of a workbook template (docs/methods.md §1.7): the rows of its `Scale` sheet (each
 * entry with its English and Persian label and the value it is read as) and the data validation of
 * every rating cell. A numeric scale whose ends are integers takes **whole numbers** by default (the
 * DEMATEL scales are sets of points, 0–4 or 1–7; `whole: false` allows any number between); its points
 * are listed one row each (at most 21, else its ends), labelled by the five-term labels on 0–4
 * (`DEFAULT_ANSWER_LABELS`) and otherwise at the ends only (no / very high influence). A linguistic
 * scale (docs/methods.md §2.11) lists its terms with their fuzzy or grey numbers, and the cells take a
 * term's code from a drop-down list.
 * @throws {RangeError} when the scale is not finite min < max, or `whole` is asked of non-integer ends.
 * @example
 * workbookScale({ min: 0, max: 4 }).validation; // { type: "whole", operator: "between", formulae: [0, 4], … }
 * workbookScale({ min: 0, max: 4 }).rows[3]; // { entry: 3, label: "High influence", label_fa: "تأثیر زیاد", value: 3 }
 */
export function workbookScale(
  scale: { min: number; max: number },
  options: { whole?: boolean; terms?: LinguisticScale; scaleSheet?: string } = {},
): WorkbookScale {
  if (options.terms) return linguisticScale(options.terms, options.scaleSheet ?? "Scale");
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max))
    throw new RangeError(`workbookScale: scale must have finite min < max, got ${scale.min}..${scale.max}`);
  const integerEnds = Number.isInteger(scale.min) && Number.isInteger(scale.max);
  if (options.whole === true && !integerEnds) throw new RangeError(`workbookScale: whole numbers need integer scale ends, got ${scale.min}..${scale.max}`);
  return numericScale(scale, options.whole ?? integerEnds);
}
