import { studentTQuantile } from "../stats/studentT.js";

/** A jackknife-t interval (docs/methods.md §7.6): the estimate, the interval, and its bias-corrected centre. */
export interface JackknifeInterval {
  estimate: number;
  lower: number;
  upper: number;
  /** The jackknife's bias-corrected estimate K·θ̂ − (K − 1)·mean(θ₍k₎), the interval's centre. */
  centre: number;
}

/**
 * The jackknife-t interval of a statistic (Efron & Tibshirani 1993, ch. 11): with the K leave-one-expert-out values
 * θ₍k₎, mean θ̄₍·₎, se = √((K − 1)/K · Σ(θ₍k₎ − θ̄₍·₎)²), centre = K·θ̂ − (K − 1)·θ̄₍·₎, the interval is
 * centre ∓ t_{K−1, (1+level)/2}·se. Used for the shares of total influence and for S_flow, where the coverage study
 * (docs/methods.md §7.6) measured 94–96% for every K from 8 to 30. NaN bounds when a value is not finite.
 * @param values the K jackknife values, `stride` apart from `offset` in a flat array (jackknifeExperts' layout).
 * @example
 * jackknifeT(0.12, [0.11, 0.13, 0.12, 0.125], 0.95); // { estimate: 0.12, centre: …, lower: …, upper: … }
 */
export function jackknifeT(estimate: number, values: ArrayLike<number>, level = 0.95): JackknifeInterval {
  const K = values.length;
  let mean = 0;
  for (let k = 0; k < K; k++) mean += values[k];
  mean /= K;
  let ss = 0;
  for (let k = 0; k < K; k++) ss += (values[k] - mean) ** 2;
  const se = Math.sqrt(((K - 1) / K) * ss);
  const centre = K * estimate - (K - 1) * mean;
  const t = K > 1 ? studentTQuantile((1 + level) / 2, K - 1) : NaN;
  return { estimate, lower: centre - t * se, upper: centre + t * se, centre };
}
