import type { Matrix } from "../types.js";

/**
 * The flow statistic of a proposed layering (docs/methods.md §5.3):
 * `S_flow = (Σ_{ℓ(i)<ℓ(j)} t_ij − Σ_{ℓ(i)>ℓ(j)} t_ij) / Σ_{ℓ(i)≠ℓ(j)} t_ij`
 * over pairs of layered components in different layers: the net share of
 * total influence that runs inward (from outer to inner layers). In [−1, 1]
 * for a non-negative T; > 0 means more influence runs inward than outward.
 * Pairs within one layer and components in no layer are left out.
 *
 * Computed pairwise as Σ_{i<j} sign(ℓ(j) − ℓ(i))·(t_ij − t_ji) over
 * Σ_{i<j, ℓ(i)≠ℓ(j)} (t_ij + t_ji), the same operations the permutation test
 * uses, so the observed value is reproduced bit for bit.
 *
 * @param total the total-relation matrix T (n×n, row = from).
 * @param layerOf each component's 0-based layer, −1 for none (`layerIndex(model)`).
 * @returns S_flow; NaN when no influence runs between different layers.
 * @throws {RangeError} when T is not n×n for n = layerOf.length, an entry is
 *   not finite, or a layer index is not an integer ≥ −1.
 * @example
 * flowStatistic([[0, 3], [1, 0]], [0, 1]); // (3 − 1) / 4 = 0.5
 */
export function flowStatistic(total: Matrix, layerOf: ArrayLike<number>): number {
  const n = layerOf.length;
  if (total.length !== n) throw new RangeError(`flowStatistic: T is ${total.length}×${total.length} but there are ${n} layer indices`);
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(total[i]) || total[i].length !== n)
      throw new RangeError(`flowStatistic: row ${i} of T has ${total[i]?.length ?? 0} entries, expected ${n}`);
    for (let j = 0; j < n; j++) if (!Number.isFinite(total[i][j])) throw new RangeError(`flowStatistic: T[${i}][${j}] is not a finite number (${total[i][j]})`);
    const li = layerOf[i];
    if (!Number.isInteger(li) || li < -1) throw new RangeError(`flowStatistic: layerOf[${i}] must be an integer ≥ −1, got ${li}`);
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const li = layerOf[i];
    if (li < 0) continue;
    for (let j = i + 1; j < n; j++) {
      const lj = layerOf[j];
      if (lj < 0 || lj === li) continue;
      const d = total[i][j] - total[j][i];
      num += li < lj ? d : -d;
      den += total[i][j] + total[j][i];
    }
  }
  return den === 0 ? NaN : num / den;
}
