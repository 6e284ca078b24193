/** What a Krippendorff's alpha allows, by Krippendorff's (2004) conventional thresholds. */
export type AlphaReading = "reliable" | "tentative" | "unreliable" | "undefined";

/**
 * Krippendorff's conventional reading of an alpha (docs/methods.md §3.2;
 * Krippendorff 2004, Content Analysis, 2nd ed., §12.4, p. 241): α ≥ 0.800
 * "reliable" (conclusions may rest on the ratings), 0.667 ≤ α < 0.800
 * "tentative" (only tentative conclusions), α < 0.667 "unreliable" (the
 * ratings should not be relied on), NaN "undefined". The thresholds are
 * conventions, not a test: Krippendorff asks for the level to be chosen by
 * the cost of a wrong conclusion.
 * @example
 * alphaReading(0.7); // "tentative"
 */
export function alphaReading(alpha: number): AlphaReading {
  if (Number.isNaN(alpha)) return "undefined";
  return alpha >= 0.8 ? "reliable" : alpha >= 0.667 ? "tentative" : "unreliable";
}
