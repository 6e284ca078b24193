import { type PlotlyFigure, plotNumber, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";

/** One ordering of the proposed layers and its trend statistic. */
export interface LayerOrderEntry {
  /** Layer ids (or names), outermost first. */
  order: readonly string[];
  statistic: number;
  /** True for the order the model proposes. */
  proposed?: boolean;
}

/**
 * The layer-order ranking (docs/methods.md §6.1, best-fitting structure): S_trend for
 * every ordering of the proposed layers as a horizontal bar chart, best at
 * the top, the proposed order highlighted, so a reader sees where the
 * paper's order ranks among the L! alternatives.
 * Source: docs/methods.md §6.1.
 * @param orders the L! orders with their statistic (any order; sorted here), or an object holding them as `orders`.
 * @example
 * layerOrderPlot([{ order: ["L1", "L2"], statistic: 0.6, proposed: true }, { order: ["L2", "L1"], statistic: -0.6 }]);
 */
export function layerOrderPlot(orders: readonly LayerOrderEntry[] | { orders: readonly LayerOrderEntry[] }): PlotlyFigure {
  const list = [...("orders" in orders ? orders.orders : orders)].sort((a, b) => b.statistic - a.statistic);
  const labels = list.map((o) => o.order.map(plotText).join(" → "));
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x: list.map((o) => o.statistic),
        y: labels,
        marker: { color: list.map((o) => (o.proposed ? "#D55E00" : "#9CB8D3")) },
        text: list.map((o) => plotNumber(o.statistic, 3) + (o.proposed ? "  (proposed)" : "")),
        textposition: "auto",
        hovertemplate: "%{y}: S_trend = %{x:.3f}<extra></extra>",
      },
    ],
    layout: {
      title: {
        text: "S<sub>trend</sub> for every order of the layers<br><sup>proposed order highlighted; +1 = relation falls strictly from the first to the last layer</sup>",
      },
      xaxis: { title: { text: "S_trend" }, range: [-1.05, 1.05], zeroline: true },
      yaxis: { type: "category", autorange: "reversed", automargin: true },
      showlegend: false,
      height: Math.max(300, 22 * list.length + 140),
      margin: { t: 70, r: 20, b: 50, l: 20 },
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}
