import type { Model } from "../types.js";
import { layerIndex } from "../model/model.js";

/** A component's proposed layer and the layer the data suggest. */
export interface SuggestedLayer {
  id: string;
  /** Layer id in the model. */
  proposed: string;
  /** Layer id it would fall in if components were sorted by relation and cut at the layer sizes. */
  suggested: string;
  agrees: boolean;
}

/**
 * The layer each component would fall in if the data decided (docs/methods.md §6.2,
 * "suggested layer"): sort the layered components by relation D − R
 * descending (strongest net drivers first; ties keep model order), then cut
 * the sorted list at the proposed layer sizes, outermost layer first.
 * Components in no layer are left out; the result is in model order.
 * @param relation D − R per component, in model order.
 * @throws {RangeError} when the model has no layers, relation has the wrong
 *   length or holds NaN.
 * @example
 * // model: L1 = {A}, L2 = {B, C}, L3 = {D}
 * suggestedLayers([-0.1, 0.5, 0.1, -0.5], model).map((s) => s.suggested); // ["L2", "L1", "L2", "L3"]
 */
export function suggestedLayers(relation: ArrayLike<number>, model: Model): SuggestedLayer[] {
  const layerOf = layerIndex(model);
  const layers = model.layers ?? [];
  if (relation.length !== layerOf.length)
    throw new RangeError(`suggestedLayers: ${relation.length} relation values but the model has ${layerOf.length} components`);
  const layered: number[] = [];
  layerOf.forEach((l, i) => {
    if (l < 0) return;
    if (Number.isNaN(relation[i])) throw new RangeError(`suggestedLayers: relation[${i}] is NaN`);
    layered.push(i);
  });
  const sorted = layered.slice().sort((a, b) => relation[b] - relation[a] || a - b);
  const suggested = new Map<number, number>();
  let pos = 0;
  layers.forEach((layer, l) => {
    for (let k = 0; k < layer.components.length; k++) suggested.set(sorted[pos++], l);
  });
  return layered.map((i) => {
    const s = suggested.get(i) as number;
    return { id: model.components[i].id, proposed: layers[layerOf[i]].id, suggested: layers[s].id, agrees: s === layerOf[i] };
  });
}
