import type { DematelResult } from "../core/dematel.js";
import { lambdaLineName, lambdaSource } from "../core/lambdaSource.js";
import { toFlat } from "../linalg/linalg.js";
import type { BootstrapResult } from "../uncertainty/bootstrapExperts.js";

/**
 * When the conditioning warning is given (docs/methods.md §2.13): ρ(N) at or above `spectralRadius`, or λ coming
 * from another row or column than the panel's in at least `lambdaElsewhere` of the bootstrap replicates. Chosen by
 * the seeded simulation of scripts/conditioning-threshold.mjs (numbers in §2.13).
 */
export const CONDITIONING_THRESHOLDS: Readonly<{ spectralRadius: number; lambdaElsewhere: number }> = Object.freeze({
  spectralRadius: 0.8,
  lambdaElsewhere: 0.7,
});

/** How stable T's magnitudes are under the normalisation (see {@link conditioning}); in results.json as `conditioning`. */
export interface Conditioning {
  /** ρ(N), the spectral radius of the normalised direct matrix (as `spectralRadius` at the top of the results). */
  spectralRadius: number;
  /** 1/(1 − ρ(N)): about how many percent the sum of T changes when λ changes by 1%. */
  amplification: number;
  /** The row or column of A whose sum gives λ ("row LEAD"). */
  lambdaSource: string;
  /** Share of bootstrap replicates whose λ comes from another row or column; null without a bootstrap. */
  lambdaElsewhere: number | null;
  thresholds: { spectralRadius: number; lambdaElsewhere: number };
  /** True when either threshold is reached: `warning` then says what it means. */
  unstable: boolean;
  /** The warning in words (also in `meta.warnings`, on stderr and in the report); absent when stable. */
  warning?: string;
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/**
 * The conditioning of an analysis (docs/methods.md §2.13): ρ(N), the amplification 1/(1 − ρ(N)) by which a
 * relative change of λ reaches the sum of T (T = Σ_k N^k, and d ln ΣT / d ln λ = −1/(1 − ρ) for the Perron part),
 * the row or column that gives λ and, with a bootstrap, how often a resampled panel's λ comes from another one;
 * and, when ρ(N) ≥ 0.8 or that share ≥ 0.7 ({@link CONDITIONING_THRESHOLDS}), a warning saying which numbers
 * depend strongly on the normalisation (the magnitudes of T, D, R, D+R, D−R) and which conclusions are safer
 * (signs and ranks of D−R, the layer tests' p-values).
 * @example
 * conditioning(dematel([[0, 3], [1, 0]])).amplification; // 1/(1 − √(1/3)) ≈ 2.37
 */
export function conditioning(baseline: DematelResult, bootstrap?: Pick<BootstrapResult, "lambdaSource">): Conditioning {
  const rho = baseline.spectralRadius;
  const line =
    bootstrap?.lambdaSource.line ??
    lambdaLineName(lambdaSource(toFlat(baseline.direct), baseline.components.length, baseline.normalization), baseline.components);
  const elsewhere = bootstrap ? bootstrap.lambdaSource.elsewhere : null;
  const t = CONDITIONING_THRESHOLDS;
  const highRho = rho >= t.spectralRadius;
  const moving = elsewhere !== null && elsewhere >= t.lambdaElsewhere;
  const result: Conditioning = {
    spectralRadius: rho,
    amplification: 1 / (1 - rho),
    lambdaSource: line,
    lambdaElsewhere: elsewhere,
    thresholds: { ...t },
    unstable: highRho || moving,
  };
  if (!result.unstable) return result;
  const why = [
    highRho ? `the spectral radius of the normalised direct matrix is ρ(N) = ${rho.toFixed(3)} (at or above ${t.spectralRadius})` : "",
    elsewhere !== null && (moving || highRho)
      ? `in ${pct(elsewhere)} of the bootstrap replicates λ came from another row or column than the panel's ${line}`
      : "",
  ].filter((s) => s !== "");
  result.warning =
    `Conditioning: ${why.join(", and ")}. T = N(I − N)⁻¹ then amplifies small changes of the normaliser λ (the largest row or column sum, here ${line}): ` +
    `a 1% change in λ changes the sum of T by about 1/(1 − ρ(N)) = ${result.amplification.toFixed(1)}%, and λ of a small panel is biased upward by noise, so T's magnitudes are biased toward 0. ` +
    "The magnitudes of T, D, R, prominence D+R and relation D−R (and the threshold and edges taken from T) depend strongly on the normalisation: compare them within this analysis, not with other studies or a population value. " +
    "Safer conclusions: the signs and ranks of D−R (which components are causes, in which order) and the layer tests' p-values, which read only the order of relation and shares of T (docs/methods.md §2.13).";
  return result;
}
