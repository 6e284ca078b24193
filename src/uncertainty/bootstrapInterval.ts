import { quantileSelect } from "../stats/quantileSelect.js";
import { bcaLevels } from "../stats/bcaLevels.js";
import type { Replicates } from "./resampleExperts.js";

/** A point estimate from the full panel with its bootstrap interval. */
export interface Interval {
  /** The value on the full panel (what `dematel()` and the layer statistics give). */
  estimate: number;
  /** Percentile interval: type-7 quantiles at (1 − level)/2 and (1 + level)/2 of the replicates. */
  lower: number;
  upper: number;
  /** BCa interval (Efron 1987) where it is stable, else null (always null for S_trend; see `bootstrapExperts`). */
  bca: { lower: number; upper: number } | null;
}

/** Builds the intervals of one bootstrap run; see {@link createIntervals}. */
export interface IntervalBuilder {
  /**
   * The interval of statistic column `s` (sign 0), or of column s plus sign × column s + n
   * (prominence D + R: sign +1; relation D − R: sign −1), around the full-panel `estimate`.
   * `bca: false` leaves the BCa interval out.
   */
  interval(s: number, estimate: number, sign?: number, bca?: boolean): Interval;
}

/**
 * Percentile and BCa intervals from stored replicates (docs/methods.md §7.2–7.3):
 * each statistic's column is copied out and its quantiles found by selection
 * (quickselect, type 7), which reorders the copy. BCa: bias correction
 * z₀ = Φ⁻¹((#{θ* < θ̂} + ½#{θ* = θ̂}) / used), acceleration from the jackknife
 * rows; null when there is no jackknife or {@link bcaLevels} finds the levels unstable.
 */
export function createIntervals(reps: Replicates, jack: Float64Array | null, K: number, n: number, level: number): IntervalBuilder {
  const { stats, width: S, used } = reps;
  const values = new Float64Array(used);
  const jackColumn = new Float64Array(K);
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  return {
    interval(s: number, estimate: number, sign = 0, bca = true): Interval {
      const t = s + n;
      let below = 0;
      let equal = 0;
      for (let r = 0; r < used; r++) {
        const v = sign === 0 ? stats[r * S + s] : stats[r * S + s] + sign * stats[r * S + t];
        values[r] = v;
        if (v < estimate) below++;
        else if (v === estimate) equal++;
      }
      const out: Interval = { estimate, lower: quantileSelect(values, 0, used, lowP), upper: quantileSelect(values, 0, used, highP), bca: null };
      if (jack && bca) {
        for (let k = 0; k < K; k++) jackColumn[k] = sign === 0 ? jack[k * S + s] : jack[k * S + s] + sign * jack[k * S + t];
        const levels = bcaLevels(below, equal, used, jackColumn, lowP, highP);
        if (levels) out.bca = { lower: quantileSelect(values, 0, used, levels[0]), upper: quantileSelect(values, 0, used, levels[1]) };
      }
      return out;
    },
  };
}
