import { tieTolerance } from "../stats/kendallTauB.js";
import type { Model } from "../types.js";
import { layerIndex } from "../model/model.js";
import { trendStatistic } from "../permutation/trendStatistic.js";
import { enumerateAssignments } from "../permutation/enumerateAssignments.js";

/** One ordering of the model's layers and how well relation follows it. */
export interface LayerOrder {
  /** Layer ids, outermost first. */
  order: string[];
  /** S_trend of the components under this order. */
  statistic: number;
  /** Competition rank: 1 + the number of orders with a strictly larger S_trend (ties share the best rank). */
  rank: number;
  /** True for the model's own order. */
  proposed: boolean;
}

/** Outcome of {@link layerOrders}. */
export interface LayerOrders {
  /** Every order, best (largest S_trend) first; ties keep lexicographic order of the layer positions, so the proposed order comes first among its ties. */
  orders: LayerOrder[];
  /** Rank of the proposed order (1 = best; ties share a rank). */
  proposedRank: number;
  /** L!, the number of orders. */
  count: number;
}

/** The largest number of layers whose orders {@link layerOrders} lists (8! = 40,320 orders). */
export const MAX_LAYER_ORDERS = 8;

/**
 * Best-fitting order of the proposed layers (docs/methods.md §6.1, "best-fitting
 * structure"): S_trend = −τ_b(layer position, relation) for each of the L!
 * orders of the model's layers (each layer keeps its components, only the
 * outer → inner order changes), sorted best first, and the rank of the
 * proposed order. Ranks are competition ranks ("1224"): an order's rank is 1
 * plus the number of orders whose S_trend is larger by more than
 * 1e-12·max(1, |S|), so tied orders share the best rank among them. If
 * relation is constant every S_trend is NaN and every order has rank 1.
 * @param relation D − R per component, in model order.
 * @throws {RangeError} when the model has no layers, more than
 *   {@link MAX_LAYER_ORDERS} layers, or relation has the wrong length.
 * @example
 * layerOrders(d.relation, defaultModel()).proposedRank; // 1 when the paper's order fits best
 */
export function layerOrders(relation: ArrayLike<number>, model: Model): LayerOrders {
  const layerOf = layerIndex(model);
  const layers = model.layers ?? [];
  const L = layers.length;
  if (L > MAX_LAYER_ORDERS) throw new RangeError(`layerOrders lists the orders of at most ${MAX_LAYER_ORDERS} layers, the model has ${L}`);
  if (relation.length !== layerOf.length)
    throw new RangeError(`layerOrders: ${relation.length} relation values but the model has ${layerOf.length} components`);
  // The L! orders in lexicographic order, the identity (the proposed order) first: the assignments of L
  // layers to L positions of size 1 each.
  const table = enumerateAssignments(new Array<number>(L).fill(1));
  const perms = Array.from({ length: table.length / L }, (_, k) => Array.from(table.subarray(k * L, (k + 1) * L)));
  const relabelled = new Array<number>(layerOf.length);
  const rows = perms.map((perm, k) => {
    // perm[pos] = the model layer placed at position pos (0 = outermost).
    const position = new Array<number>(L);
    perm.forEach((l, pos) => (position[l] = pos));
    for (let i = 0; i < layerOf.length; i++) relabelled[i] = layerOf[i] < 0 ? -1 : position[layerOf[i]];
    return { perm, k, statistic: trendStatistic(relabelled, relation) };
  });
  const key = (s: number): number => (Number.isNaN(s) ? -Infinity : s);
  rows.sort((a, b) => key(b.statistic) - key(a.statistic) || a.k - b.k);
  // Rows are sorted best first and the tie bound s + 1e-12·max(1, |s|) rises with s, so the
  // number of strictly better orders only grows along the list: one pass, not L!² comparisons.
  let better = 0;
  const orders: LayerOrder[] = rows.map((r) => {
    if (Number.isNaN(r.statistic)) return { order: r.perm.map((l) => layers[l].id), statistic: r.statistic, rank: 1, proposed: r.k === 0 };
    const bound = r.statistic + tieTolerance(r.statistic);
    while (better < rows.length && key(rows[better].statistic) > bound) better++;
    return { order: r.perm.map((l) => layers[l].id), statistic: r.statistic, rank: better + 1, proposed: r.k === 0 };
  });
  const proposed = orders.find((o) => o.proposed) as LayerOrder;
  return { orders, proposedRank: proposed.rank, count: orders.length };
}
