import { describe, expect, it } from "vitest";
import {
  causalDiagram,
  defaultModel,
  dematel,
  componentIds,
  gapRatioPlot,
  ismLevelsPlot,
  layerOrderPlot,
  micmacPlot,
  powerCurvePlot,
  relationForestPlot,
  totalRelationHeatmap,
  type Model,
} from "../src/index.js";
import { layerColorGroups, LAYER_COLORS, NO_LAYER_COLOR } from "../src/plots/layerColorGroups.js";
import { plotText, FIGURE_FONT_FAMILY } from "../src/plots/plotlyFigure.js";
import { formatDelta } from "../src/plots/powerCurvePlot.js";
import { MICMAC_JITTER } from "../src/plots/micmacPlot.js";
import { QUADRANT_CAPTIONS } from "../src/plots/causalDiagram.js";
import { deepFreeze, randomDirect } from "./helpers.js";

const model = defaultModel();
const ids = componentIds(model);
const result = dematel(randomDirect(10, 7), { components: ids });

type Trace = Record<string, unknown> & { x: number[]; y: number[]; text?: string[]; name?: string; marker?: { color?: unknown } };
type Annotation = { showarrow?: boolean; x?: number; y?: number; ax?: number; ay?: number; arrowwidth?: number; text?: string };

describe("causalDiagram(result, model)", () => {
  const fig = causalDiagram(result, model);
  const traces = fig.data as Trace[];
  const annotations = fig.layout.annotations as Annotation[];

  it("has one trace per layer, legend by layer name, in the Okabe–Ito palette (outer layer first)", () => {
    expect(traces.map((t) => t.name)).toEqual(model.layers!.map((l) => l.name));
    expect(traces.map((t) => t.marker?.color)).toEqual(LAYER_COLORS.slice(0, 4));
  });

  it("plots exactly one point per component at (prominence, relation)", () => {
    const points = traces.flatMap((t) => t.x.map((x, k) => [t.text![k], x, t.y[k]] as const));
    expect(points).toHaveLength(10);
    for (const [id, x, y] of points) {
      const i = ids.indexOf(id);
      expect(x).toBeCloseTo(result.prominence[i], 12);
      expect(y).toBeCloseTo(result.relation[i], 12);
    }
  });

  it("draws one arrow per impact-relation-map edge, from i to j, wider for stronger edges", () => {
    const arrows = annotations.filter((a) => a.showarrow);
    expect(arrows).toHaveLength(result.edges.length);
    expect(result.edges.length).toBeGreaterThan(0);
    const first = result.edges[0],
      last = result.edges[result.edges.length - 1];
    const i = ids.indexOf(first.from),
      j = ids.indexOf(first.to);
    expect(arrows[0].ax).toBeCloseTo(result.prominence[i], 12);
    expect(arrows[0].x).toBeCloseTo(result.prominence[j], 12);
    if (first.value > last.value) expect(arrows[0].arrowwidth!).toBeGreaterThan(arrows[arrows.length - 1].arrowwidth!);
  });

  it("has the axis titles, the quadrant lines (relation 0, mean prominence) and the four quadrant captions", () => {
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toBe("Prominence (D + R)");
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("Relation (D − R)");
    const shapes = fig.layout.shapes as Array<{ y0?: number; x0?: number; xref: string; yref: string }>;
    const mean = result.prominence.reduce((a, b) => a + b, 0) / 10;
    expect(shapes.some((s) => s.yref === "y" && s.y0 === 0)).toBe(true);
    expect(shapes.some((s) => s.xref === "x" && Math.abs((s.x0 ?? NaN) - mean) < 1e-12)).toBe(true);
    const captions = annotations.filter((a) => !a.showarrow).map((a) => a.text);
    for (const c of Object.values(QUADRANT_CAPTIONS)) expect(captions.some((t) => t!.includes(c))).toBe(true);
  });

  it("shows full names in the hover text and ids on the points", () => {
    const lead = traces[0];
    expect(lead.text).toEqual(["LEAD", "CUL"]);
    expect((lead.hovertext as string[])[0]).toContain("Customer-focused leadership");
  });

  it("escapes user labels so Plotly cannot render HTML from them", () => {
    const evil: Model = {
      components: [
        { id: "<b>X</b>", name: '<script>alert(1)</script> & "q"' },
        { id: "Y", name: "y" },
      ],
    };
    const r = dematel(
      [
        [0, 3],
        [1, 0],
      ],
      { components: ["<b>X</b>", "Y"] },
    );
    const f = causalDiagram(r, evil);
    const json = JSON.stringify(f.data);
    expect(json).not.toContain("<script>");
    expect(json).not.toContain("<b>X</b>");
    expect(json).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
  });

  it("without a model, puts every component in one grey group and works without edges", () => {
    const f = causalDiagram({ ...result, edges: [] });
    expect(f.data).toHaveLength(1);
    expect((f.data[0] as Trace).marker?.color).toBe(NO_LAYER_COLOR);
    expect((f.layout.annotations as Annotation[]).filter((a) => a.showarrow)).toHaveLength(0);
  });

  it("does not modify its input (frozen result)", () => {
    const frozen = deepFreeze(dematel(randomDirect(4, 3), { components: ["A", "B", "C", "D"] }));
    expect(() => causalDiagram(frozen)).not.toThrow();
  });

  it("causalDiagram throws a RangeError when lengths disagree or an edge names an unknown id", () => {
    expect(() => causalDiagram({ components: ["A", "B"], prominence: [1], relation: [0, 1] })).toThrow(RangeError);
    expect(() => causalDiagram({ components: ["A", "B"], prominence: [1, 2], relation: [0, 1], edges: [{ from: "A", to: "Z", value: 1 }] })).toThrow(
      RangeError,
    );
  });
});

