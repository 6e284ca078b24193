/**
 * The upper tail P(T > t) of Student's t distribution with an integer number ν ≥ 1 of degrees of freedom, in
 * closed form: with θ = atan(t/√ν), for odd ν, A = (2/π)(θ + sin θ cos θ Σ …), for even ν, A = sin θ Σ …
 * (Abramowitz & Stegun 1964, 26.7.3 and 26.7.4: A(t|ν) = P(|T| ≤ t)), so P(T > t) = (1 − A)/2 for t ≥ 0.
 * Exact to rounding for every integer ν (the series has ⌈ν/2⌉ terms).
 * @throws {RangeError} when ν is not a positive integer.
 * @example
 * studentTUpper(2.015, 5); // 0.05 (the 95% quantile of t₅ is 2.015)
 * studentTUpper(0, 7); // 0.5
 */
export function studentTUpper(t: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`studentTUpper: degrees of freedom must be a positive integer, got ${nu}`);
  if (Number.isNaN(t)) return NaN;
  if (t < 0) return 1 - studentTUpper(-t, nu);
  if (t === Infinity) return 0;
  const theta = Math.atan(t / Math.sqrt(nu));
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  let A: number;
  if (nu % 2 === 1) {
    // 26.7.3: A = (2/π)[θ + sin θ (cos θ + (2/3) cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2)) cos^(ν−2) θ)]
    let term = c;
    let sum = nu > 1 ? c : 0;
    for (let k = 3; k <= nu - 2; k += 2) {
      term *= (c * c * (k - 1)) / k;
      sum += term;
    }
    A = (2 / Math.PI) * (theta + s * sum);
  } else {
    // 26.7.4: A = sin θ [1 + (1/2) cos²θ + (1·3)/(2·4) cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2)) cos^(ν−2) θ]
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= nu - 2; k += 2) {
      term *= (c * c * (k - 1)) / k;
      sum += term;
    }
    A = s * sum;
  }
  return Math.min(1, Math.max(0, (1 - A) / 2));
}

/**
 * The quantile t_p of Student's t with ν degrees of freedom: the t with P(T ≤ t) = p, found by bisection on
 * {@link studentTUpper} to 1e-12 (the upper tail is monotone), so it inherits that function's exactness.
 * @throws {RangeError} when p is not in (0, 1) or ν is not a positive integer.
 * @example
 * studentTQuantile(0.975, 13); // 2.160
 */
export function studentTQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  let lo = 0,
    hi = 1;
  while (studentTUpper(hi, nu) > 1 - p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTUpper(mid, nu) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
