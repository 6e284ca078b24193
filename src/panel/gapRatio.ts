import type { Matrix } from "../types.js";
import { assertPanel } from "../linalg/assertPanel.js";

/** The consensus gap-ratio curve of {@link gapRatio}. */
export interface GapRatioResult {
  /** Panel sizes p = 2..K (the first p experts of the survey). */
  panelSizes: number[];
  /** gap(p) for each p in `panelSizes` (a share: 0.05 means 5%). */
  gap: number[];
}

/**
 * Consensus gap-ratio curve of a panel (docs/methods.md §3.1): with A^p the unweighted
 * mean of the first p experts' matrices,
 * gap(p) = 1/(n(n−1)) · Σ_{i≠j} |a^p_ij − a^{p−1}_ij| / a^p_ij, for p = 2..K,
 * where cells with a^p_ij = 0 are left out of the sum (the divisor stays
 * n(n−1)). Many DEMATEL studies read gap(K) < 0.05 as consensus, but gap(K)
 * shrinks like 1/K for any panel, random ratings included, so this tool reads
 * it against a no-agreement baseline ({@link gapRatioBaseline}); no source
 * defines a confidence level for it. The curve DEPENDS ON EXPERT ORDER:
 * only the full-panel mean A^K is order-free, so reordering the same experts
 * changes the curve and even gap(K); report the order used (survey order here).
 * A 1×1 model has no off-diagonal cell (a cell count of 0) and gives gap 0; a
 * single expert gives an empty curve.
 * Source: the consensus check common in DEMATEL studies (Tzeng-school
 * applications report "gap error < 5%"), with no single original source.
 * @throws {RangeError} on no matrices or matrices of different sizes.
 * @throws {TypeError} on a rating that is not a finite number.
 * @example
 * gapRatio([[[0, 2], [4, 0]], [[0, 4], [4, 0]]]);
 * // { panelSizes: [2], gap: [ (|3−2|/3 + 0)/2 ] } = { panelSizes: [2], gap: [0.1667] }
 */
export function gapRatio(matrices: readonly Matrix[]): GapRatioResult {
  const n = assertPanel(matrices, "gapRatio");
  const K = matrices.length;
  const cells = n * (n - 1);
  const panelSizes: number[] = [];
  const gap: number[] = [];
  // Running sums of the first p experts, off-diagonal cells in row-major order.
  const sum = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum[i * n + j] = matrices[0][i][j];
  for (let p = 2; p <= K; p++) {
    const x = matrices[p - 1];
    let total = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const before = sum[i * n + j] / (p - 1);
        sum[i * n + j] += x[i][j];
        const now = sum[i * n + j] / p;
        if (now !== 0) total += Math.abs(now - before) / now;
      }
    panelSizes.push(p);
    gap.push(cells === 0 ? 0 : total / cells);
  }
  return { panelSizes, gap };
}
