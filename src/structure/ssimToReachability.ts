import type { SsimCode } from "../types.js";

/** The SSIM codes in the order they are listed and counted. */
export const SSIM_CODES: readonly SsimCode[] = ["V", "A", "X", "O"];

/**
 * The initial reachability matrix of an SSIM (docs/methods.md §6.7; Warfield
 * 1974; the conversion rules as stated by Ravi & Shankar 2005, "Analysis of
 * interactions among the barriers of reverse logistics", Technol. Forecast.
 * Soc. Change 72(8), 1011–1029): for each pair i < j the code in row i,
 * column j says
 * - V: i leads to j (M_ij = 1, M_ji = 0);
 * - A: j leads to i (M_ij = 0, M_ji = 1);
 * - X: both (M_ij = M_ji = 1);
 * - O: neither (M_ij = M_ji = 0);
 * and every component reaches itself (M_ii = 1). Only the cells above the
 * diagonal are read.
 * @param codes an n×n array whose cells above the diagonal are SSIM codes (the rest is ignored).
 * @throws {RangeError} when the array is not square or a cell above the diagonal is no SSIM code.
 * @example
 * ssimToReachability([[null, "V"], [null, null]]); // [[1, 1], [0, 1]]
 */
export function ssimToReachability(codes: ReadonlyArray<ReadonlyArray<SsimCode | null>>): number[][] {
  const n = codes.length;
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(codes[i]) || codes[i].length !== n) throw new RangeError(`ssimToReachability: row ${i} must have ${n} cells`);
    for (let j = i + 1; j < n; j++) {
      const c = codes[i][j];
      if (c !== "V" && c !== "A" && c !== "X" && c !== "O")
        throw new RangeError(`ssimToReachability: cell [${i}][${j}] must be V, A, X or O, got ${String(c)}`);
      m[i][j] = c === "V" || c === "X" ? 1 : 0;
      m[j][i] = c === "A" || c === "X" ? 1 : 0;
    }
  }
  return m;
}
