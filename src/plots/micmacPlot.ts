import type { Model } from "../types.js";
import { type PlotlyFigure, plotText } from "./plotlyFigure.js";
import { layerColorGroups } from "./layerColorGroups.js";

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

/**
 * MICMAC driving-power / dependence chart (METHODS §4): each component at
 * (dependence, driving power) from the reachability matrix of the
 * thresholded T, with the quadrant lines at n/2 and the four quadrant names
 * (autonomous: low/low; dependent: high dependence; linkage: high/high;
 * independent (driver): high driving power). Points that coincide are
 * labelled together. With a model, points are coloured by proposed layer
 * (one trace per layer, legend by layer name), so a reader sees whether the
 * outer layers sit among the drivers.
 * Source: Duperrin & Godet (1973), MICMAC; Warfield (1974) / Sage (1977), ISM.
 * @throws {RangeError} when driving or dependence lengths differ from the component count.
 * @example
 * micmacPlot({ components: ["A", "B"], driving: [2, 1], dependence: [1, 2] });
 */
export function micmacPlot(micmac: MicmacInput, model?: Model): PlotlyFigure {
  const ids = micmac.components;
  const n = ids.length;
  if (micmac.driving.length !== n || micmac.dependence.length !== n) throw new RangeError(`micmacPlot: ${n} components but ${micmac.driving.length} driving and ${micmac.dependence.length} dependence values`);
  // One trace per layer (one grey trace without a model); within a trace, coinciding points share a label.
  const SIDES = ["top center", "bottom center", "middle right", "middle left"];
  const groups = layerColorGroups(ids, model);
  const used = new Map<string, number>();
  const data = groups.map((g) => {
    const at = new Map<string, number[]>();
    for (const i of g.members) {
      const key = `${micmac.dependence[i]},${micmac.driving[i]}`;
      at.set(key, [...(at.get(key) ?? []), i]);
    }
    const points = [...at.entries()];
    return {
      type: "scatter",
      mode: "markers+text",
      name: plotText(g.name),
      x: points.map(([, p]) => micmac.dependence[p[0]]),
      y: points.map(([, p]) => micmac.driving[p[0]]),
      text: points.map(([, p]) => p.map((i) => plotText(ids[i])).join(", ")),
      // A point already labelled by another layer's trace gets its label on another side.
      textposition: points.map(([key]) => {
        const k = used.get(key) ?? 0;
        used.set(key, k + 1);
        return SIDES[k % SIDES.length];
      }),
      hovertext: points.map(([, p]) => p.map((i) => `${plotText(ids[i])}${micmac.quadrant ? ` (${plotText(micmac.quadrant[i])})` : ""}`).join("<br>") + `<br>dependence ${micmac.dependence[p[0]]}, driving power ${micmac.driving[p[0]]}`),
      hoverinfo: "text",
      marker: { size: 12, color: model ? g.color : "#0072B2" },
      cliponaxis: false,
    };
  });
  const half = n / 2;
  const corner = (text: string, x: number, y: number, xanchor: string, yanchor: string): Record<string, unknown> => ({
    x, y, xref: "x", yref: "y", text: `<i>${text}</i>`, showarrow: false, xanchor, yanchor, font: { size: 11, color: "#777" },
  });
  return {
    data,
    layout: {
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
      showlegend: model !== undefined && groups.length > 1,
      legend: { title: { text: "Layer" }, orientation: "h", y: -0.18 },
      margin: { t: 60, r: 20, b: model ? 90 : 50, l: 60 },
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    },
  };
}
