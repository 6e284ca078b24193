/**
 * plotlyHtml, tableHtml and createNotebookDisplay: the HTML the notebooks show.
 * The scripts are executed here in a Node `vm` context with a stub `window`,
 * `document` and `Plotly` (no DOM), so the tests check what the browser would
 * run, not only what the text looks like. Drawing in a real browser is checked
 * by `node scripts/notebooks.mjs` (headless Chromium).
 * Inline-script rules: WHATWG HTML Living Standard §4.12.1.3; escaping: OWASP
 * XSS Prevention Cheat Sheet, rule 1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { causalDiagram, createNotebookDisplay, dematel, defaultModel, plotlyHtml, tableHtml, type NotebookFigure } from "../src/index.js";
import { randomDirect } from "./helpers.js";

const FAKE_LIB =
  "window.Plotly = { calls: [], newPlot: function (el, data, layout, config) { this.calls.push({ el: el, data: data, layout: layout, config: config }); } };";

/** The bodies of the `<script>` elements of an HTML fragment, as an HTML parser splits them (first `</script` ends a script). */
function scripts(html: string): string[] {
  const out: string[] = [];
  const re = /<script>([\s\S]*?)<\/script/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) out.push(m[1]);
  return out;
}

interface Call {
  el: { id: string };
  data: unknown;
  layout: unknown;
  config: Record<string, unknown>;
}

/** Run every script of the fragments in order in one fresh context, like a page would; return the Plotly calls and the window. */
function runPage(fragments: string[], initial: Record<string, unknown> = {}): { calls: Call[]; window: Record<string, unknown> } {
  const divs = new Map<string, { id: string; textContent: string }>();
  for (const html of fragments) {
    for (const m of html.matchAll(/<div class="cxm-plot" id="([^"]+)"/g)) divs.set(m[1], { id: m[1], textContent: "" });
  }
  const window: Record<string, unknown> = { ...initial };
  window.window = window;
  window.document = { getElementById: (id: string) => divs.get(id) ?? null };
  window.setTimeout = () => 0;
  const context = vm.createContext(window);
  for (const html of fragments) for (const js of scripts(html)) vm.runInContext(js, context);
  const plotly = window.Plotly as { calls: Call[] } | undefined;
  return { calls: plotly?.calls ?? [], window };
}

const figure = (label: string): NotebookFigure => ({
  data: [{ type: "scatter", x: [1, 2], y: [3, 4], text: [label, "b"] }],
  layout: { title: { text: label }, height: 360 },
});

