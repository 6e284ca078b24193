/**
 * Internal: the statistics that compare two groups' DEMATEL results (docs/methods.md §12.2), written
 * into one row of numbers so the permutation loop can store a row per relabelling without allocating.
 *
 *   column        statistic
 *   0             ‖T₁ − T₂‖_F, the Frobenius distance between the total-relation matrices
 *   1             ‖r₁ − r₂‖₂, the Euclidean distance between the relation vectors D − R
 *   2             |S_trend,1 − S_trend,2| (NaN without two layers or when a trend is undefined)
 *   3 … 3+n−1     r₁ᵢ − r₂ᵢ, each component's difference in relation D − R
 *   3+n … 3+2n−1  p₁ᵢ − p₂ᵢ, each component's difference in prominence D + R
 *
 * Every one is a distance or a signed difference whose absolute value is tested, so swapping the
 * two groups leaves every test statistic unchanged (the symmetry behind halving, §12.3).
 */
import type { GroupDematel } from "./groupDematel.js";

/** The overall statistics, in their columns' order. */
export const OVERALL_STATISTICS = ["frobenius-T", "relation-distance", "trend-difference"] as const;

/** The name of an overall statistic. */
export type OverallStatistic = (typeof OVERALL_STATISTICS)[number];

/** The number of columns of a contrast row for n components: 3 overall, then n relation and n prominence differences. */
export function contrastWidth(n: number): number {
  return OVERALL_STATISTICS.length + 2 * n;
}

/**
 * Write the contrast of groups `a` and `b` (both after a successful `run`) into `out` at `offset`.
 * @example
 * contrastInto(first, second, row, 0); row[0]; // ‖T₁ − T₂‖_F
 */
export function contrastInto(a: GroupDematel, b: GroupDematel, out: Float64Array, offset: number): void {
  const n = a.n;
  let frob = 0;
  for (let k = 0; k < n * n; k++) {
    const d = a.total[k] - b.total[k];
    frob += d * d;
  }
  let rel = 0;
  const o = offset + OVERALL_STATISTICS.length;
  for (let i = 0; i < n; i++) {
    const d = a.relation[i] - b.relation[i];
    rel += d * d;
    out[o + i] = d;
    out[o + n + i] = a.prominence[i] - b.prominence[i];
  }
  out[offset] = Math.sqrt(frob);
  out[offset + 1] = Math.sqrt(rel);
  out[offset + 2] = Math.abs(a.trend - b.trend);
}
