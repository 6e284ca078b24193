import type { Model } from "../types.js";

/**
 * Colour-blind-safe colours for layers, outermost first: the Okabe–Ito
 * palette (blue, orange, bluish green, reddish purple, vermillion, sky blue,
 * yellow), distinguishable under the common colour-vision deficiencies.
 * Source: Okabe & Ito (2008), "Color Universal Design", https://jfly.uni-koeln.de/color/.
 */
export const LAYER_COLORS: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"];

/** Colour of components that belong to no layer (or of every component when the model has none). */
export const NO_LAYER_COLOR = "#6E6E6E";

/** One legend group of a figure: a layer (or "no layer") with its colour and member component indices. */
export interface LayerColorGroup {
  /** Layer id, or `""` for components in no layer. */
  id: string;
  /** Legend label: the layer name, or "No layer" / "Components". */
  name: string;
  color: string;
  /** Indices into `ids` (the order components appear in the data being plotted). */
  members: number[];
}

/**
 * Group component ids by the model's layers, outer to inner, each with its
 * palette colour (cycling after {@link LAYER_COLORS} runs out); components
 * in no layer (or all of them, when there is no model or it has no layers)
 * form a last grey group. Empty groups are left out.
 * @param ids component ids in the order of the data being plotted.
 * @example
 * layerColorGroups(["A", "B"], { components: [...], layers: [{ id: "L1", name: "Outer", components: ["A"] }] });
 * // [{ id: "L1", name: "Outer", color: "#0072B2", members: [0] }, { id: "", name: "No layer", color: "#6E6E6E", members: [1] }]
 */
export function layerColorGroups(ids: readonly string[], model?: Model): LayerColorGroup[] {
  const layers = model?.layers ?? [];
  const groups: LayerColorGroup[] = layers.map((l, li) => ({ id: l.id, name: l.name, color: LAYER_COLORS[li % LAYER_COLORS.length], members: [] }));
  const at = new Map<string, number>();
  layers.forEach((l, li) => l.components.forEach((c) => at.set(c.toLowerCase(), li)));
  const rest: number[] = [];
  ids.forEach((id, i) => {
    const li = at.get(id.toLowerCase());
    if (li === undefined) rest.push(i);
    else groups[li].members.push(i);
  });
  const out = groups.filter((g) => g.members.length > 0);
  if (rest.length) out.push({ id: "", name: layers.length ? "No layer" : "Components", color: NO_LAYER_COLOR, members: rest });
  return out;
}
