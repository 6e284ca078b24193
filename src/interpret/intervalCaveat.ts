import { measuredCoverage, type CoverageRange } from "../uncertainty/measuredCoverage.js";

/**
 * What the bootstrap's percentile intervals are worth, in words, from the coverage study of docs/methods.md
 * §7.6 (generator §8.1, δ ∈ {0.1, 0.2, 0.5}, K ∈ {8, 14, 30}, R = 400, B = 2,000): printed next to the
 * intervals in the report and the `layers` text, so that a "95% interval" is never read as more than it is.
 * @param K the panel's number of experts (the smaller panel's figures are stated below 14).
 * @param studied whether the analysis used the settings the study ran (classic, mean, max, ε = 0); if not, no figures are claimed.
 * @example
 * intervalCaveat(14); // "Read these intervals as the spread over resampled panels; they do not contain the population value 95% of the time: …"
 */
export function intervalCaveat(K: number, studied = true): string {
  if (!studied)
    return (
      "Read these intervals as the spread over resampled panels: their coverage was measured only for classic DEMATEL with the mean, max normalisation and ε = 0 " +
      "(docs/methods.md §7.6), where the intervals on T's scale fell well short of 95%; for these settings it is not known."
    );
  const c = measuredCoverage(K).percentile;
  const pct = (r: CoverageRange): string => `${Math.round(100 * r[0])}–${Math.round(100 * r[1])}%`;
  const lower = Math.min(c.given[0], c.received[0], c.prominence[0]);
  const upper = Math.max(c.given[1], c.received[1], c.prominence[1]);
  const measured = `${K < 14 ? "with 8 experts" : "with 14 to 30 experts"} they covered the population value ${pct(c.relation)} of the time for relation D−R and ${pct([lower, upper])} for D, R and prominence`;
  return (
    `Read these intervals as the spread over resampled panels; they do not contain the population value 95% of the time: in simulation (docs/methods.md §7.6) ${measured}, ` +
    "because max normalisation ties T's scale to the largest row or column sum, which resampling inflates. " +
    "Signs and shares are more reliable than magnitudes: components with P(cause) ≥ 0.95 were true causes in 96–100% of simulated panels, " +
    "and the jackknife-t intervals of the shares of total influence (D/ΣD, (D−R)/ΣD) covered 94.5–95.8% for 8 to 30 experts."
  );
}
