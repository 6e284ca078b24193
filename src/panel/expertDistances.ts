import type { Matrix } from "../types.js";
import { assertPanel } from "../linalg/assertPanel.js";

/**
 * Each expert's distance from the rest of the panel (docs/methods.md §3.3): for expert
 * k, the mean absolute difference over the n(n−1) off-diagonal cells between
 * their matrix and the unweighted mean of the other K − 1 experts' matrices,
 * d_k = 1/(n(n−1)) · Σ_{i≠j} |x^k_ij − mean_{l≠k} x^l_ij|.
 * Large values flag an expert who rates unlike the others (an outlier, or a
 * reversed reading of the rows and columns). A 1×1 model gives 0 for everyone.
 * @throws {RangeError} with fewer than two experts or matrices of different sizes.
 * @throws {TypeError} on a rating that is not a finite number.
 * @example
 * expertDistances([[[0, 1], [1, 0]], [[0, 1], [1, 0]], [[0, 4], [1, 0]]]); // [0.75, 0.75, 1.5]
 */
export function expertDistances(matrices: readonly Matrix[]): number[] {
  const n = assertPanel(matrices, "expertDistances");
  const K = matrices.length;
  if (K < 2) throw new RangeError(`expertDistances requires at least two experts, got ${K}`);
  const cells = n * (n - 1);
  const out = new Array<number>(K).fill(0);
  if (cells === 0) return out;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let total = 0;
      for (let k = 0; k < K; k++) total += matrices[k][i][j];
      for (let k = 0; k < K; k++) {
        const x = matrices[k][i][j];
        out[k] += Math.abs(x - (total - x) / (K - 1));
      }
    }
  return out.map((d) => d / cells);
}
