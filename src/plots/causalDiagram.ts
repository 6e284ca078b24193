import type { Model } from "../types.js";
import { type PlotlyFigure, plotNumber, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import { layerColorGroups } from "./layerColorGroups.js";
import { roleOf, type Role } from "../core/dematel.js";

/** What {@link causalDiagram} reads from a DEMATEL result (a `DematelResult` or an `AnalysisResult`). */
export interface CausalDiagramInput {
  components: readonly string[];
  prominence: readonly number[];
  relation: readonly number[];
  /** Impact-relation map edges t_ij > α; drawn as arrows. */
  edges?: ReadonlyArray<{ from: string; to: string; value: number }>;
  threshold?: { method: string; value: number };
}

/** Options of {@link causalDiagram}. */
export interface CausalDiagramOptions {
  /** Figure title (default "Causal diagram"). */
  title?: string;
  /** Draw the impact-relation map edges as arrows (default true). */
  arrows?: boolean;
  /** Arrow widths, thinnest and thickest, in px (default [0.8, 3.5]). */
  arrowWidth?: [number, number];
}

/** The four quadrant captions, named as in the DEMATEL literature (e.g. Si et al. 2018, MPE 3696457, §2). */
export const QUADRANT_CAPTIONS = {
  coreDrivers: "Core drivers (high prominence, cause)",
  independentDrivers: "Independent drivers (low prominence, cause)",
  coreEffects: "Core effects (high prominence, effect)",
  independentEffects: "Independent effects (low prominence, effect)",
} as const;

/**
 * The DEMATEL causal diagram (influential relation map) as a Plotly figure:
 * each component at (prominence D+R, relation D−R), coloured by layer (one
 * trace per layer, legend by layer name, Okabe–Ito palette), its id written
 * on the point and its full name, layer and values in the hover text;
 * quadrant lines at relation = 0 and prominence = mean prominence, with the
 * four quadrant captions; the impact-relation map edges (t_ij > α) as arrows
 * from i to j, wider for stronger influence.
 * Source: Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044 (the causal diagram);
 * Si, You, Liu & Zhang (2018), Mathematical Problems in Engineering 3696457 (quadrant reading).
 * @param result a `DematelResult` or `AnalysisResult`.
 * @param model gives names and layers (default: ids only, one colour).
 * @throws {RangeError} when prominence/relation lengths differ from the component count, or an edge names an unknown component.
 * @example
 * const fig = causalDiagram(dematel(A, { components: ids }), model);
 * // Plotly.newPlot(div, fig.data, fig.layout)
 */
export function causalDiagram(result: CausalDiagramInput, model?: Model, options: CausalDiagramOptions = {}): PlotlyFigure {
  const ids = [...result.components];
  const n = ids.length;
  if (result.prominence.length !== n || result.relation.length !== n)
    throw new RangeError(`causalDiagram: ${n} components but ${result.prominence.length} prominence and ${result.relation.length} relation values`);
  const x = result.prominence;
  const y = result.relation;
  const data = componentTraces(ids, x, y, model);
  const [xr, yr] = axisRanges(x, y);
  const edges = options.arrows === false ? [] : (result.edges ?? []);
  const annotations = [...edgeArrows(edges, ids, x, y, options.arrowWidth), ...quadrantCaptions(xr, yr)];
  const thr = result.threshold;
  const title =
    plotText(options.title ?? "Causal diagram") +
    (edges.length && thr
      ? `<br><sup>arrows: t<sub>ij</sub> &gt; α = ${plotNumber(thr.value, 4)} (${plotText(thr.method)}); ${edges.length} edge${edges.length === 1 ? "" : "s"}</sup>`
      : "");
  const meanX = x.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "Prominence (D + R)" }, range: xr, zeroline: false },
      yaxis: { title: { text: "Relation (D − R)" }, range: yr, zeroline: false },
      shapes: [
        { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 0, y1: 0, line: { color: "#444", width: 1.2 } },
        { type: "line", xref: "x", x0: meanX, x1: meanX, yref: "paper", y0: 0, y1: 1, line: { color: "#888", width: 1, dash: "dash" } },
      ],
      annotations,
      legend: { title: { text: "Layer" }, orientation: "h", y: -0.18 },
      hovermode: "closest",
      height: 640,
      margin: { t: 70, r: 20, b: 90, l: 70 },
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}

/** One scatter trace per layer (legend by layer name, Okabe–Ito colour): each component's id on its point, its names, layer and values in the hover text. */
function componentTraces(ids: readonly string[], x: readonly number[], y: readonly number[], model: Model | undefined): PlotlyFigure["data"] {
  const n = ids.length;
  const names = new Map((model?.components ?? []).map((c) => [c.id, c.name] as const));
  const namesFa = new Map(
    (model?.components ?? []).filter((c) => typeof c.name_fa === "string" && c.name_fa !== "").map((c) => [c.id, c.name_fa as string] as const),
  );
  const groups = layerColorGroups(ids, model);
  const layerOf = new Array<string>(n).fill("");
  groups.forEach((g) => g.members.forEach((i) => (layerOf[i] = g.id ? g.name : "")));
  const side = labelPositions(x, y);
  const hoverText = (i: number): string => {
    const name = names.get(ids[i]);
    return (
      `<b>${plotText(name ?? ids[i])}</b>` +
      (name ? ` (${plotText(ids[i])})` : "") +
      (namesFa.has(ids[i]) ? `<br>${plotText(namesFa.get(ids[i]))}` : "") +
      (layerOf[i] ? `<br>Layer: ${plotText(layerOf[i])}` : "") +
      `<br>Prominence D+R = ${plotNumber(x[i])}<br>Relation D−R = ${plotNumber(y[i])}<br>${ROLE_WORDS[roleOf(y[i])]}`
    );
  };
  return groups.map((g) => ({
    type: "scatter",
    mode: "markers+text",
    name: plotText(g.name),
    legendgroup: g.id || "none",
    x: g.members.map((i) => x[i]),
    y: g.members.map((i) => y[i]),
    text: g.members.map((i) => plotText(ids[i])),
    textposition: g.members.map((i) => side[i]),
    textfont: { size: 13, color: "#222" },
    hovertext: g.members.map(hoverText),
    hoverinfo: "text",
    marker: { size: 14, color: g.color, line: { color: "#ffffff", width: 1.5 } },
    cliponaxis: false,
  }));
}

