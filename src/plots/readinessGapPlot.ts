import { type PlotlyFigure, plotText, plotNumber, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";

/** One bar of {@link readinessGapPlot}: a component of a readiness assessment. */
export interface ReadinessGapBar {
  id: string;
  name: string;
  priority: number;
  /** Normalised gap g in [0, 1]. */
  gap: number;
  gapPoints: number;
  aspiration: number;
  role: "cause" | "effect" | "neutral";
}

/** The colours of the roles (Okabe–Ito): causes blue, receivers orange, neutral grey. */
const ROLE_STYLE = {
  cause: { color: "#0072B2", label: "net cause (D − R > 0)" },
  effect: { color: "#E69F00", label: "net receiver (D − R < 0)" },
  neutral: { color: "#6E6E6E", label: "neutral (D − R = 0)" },
} as const;

/**
 * The improvement priorities of a readiness assessment (docs/methods.md §13.4) as
 * horizontal bars, one per component from the first to improve (top) to the
 * last: bar length = the normalised gap to the aspiration, label = the gap in
 * points of the scale ("2.1 of 5"), colour = the component's role (net cause
 * or net receiver), so the figure reads on a slide without the report.
 * Every label is escaped for Plotly ({@link plotText}).
 * Source: the gap and order of docs/methods.md §13.2–13.4.
 * @throws nothing; an empty list gives a figure without bars.
 * @example
 * readinessGapPlot(assessment.components, { title: "Readiness of Centre A" });
 */
export function readinessGapPlot(bars: readonly ReadinessGapBar[], options: { title?: string } = {}): PlotlyFigure {
  const sorted = [...bars].sort((a, b) => a.priority - b.priority);
  const label = (b: ReadinessGapBar): string => `${b.priority}. ${plotText(b.name)}`;
  const data = (["cause", "neutral", "effect"] as const)
    .map((role) => ({ role, members: sorted.filter((b) => b.role === role) }))
    .filter((g) => g.members.length > 0)
    .map(({ role, members }) => ({
      type: "bar",
      orientation: "h",
      name: ROLE_STYLE[role].label,
      y: members.map(label),
      x: members.map((b) => b.gap),
      text: members.map((b) => `${plotNumber(b.gapPoints, 1)} of ${plotNumber(b.aspiration, 1)}`),
      textposition: "outside",
      cliponaxis: false,
      marker: { color: ROLE_STYLE[role].color },
      customdata: members.map((b) => plotText(b.id)),
      hovertemplate: "%{y} (%{customdata})<br>normalised gap %{x:.2f}, %{text}<extra></extra>",
    }));
  return {
    data,
    layout: {
      title: {
        text:
          plotText(options.title ?? "What to improve first") +
          "<br><sup>gap to the aspiration level, in priority order (net causes first); colour = role in the influence structure</sup>",
      },
      barmode: "overlay",
      xaxis: { title: { text: "normalised gap (0 = at aspiration, 1 = at the worst level)" }, range: [0, 1.15], zeroline: true },
      yaxis: { categoryorder: "array", categoryarray: sorted.map(label), autorange: "reversed", automargin: true },
      legend: { orientation: "h", y: -0.2 },
      margin: { t: 80, r: 40, b: 90, l: 20 },
      height: Math.max(320, 60 + 36 * sorted.length),
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}
