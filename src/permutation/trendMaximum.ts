/**
 * The largest S_trend (docs/methods.md §5.2) that layers of these sizes allow
 * for a relation vector without ties: √((n₀ − n₁)/n₀), with n₀ = m(m−1)/2 the
 * pairs of the m layered components and n₁ = Σ_l s_l(s_l−1)/2 the pairs
 * within a layer. Derivation: S_trend = −τ_b = (n_d − n_c)/√((n₀ − n₁)(n₀ − n₂));
 * relation untied gives n₂ = 0, and n_d − n_c is at most the n₀ − n₁ pairs in
 * different layers, reached when every outer component has a larger relation
 * than every inner one. So +1 is reached only when every layer has one
 * component; for the CXM model's sizes 2, 3, 2, 3 the ceiling is √(37/45) ≈
 * 0.907. (A relation vector tied exactly within each layer would reach 1, but
 * averaged ratings essentially never tie; the bootstrap and the exact test
 * treat relation as untied for the same reason.)
 * Source: Kendall (1945), "The treatment of ties in ranking problems",
 * Biometrika 33, 239–251 (the tau-b denominator); checked by brute force over
 * every assignment in tests/trendMaximum.test.ts.
 * @param sizes the number of components in each layer (empty layers are ignored).
 * @returns the ceiling in (0, 1]; NaN when fewer than two layers are non-empty (S_trend undefined).
 * @throws {RangeError} when a size is not a non-negative integer.
 * @example
 * trendMaximum([2, 3, 2, 3]); // 0.9068 = √(37/45)
 * trendMaximum([1, 1, 1]); // 1
 */
export function trendMaximum(sizes: readonly number[]): number {
  let m = 0,
    within = 0,
    layers = 0;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`trendMaximum: a layer size must be a non-negative integer, got ${s}`);
    if (s === 0) continue;
    layers++;
    m += s;
    within += (s * (s - 1)) / 2;
  }
  if (layers < 2) return NaN;
  const pairs = (m * (m - 1)) / 2;
  return Math.sqrt((pairs - within) / pairs);
}
