import type { Model } from "../types.js";
import { closestMatch } from "./closestMatch.js";
import { unguardCsvCell } from "./surveyCsvCell.js";

/** How a survey label was matched to a model component. */
export interface ComponentMatcher {
  /** Model component index of `label`, `-1` when it names no component, `-2` when it names more than one. */
  match(label: string): number;
  /** A "did you mean …" phrase for an unknown label (`did you mean "GOV"?`), or `""`. */
  suggest(label: string): string;
}

/**
 * Normalise a component label for matching: Unicode NFC, zero-width
 * non-joiner and tatweel removed, Arabic yeh/kaf read as Persian yeh/kaf,
 * bidirectional marks removed, runs of white space as one space, trimmed,
 * lower case. So `"CUL"`, `" cul "`, and a Persian name typed with Arabic
 * letters or with/without half-spaces all match.
 * @example
 * normalizeLabel("  Customer-centric   Culture "); // "customer-centric culture"
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize("NFC")
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u0640]/g, "")
    .replace(/\u064A|\u0649/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Build the matcher that maps survey labels to model components: by id
 * (case-insensitive) first, then by English name or Persian name (`name_fa`),
 * both compared after {@link normalizeLabel}; a label that the CSV writers
 * protected with a leading apostrophe (`'=A1`, `'+B`: see {@link unguardCsvCell}) is read
 * as the label behind it. A name shared by two components
 * matches neither (`-2`), so the user must use the id. Suggestions for unknown
 * labels use {@link closestMatch} over ids, names and Persian names.
 * @example
 * const m = componentMatcher(defaultModel());
 * m.match("gov"); // 2
 * m.suggest("GOVV"); // 'did you mean "GOV"?'
 */
export function componentMatcher(model: Model): ComponentMatcher {
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const candidates: string[] = [];
  const idOf = new Map<string, string>();
  model.components.forEach((c, i) => {
    byId.set(normalizeLabel(c.id), i);
    candidates.push(c.id);
    idOf.set(c.id, c.id);
    for (const name of [c.name, c.name_fa]) {
      if (typeof name !== "string" || name.trim() === "") continue;
      const key = normalizeLabel(name);
      const had = byName.get(key);
      byName.set(key, had === undefined || had === i ? i : -2);
      candidates.push(name);
      idOf.set(name, c.id);
    }
  });
  const normalizedCandidates = candidates.map(normalizeLabel);
  // Survey files repeat the same few labels thousands of times: remember each answer.
  const seen = new Map<string, number>();
  return {
    match(label: string): number {
      let found = seen.get(label);
      if (found === undefined) {
        const key = normalizeLabel(label);
        found = byId.get(key) ?? byName.get(key) ?? -1;
        // Our own CSV writers (templates, result tables) neutralise a label that looks like a spreadsheet
        // formula with a leading apostrophe ('=A1); read it back as the label it protects.
        const bare = found === -1 ? unguardCsvCell(label.trim()) : undefined;
        if (bare !== undefined && bare !== label.trim()) {
          const bareKey = normalizeLabel(bare);
          found = byId.get(bareKey) ?? byName.get(bareKey) ?? -1;
        }
        if (seen.size < 10_000) seen.set(label, found);
      }
      return found;
    },
    suggest(label: string): string {
      const best = closestMatch(normalizeLabel(label), normalizedCandidates);
      if (best === undefined) return "";
      const original = candidates[normalizedCandidates.indexOf(best)];
      const id = idOf.get(original) as string;
      return original === id ? `did you mean "${id}"?` : `did you mean "${original}" (${id})?`;
    },
  };
}
