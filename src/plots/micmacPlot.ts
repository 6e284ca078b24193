import type { Model } from "../types.js";
import { type PlotlyFigure, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import { type LayerColorGroup, layerColorGroups } from "./layerColorGroups.js";

/** What {@link micmacPlot} reads from a MICMAC result. */
export interface MicmacInput {
  components: readonly string[];
  /** Driving power: row sums of the final reachability matrix. */
  driving: readonly number[];
  /** Dependence: column sums of the final reachability matrix. */
  dependence: readonly number[];
  /** Quadrant of each component (autonomous, dependent, linkage, independent); optional. */
  quadrant?: readonly string[];
}

/** Horizontal offset (in dependence units) between side-by-side markers of different layers at the same point of {@link micmacPlot}. */
export const MICMAC_JITTER = 0.25;

/**
 * MICMAC driving-power / dependence chart (docs/methods.md §6.4): each component at
 * (dependence, driving power) from the reachability matrix of the
 * thresholded T, with the quadrant lines at n/2 and the four quadrant names
 * (autonomous: low/low; dependent: high dependence; linkage: high/high;
 * independent (driver): high driving power). With a model, points are
 * coloured by proposed layer with the palette and legend of the causal
 * diagram (`layerColorGroups`: one trace per layer, legend by layer
 * name), so a reader sees whether the outer layers sit among the drivers.
 * Coinciding points (driving power and dependence are small integers, so ties
 * are common): components of the same layer share one marker labelled with
 * all their ids; when components of different layers coincide, each layer
 * keeps its own coloured marker, set side by side with a horizontal offset of
 * `MICMAC_JITTER` = 0.25 dependence units per layer (centred on the true
 * value, which stays unambiguous because dependence is an integer), with its
 * label on its own side and the exact values in the hover text. Chosen over
 * one neutral-coloured marker because the layer of each component is what the
 * chart is read for.
 * Source: Duperrin & Godet (1973), MICMAC; Warfield (1974) / Sage (1977), ISM.
 * @throws {RangeError} when driving or dependence lengths differ from the component count.
 * @example
 * micmacPlot({ components: ["A", "B"], driving: [2, 1], dependence: [1, 2] });
 */
export function micmacPlot(micmac: MicmacInput, model?: Model): PlotlyFigure {
  const ids = micmac.components;
  const n = ids.length;
  if (micmac.driving.length !== n || micmac.dependence.length !== n)
    throw new RangeError(`micmacPlot: ${n} components but ${micmac.driving.length} driving and ${micmac.dependence.length} dependence values`);
  // One trace per layer (one grey trace without a model); within a trace, coinciding points share a marker and a label.
  const groups = layerColorGroups(ids, model);
  return { data: micmacTraces(micmac, groups, model), layout: micmacLayout(n, groups.length, model) };
}

/** Per layer group, its points: "dependence,driving" and the components there, in member order. */
function coincidingPoints(micmac: MicmacInput, groups: readonly LayerColorGroup[]): Array<Array<[string, number[]]>> {
  return groups.map((g) => {
    const at = new Map<string, number[]>();
    for (const i of g.members) {
      const key = `${micmac.dependence[i]},${micmac.driving[i]}`;
      at.set(key, [...(at.get(key) ?? []), i]);
    }
    return [...at.entries()];
  });
}

/** One scatter trace per layer group; where several layers share a point, their markers sit side by side (`MICMAC_JITTER` apart), labels outwards. */
function micmacTraces(micmac: MicmacInput, groups: readonly LayerColorGroup[], model: Model | undefined): PlotlyFigure["data"] {
  const ids = micmac.components;
  const byGroup = coincidingPoints(micmac, groups);
  // How many layers have a marker at each point, and each layer's slot among them (in legend order).
  const sharing = new Map<string, number>();
  for (const points of byGroup) for (const [key] of points) sharing.set(key, (sharing.get(key) ?? 0) + 1);
  const slot = new Map<string, number>();
  const SIDES_BETWEEN = ["top center", "bottom center"];
  return groups.map((g, gi) => {
    const points = byGroup[gi];
    const place = points.map(([key]) => {
      const k = sharing.get(key) ?? 1;
      const s = slot.get(key) ?? 0;
      slot.set(key, s + 1);
      const offset = (s - (k - 1) / 2) * MICMAC_JITTER;
      // Alone: label above. Side by side: outermost markers label outwards, the ones between above/below.
      const side = k === 1 ? "top center" : s === 0 ? "middle left" : s === k - 1 ? "middle right" : SIDES_BETWEEN[(s - 1) % 2];
      return { offset, side };
    });
    return {
      type: "scatter",
      mode: "markers+text",
      name: plotText(g.name),
      x: points.map(([, p], k) => micmac.dependence[p[0]] + place[k].offset),
      y: points.map(([, p]) => micmac.driving[p[0]]),
      text: points.map(([, p]) => p.map((i) => plotText(ids[i])).join(", ")),
      textposition: place.map((q) => q.side),
      hovertext: points.map(
        ([, p]) =>
          p.map((i) => `${plotText(ids[i])}${micmac.quadrant ? ` (${plotText(micmac.quadrant[i])})` : ""}`).join("<br>") +
          `<br>dependence ${micmac.dependence[p[0]]}, driving power ${micmac.driving[p[0]]}`,
      ),
      hoverinfo: "text",
      marker: { size: 12, color: model ? g.color : "#0072B2" },
      cliponaxis: false,
    };
  });
}

/** Axes 0..n, the quadrant lines at n/2 and the four quadrant names; a legend of the layers when there are several. */
function micmacLayout(n: number, groupCount: number, model: Model | undefined): PlotlyFigure["layout"] {
  const half = n / 2;
  const corner = (text: string, x: number, y: number, xanchor: string, yanchor: string): Record<string, unknown> => ({
    x,
    y,
    xref: "x",
    yref: "y",
    text: `<i>${text}</i>`,
    showarrow: false,
    xanchor,
    yanchor,
    font: { size: 11, color: "#777" },
  });
  return {
    title: { text: "MICMAC: driving power and dependence" },
    xaxis: { title: { text: "Dependence" }, range: [0, n + 0.5], dtick: 1 },
    yaxis: { title: { text: "Driving power" }, range: [0, n + 1.2], dtick: 1 },
    shapes: [
      { type: "line", xref: "x", x0: half, x1: half, yref: "y", y0: 0, y1: n + 1.2, line: { color: "#888", width: 1, dash: "dash" } },
      { type: "line", xref: "x", x0: 0, x1: n + 0.5, yref: "y", y0: half, y1: half, line: { color: "#888", width: 1, dash: "dash" } },
    ],
    annotations: [
      corner("I. Autonomous", 0.1, 0.1, "left", "bottom"),
      corner("II. Dependent", n + 0.4, 0.1, "right", "bottom"),
      corner("III. Linkage", n + 0.4, n + 1.15, "right", "top"),
      corner("IV. Independent (drivers)", 0.1, n + 1.15, "left", "top"),
    ],
    showlegend: model !== undefined && groupCount > 1,
    legend: { title: { text: "Layer" }, orientation: "h", y: -0.18 },
    margin: { t: 60, r: 20, b: model ? 90 : 50, l: 60 },
    font: { family: FIGURE_FONT_FAMILY },
  };
}