describe("plotlyHtml(figure, { id, plotlyJs, height })", () => {
  it("draws the figure into a cxm-plot div with the given id, the figure's JSON unchanged", () => {
    const f = figure("C1 → C2");
    const html = plotlyHtml(Object.freeze(f), { id: "chart-1", plotlyJs: FAKE_LIB });
    expect(html).toContain('<div class="cxm-plot" id="chart-1" style="width:100%;height:360px"></div>');
    const { calls } = runPage([html]);
    expect(calls).toHaveLength(1);
    expect(calls[0].el.id).toBe("chart-1");
    expect(calls[0].data).toEqual(f.data);
    expect(calls[0].layout).toEqual(f.layout);
    expect(calls[0].config).toEqual({ responsive: true, displaylogo: false });
  });

  it("a </script> or <!-- inside a label cannot close the script (WHATWG HTML §4.12.1.3) and round-trips", () => {
    const evil = '</script><script>window.pwned = 1</script><!-- "x" \u2028';
    const html = plotlyHtml(figure(evil), { id: "p", plotlyJs: FAKE_LIB });
    // guard, library, restore, draw: exactly four scripts, none opened by the label
    expect(scripts(html)).toHaveLength(4);
    expect(html.toLowerCase().split("</script").length - 1).toBe(4);
    expect(html).not.toContain("<!--");
    const { calls, window } = runPage([html]);
    expect(window.pwned).toBeUndefined();
    expect((calls[0].layout as { title: { text: string } }).title.text).toBe(evil);
    expect((calls[0].data as Array<{ text: string[] }>)[0].text[0]).toBe(evil);
  });

  it("a </script> inside the library text is neutralised too (inlineScript)", () => {
    const lib = `${FAKE_LIB} var s = "</script><p>";`;
    const html = plotlyHtml(figure("a"), { id: "p", plotlyJs: lib });
    expect(scripts(html)).toHaveLength(4);
    expect(runPage([html]).calls).toHaveLength(1);
  });

  it("hides require.js's define while the library loads and restores it afterwards", () => {
    const define = Object.assign(() => undefined, { amd: {} });
    // A UMD bundle registers with AMD when `define.amd` exists, and sets window.Plotly only otherwise.
    const umd = `(function (root, factory) { if (typeof define === "function" && define.amd) define([], factory); else root.Plotly = factory(); })(window, function () { return { calls: [], newPlot: function (el, d, l, c) { this.calls.push({ el: el, data: d, layout: l, config: c }); } }; });`;
    const html = plotlyHtml(figure("a"), { id: "p", plotlyJs: umd });
    expect(html.startsWith("<script>window.cxmDefine = window.define; window.define = undefined;</script>")).toBe(true);
    const { calls, window } = runPage([html], { define: define });
    expect(calls).toHaveLength(1);
    expect(window.define).toBe(define);
  });

  it("without plotlyJs emits only the div and the draw script; the draw waits for Plotly", () => {
    const html = plotlyHtml(figure("a"), { id: "p2" });
    expect(scripts(html)).toHaveLength(1);
    expect(html).not.toContain("cxmDefine");
    const { calls, window } = runPage([html]);
    expect(calls).toHaveLength(0);
    expect(window.Plotly).toBeUndefined();
  });

  it("height: option, else layout.height, else 480", () => {
    expect(plotlyHtml(figure("a"), { id: "p", height: 300 })).toContain("height:300px");
    expect(plotlyHtml(figure("a"), { id: "p" })).toContain("height:360px");
    expect(plotlyHtml({ data: [] }, { id: "p" })).toContain("height:480px");
    expect(plotlyHtml({ data: [], layout: { height: "big" } }, { id: "p" })).toContain("height:480px");
  });

  it("rejects an unsafe id, a bad height, a figure without data and an empty library", () => {
    expect(() => plotlyHtml(figure("a"), { id: '" onload="x' })).toThrow(RangeError);
    expect(() => plotlyHtml(figure("a"), { id: "1abc" })).toThrow(RangeError);
    expect(() => plotlyHtml(figure("a"), { id: "p", height: -1 })).toThrow(RangeError);
    expect(() => plotlyHtml(figure("a"), { id: "p", height: NaN })).toThrow(RangeError);
    expect(() => plotlyHtml({ layout: {} } as unknown as NotebookFigure, { id: "p" })).toThrow(TypeError);
    expect(() => plotlyHtml(figure("a"), { id: "p", plotlyJs: "" })).toThrow(TypeError);
  });
});

describe("tableHtml(header, rows, { digits })", () => {
  it("writes a header row and one row per entry; non-integers with 3 decimals by default", () => {
    const rows = Object.freeze([Object.freeze(["C1", 0.31234, 2, -0.1]), Object.freeze(["C2", NaN, 0, 1 / 3])]);
    expect(tableHtml(["id", "relation", "n", "x"], rows)).toBe(
      "<table><thead><tr><th>id</th><th>relation</th><th>n</th><th>x</th></tr></thead>" +
        "<tbody><tr><td>C1</td><td>0.312</td><td>2</td><td>-0.100</td></tr><tr><td>C2</td><td>NaN</td><td>0</td><td>0.333</td></tr></tbody></table>",
    );
    expect(tableHtml(["x"], [[Math.PI]], { digits: 1 })).toContain("<td>3.1</td>");
    expect(tableHtml(["x"], [[Math.PI]], { digits: 0 })).toContain("<td>3</td>");
  });

  it("escapes every header and body cell (OWASP rule 1)", () => {
    const html = tableHtml(['<img src=x onerror="alert(1)">'], [["</table><script>alert(2)</script>"], ["a & b 'c'"]]);
    expect(html).not.toMatch(/<img|<script|<\/table><script/);
    expect(html).toContain("<th>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</th>");
    expect(html).toContain("<td>&lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;</td>");
    expect(html).toContain("<td>a &amp; b &#39;c&#39;</td>");
  });

  it("keeps rows shorter or longer than the header, and an empty body", () => {
    expect(tableHtml(["a", "b"], [["total"]])).toContain("<tbody><tr><td>total</td></tr></tbody>");
    expect(tableHtml(["a"], [])).toBe("<table><thead><tr><th>a</th></tr></thead><tbody></tbody></table>");
  });

  it("rejects digits outside 0..100 and rows that are not arrays", () => {
    expect(() => tableHtml(["a"], [[1]], { digits: -1 })).toThrow(RangeError);
    expect(() => tableHtml(["a"], [[1]], { digits: 1.5 })).toThrow(RangeError);
    expect(() => tableHtml(["a"], ["x" as unknown as unknown[]])).toThrow(TypeError);
  });
});

