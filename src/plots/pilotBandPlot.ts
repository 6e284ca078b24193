import type { PlotlyFigure } from "./plotlyFigure.js";
import type { PilotPowerBand } from "../simulate/pilotPowerBand.js";
import { powerCurvePlot, type PowerCurveInput } from "./powerCurvePlot.js";

/**
 * The power curve at a pilot's estimates with the band of its parameter uncertainty behind it (docs/methods.md §8.6):
 * a shaded area between the band's lower and upper edges (the level as a share of the pilot's bootstrap draws),
 * its median as a dotted line, and the curve at the estimates with ±2 Monte Carlo SE on top.
 * @example
 * pilotBandPlot(curveAtEstimates, await pilotPowerBand(model, pilot, { draws: 40 }));
 */
export function pilotBandPlot(
  curve: PowerCurveInput,
  band: Pick<PilotPowerBand, "panelSizes" | "lower" | "median" | "upper" | "level" | "draws" | "sims">,
): PlotlyFigure {
  const figure = powerCurvePlot(curve);
  const pct = Math.round(100 * band.level);
  const edge = { type: "scatter", mode: "lines", x: [...band.panelSizes], line: { width: 0, color: "#56B4E9" }, hoverinfo: "skip", showlegend: false };
  figure.data = [
    { ...edge, y: [...band.lower], name: `${pct}% band, lower` },
    {
      ...edge,
      y: [...band.upper],
      fill: "tonexty",
      fillcolor: "rgba(86, 180, 233, 0.25)",
      name: `${pct}% of ${band.draws} pilot draws (${band.sims} panels each)`,
      showlegend: true,
    },
    {
      type: "scatter",
      mode: "lines",
      x: [...band.panelSizes],
      y: [...band.median],
      name: "median over the draws",
      line: { color: "#56B4E9", width: 1.5, dash: "dot" },
      hovertemplate: "K = %{x}: median power %{y:.3f}<extra></extra>",
    },
    ...figure.data.map((t) => ({ ...t, name: "at the pilot's estimates" })),
  ];
  figure.layout.showlegend = true;
  figure.layout.legend = { orientation: "h", y: -0.2 };
  figure.layout.margin = { t: 70, r: 20, b: 90, l: 60 };
  return figure;
}
