import { type PlotlyFigure, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";

/** The consensus gap-ratio curve: gap(p) for p = panelSizes[k], as a fraction (0.05 = 5%). */
export interface GapRatioCurve {
  panelSizes: readonly number[];
  gap: readonly number[];
}

/** Options of {@link gapRatioPlot}. */
export interface GapRatioPlotOptions {
  /** The consensus line, as a fraction (default 0.05). */
  limit?: number;
  title?: string;
  /** The no-agreement baseline of the final gap (docs/methods.md §3.1), drawn at the last panel size: its median and 5th percentile. */
  baseline?: { median: number; p05: number };
}

/**
 * The consensus gap-ratio curve (docs/methods.md §3.1) as a Plotly line chart: the
 * mean relative change of the average matrix when the p-th expert is added,
 * gap(p) in percent against p = 2..K, with the conventional 5% line of DEMATEL
 * studies and, when given, the no-agreement baseline's median and 5th
 * percentile at p = K (consensus beyond chance: the last point below the 5th
 * percentile). The curve depends on the order of the experts; the subtitle says so.
 * Source: the gap ratio as used in DEMATEL panels, e.g. Tzeng et al. (2007) §4.
 * @param panel a panel-quality result with `gapRatio`, or the curve itself.
 * @throws {RangeError} when `panelSizes` and `gap` differ in length.
 * @example
 * gapRatioPlot({ panelSizes: [2, 3, 4], gap: [0.2, 0.08, 0.03] });
 */
export function gapRatioPlot(panel: GapRatioCurve | { gapRatio: GapRatioCurve }, options: GapRatioPlotOptions = {}): PlotlyFigure {
  const curve = "gapRatio" in panel ? panel.gapRatio : panel;
  if (curve.panelSizes.length !== curve.gap.length) throw new RangeError(`gapRatioPlot: ${curve.panelSizes.length} panel sizes but ${curve.gap.length} gaps`);
  const limit = options.limit ?? 0.05;
  const pct = curve.gap.map((g) => 100 * g);
  const base = options.baseline;
  const baseY = base ? [100 * base.median, 100 * base.p05] : [];
  const ymax = Math.max(limit * 100 * 1.5, ...pct.filter(Number.isFinite), ...baseY.filter(Number.isFinite)) * 1.08;
  const K = curve.panelSizes[curve.panelSizes.length - 1];
  const baselineTrace = base
    ? [
        {
          type: "scatter",
          mode: "markers",
          name: "no-agreement panels (median, 5th percentile)",
          x: [K, K],
          y: baseY,
          marker: { size: 9, symbol: "line-ew-open", color: "#555555", line: { width: 2 } },
          hovertemplate: "no-agreement panels of %{x} experts: %{y:.2f}%<extra></extra>",
        },
      ]
    : [];
  return {
    data: [
      {
        type: "scatter",
        mode: "lines+markers",
        name: "gap ratio",
        x: [...curve.panelSizes],
        y: pct,
        line: { color: "#0072B2", width: 2 },
        marker: { size: 7, color: pct.map((g) => (g < limit * 100 ? "#009E73" : "#D55E00")) },
        hovertemplate: "after %{x} experts: %{y:.2f}%<extra></extra>",
      },
      ...baselineTrace,
    ],
    layout: {
      title: {
        text:
          plotText(options.title ?? "Consensus gap ratio") +
          "<br><sup>mean relative change of the average matrix when one more expert is added (depends on expert order)</sup>",
      },
      xaxis: { title: { text: "number of experts p" }, dtick: 1 },
      yaxis: { title: { text: "gap(p), %" }, range: [0, ymax], rangemode: "tozero" },
      shapes: [
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: limit * 100, y1: limit * 100, line: { color: "#D55E00", width: 1.5, dash: "dash" } },
      ],
      annotations: [
        {
          xref: "paper",
          x: 1,
          yref: "y",
          y: limit * 100,
          text: `${limit * 100}% (conventional rule)`,
          showarrow: false,
          xanchor: "right",
          yanchor: "bottom",
          font: { size: 11, color: "#D55E00" },
        },
      ],
      showlegend: false,
      margin: { t: 70, r: 20, b: 50, l: 60 },
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}
