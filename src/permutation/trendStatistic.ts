import { kendallTauB } from "../stats/kendallTauB.js";

/**
 * The trend statistic of a proposed layering (docs/methods.md §5.2):
 * `S_trend = −τ_b(ℓ, relation)`, Kendall's tau-b between each component's
 * layer index and its relation D−R, over the components that are in a layer,
 * negated so that +1 means relation falls strictly from outer to inner layers
 * (outer layers drive, inner layers are driven) and −1 the reverse. Relation
 * values within 1e-12·max(1, max|relation|) are tied (`kendallTauB`'s rule),
 * so rounding noise between components with equal relation counts as a tie.
 *
 * @param layerOf each component's 0-based layer (0 = outermost), −1 for a
 *   component in no layer, as from `layerIndex(model)`.
 * @param relation each component's relation D−R, same order.
 * @returns S_trend in [−1, 1]; NaN when relation is constant over the layered
 *   components or they all share one layer.
 * @throws {RangeError} when the lengths differ, a layer index is not an
 *   integer ≥ −1, or a relation value is NaN.
 * @example
 * trendStatistic([0, 0, 1, 1], [0.4, 0.3, -0.2, -0.5]); // 0.8165 (= 4/√24: the best a 2+2 split can reach, tau-b counts the within-layer ties)
 */
export function trendStatistic(layerOf: ArrayLike<number>, relation: ArrayLike<number>): number {
  if (layerOf.length !== relation.length) throw new RangeError(`trendStatistic: ${layerOf.length} layer indices for ${relation.length} relation values`);
  const l: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < layerOf.length; i++) {
    const li = layerOf[i];
    if (!Number.isInteger(li) || li < -1) throw new RangeError(`trendStatistic: layerOf[${i}] must be an integer ≥ −1, got ${li}`);
    if (li >= 0) {
      l.push(li);
      r.push(relation[i]);
    }
  }
  const tau = kendallTauB(l, r);
  return tau === 0 ? 0 : -tau;
}