describe("createNotebookDisplay({ plotlyJs, idPrefix })", () => {
  it("includes the library exactly once across several plots, with unique numbered ids", () => {
    const nb = createNotebookDisplay({ plotlyJs: FAKE_LIB, idPrefix: "nb" });
    const html = [nb.plot(figure("a")), nb.plot(figure("b")), nb.table(["x"], [[1.23456]], 2), nb.plot(figure("c"), { height: 200 })];
    expect(nb.plots).toBe(3);
    const all = html.join("\n");
    expect(all.split(FAKE_LIB).length - 1).toBe(1);
    expect(html[0]).toContain(FAKE_LIB);
    expect(html[0].split("cxmDefine").length - 1).toBe(2);
    expect(html[1]).not.toContain("cxmDefine");
    expect(html[2]).toContain("<td>1.23</td>");
    expect(html[3]).toContain("height:200px");
    const ids = [...all.matchAll(/<div class="cxm-plot" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["nb-1", "nb-2", "nb-3"]);
    const { calls } = runPage(html);
    expect(calls.map((c) => c.el.id)).toEqual(["nb-1", "nb-2", "nb-3"]);
    expect(calls.map((c) => (c.layout as { title: { text: string } }).title.text)).toEqual(["a", "b", "c"]);
  });

  it("the default id prefix differs between displays made at different times, so a restarted kernel never reuses an id", async () => {
    const first = createNotebookDisplay({ plotlyJs: FAKE_LIB });
    await new Promise((r) => setTimeout(r, 5));
    const second = createNotebookDisplay({ plotlyJs: FAKE_LIB });
    const id = (html: string): string => /id="([^"]+)"/.exec(html)![1];
    const a = id(first.plot(figure("a")));
    const b = id(second.plot(figure("a")));
    expect(a).toMatch(/^cxm-plot-[0-9a-z]+-1$/);
    expect(b).not.toBe(a);
  });

  it("a failing plot does not use up the library: the next good plot still carries it", () => {
    const nb = createNotebookDisplay({ plotlyJs: FAKE_LIB, idPrefix: "q" });
    expect(() => nb.plot({} as NotebookFigure)).toThrow(TypeError);
    expect(nb.plots).toBe(0);
    expect(nb.plot(figure("a"))).toContain(FAKE_LIB);
  });

  it("draws a real builder's figure (causalDiagram on a seeded random panel) unchanged", () => {
    const model = defaultModel();
    const result = dematel(randomDirect(model.components.length, 7), { components: model.components.map((c) => c.id) });
    const fig = causalDiagram(result, model);
    const nb = createNotebookDisplay({ plotlyJs: FAKE_LIB, idPrefix: "d" });
    const { calls } = runPage([nb.plot(fig)]);
    expect(calls).toHaveLength(1);
    expect(calls[0].data).toEqual(JSON.parse(JSON.stringify(fig.data)));
    expect(calls[0].layout).toEqual(JSON.parse(JSON.stringify(fig.layout)));
  });

  it("hands back the library text it was made with, so a notebook reads plotly.min.js once for its charts and its report", () => {
    const nb = createNotebookDisplay({ plotlyJs: FAKE_LIB, idPrefix: "p" });
    expect(nb.plotlyJs).toBe(FAKE_LIB);
    nb.plot(figure("a"));
    expect(nb.plotlyJs).toBe(FAKE_LIB);
  });

  it("inlines the real plotly.min.js with no </script or <!-- left in it", () => {
    const lib = readFileSync(join(process.cwd(), "node_modules/plotly.js-dist-min/plotly.min.js"), "utf8");
    const html = createNotebookDisplay({ plotlyJs: lib, idPrefix: "r" }).plot(figure("a"));
    expect(scripts(html)).toHaveLength(4);
    expect(html).not.toContain("<!--");
  });

  it("rejects a missing library and an unsafe prefix", () => {
    expect(() => createNotebookDisplay({ plotlyJs: "" })).toThrow(TypeError);
    expect(() => createNotebookDisplay({} as unknown as { plotlyJs: string })).toThrow(TypeError);
    expect(() => createNotebookDisplay({ plotlyJs: FAKE_LIB, idPrefix: "a b" })).toThrow(RangeError);
  });
});
