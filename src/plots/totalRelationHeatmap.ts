import { type PlotlyFigure, plotNumber, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";

/** What {@link totalRelationHeatmap} reads from a DEMATEL result. */
export interface TotalRelationHeatmapInput {
  components: readonly string[];
  total: ReadonlyArray<readonly number[]>;
  threshold?: { method: string; value: number };
}

/** Options of {@link totalRelationHeatmap}. */
export interface TotalRelationHeatmapOptions {
  /** Decimals shown in the cells (default 3). */
  digits?: number;
  /** Figure title (default "Total-relation matrix T"). */
  title?: string;
}

/**
 * The total-relation matrix T as a Plotly heatmap: rows = influencing
 * component ("from", top to bottom in model order), columns = influenced
 * component ("to"), each cell showing t_ij; cells above the threshold α
 * (the impact-relation map's edges, off-diagonal) are written in bold and
 * the threshold is stated in the title.
 * Source: Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044 (T and the threshold).
 * @throws {RangeError} when T is not n×n for the n component ids.
 * @example
 * const fig = totalRelationHeatmap(dematel(A, { components: ids }));
 */
export function totalRelationHeatmap(result: TotalRelationHeatmapInput, options: TotalRelationHeatmapOptions = {}): PlotlyFigure {
  const ids = result.components.map(plotText);
  const T = result.total;
  const n = ids.length;
  if (T.length !== n || T.some((row) => row.length !== n)) throw new RangeError(`totalRelationHeatmap: T must be ${n}×${n}`);
  const digits = options.digits ?? 3;
  const alpha = result.threshold?.value;
  const text = T.map((row, i) => row.map((v, j) => (alpha !== undefined && i !== j && v > alpha ? `<b>${plotNumber(v, digits)}</b>` : plotNumber(v, digits))));
  const title =
    plotText(options.title ?? "Total-relation matrix T") +
    (alpha !== undefined
      ? `<br><sup>bold: t<sub>ij</sub> &gt; α = ${plotNumber(alpha, 4)} (threshold: ${plotText(result.threshold?.method ?? "")})</sup>`
      : "");
  return {
    data: [
      {
        type: "heatmap",
        z: T.map((row) => [...row]),
        x: ids,
        y: ids,
        text,
        texttemplate: "%{text}",
        hovertemplate: "%{y} → %{x}: t = %{z:.4f}<extra></extra>",
        colorscale: [
          [0, "#f7fbff"],
          [0.5, "#6baed6"],
          [1, "#08306b"],
        ],
        colorbar: { title: { text: "t<sub>ij</sub>" } },
        xgap: 1,
        ygap: 1,
      },
    ],
    layout: {
      title: { text: title },
      xaxis: { title: { text: "influenced (to)" }, type: "category" },
      yaxis: { title: { text: "influencing (from)" }, autorange: "reversed", type: "category" },
      margin: { t: 80, r: 20, b: 60, l: 80 },
      height: Math.max(380, 38 * n + 160),
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}