describe("layerColorGroups(ids, model)", () => {
  it("puts components in no layer in a last grey group", () => {
    const m: Model = {
      components: [
        { id: "A", name: "a" },
        { id: "B", name: "b" },
        { id: "C", name: "c" },
      ],
      layers: [{ id: "L1", name: "Outer", components: ["B"] }],
    };
    expect(layerColorGroups(["A", "B", "C"], m)).toEqual([
      { id: "L1", name: "Outer", color: LAYER_COLORS[0], members: [1] },
      { id: "", name: "No layer", color: NO_LAYER_COLOR, members: [0, 2] },
    ]);
  });
});

describe("totalRelationHeatmap(result)", () => {
  it("shows T with values in the cells, bold above the threshold, and states the threshold", () => {
    const fig = totalRelationHeatmap(result);
    const h = fig.data[0] as { z: number[][]; text: string[][]; x: string[]; y: string[] };
    expect(h.z).toEqual(result.total);
    expect(h.x).toEqual(ids);
    const bold = h.text.flat().filter((t) => t.startsWith("<b>")).length;
    expect(bold).toBe(result.edges.length);
    expect(JSON.stringify(fig.layout.title)).toContain(result.threshold.value.toFixed(4));
  });
});

describe("gapRatioPlot(panel)", () => {
  it("draws the gap curve in percent with the 5% line", () => {
    const fig = gapRatioPlot({ gapRatio: { panelSizes: [2, 3, 4], gap: [0.2, 0.08, 0.03] } });
    const t = fig.data[0] as Trace;
    expect(t.x).toEqual([2, 3, 4]);
    expect(t.y[0]).toBeCloseTo(20, 12);
    expect(t.y[2]).toBeCloseTo(3, 12);
    const line = (fig.layout.shapes as Array<{ y0: number }>)[0];
    expect(line.y0).toBeCloseTo(5, 12);
  });
});

describe("relationForestPlot(bootstrap, model)", () => {
  it("draws each component's relation with its interval, coloured by layer, and a zero line", () => {
    const relation = result.relation.map((r) => ({ estimate: r, lower: r - 0.1, upper: r + 0.2 }));
    const fig = relationForestPlot({ components: ids, relation, B: 100, seed: 1 }, model);
    const traces = fig.data as Array<Trace & { error_x: { array: number[]; arrayminus: number[] } }>;
    expect(traces).toHaveLength(4);
    expect(traces.reduce((s, t) => s + t.x.length, 0)).toBe(10);
    expect(traces[0].error_x.array[0]).toBeCloseTo(0.2, 12);
    expect(traces[0].error_x.arrayminus[0]).toBeCloseTo(0.1, 12);
    expect((fig.layout.shapes as Array<{ x0: number }>)[0].x0).toBe(0);
  });
});

