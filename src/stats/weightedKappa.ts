import type { Matrix } from "../types.js";

/** Disagreement weights of {@link weightedKappa}. */
export type KappaWeights = "unweighted" | "linear" | "quadratic" | Matrix;

/** Options of {@link weightedKappa}. */
export interface WeightedKappaOptions {
  /**
   * Disagreement weights v_ij (0 on the diagonal): `"linear"` |i−j|/(k−1)
   * (default), `"quadratic"` ((i−j)/(k−1))², `"unweighted"` (1 off the diagonal:
   * Cohen's 1960 kappa), or a k×k matrix of your own.
   */
  weights?: KappaWeights;
}

/**
 * Cohen's weighted kappa (Cohen 1968, Psychological Bulletin 70(4), 213–220)
 * of a k×k agreement table: `κ_w = 1 − Σ v_ij p_ij / Σ v_ij p_i· p_·j`, with
 * p_ij the observed proportions (the table divided by its total), p_i· and
 * p_·j its row and column margins, and v_ij disagreement weights. Written with
 * agreement weights 1 − v_ij (the form of Fleiss & Cohen 1973) it is the same
 * number: (p_o − p_e)/(1 − p_e) with weighted p_o and p_e.
 * Cohen's own Table 1 (proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06,
 * weights 0 1 3 / 1 0 6 / 3 6 0) gives κ_w = .348 and κ = .492.
 * @param table counts or proportions, rows = rater 1, columns = rater 2.
 * @returns κ_w; NaN when chance disagreement is 0 (e.g. both raters use one category).
 * @throws {RangeError} when the table is not square, has negative or
 *   non-finite cells or a zero total, or a weight matrix does not fit.
 * @example
 * weightedKappa([[0.44, 0.07, 0.09], [0.05, 0.20, 0.05], [0.01, 0.03, 0.06]], { weights: [[0, 1, 3], [1, 0, 6], [3, 6, 0]] }); // 0.3478
 */
export function weightedKappa(table: Matrix, options: WeightedKappaOptions = {}): number {
  const k = table.length;
  if (k === 0) throw new RangeError("weightedKappa needs a non-empty table");
  let total = 0;
  for (let i = 0; i < k; i++) {
    if (!Array.isArray(table[i]) || table[i].length !== k)
      throw new RangeError(`weightedKappa needs a square table: row ${i} has ${table[i]?.length ?? 0} cells, expected ${k}`);
    for (let j = 0; j < k; j++) {
      const v = table[i][j];
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`weightedKappa: cell [${i}][${j}] must be a non-negative finite number, got ${v}`);
      total += v;
    }
  }
  if (!(total > 0)) throw new RangeError("weightedKappa: the table is empty (its total is 0)");
  const w = options.weights ?? "linear";
  if (typeof w === "string" && w !== "unweighted" && w !== "linear" && w !== "quadratic")
    throw new RangeError(`unknown kappa weights "${String(w)}": use unweighted, linear, quadratic or a matrix`);
  const weight = (i: number, j: number): number => {
    if (typeof w !== "string") return w[i][j];
    if (i === j) return 0;
    if (w === "unweighted") return 1;
    const d = Math.abs(i - j) / (k - 1);
    return w === "linear" ? d : d * d;
  };
  if (typeof w !== "string") {
    if (w.length !== k || w.some((row) => !Array.isArray(row) || row.length !== k || row.some((x) => !Number.isFinite(x))))
      throw new RangeError(`weightedKappa: the weight matrix must be ${k}×${k} finite numbers`);
  }
  const rowP = new Array<number>(k).fill(0);
  const colP = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      rowP[i] += table[i][j] / total;
      colP[j] += table[i][j] / total;
    }
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const v = weight(i, j);
      observed += (v * table[i][j]) / total;
      expected += v * rowP[i] * colP[j];
    }
  return expected === 0 ? NaN : 1 - observed / expected;
}
