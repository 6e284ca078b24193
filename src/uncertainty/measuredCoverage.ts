/** The range [lowest, highest] of a measured coverage over the settings of the study. */
export type CoverageRange = readonly [number, number];

/** What the coverage study measured for the intervals a panel of this size gets (docs/methods.md §7.6). */
export interface MeasuredCoverage {
  /** Where the figures come from. */
  source: string;
  /** The level the intervals are computed at. */
  nominal: number;
  /** The panel sizes the ranges are taken over: [8, 8] below 14 experts, [14, 30] from 14 on. */
  panelSizes: readonly [number, number];
  /** Percentile intervals (lower/upper of the bootstrap): the range of measured coverage over δ ∈ {0.1, 0.2, 0.5}. */
  percentile: { given: CoverageRange; received: CoverageRange; prominence: CoverageRange; relation: CoverageRange; trend: CoverageRange; flow: CoverageRange };
  /** Jackknife-t intervals (`jackknife`): the shares of total influence and S_flow, over every setting of the grid. */
  jackknife: { shares: CoverageRange; flow: CoverageRange };
}

const SOURCE =
  "docs/methods.md §7.6: generator §8.1 (c = 2, σ = 0.8, τ = 0.3, CXM model), δ ∈ {0.1, 0.2, 0.5} × K ∈ {8, 14, 30}, 400 panels per setting, B = 2,000";

/**
 * The coverage that the study of docs/methods.md §7.6 measured for the intervals a panel of K experts gets, written
 * into every bootstrap result (`coverage`) so that results.json states what each "95% interval" is worth: below 14
 * experts the figures of K = 8, from 14 on those of K = 14 and 30, each the range over the three layer effects δ.
 * The numbers are the study's tables, rounded to two decimals; `npm run coverage` reproduces them.
 * @example
 * measuredCoverage(14).percentile.relation; // [0.71, 0.91]
 */
export function measuredCoverage(K: number): MeasuredCoverage {
  const small = K < 14;
  return {
    source: SOURCE,
    nominal: 0.95,
    panelSizes: small ? [8, 8] : [14, 30],
    percentile: small
      ? { given: [0.12, 0.77], received: [0.12, 0.78], prominence: [0.12, 0.77], relation: [0.66, 0.82], trend: [0.39, 1], flow: [0.85, 0.9] }
      : { given: [0.25, 0.89], received: [0.24, 0.89], prominence: [0.24, 0.88], relation: [0.71, 0.91], trend: [0.76, 1], flow: [0.91, 0.94] },
    jackknife: { shares: [0.945, 0.958], flow: [0.94, 0.963] },
  };
}
