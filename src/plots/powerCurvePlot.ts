import { type PlotlyFigure, plotNumber, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import { LAYER_COLORS } from "./layerColorGroups.js";

/** What {@link powerCurvePlot} reads from a power simulation result (a `powerCurve` result). */
export interface PowerCurveInput {
  panelSizes: readonly number[];
  power: readonly number[];
  /** Monte Carlo standard error of each power estimate (optional). */
  mcse?: readonly number[];
  /** The generative settings; `delta` names the curve in the legend. */
  settings?: object;
}

/** Marker symbols per curve, so curves stay apart in grey print as well as by colour. */
const SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "triangle-down", "star"];

/**
 * A value of δ for labels: as many decimals as it needs (up to 4), at least
 * two, so that δ = 0.025 is not shown as 0.03 and δ = 0.5 reads "0.50".
 * @example
 * formatDelta(0.025); // "0.025"
 */
export function formatDelta(delta: number): string {
  if (!Number.isFinite(delta) || delta === 0) return String(delta);
  let digits = 2;
  while (digits < 4 && Math.abs(Number(delta.toFixed(digits)) - delta) > 1e-12) digits++;
  return plotNumber(delta, digits);
}

/**
 * Power of the layer trend test against the number of experts K (docs/methods.md §8.4)
 * as a Plotly line chart: for each curve (one per layer effect δ), the share
 * of simulated panels whose trend p-value is below α, with ±2 Monte Carlo
 * standard errors as error bars; the conventional 80% target and the nominal
 * level α as dashed grey lines. One curve: its settings (δ, σ, τ, c, sims, α,
 * seed) in the subtitle. Several curves: one line per δ in the Okabe–Ito
 * colour-blind-safe palette, each with its own marker symbol, legend
 * "δ = …", and the settings they share in the subtitle.
 * Source: docs/methods.md §8.1 (this project's generative model); Okabe & Ito (2008), "Color Universal Design".
 * @param power one `powerCurve` result, or several (e.g. one per δ, same panel sizes or not).
 * @throws {RangeError} when a curve's `panelSizes` and `power` differ in length, or no curve is given.
 * @example
 * powerCurvePlot({ panelSizes: [5, 10], power: [0.3, 0.7], mcse: [0.01, 0.01], settings: { significanceLevel: 0.05 } });
 * powerCurvePlot([curveDelta005, curveDelta01]); // two lines, legend "δ = 0.05", "δ = 0.10"
 */
export function powerCurvePlot(power: PowerCurveInput | readonly PowerCurveInput[]): PlotlyFigure {
  const curves: readonly PowerCurveInput[] = isCurveList(power) ? power : [power];
  if (curves.length === 0) throw new RangeError("powerCurvePlot needs at least one curve");
  for (const c of curves)
    if (c.panelSizes.length !== c.power.length) throw new RangeError(`powerCurvePlot: ${c.panelSizes.length} panel sizes but ${c.power.length} power values`);
  const first = settingsOf(curves[0]);
  const level = typeof first.significanceLevel === "number" ? first.significanceLevel : 0.05;
  const single = curves.length === 1;
  const label = (k: string, v: number): string =>
    `${k === "delta" ? "δ" : k === "sigma" ? "σ" : k === "tau" ? "τ" : k === "significanceLevel" ? "α" : k} = ${k === "delta" ? formatDelta(v) : plotNumber(v, Number.isInteger(v) ? 0 : 2)}`;
  // Subtitle: every setting for one curve; for several, the settings they all share (δ is in the legend).
  const keys = (single ? ["delta"] : []).concat(["sigma", "tau", "c", "sims", "significanceLevel", "seed"]);
  const shown = keys.filter((k) => typeof first[k] === "number" && curves.every((c) => settingsOf(c)[k] === first[k])).map((k) => label(k, first[k] as number));
  const data = powerTraces(curves);
  return {
    data,
    layout: {
      title: { text: "Power of the layer trend test" + (shown.length ? `<br><sup>${shown.join(", ")}; error bars ±2 Monte Carlo SE</sup>` : "") },
      xaxis: { title: { text: "number of experts K" } },
      yaxis: { title: { text: "power (share of panels with p < α)" }, range: [0, 1.02] },
      shapes: [
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 0.8, y1: 0.8, line: { color: "#555555", width: 1.2, dash: "dash" } },
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: level, y1: level, line: { color: "#555555", width: 1.2, dash: "dot" } },
      ],
      annotations: [
        { xref: "paper", x: 0, yref: "y", y: 0.8, text: "80%", showarrow: false, xanchor: "left", yanchor: "bottom", font: { size: 11, color: "#555555" } },
        {
          xref: "paper",
          x: 0,
          yref: "y",
          y: level,
          text: `α = ${level}`,
          showarrow: false,
          xanchor: "left",
          yanchor: "bottom",
          font: { size: 11, color: "#555555" },
        },
      ],
      showlegend: !single,
      legend: { title: { text: "layer effect" }, orientation: "h", y: -0.2 },
      margin: { t: 70, r: 20, b: single ? 50 : 90, l: 60 },
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}

function isCurveList(x: PowerCurveInput | readonly PowerCurveInput[]): x is readonly PowerCurveInput[] {
  return Array.isArray(x);
}

/** A curve's settings as a record (empty when it has none). */
const settingsOf = (c: PowerCurveInput): Record<string, unknown> => (c.settings ?? {}) as Record<string, unknown>;

/** One line per curve with ±2 MCSE error bars: blue for a single curve; else the palette, a marker symbol each and a legend by δ. */
function powerTraces(curves: readonly PowerCurveInput[]): PlotlyFigure["data"] {
  const single = curves.length === 1;
  return curves.map((c, i) => {
    const delta = settingsOf(c).delta;
    const color = single ? "#0072B2" : LAYER_COLORS[i % LAYER_COLORS.length];
    const name = typeof delta === "number" ? `δ = ${formatDelta(delta)}` : single ? "power" : `curve ${i + 1}`;
    return {
      type: "scatter",
      mode: "lines+markers",
      name,
      x: [...c.panelSizes],
      y: [...c.power],
      error_y: c.mcse ? { type: "data", array: c.mcse.map((m) => 2 * m), visible: true, color, thickness: 1 } : undefined,
      line: { color, width: 2, dash: i < LAYER_COLORS.length ? "solid" : "dash" },
      marker: { color, size: 7, symbol: SYMBOLS[i % SYMBOLS.length] },
      hovertemplate: `${single ? "" : name + ", "}K = %{x}: power %{y:.3f}<extra></extra>`,
    };
  });
}
