import { type PlotlyFigure, plotNumber } from "./plotlyFigure.js";

/** What {@link powerCurvePlot} reads from a power simulation result. */
export interface PowerCurveInput {
  experts: readonly number[];
  power: readonly number[];
  /** Monte Carlo standard error of each power estimate (optional). */
  mcse?: readonly number[];
  settings?: object;
}

/**
 * Power of the layer trend test against the number of experts K (METHODS §7)
 * as a Plotly line chart: the share of simulated panels whose trend p-value
 * is below α, with ±2 Monte Carlo standard errors as error bars, the
 * conventional 80% target and the nominal level α as dashed lines; the
 * generative settings (δ, σ, τ, sims, α, seed) in the subtitle.
 * Source: METHODS §7 (this project's generative model).
 * @throws {RangeError} when `experts` and `power` differ in length.
 * @example
 * powerCurvePlot({ experts: [5, 10], power: [0.3, 0.7], mcse: [0.01, 0.01], settings: { alpha: 0.05 } });
 */
export function powerCurvePlot(power: PowerCurveInput): PlotlyFigure {
  if (power.experts.length !== power.power.length) throw new RangeError(`powerCurvePlot: ${power.experts.length} panel sizes but ${power.power.length} power values`);
  const s = (power.settings ?? {}) as Record<string, unknown>;
  const alpha = typeof s.alpha === "number" ? s.alpha : 0.05;
  const shown = ["delta", "sigma", "tau", "c", "sims", "alpha", "seed"].filter((k) => typeof s[k] === "number").map((k) => `${k === "delta" ? "δ" : k === "sigma" ? "σ" : k === "tau" ? "τ" : k} = ${plotNumber(s[k] as number, Number.isInteger(s[k]) ? 0 : 2)}`);
  return {
    data: [
      {
        type: "scatter",
        mode: "lines+markers",
        name: "power",
        x: [...power.experts],
        y: [...power.power],
        error_y: power.mcse ? { type: "data", array: power.mcse.map((m) => 2 * m), visible: true, color: "#0072B2" } : undefined,
        line: { color: "#0072B2", width: 2 },
        hovertemplate: "K = %{x}: power %{y:.3f}<extra></extra>",
      },
    ],
    layout: {
      title: { text: "Power of the layer trend test" + (shown.length ? `<br><sup>${shown.join(", ")}; error bars ±2 Monte Carlo SE</sup>` : "") },
      xaxis: { title: { text: "number of experts K" } },
      yaxis: { title: { text: "power (share of panels with p < α)" }, range: [0, 1.02] },
      shapes: [
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 0.8, y1: 0.8, line: { color: "#009E73", width: 1.2, dash: "dash" } },
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: alpha, y1: alpha, line: { color: "#D55E00", width: 1.2, dash: "dot" } },
      ],
      annotations: [
        { xref: "paper", x: 0, yref: "y", y: 0.8, text: "80%", showarrow: false, xanchor: "left", yanchor: "bottom", font: { size: 11, color: "#009E73" } },
        { xref: "paper", x: 0, yref: "y", y: alpha, text: `α = ${alpha}`, showarrow: false, xanchor: "left", yanchor: "bottom", font: { size: 11, color: "#D55E00" } },
      ],
      showlegend: false,
      margin: { t: 70, r: 20, b: 50, l: 60 },
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    },
  };
}