describe("layerOrderPlot, micmacPlot, ismLevelsPlot, powerCurvePlot", () => {
  it("layerOrderPlot sorts orders best first and highlights the proposed one", () => {
    const fig = layerOrderPlot({
      orders: [
        { order: ["L2", "L1"], statistic: -0.5, proposed: false },
        { order: ["L1", "L2"], statistic: 0.5, proposed: true },
      ],
    });
    const bar = fig.data[0] as { x: number[]; y: string[]; marker: { color: string[] } };
    expect(bar.x).toEqual([0.5, -0.5]);
    expect(bar.y).toEqual(["L1 → L2", "L2 → L1"]);
    expect(bar.marker.color[0]).not.toBe(bar.marker.color[1]);
  });

  it("micmacPlot places components at (dependence, driving power) with the split at n/2", () => {
    const fig = micmacPlot({ components: ["A", "B", "C", "D"], driving: [4, 1, 3, 1], dependence: [1, 4, 2, 4] });
    const t = fig.data[0] as Trace;
    expect(t.x).toEqual([1, 4, 2]);
    expect(t.text).toEqual(["A", "B, D", "C"]);
    expect((fig.layout.shapes as Array<{ x0: number }>)[0].x0).toBe(2);
  });

  it("micmacPlot with a model colours points by layer, one trace per layer, every component once", () => {
    const m: Model = {
      components: ["A", "B", "C", "D"].map((id) => ({ id, name: id })),
      layers: [
        { id: "L1", name: "outer", components: ["A", "B"] },
        { id: "L2", name: "inner", components: ["C", "D"] },
      ],
    };
    const fig = micmacPlot({ components: ["A", "B", "C", "D"], driving: [4, 4, 3, 1], dependence: [1, 1, 1, 4] }, m);
    const traces = fig.data as Trace[];
    expect(traces.map((t) => t.name)).toEqual(["outer", "inner"]);
    expect(traces[0].text).toEqual(["A, B"]);
    expect(traces[1].text).toEqual(["C", "D"]);
    expect(traces.map((t) => t.marker?.color)).toEqual([LAYER_COLORS[0], LAYER_COLORS[1]]);
  });

  it("micmacPlot: components of different layers at the same point get side-by-side markers in their layer colours, offset by MICMAC_JITTER around the true dependence", () => {
    const m: Model = {
      components: ["A", "B", "C", "D", "E"].map((id) => ({ id, name: id })),
      layers: [
        { id: "L1", name: "outer", components: ["A", "B"] },
        { id: "L2", name: "middle", components: ["C"] },
        { id: "L3", name: "inner", components: ["D", "E"] },
      ],
    };
    // A, B (outer), C (middle) and D (inner) all at (dependence 2, driving 3); E alone at (4, 1).
    const fig = micmacPlot(
      {
        components: ["A", "B", "C", "D", "E"],
        driving: [3, 3, 3, 3, 1],
        dependence: [2, 2, 2, 2, 4],
        quadrant: ["linkage", "linkage", "linkage", "linkage", "dependent"],
      },
      m,
    );
    const traces = fig.data as Array<Trace & { textposition: string[]; hovertext: string[] }>;
    expect(traces.map((t) => t.name)).toEqual(["outer", "middle", "inner"]);
    expect(traces.map((t) => t.marker?.color)).toEqual([LAYER_COLORS[0], LAYER_COLORS[1], LAYER_COLORS[2]]);
    // Three layers share (2, 3): slots −1, 0, +1 times the offset; the same layer's A and B share one marker.
    expect(traces[0].text).toEqual(["A, B"]);
    expect(traces[0].x[0]).toBeCloseTo(2 - MICMAC_JITTER, 12);
    expect(traces[1].x[0]).toBeCloseTo(2, 12);
    expect(traces[2].x[0]).toBeCloseTo(2 + MICMAC_JITTER, 12);
    expect(traces.map((t) => t.textposition[0])).toEqual(["middle left", "top center", "middle right"]);
    // E is alone: no offset, label above; the hover gives the exact (unjittered) values.
    expect(traces[2].x[1]).toBe(4);
    expect(traces[2].textposition[1]).toBe("top center");
    expect(traces[0].hovertext[0]).toContain("dependence 2, driving power 3");
    expect(traces.reduce((n, t) => n + t.x.length, 0)).toBe(4);
  });

  it("ismLevelsPlot draws level 1 at the top", () => {
    const fig = ismLevelsPlot({ levels: [["C"], ["A", "B"]] });
    const t = fig.data[0] as Trace;
    expect(t.text).toEqual(["C", "A", "B"]);
    expect(t.y).toEqual([2, 1, 1]);
  });

  it("powerCurvePlot draws power with ±2 MCSE bars and the 80% line", () => {
    const fig = powerCurvePlot({ panelSizes: [5, 10], power: [0.3, 0.7], mcse: [0.01, 0.02], settings: { delta: 0.5, significanceLevel: 0.05, sims: 100 } });
    const t = fig.data[0] as Trace & { error_y: { array: number[] } };
    expect(t.error_y.array).toEqual([0.02, 0.04]);
    expect((fig.layout.shapes as Array<{ y0: number }>)[0].y0).toBe(0.8);
    expect(JSON.stringify(fig.layout.title)).toContain("δ = 0.50");
  });

  it('powerCurvePlot with several curves: one line per δ, legend "δ = …", Okabe–Ito colours and distinct markers, shared settings in the subtitle', () => {
    const shared = { sigma: 0.8, tau: 0.3, alpha: 0.05, sims: 200, seed: 1 };
    const curves = [0.025, 0.05, 0.5].map((delta, i) => ({
      panelSizes: [5, 10, 15],
      power: [0.2 + i / 4, 0.3 + i / 4, 0.4 + i / 4],
      mcse: [0.01, 0.01, 0.01],
      settings: { ...shared, delta },
    }));
    const fig = powerCurvePlot(curves);
    const traces = fig.data as Array<Trace & { line: { color: string }; marker: { symbol: string } }>;
    expect(traces.map((t) => t.name)).toEqual(["δ = 0.025", "δ = 0.05", "δ = 0.50"]);
    expect(traces.map((t) => t.line.color)).toEqual([LAYER_COLORS[0], LAYER_COLORS[1], LAYER_COLORS[2]]);
    expect(new Set(traces.map((t) => t.marker.symbol)).size).toBe(3);
    expect(traces[2].y).toEqual([0.7, 0.8, 0.9]);
    expect(fig.layout.showlegend).toBe(true);
    const title = JSON.stringify(fig.layout.title);
    expect(title).toContain("σ = 0.80");
    expect(title).not.toContain("δ");
    // Reference lines are grey, so they never share a colour with a curve.
    for (const sh of fig.layout.shapes as Array<{ line: { color: string } }>) expect(LAYER_COLORS).not.toContain(sh.line.color);
    // A one-element list is drawn like the single curve.
    expect(powerCurvePlot([curves[0]]).layout.showlegend).toBe(false);
    expect(() => powerCurvePlot([])).toThrow(RangeError);
    expect(() => powerCurvePlot([{ panelSizes: [5], power: [] }])).toThrow(RangeError);
  });

  it("formatDelta(δ) keeps the decimals δ needs (2 to 4), so legends never round 0.025 to 0.03", () => {
    expect([0.5, 0.025, 0.1, 0.0125, 0, -0.25].map(formatDelta)).toEqual(["0.50", "0.025", "0.10", "0.0125", "0", "−0.25"]);
  });
});

describe("every figure builder", () => {
  it("sets layout.font.family to FIGURE_FONT_FAMILY", () => {
    const figures = [
      causalDiagram(result, model),
      totalRelationHeatmap(result),
      gapRatioPlot({ panelSizes: [2, 3], gap: [0.1, 0.04] }),
      relationForestPlot({ components: ["A"], relation: [{ estimate: 0.1, lower: 0, upper: 0.2 }] }),
      layerOrderPlot([{ order: ["L1", "L2"], statistic: 0.5, proposed: true }]),
      micmacPlot({ components: ["A", "B"], driving: [2, 1], dependence: [1, 2] }),
      ismLevelsPlot({ levels: [["A"], ["B"]] }),
      powerCurvePlot({ panelSizes: [5, 10], power: [0.3, 0.7] }),
    ];
    for (const fig of figures) expect((fig.layout.font as { family: string }).family).toBe(FIGURE_FONT_FAMILY);
    expect(FIGURE_FONT_FAMILY.startsWith("system-ui")).toBe(true);
  });
});

describe("plotText(label)", () => {
  it("escapes &, < and > only", () => {
    expect(plotText(`<a href="x">&</a>`)).toBe(`&lt;a href="x"&gt;&amp;&lt;/a&gt;`);
  });
});
