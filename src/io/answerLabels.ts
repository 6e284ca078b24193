import type { LinguisticScale } from "./linguisticScaleRules.js";
import { termKey } from "./linguisticScaleRules.js";
import { termReader, type TermReader } from "./linguisticTerms.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";

/**
 * The default answer labels of a survey-tool export on the scale 0–4 (docs/methods.md §1.8):
 * the labels of the five-term scale the DEMATEL literature rates influence on (Li 1999; Lin &
 * Wu 2008, Table 1: no, very low, low, high, very high influence), in English and Persian, with
 * and without the word "influence" (تأثیر). Compared by `termKey` (any case, Persian digits,
 * Arabic letters, half-spaces).
 */
export const DEFAULT_ANSWER_LABELS: Readonly<Record<number, readonly string[]>> = Object.freeze({
  0: ["No influence", "No", "None", "بدون تأثیر", "بی تأثیر", "هیچ"],
  1: ["Very low influence", "Very low", "تأثیر خیلی کم", "خیلی کم", "بسیار کم"],
  2: ["Low influence", "Low", "تأثیر کم", "کم"],
  3: ["High influence", "High", "تأثیر زیاد", "زیاد"],
  4: ["Very high influence", "Very high", "تأثیر خیلی زیاد", "خیلی زیاد", "بسیار زیاد"],
});

/** Options of {@link answerReader}. */
export interface AnswerReaderOptions {
  /** Exact answer labels → scale values (a mapping file's `answers`); tried first. */
  answers?: Readonly<Record<string, number>>;
  /** A linguistic scale: its terms' codes and labels are the answers (and the values, `termValues`). */
  terms?: LinguisticScale;
}

/** A number written as the tool writes it: digits (Persian too), a decimal point or comma. */
const NUMBER = "[+-]?[0-9\\u06F0-\\u06F9\\u0660-\\u0669]+(?:[.,\\u066B][0-9\\u06F0-\\u06F9\\u0660-\\u0669]+)?";
/** `High (3)`, `زیاد (۳)`: a label with its number in brackets after it. */
const NUMBER_AFTER = new RegExp(`^(.*?)\\s*[(（[]\\s*(${NUMBER})\\s*[)）\\]]$`, "u");
/** `3 - High`, `3 = High`, `3: High`, `3. High`, `3) High`: a number before the label. */
const NUMBER_BEFORE = new RegExp(`^(${NUMBER})\\s*[-–—=:.)]\\s*(.+)$`, "u");
/** Most distinct answer texts whose reading is remembered (memory stays bounded on an export of random texts). */
const CACHE_SIZE = 4096;
/** Separators of a bilingual label, `High · زیاد`, `High / زیاد`, `High | زیاد`. */
const PARTS = /\s+[·/|]\s+|\s+[-–—]\s+/;

/**
 * The reader of a survey-tool export's answer cells (docs/methods.md §1.8), as a {@link TermReader}
 * for `createExpertRatings`: an answer is, in this order, (1) a label of `answers` (exact, by
 * `termKey`); (2) with a linguistic scale, one of its terms (code, English or Persian label); (3) a
 * number ("3", "۳", "3.0"), kept as given so that a number off the scale is reported as such;
 * (4) on the scale 0–4 without a linguistic scale, a label of {@link DEFAULT_ANSWER_LABELS}
 * ("High", "زیاد"); (5) a label with its number, `High (3)`, `3 - High` or a bilingual
 * `High · زیاد (3)`: the number, unless a known label beside it names another value (then the
 * answer is ambiguous and reads as nothing). Anything else reads as nothing, which the reader
 * reports as a located error. On other scales words are read only through `answers` or `terms`.
 * @example
 * const r = answerReader({ min: 0, max: 4 });
 * r.read("High (3)"); // 3
 * r.read("زیاد"); // 3
 * r.read("۳"); // 3
 * r.read("Low (3)"); // undefined: the label says 2, the number 3
 */
export function answerReader(scale: { min: number; max: number }, options: AnswerReaderOptions = {}): TermReader {
  const explicit = new Map<string, number>();
  for (const [label, value] of Object.entries(options.answers ?? {})) explicit.set(termKey(label), value);
  const terms = options.terms ? termReader(options.terms) : undefined;
  const defaults = new Map<string, number>();
  if (!terms && scale.min === 0 && scale.max === 4)
    for (const [value, labels] of Object.entries(DEFAULT_ANSWER_LABELS)) for (const l of labels) defaults.set(termKey(l), Number(value));
  const label = (text: string): number | undefined => explicit.get(termKey(text)) ?? terms?.read(text) ?? defaults.get(termKey(text));
  const number = (text: string): number | undefined => (terms ? terms.read(text) : parseLocaleNumber(text));
  const range = terms?.range ?? { min: scale.min, max: scale.max };
  const words = [...explicit.keys()].slice(0, 8).map((k) => `"${k}"`);
  const list = terms
    ? terms.list
    : `a number from ${scale.min} to ${scale.max}${defaults.size > 0 ? ', a label such as "High", "زیاد" or "High (3)"' : ""}${words.length ? ` or one of ${words.join(", ")}` : ""}`;
  // An export repeats a handful of answer texts thousands of times: each distinct text is read once (at most CACHE_SIZE kept).
  const cache = new Map<string, number | undefined>();
  const read = (raw: string): number | undefined => {
    if (cache.has(raw)) return cache.get(raw);
    const text = raw.trim();
    const value = label(text) ?? (terms ? undefined : parseLocaleNumber(text)) ?? numberWithLabel(text, label, number);
    if (cache.size < CACHE_SIZE) cache.set(raw, value);
    return value;
  };
  return { read, list, range };
}

/**
 * An answer that gives its number beside a label, `High (3)`, `3 - High`, `High · زیاد (3)`: the number,
 * unless a label beside it (`label`) names another value; undefined when the text is not of that form.
 */
function numberWithLabel(text: string, label: (t: string) => number | undefined, number: (t: string) => number | undefined): number | undefined {
  const after = NUMBER_AFTER.exec(text);
  const before = after ? undefined : NUMBER_BEFORE.exec(text);
  if (!after && !before) return undefined;
  const n = number(after ? after[2] : (before as RegExpExecArray)[1]);
  if (n === undefined) return undefined;
  const rest = after ? after[1] : (before as RegExpExecArray)[2];
  const parts = rest === "" ? [] : [rest, ...rest.split(PARTS)];
  return parts.every((p) => {
    const v = label(p);
    return v === undefined || v === n;
  })
    ? n
    : undefined;
}
