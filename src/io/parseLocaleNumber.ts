/** Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits. */
const EASTERN_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;
/** Bidirectional marks, zero-width characters and the BOM that editors slip into right-to-left text. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
/** A plain decimal number after normalisation. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Read a number the way people type it in a survey: surrounding spaces and
 * invisible bidirectional marks are ignored; Persian `۰–۹` and Arabic-Indic
 * `٠–٩` digits count as `0–9`; the decimal separator may be `.`, the Arabic
 * decimal separator `٫` (U+066B) or a single decimal comma (`3,5` = 3.5, when
 * the text has no `.`); `−` (U+2212) is a minus sign; exponents are allowed
 * (`2.5e-1`). Anything else — empty text, thousands separators, words, `NaN`,
 * `Infinity`, hexadecimal, a fraction such as `3/5` — gives `undefined`, so
 * the caller can report it; a value too large for a double also gives
 * `undefined`.
 * Source: Unicode Standard, Arabic block (U+0660–U+066C, U+06F0–U+06F9).
 * @example
 * parseLocaleNumber(" ۳٫۵ "); // 3.5
 * parseLocaleNumber("3,5"); // 3.5
 * parseLocaleNumber("high"); // undefined
 */
export function parseLocaleNumber(text: string): number | undefined {
  if (isPlainDigits(text)) return plainDigitsValue(text);
  let s = text.replace(INVISIBLES, "").trim();
  s = s
    .replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/\u066B/g, ".")
    .replace(/\u2212/g, "-");
  if (!s.includes(".") && s.indexOf(",") !== -1 && s.indexOf(",") === s.lastIndexOf(",")) s = s.replace(",", ".");
  if (!DECIMAL.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

/** True when `text` is 1–15 ASCII digits: the common rating cell, which every rule above leaves as it is. */
function isPlainDigits(text: string): boolean {
  const len = text.length;
  if (len === 0 || len > 15) return false;
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The value of 1–15 ASCII digits, exact (below 2^53), the same double as `Number(text)`. */
function plainDigitsValue(text: string): number {
  let x = 0;
  for (let k = 0; k < text.length; k++) x = x * 10 + (text.charCodeAt(k) - 48);
  return x;
}
