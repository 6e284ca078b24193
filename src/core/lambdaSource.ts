import { assertNormalizationMethod, type NormalizationMethod } from "./normalizerOf.js";

/**
 * Which row or column sum of A gives the normaliser λ (docs/methods.md §2.2, §2.13): the line whose sum is
 * largest under the method — a row for `"row"`, a column for `"column"`, either for `"max"` (rows first on a tie).
 * Encoded as i for row i and n + j for column j, so one number names the line.
 * @param flat A (or any positive multiple of it), row-major n×n, non-negative.
 * @returns the line's code in [0, 2n), or −1 when every sum is 0 (nothing to normalise).
 * @throws {RangeError} on an unknown method.
 * @example
 * lambdaSource(Float64Array.of(0, 3, 1, 0), 2, "max"); // 0 (row 1, sum 3)
 * lambdaSource(Float64Array.of(0, 3, 1, 0), 2, "column"); // 3 (column 2, sum 3)
 */
export function lambdaSource(flat: ArrayLike<number>, n: number, method: NormalizationMethod): number {
  assertNormalizationMethod(method);
  let best = 0,
    line = -1;
  const from = method === "column" ? n : 0;
  const to = method === "row" ? n : 2 * n;
  for (let c = from; c < to; c++) {
    const s = lineSum(flat, n, c);
    if (s > best) {
      best = s;
      line = c;
    }
  }
  return line;
}

/**
 * True when `line` (as {@link lambdaSource} codes it) still gives λ in `flat`: its sum is the largest under the
 * method, to within 1e-12 relative (so a tie with another line counts as holding λ).
 * @example
 * holdsLambda(Float64Array.of(0, 3, 3, 0), 2, "max", 1); // true (row 2 ties row 1)
 */
export function holdsLambda(flat: ArrayLike<number>, n: number, method: NormalizationMethod, line: number): boolean {
  const best = lambdaSource(flat, n, method);
  if (best < 0 || line < 0) return false;
  return lineSum(flat, n, line) >= lineSum(flat, n, best) * (1 - 1e-12);
}

/** Sum of row `line` (line < n) or column `line − n` of a row-major n×n matrix. */
function lineSum(flat: ArrayLike<number>, n: number, line: number): number {
  let s = 0;
  if (line < n) for (let j = 0; j < n; j++) s += flat[line * n + j];
  else for (let i = 0; i < n; i++) s += flat[i * n + line - n];
  return s;
}

/**
 * The line a {@link lambdaSource} code names, in words: "row LEAD" or "column INS".
 * @example
 * lambdaLineName(3, ["A", "B"]); // "column B"
 */
export function lambdaLineName(line: number, components: readonly string[]): string {
  const n = components.length;
  return line < 0 ? "none" : line < n ? `row ${components[line]}` : `column ${components[line - n]}`;
}
