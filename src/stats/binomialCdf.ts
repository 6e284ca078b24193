/**
 * P(X ≤ k) for X ~ Binomial(n, p): the sum of the probabilities of 0..k
 * successes in n trials. The terms are formed in log space from the
 * recurrence log f(i + 1) = log f(i) + log((n − i)/(i + 1)) + log(p/(1 − p)),
 * starting at log f(0) = n·log(1 − p), and summed relative to the largest
 * term, so n in the hundreds of thousands neither underflows nor loses the
 * small tail (each step's rounding is about ulp(|log f|), so the relative error is
 * at most about k·|log f(0)|·2⁻⁵², 1e-9 for k = 2,500 at n·p = 2,500). Cost O(k).
 * Edge cases: k < 0 gives 0, k ≥ n gives 1; p = 0 gives 1, p = 1 gives 0 below n.
 * @throws {RangeError} when n is not a non-negative integer, k is not an integer or p is not in [0, 1].
 * @example
 * binomialCdf(2, 10, 0.5); // 56/1024 = 0.0546875
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialCdf: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k)) throw new RangeError(`binomialCdf: k must be an integer, got ${k}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialCdf: p must be in [0, 1], got ${p}`);
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  const logOdds = Math.log(p) - Math.log1p(-p);
  let log = n * Math.log1p(-p);
  let top = log;
  // Terms relative to the running maximum: sum = Σ exp(log_i − top), rescaled whenever a larger term appears.
  let sum = 1;
  for (let i = 0; i < k; i++) {
    log += Math.log((n - i) / (i + 1)) + logOdds;
    if (log > top) {
      sum = sum * Math.exp(top - log) + 1;
      top = log;
    } else sum += Math.exp(log - top);
  }
  return Math.min(1, Math.exp(top + Math.log(sum)));
}
