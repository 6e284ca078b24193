import { binomialCdf } from "./binomialCdf.js";

/** Besag & Clifford's (1991) h: reading stops after this many draws as extreme as the observed (relative standard error of p about √((1 − p)/h), ≤ 14%). */
export const DEFAULT_STOP_AFTER = 50;
/** The first number of draws at which the rule looks for a p-value clearly below the level (then 2×, 4×, … below B). */
export const FIRST_LOOK = 100;
/** ε of the stop below the level: for a true p ≥ α, the chance that this stop declares p below α is at most ε. */
export const RESAMPLING_RISK = 0.001;

/** When {@link sequentialMonteCarlo} may stop reading draws. */
export interface SequentialRule {
  /** B, the draws available. */
  maxDraws: number;
  /** h: stop after this many exceedances (Besag & Clifford 1991); `Infinity` reads all B and disables both stops. */
  stopAfter: number;
  /** α: also stop once p is clearly below α (the looks of {@link sequentialMonteCarlo}); null never stops below. */
  level: number | null;
}

/** A sequential Monte Carlo p-value with its precision. */
export interface SequentialP {
  /** h/L after the stop on exceedances, (b + 1)/(L + 1) after L draws otherwise (L = B when no stop). */
  p: number;
  /** L, the draws read. */
  draws: number;
  /** √(p(1 − p)/L). */
  standardError: number;
}

/** The draw counts L = 100, 200, 400, … below B at which the rule checks for a p clearly below the level. */
export function looksBelow(maxDraws: number): number[] {
  const looks: number[] = [];
  for (let L = FIRST_LOOK; L < maxDraws; L *= 2) looks.push(L);
  return looks;
}

/**
 * A Monte Carlo p-value read draw by draw that stops early (docs/methods.md §5.5).
 * `exceeds(d)` computes draw d (d = 0, 1, … in order) and says whether its
 * statistic is at least as extreme as the observed.
 * - Stop after h exceedances (Besag & Clifford 1991, Biometrika 78, 301–304): after
 *   the h-th exceedance at draw L, p = h/L (relative standard error ≤ √(1/h); it may
 *   fall on either side of α).
 * - Stop below: at the looks L = 100, 200, 400, … < B, with b exceedances so
 *   far, stop when P(Binomial(L, α) ≤ b) < ε/J (J looks, ε = {@link RESAMPLING_RISK}):
 *   the one-sided Clopper–Pearson upper bound of p at level 1 − ε/J is then
 *   below α, and by the union bound over the looks a true p ≥ α is declared
 *   below α by this stop with probability at most ε. p = (b + 1)/(L + 1), below α.
 * - Otherwise all B draws: p = (b + 1)/(B + 1) (Phipson & Smyth 2010).
 * Every result carries the draws read and the Monte Carlo standard error.
 * @example
 * sequentialMonteCarlo({ maxDraws: 1000, stopAfter: 5, level: 0.05 }, (d) => d % 4 === 3); // { p: 0.25, draws: 20, … }
 * sequentialMonteCarlo({ maxDraws: 100000, stopAfter: 50, level: 0.05 }, () => false).draws; // 200
 */
export function sequentialMonteCarlo(rule: SequentialRule, exceeds: (draw: number) => boolean): SequentialP {
  const B = rule.maxDraws;
  const h = rule.stopAfter;
  const looks = h === Infinity || rule.level === null ? [] : looksBelow(B);
  const delta = RESAMPLING_RISK / looks.length;
  let next = 0;
  let count = 0;
  for (let d = 0; d < B; d++) {
    if (exceeds(d) && ++count >= h) return withError(h / (d + 1), d + 1);
    if (next < looks.length && d + 1 === looks[next]) {
      next++;
      if (binomialCdf(count, d + 1, rule.level as number) < delta) return withError((count + 1) / (d + 2), d + 1);
    }
  }
  return withError((count + 1) / (B + 1), B);
}

function withError(p: number, draws: number): SequentialP {
  return { p, draws, standardError: Math.sqrt((p * (1 - p)) / draws) };
}