/** A component's role (`roleOf`, the package's one rule) as the hover text says it. */
const ROLE_WORDS: Readonly<Record<Role, string>> = { cause: "cause (net driver)", effect: "effect (net receiver)", neutral: "neutral" };

/** Label sides, in order of preference, for a cause (label above) and an effect (label below). */
const CAUSE_LABEL_SIDES = ["top center", "middle right", "middle left", "top right", "top left", "bottom center"];
const EFFECT_LABEL_SIDES = ["bottom center", "middle right", "middle left", "bottom right", "bottom left", "top center"];

/**
 * Where each point's id is written (a Plotly `textposition`). Causes (and
 * neutral components) get their label above, effects below (`roleOf`):
 * arrows mostly run from causes down to effects, so the label sits on the
 * side away from the incoming arrowheads. A point
 * close to an earlier one (within 6% of the x span and 8% of the y span) gets
 * the next side its neighbours have not taken, so ids stay readable.
 */
function labelPositions(x: readonly number[], y: readonly number[]): string[] {
  const n = x.length;
  const spanX = Math.max(...x) - Math.min(...x) || 1;
  const spanY = Math.max(...y) - Math.min(...y) || 1;
  const side = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const taken = new Set<string>();
    for (let j = 0; j < i; j++) if (Math.abs(x[i] - x[j]) < 0.06 * spanX && Math.abs(y[i] - y[j]) < 0.08 * spanY) taken.add(side[j]);
    const prefs = roleOf(y[i]) === "effect" ? EFFECT_LABEL_SIDES : CAUSE_LABEL_SIDES;
    side[i] = prefs.find((s) => !taken.has(s)) ?? prefs[0];
  }
  return side;
}

/** The x and y axis ranges: the points and relation 0, with room for labels and captions. */
function axisRanges(x: readonly number[], y: readonly number[]): [[number, number], [number, number]] {
  const xmin = Math.min(...x),
    xmax = Math.max(...x);
  const ymin = Math.min(0, ...y),
    ymax = Math.max(0, ...y);
  const xpad = Math.max((xmax - xmin) * 0.12, 1e-3 + Math.abs(xmax) * 0.05);
  const ypad = Math.max((ymax - ymin) * 0.15, 1e-3 + Math.max(Math.abs(ymax), Math.abs(ymin)) * 0.1);
  return [
    [xmin - xpad, xmax + xpad],
    [ymin - ypad, ymax + ypad],
  ];
}

/** One arrow annotation per edge, from i to j, wider and darker for stronger influence (widths `arrowWidth`, default [0.8, 3.5] px). */
function edgeArrows(
  edges: NonNullable<CausalDiagramInput["edges"]>,
  ids: readonly string[],
  x: readonly number[],
  y: readonly number[],
  arrowWidth: [number, number] | undefined,
): Array<Record<string, unknown>> {
  const arrows: Array<Record<string, unknown>> = [];
  if (!edges.length) return arrows;
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const [wmin, wmax] = arrowWidth ?? [0.8, 3.5];
  const vmin = Math.min(...edges.map((e) => e.value));
  const vmax = Math.max(...edges.map((e) => e.value));
  for (const e of edges) {
    const i = index.get(e.from),
      j = index.get(e.to);
    if (i === undefined || j === undefined) throw new RangeError(`causalDiagram: edge ${e.from} → ${e.to} names an unknown component`);
    const share = vmax > vmin ? (e.value - vmin) / (vmax - vmin) : 1;
    arrows.push({
      x: x[j],
      y: y[j],
      ax: x[i],
      ay: y[i],
      xref: "x",
      yref: "y",
      axref: "x",
      ayref: "y",
      text: "",
      showarrow: true,
      arrowhead: 2,
      arrowsize: 1,
      arrowwidth: Number((wmin + share * (wmax - wmin)).toFixed(2)),
      arrowcolor: `rgba(60, 60, 60, ${(0.35 + 0.45 * share).toFixed(2)})`,
      standoff: 9,
      startstandoff: 9,
      hovertext: `${plotText(e.from)} → ${plotText(e.to)}: t = ${plotNumber(e.value)}`,
    });
  }
  return arrows;
}

/** The four quadrant captions in the corners of the axis ranges. */
function quadrantCaptions(xr: [number, number], yr: [number, number]): Array<Record<string, unknown>> {
  const caption = (text: string, xa: number, ya: number, xanchor: string, yanchor: string): Record<string, unknown> => ({
    x: xa,
    y: ya,
    xref: "x",
    yref: "y",
    text: `<i>${text}</i>`,
    showarrow: false,
    xanchor,
    yanchor,
    font: { size: 11, color: "#777" },
  });
  return [
    caption(QUADRANT_CAPTIONS.coreDrivers, xr[1], yr[1], "right", "top"),
    caption(QUADRANT_CAPTIONS.independentDrivers, xr[0], yr[1], "left", "top"),
    caption(QUADRANT_CAPTIONS.independentEffects, xr[0], yr[0], "left", "bottom"),
    caption(QUADRANT_CAPTIONS.coreEffects, xr[1], yr[0], "right", "bottom"),
  ];
}
