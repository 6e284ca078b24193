/**
 * How A is scaled into N:
 * - `"max"` (default): λ = max(largest row sum, largest column sum) — the
 *   classic DEMATEL rule (Gabus & Fontela; Tzeng et al. 2007).
 * - `"row"`: λ = largest row sum (what some tools and Excel templates use).
 * - `"column"`: λ = largest column sum.
 */
export type NormalizationMethod = "max" | "row" | "column";

/**
 * Check a normalisation method name (programming misuse, not bad input).
 * @throws {RangeError} unless `method` is "max", "row" or "column".
 * @example
 * assertNormalizationMethod("row"); // passes
 */
export function assertNormalizationMethod(method: NormalizationMethod): void {
  if (method !== "max" && method !== "row" && method !== "column")
    throw new RangeError(`unknown normalisation "${String(method)}": use "max", "row" or "column"`);
}

/**
 * The normaliser λ + ε that DEMATEL divides the direct matrix A by, N = A/(λ + ε)
 * (docs/methods.md §2.2): λ = max(largest row sum, largest column sum) for
 * `"max"`, the largest row sum for `"row"`, the largest column sum for
 * `"column"`, then ε added (ε ≥ 0 is the caller's check). The one statement
 * of the rule, used by `normalize` and by the resampling kernel; it allocates
 * nothing.
 * @param flat A, row-major n×n.
 * @returns λ + ε, or NaN when there is nothing to normalise: an entry is
 * negative (or NaN), or every row and column sum is 0 (λ = 0, whatever ε).
 * @throws {RangeError} on an unknown method (checked after the entries, so a negative entry gives NaN first).
 * @example
 * normalizerOf(Float64Array.of(0, 3, 1, 0), 2, "max", 0); // 3
 * normalizerOf(Float64Array.of(0, 3, 1, 0), 2, "max", 0.5); // 3.5
 * normalizerOf(Float64Array.of(0, 0, 0, 0), 2, "max", 0.5); // NaN
 */
export function normalizerOf(flat: Float64Array, n: number, method: NormalizationMethod, epsilon: number): number {
  let maxRow = 0,
    maxCol = 0;
  for (let i = 0; i < n; i++) {
    let r = 0,
      c = 0;
    for (let j = 0; j < n; j++) {
      const v = flat[i * n + j];
      if (!(v >= 0)) return NaN; // every entry is checked here once, as (i, j)
      r += v;
      c += flat[j * n + i];
    }
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  }
  assertNormalizationMethod(method);
  const lambda = method === "max" ? (maxRow > maxCol ? maxRow : maxCol) : method === "row" ? maxRow : maxCol;
  return lambda > 0 ? lambda + epsilon : NaN;
}
