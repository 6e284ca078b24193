import type { Model } from "../types.js";
import { type PlotlyFigure, plotText, FIGURE_FONT_FAMILY } from "./plotlyFigure.js";
import { layerColorGroups } from "./layerColorGroups.js";

/** What {@link ismLevelsPlot} reads from an ISM result. */
export interface IsmLevelsInput {
  /** Level partition, level 1 (top: the most dependent components) first; each level lists component ids. */
  levels: ReadonlyArray<readonly string[]>;
  /** Links to draw (e.g. the thresholded T's edges), optional. */
  edges?: ReadonlyArray<{ from: string; to: string }>;
}

/**
 * ISM level diagram (docs/methods.md §6.3): the level partition of the reachability
 * matrix drawn as rows, level 1 (top, the outcomes) at the top and the last
 * level (the root drivers) at the bottom, components spread along each row;
 * optional links drawn as arrows between components on different levels;
 * with a model, each box is outlined in its proposed layer's colour, so a
 * reader sees whether the levels follow the layers.
 * Source: Warfield (1974), "Developing interconnection matrices in structural modeling", IEEE SMC 4(1), 81–87.
 * @throws {RangeError} when an edge names a component not in any level.
 * @example
 * ismLevelsPlot({ levels: [["INS"], ["EMP", "INT"], ["LEAD"]] });
 */
export function ismLevelsPlot(ism: IsmLevelsInput, model?: Model): PlotlyFigure {
  const L = ism.levels.length;
  const { pos, xs, ys, text } = boxPositions(ism.levels);
  const { colour, layerOfId } = layerOutlines(ism.levels, model);
  const annotations = levelArrows(ism.edges ?? [], pos);
  return {
    data: [
      {
        type: "scatter",
        mode: "markers+text",
        name: "components",
        x: xs,
        y: ys,
        text,
        textposition: "middle center",
        marker: { size: 36, color: "#F7F9FB", line: { color: colour, width: 2.5 }, symbol: "square" },
        hoverinfo: "text",
        hovertext: text.map((t, i) => `${t}: level ${L - ys[i] + 1}` + (layerOfId[i] ? `<br>proposed layer: ${plotText(layerOfId[i])}` : "")),
      },
    ],
    layout: {
      title: {
        text:
          "ISM levels<br><sup>level 1 (top) = most dependent; last level (bottom) = root drivers" +
          (model?.layers?.length ? "; outline = proposed layer" : "") +
          "</sup>",
      },
      xaxis: { visible: false, range: [0, 1] },
      yaxis: {
        title: { text: "level" },
        tickvals: ism.levels.map((_, li) => L - li),
        ticktext: ism.levels.map((_, li) => `Level ${li + 1}`),
        range: [0.4, L + 0.6],
        zeroline: false,
      },
      annotations,
      showlegend: false,
      height: Math.max(300, 90 * L + 120),
      margin: { t: 70, r: 20, b: 30, l: 70 },
      font: { family: FIGURE_FONT_FAMILY },
    },
  };
}

/** Where each component's box sits: level li (0-based) at height L − li, its components spread evenly across [0, 1]; with the labels. */
function boxPositions(levels: IsmLevelsInput["levels"]): { pos: Map<string, [number, number]>; xs: number[]; ys: number[]; text: string[] } {
  const L = levels.length;
  const pos = new Map<string, [number, number]>();
  const xs: number[] = [],
    ys: number[] = [],
    text: string[] = [];
  levels.forEach((level, li) => {
    const m = level.length;
    level.forEach((id, k) => {
      const x = (k + 1) / (m + 1);
      const y = L - li;
      pos.set(id, [x, y]);
      xs.push(x);
      ys.push(y);
      text.push(plotText(id));
    });
  });
  return { pos, xs, ys, text };
}

/** Each box's outline colour and proposed layer name, in level order (one blue and no layer without a model). */
function layerOutlines(levels: IsmLevelsInput["levels"], model: Model | undefined): { colour: string[]; layerOfId: string[] } {
  const ids = levels.flat();
  const colour = new Array<string>(ids.length).fill("#0072B2");
  const layerOfId = new Array<string>(ids.length).fill("");
  if (model)
    for (const g of layerColorGroups(ids, model))
      for (const i of g.members) {
        colour[i] = g.color;
        layerOfId[i] = g.id ? g.name : "";
      }
  return { colour, layerOfId };
}

/** One arrow per link between components on different levels (links within a level are left out). */
function levelArrows(edges: NonNullable<IsmLevelsInput["edges"]>, pos: ReadonlyMap<string, [number, number]>): Array<Record<string, unknown>> {
  const annotations: Array<Record<string, unknown>> = [];
  for (const e of edges) {
    const a = pos.get(e.from),
      b = pos.get(e.to);
    if (!a || !b) throw new RangeError(`ismLevelsPlot: edge ${e.from} → ${e.to} names a component in no level`);
    if (a[1] === b[1]) continue;
    annotations.push({
      x: b[0],
      y: b[1],
      ax: a[0],
      ay: a[1],
      xref: "x",
      yref: "y",
      axref: "x",
      ayref: "y",
      text: "",
      showarrow: true,
      arrowhead: 2,
      arrowwidth: 1,
      arrowcolor: "rgba(80,80,80,0.45)",
      standoff: 14,
      startstandoff: 14,
    });
  }
  return annotations;
}
