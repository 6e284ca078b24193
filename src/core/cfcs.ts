/**
 * CFCS defuzzification (Converting Fuzzy data into Crisp Scores; Opricovic &
 * Tzeng 2003) of one triangular fuzzy number (l, m, u), given the minimum
 * `min` of the l's and the range Δ = max u − min l of the set it belongs to
 * (docs/methods.md §2.9):
 * 1. xl = (l − min)/Δ, xm = (m − min)/Δ, xu = (u − min)/Δ;
 * 2. left and right scores ls = xm/(1 + xm − xl), rs = xu/(1 + xu − xm);
 * 3. x = [ls(1 − ls) + rs·rs] / (1 − ls + rs);
 * 4. crisp = min + x·Δ.
 * A crisp number (l = m = u) is returned as it is: the formula gives it back
 * mathematically, and returning it makes degenerate scales reproduce classic
 * DEMATEL exactly rather than to rounding.
 * @throws {RangeError} when Δ ≤ 0 for a number that is not crisp.
 * @example
 * cfcs(0.5, 0.75, 1, 0, 1); // 0.7333… (= 11/15)
 */
export function cfcs(l: number, m: number, u: number, min: number, delta: number): number {
  if (l === m && m === u) return m;
  if (!(delta > 0)) throw new RangeError(`cfcs needs a positive range Δ for (${l}, ${m}, ${u}), got ${delta}`);
  const xl = (l - min) / delta;
  const xm = (m - min) / delta;
  const xu = (u - min) / delta;
  const ls = xm / (1 + xm - xl);
  const rs = xu / (1 + xu - xm);
  const x = (ls * (1 - ls) + rs * rs) / (1 - ls + rs);
  return min + x * delta;
}

/**
 * Whitening of one interval grey number [lo, hi] by the modified CFCS of the
 * grey-DEMATEL literature (Tseng 2009; Xia, Govindan & Zhu 2015), given the
 * minimum `min` of the lower limits and the range Δ = max hi − min lo of its
 * set (docs/methods.md §2.10):
 * 1. a = (lo − min)/Δ, b = (hi − min)/Δ;
 * 2. y = [a(1 − a) + b·b] / (1 − a + b);
 * 3. crisp = min + y·Δ.
 * A white number (lo = hi) is returned as it is (the formula gives it back mathematically).
 * @throws {RangeError} when Δ ≤ 0 for a number that is not white.
 * @example
 * greyWhiten(0, 1 / 3, 0, 1); // 1/12 = 0.0833…
 */
export function greyWhiten(lo: number, hi: number, min: number, delta: number): number {
  if (lo === hi) return lo;
  if (!(delta > 0)) throw new RangeError(`greyWhiten needs a positive range Δ for [${lo}, ${hi}], got ${delta}`);
  const a = (lo - min) / delta;
  const b = (hi - min) / delta;
  const y = (a * (1 - a) + b * b) / (1 - a + b);
  return min + y * delta;
}
