// The types of a threshold rule and its result, shared by threshold.ts and mmde.ts (so neither imports the other for them).

/** Threshold rules for the impact-relation map. */
export type ThresholdMethod = "mean" | "mean+sd" | "quantile" | "fixed" | "mmde";

/** Options of {@link threshold}. Defaults are those of docs/methods.md §2.5. */
export interface ThresholdOptions {
  /** Rule (default `"mean"`). */
  method?: ThresholdMethod;
  /** Which entries of T enter the mean, sd and quantile: all n² (default) or the n(n−1) off-diagonal ones. */
  entries?: "all" | "offDiagonal";
  /** `"mean+sd"`: the multiple k of the sd (default 1). */
  k?: number;
  /** `"mean+sd"`: population sd (÷N, default) or sample sd (÷(N−1)). */
  sd?: "population" | "sample";
  /** `"quantile"`: the probability q in [0, 1] (default 0.75), interpolated linearly (R type 7, Excel PERCENTILE.INC). */
  q?: number;
  /** `"fixed"`: the threshold value itself. */
  value?: number;
}

/** A threshold and how it was chosen. */
export interface Threshold {
  method: ThresholdMethod;
  value: number;
  /** The settings that produced it (entries, k, sd, q), for reports. */
  settings: Record<string, string | number>;
  /** MMDE only: the prefix lengths and mean de-entropies it chose from. */
  detail?: Record<string, unknown>;
}
