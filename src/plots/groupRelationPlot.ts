import type { Model } from "../types.js";
import { type PlotlyFigure, plotNumber, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import type { ForestInterval } from "./relationForestPlot.js";

/** One group of {@link groupRelationPlot}: its label and each component's relation, with an interval when bootstrapped. */
export interface GroupRelationSeries {
  label: string;
  /** Per component, in `components` order: the estimate and, when a bootstrap ran, its percentile interval. */
  relation: ReadonlyArray<ForestInterval | { estimate: number }>;
}

/** The two groups' colours (Okabe–Ito blue and vermillion). */
const GROUP_COLORS = ["#0072B2", "#D55E00"] as const;

/**
 * Dumbbell (paired forest) plot of two expert groups' relation D−R per component (docs/methods.md §12.6):
 * one row per component in model order, each group's estimate with its bootstrap percentile interval
 * (docs/methods.md §7.1), the two estimates joined by a grey segment, the zero line separating causes
 * (right) from effects (left). A long segment is a large difference; the permutation p-values say
 * whether it is larger than relabelling the experts would give.
 * @throws {RangeError} when a group's relation length differs from the number of components.
 * @example
 * groupRelationPlot(["LEAD", "CUL"], [{ label: "managers", relation: [{ estimate: 0.4 }, { estimate: -0.4 }] }, { label: "agents", relation: [{ estimate: 0.1 }, { estimate: -0.1 }] }]);
 */
export function groupRelationPlot(components: readonly string[], groups: readonly GroupRelationSeries[], model?: Model, level = 0.95): PlotlyFigure {
  for (const g of groups)
    if (g.relation.length !== components.length)
      throw new RangeError(`groupRelationPlot: ${components.length} components but ${g.relation.length} values in group ${g.label}`);
  const names = new Map((model?.components ?? []).map((c) => [c.id, c.name] as const));
  const n = components.length;
  const row = (i: number): number => n - 1 - i;
  const offset = (g: number): number => (groups.length === 1 ? 0 : 0.15 - (0.3 * g) / (groups.length - 1));
  const segments = {
    type: "scatter",
    mode: "lines",
    showlegend: false,
    hoverinfo: "skip",
    line: { color: "#999999", width: 3 },
    x: components.flatMap((_, i) => [...groups.map((g) => g.relation[i].estimate), null]),
    y: components.flatMap((_, i) => [...groups.map((_g, k) => row(i) + offset(k)), null]),
  };
  const traces = groups.map((g, k) => {
    const iv = (i: number): ForestInterval | undefined => ("lower" in g.relation[i] ? (g.relation[i] as ForestInterval) : undefined);
    const color = GROUP_COLORS[k % GROUP_COLORS.length];
    return {
      type: "scatter",
      mode: "markers",
      name: plotText(g.label),
      x: g.relation.map((r) => r.estimate),
      y: components.map((_, i) => row(i) + offset(k)),
      error_x: {
        type: "data",
        symmetric: false,
        array: components.map((_, i) => (iv(i) ? iv(i)!.upper - iv(i)!.estimate : 0)),
        arrayminus: components.map((_, i) => (iv(i) ? iv(i)!.estimate - iv(i)!.lower : 0)),
        color,
        thickness: 2,
        width: 5,
      },
      marker: { size: 10, color, symbol: k === 0 ? "circle" : "diamond" },
      hovertext: components.map((id, i) => {
        const r = iv(i);
        return (
          `<b>${plotText(names.get(id) ?? id)}</b> (${plotText(id)})<br>${plotText(g.label)}: D−R = ${plotNumber(g.relation[i].estimate)}` +
          (r ? `<br>${Math.round(level * 100)}% interval [${plotNumber(r.lower)}, ${plotNumber(r.upper)}]` : "")
        );
      }),
      hoverinfo: "text",
    };
  });
  return {
    data: [segments, ...traces],
    layout: {
      title: { text: "Relation D−R per component, by expert group" },
      font: { family: FIGURE_FONT_FAMILY },
      xaxis: { title: { text: "relation D−R (← effect · cause →)" }, zeroline: true, zerolinewidth: 2 },
      yaxis: { tickvals: components.map((_, i) => row(i)), ticktext: components.map((id) => plotText(id)), range: [-0.6, n - 0.4] },
      height: Math.max(360, 48 * n + 120),
      margin: { l: 80, r: 30, t: 60, b: 60 },
      legend: { orientation: "h", y: -0.15 },
    },
  };
}
