/**
 * Westfall–Young step-down max-T adjusted p-values (docs/methods.md §12.4) of m tests that share one
 * permutation distribution: Westfall & Young (1993), Resampling-Based Multiple Testing, Algorithm
 * 4.1; in the form of Ge, Dudoit & Speed (2003), Test 15, 1–44, Box 2. With the observed statistics
 * ordered t_(1) ≥ … ≥ t_(m), u_(i) = max_{j ≥ i} t*_(j) in each null row, and
 * p̃_(i) = #{rows with u_(i) ≥ t_(i)} / N (exact; the observed relabelling is among the rows) or
 * (1 + #)/(1 + B) (Monte Carlo), made monotone: p̃_(i) = max(p̃_(i−1), p̃_(i)). It controls the
 * family-wise error rate strongly under subset pivotality, which permuting whole experts gives.
 * "≥" allows 1e-12·max(1, t_(i)) of rounding; a null statistic that is NaN never counts.
 * @param observed the m observed statistics (larger = more evidence), each ≥ 0.
 * @param rows the null statistics, `rows.length / m` rows of m, in the order of `observed`.
 * @param monteCarlo true for (1 + #)/(1 + B), false for #/N.
 * @returns the m adjusted p-values, in the order of `observed`; NaN where the observed statistic is NaN.
 * @throws {RangeError} when `rows` is not a whole number of rows of m.
 * @example
 * stepDownMaxT([2, 1], Float64Array.of(2, 1, 0.5, 0.5, 1, 1.5), false); // [1/3, 2/3]
 */
export function stepDownMaxT(observed: readonly number[], rows: Float64Array, monteCarlo: boolean): number[] {
  const m = observed.length;
  if (m === 0) return [];
  if (rows.length % m !== 0) throw new RangeError(`stepDownMaxT: ${rows.length} null values are not rows of ${m}`);
  const N = rows.length / m;
  const order = Array.from({ length: m }, (_, j) => j)
    .filter((j) => !Number.isNaN(observed[j]))
    .sort((a, b) => observed[b] - observed[a] || a - b);
  const counts = new Float64Array(order.length);
  for (let r = 0; r < N; r++) {
    let u = -Infinity;
    for (let i = order.length - 1; i >= 0; i--) {
      const v = rows[r * m + order[i]];
      if (v > u) u = v;
      const t = observed[order[i]];
      if (u >= t - 1e-12 * Math.max(1, t)) counts[i]++;
    }
  }
  const adjusted = new Array<number>(m).fill(NaN);
  let running = 0;
  order.forEach((j, i) => {
    const p = monteCarlo ? (counts[i] + 1) / (N + 1) : counts[i] / N;
    running = Math.max(running, Math.min(1, p));
    adjusted[j] = running;
  });
  return adjusted;
}
