import type { Model } from "../types.js";
import { type ComponentMatcher, normalizeLabel } from "./componentMatcher.js";

/** Separators of a bilingual or annotated label: `A · B`, `A / B`, `A | B`, `A - B`. */
const PARTS = /\s+[·/|]\s+|\s+[-–—]\s+/;

/**
 * The one model component a piece of survey-tool text names (a question title such as "How strongly
 * does Customer-focused leadership (LEAD) influence …", or a grid row label such as
 * "Organisational culture (CUL) · فرهنگ سازمانی"), tried in this order: the whole text as a label
 * (id, English or Persian name, as `matcher` matches); each bracketed part `(…)`; each part of a
 * bilingual label split at ` · `, ` / `, ` | ` or ` - `; then every component whose English or
 * Persian name occurs in the text (after `normalizeLabel`, a name inside a longer matched name not
 * counted) or whose id occurs as a whole word in its own case. The first step that finds
 * components decides.
 * @returns the component's model index, −1 when the text names none, −2 when it names several.
 * @example
 * componentInText("How strongly does Organisational culture influence …", model, componentMatcher(model)); // 1
 */
export function componentInText(text: string, model: Model, matcher: ComponentMatcher): number {
  const whole = matcher.match(text);
  if (whole !== -1) return whole;
  const bracketed = [...text.matchAll(/[(（]([^()（）]+)[)）]/gu)].map((m) => matcher.match(m[1]));
  const fromBrackets = decide(bracketed);
  if (fromBrackets !== -1) return fromBrackets;
  const fromParts = decide(text.split(PARTS).map((p) => matcher.match(p)));
  if (fromParts !== -1) return fromParts;
  return decide(namesInText(text, model));
}

/** The one component among `found` (−1 and repeats ignored): its index, −1 for none, −2 for two or more or an ambiguous name. */
function decide(found: readonly number[]): number {
  const distinct = new Set(found.filter((c) => c !== -1));
  if (distinct.size === 0) return -1;
  return distinct.size === 1 ? (distinct.values().next().value as number) : -2;
}

/** Components whose name occurs in the text (not inside a longer name found) or whose id is a whole word of it. */
function namesInText(text: string, model: Model): number[] {
  const key = normalizeLabel(text);
  const spans: Array<{ start: number; end: number; c: number }> = [];
  model.components.forEach((comp, c) => {
    for (const name of [comp.name, comp.name_fa]) {
      if (typeof name !== "string") continue;
      const n = normalizeLabel(name);
      if (n.length < 3) continue;
      for (let at = key.indexOf(n); at >= 0; at = key.indexOf(n, at + 1)) spans.push({ start: at, end: at + n.length, c });
    }
  });
  const outer = spans.filter((s) => !spans.some((t) => t !== s && t.start <= s.start && t.end >= s.end && t.end - t.start > s.end - s.start));
  const found = outer.map((s) => s.c);
  model.components.forEach((comp, c) => {
    const id = comp.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (id !== "" && new RegExp(`(?<![\\p{L}\\p{N}_])${id}(?![\\p{L}\\p{N}_])`, "u").test(text)) found.push(c);
  });
  return found;
}
