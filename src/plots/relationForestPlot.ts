import { formatShare } from "./formatShare.js";
import type { Model } from "../types.js";
import { type PlotlyFigure, plotNumber, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import { layerColorGroups } from "./layerColorGroups.js";

/** A point estimate with a percentile interval. */
export interface ForestInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/** What {@link relationForestPlot} reads from a bootstrap result. */
export interface RelationForestInput {
  components: readonly string[];
  relation: readonly ForestInterval[];
  /** Interval level, e.g. 0.95 (default 0.95). */
  level?: number;
  B?: number;
  seed?: number;
  /** Share of resampled panels with relation_i > 0 per component (optional, shown in the hover by `formatShare`). */
  pCause?: readonly number[];
}

/**
 * Forest plot of each component's relation D−R with its bootstrap percentile
 * interval (docs/methods.md §7.2), components top to bottom in model order, coloured
 * by layer (one trace per layer), with the zero line that separates causes
 * (right) from effects (left). An interval that does not cross zero means
 * the component's role is stable over resampled panels.
 * Source: docs/methods.md §7.1 (bootstrap over experts); Efron & Tibshirani (1993), ch. 13 (percentile intervals).
 * @throws {RangeError} when the number of intervals differs from the number of components.
 * @example
 * relationForestPlot(bootstrapExperts(matrices, model, { B: 2000, seed: 1 }), model);
 */
export function relationForestPlot(bootstrap: RelationForestInput, model?: Model): PlotlyFigure {
  const ids = [...bootstrap.components];
  if (bootstrap.relation.length !== ids.length) throw new RangeError(`relationForestPlot: ${ids.length} components but ${bootstrap.relation.length} intervals`);
  const names = new Map((model?.components ?? []).map((c) => [c.id, c.name] as const));
  const level = bootstrap.level ?? 0.95;
  const data = layerColorGroups(ids, model).map((g) => ({
    type: "scatter",
    mode: "markers",
    name: plotText(g.name),
    x: g.members.map((i) => bootstrap.relation[i].estimate),
    y: g.members.map((i) => plotText(ids[i])),
    error_x: {
      type: "data",
      symmetric: false,
      array: g.members.map((i) => bootstrap.relation[i].upper - bootstrap.relation[i].estimate),
      arrayminus: g.members.map((i) => bootstrap.relation[i].estimate - bootstrap.relation[i].lower),
      color: g.color,
      thickness: 2,
      width: 6,
    },
    marker: { size: 10, color: g.color, symbol: "diamond" },
    hovertext: g.members.map((i) => {
      const r = bootstrap.relation[i];
      return (
        `<b>${plotText(names.get(ids[i]) ?? ids[i])}</b> (${plotText(ids[i])})<br>D−R = ${plotNumber(r.estimate)}<br>${Math.round(level * 100)}% interval [${plotNumber(r.lower)}, ${plotNumber(r.upper)}]` +
        (bootstrap.pCause ? `<br>P(cause) = ${formatShare(bootstrap.pCause[i], bootstrap.B ?? 0)} (share of resampled panels)` : "")
      );
    }),
    hoverinfo: "text",
  }));
  return {
    data,
    layout: {
      title: {
        text:
          `Relation D − R with ${Math.round(level * 100)}% bootstrap intervals` +
          (bootstrap.B
            ? `<br><sup>B = ${bootstrap.B} resampled panels${bootstrap.seed !== undefined ? `, seed ${bootstrap.seed}` : ""}; right of zero: cause, left: effect</sup>`
            : ""),
      },
      xaxis: { title: { text: "Relation (D − R)" }, zeroline: false },
      yaxis: { type: "category", categoryorder: "array", categoryarray: ids.map(plotText), autorange: "reversed" },
      shapes: [{ type: "line", xref: "x", x0: 0, x1: 0, yref: "paper", y0: 0, y1: 1, line: { color: "#444", width: 1.2 } }],
      legend: { title: { text: "Layer" }, orientation: "h", y: -0.15 },
      margin: { t: 70, r: 20, b: 80, l: 80 },
      height: Math.max(320, 60 + 32 * ids.length + 120),
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}
