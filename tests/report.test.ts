import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  analyzeSurvey,
  renderPowerReport,
  componentIds,
  defaultModel,
  layeringVerdict,
  plainReading,
  renderReport,
  simulatedSurvey,
  writeResultFiles,
  componentTable,
  totalRelationTable,
  edgeTable,
  RESULT_FILES,
  InputError,
  type Model,
  type Survey,
  smallestAdequatePanel,
  formatPValue,
} from "../src/index.js";
import { escapeHtml } from "../src/plots/escapeHtml.js";
import { inlineScript, scriptJson } from "../src/plots/inlineScript.js";
import { powerNotes } from "../src/report/renderPowerReport.js";

// A stand-in library: renderReport inlines whatever script it is given, exactly once.
const FAKE_PLOTLY = "/* plotly stand-in */ window.Plotly = { newPlot: function () {} }; var marker = 'PLOTLY-LIB-MARKER';";
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

const model = defaultModel();
const layered = simulatedSurvey(model, { seed: 3 });
const layeredResult = analyzeSurvey(layered, model, { bootstrap: 100, seed: 1, date: "2026-01-01" });

describe("escapeHtml(text) (OWASP XSS prevention rule 1)", () => {
  it("escapes the five significant characters", () => {
    expect(escapeHtml(`<script>alert(1)</script> & "quotes" 'x'`)).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;x&#39;");
  });
});

describe("inlineScript(js) and scriptJson(value) (WHATWG HTML §4.12.1.3)", () => {
  it("no </script, <script or <!-- survives, and the JavaScript means the same", () => {
    const js = `var a = "</script><script>x</SCRIPT>"; var r = /<!--/;`;
    const out = inlineScript(js);
    expect(out.toLowerCase()).not.toContain("</script");
    expect(out.toLowerCase()).not.toContain("<script");
    expect(out).not.toContain("<!--");
    const run = (src: string): unknown => new Function(`${src}; return [a, r.test("<!--"), r.test("<!-")];`)();
    expect(run(out)).toEqual(run(js));
  });

  it("scriptJson writes < as \\u003c and round-trips", () => {
    const v = { name: "</script><!--", n: 1.5 };
    const s = scriptJson(v);
    expect(s).not.toContain("<");
    expect(JSON.parse(s)).toEqual(v);
  });
});

describe("renderReport(results, model, { plotlyJs })", () => {
  const html = renderReport(layeredResult, model, { plotlyJs: FAKE_PLOTLY });

  it("is one self-contained HTML file with the Plotly library inlined exactly once and no external resources", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(count(html, "PLOTLY-LIB-MARKER")).toBe(1);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/https?:\/\/cdn/i);
  });

  it("shows the SYNTHETIC EXAMPLE DATA banner for synthetic data, and not otherwise", () => {
    expect(html).toContain("SYNTHETIC EXAMPLE DATA");
    const real = renderReport({ ...layeredResult, meta: { ...layeredResult.meta, synthetic: false } }, model, { plotlyJs: FAKE_PLOTLY });
    expect(real).not.toContain("SYNTHETIC EXAMPLE DATA");
  });

  it("cites the model and has every section: reading, causal diagram, tables, T, edges, layering, panel quality, warnings, method", () => {
    expect(html).toContain("Mardazad Navi");
    for (const id of ["summary", "causal", "total", "layers", "panel", "warnings", "method"]) expect(html).toContain(`id="${id}"`);
    expect(html).toContain("Does the proposed layering hold?");
    expect(html).toContain("Prominence (D + R)");
    expect(html).toContain("Threshold α = <strong>");
  });

  it("states the layering verdict in plain words first in its section, then the tests", () => {
    const section = html.slice(html.indexOf('id="layers"'));
    const verdictAt = section.indexOf('class="verdict"');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(section.indexOf("Permutation tests"));
    expect(section).toContain("The experts&#39; data support the proposed ordering");
    expect(section).toContain("25,200 assignments");
  });

  it("draws every figure with Plotly.newPlot from embedded data (causal, heatmap, forest, orders, ISM, MICMAC, gap curve)", () => {
    const figs = count(html, 'class="plot"');
    expect(figs).toBe(7);
  });

  it("escapes every label from user files: component names, ids, expert labels, the file name, warnings", () => {
    const evilName = `<script>alert(1)</script> & "quotes"`;
    const m: Model = {
      title: "<i>T</i>",
      citation: "<img src=x onerror=alert(2)>",
      components: [
        { id: "A", name: evilName },
        { id: "B", name: "b" },
        { id: "C", name: "c" },
      ],
      layers: [
        { id: "L1", name: "<b>outer</b>", components: ["A"] },
        { id: "L2", name: "inner", components: ["B", "C"] },
      ],
    };
    const s: Survey = {
      source: `<svg onload=alert(3)>.csv`,
      components: componentIds(m),
      experts: [
        {
          expert: "<script>e1</script>",
          weight: 1,
          matrix: [
            [0, 3, 2],
            [1, 0, 1],
            [0, 1, 0],
          ],
          imputed: [[2, 0]],
        },
        {
          expert: "E2",
          weight: 1,
          matrix: [
            [0, 4, 3],
            [1, 0, 2],
            [1, 0, 0],
          ],
          imputed: [],
        },
        {
          expert: "E3",
          weight: 1,
          matrix: [
            [0, 2, 3],
            [0, 0, 1],
            [1, 1, 0],
          ],
          imputed: [],
        },
      ],
      scale: { min: 0, max: 4 },
      warnings: [{ file: "<f>.csv", row: 2, column: "<c>", message: "<script>w</script>" }],
    };
    const r = analyzeSurvey(s, m, { bootstrap: 20 });
    const out = renderReport(r, m, { plotlyJs: FAKE_PLOTLY });
    const body = out.slice(out.indexOf("<body>"));
    expect(body).not.toContain("<script>alert(1)");
    expect(body).not.toContain("<script>e1");
    expect(body).not.toContain("<script>w");
    expect(body).not.toContain("<img src=x");
    expect(body).not.toContain("<svg onload");
    expect(body).not.toContain("<b>outer</b>");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    // Exactly two <script> elements, at the end of <body>: the library and the figure script.
    expect(count(out.toLowerCase(), "<script")).toBe(2);
    expect(count(out.toLowerCase(), "</script")).toBe(2);
  });

  it("flags imputed cells at the top and lists each one under Warnings", () => {
    const s = structuredClone(layered);
    s.experts[0].imputed = [
      [0, 1],
      [2, 3],
    ];
    const out = renderReport(analyzeSurvey(s, model, { bootstrap: 0 }), model, { plotlyJs: FAKE_PLOTLY });
    expect(out).toContain("2 missing ratings were imputed");
    const warnings = out.slice(out.indexOf('id="warnings"'));
    expect(warnings).toContain('<td class="text">E01</td><td class="text">LEAD</td><td class="text">CUL</td>');
  });

  it("leaves the layering section out for a model without layers", () => {
    const m: Model = { components: model.components };
    const out = renderReport(analyzeSurvey({ ...layered, synthetic: false }, m), m, { plotlyJs: FAKE_PLOTLY });
    expect(out).not.toContain("Does the proposed layering hold?");
  });

  it("throws a TypeError without the Plotly library text", () => {
    expect(() => renderReport(layeredResult, model, { plotlyJs: "" })).toThrow(TypeError);
  });
});

describe("plainReading(result, model)", () => {
  // Hand case: relation = [1, −1] for A (Alpha), B (Beta); T = [[1,2],[1,1]], one edge A→B (t = 2).
  const r = {
    components: ["A", "B"],
    given: [3, 2],
    received: [2, 3],
    prominence: [5, 5],
    relation: [1, -1],
    edges: [{ from: "A", to: "B", value: 2 }],
    threshold: { method: "mean", value: 1.25 },
  };
  const m: Model = {
    components: [
      { id: "A", name: "Alpha" },
      { id: "B", name: "Beta" },
    ],
  };
  const text = plainReading(r, m);
  it("names the strongest net driver and receiver with their numbers", () => {
    expect(text[0]).toBe(
      "Alpha (A) is the strongest net driver: it gives more influence than it receives (relation D−R = 1.000; given D = 3.000, received R = 2.000).",
    );
    expect(text[1]).toContain("Beta (B) is the strongest net receiver");
    expect(text[1]).toContain("−1.000");
  });
  it("describes the impact-relation map and its threshold", () => {
    expect(text.at(-1)).toContain("Alpha (A) → Beta (B) (t = 2.000)");
    expect(text.at(-1)).toContain("1 of 2 possible links above the threshold α = 1.2500 (mean)");
  });
  it("on the layered synthetic panel names the largest relation as the strongest driver", () => {
    const best = layeredResult.components[layeredResult.relation.indexOf(Math.max(...layeredResult.relation))];
    expect(plainReading(layeredResult, model)[0]).toContain(`(${best}) is the strongest net driver`);
  });
});

describe("layeringVerdict(tests)", () => {
  const signs = { outerAllCauses: true, innerAllEffects: true, outer: [{ id: "A", relation: 1 }], inner: [{ id: "C", relation: -1 }] };
  it("supports the ordering when S_trend > 0 with p < 0.05, quoting the statistic and the exact p", () => {
    const v = layeringVerdict({
      trend: { statistic: 0.62, p: 0.0004, method: "exact", assignments: 25200 },
      flow: { statistic: 0.3, p: 0.01, method: "exact", assignments: 25200 },
      signs,
    });
    expect(
      v.startsWith(
        "The experts' data support the proposed ordering: relation falls from outer to inner layers (S_trend = 0.62, exact p = 0.0004 over all 25,200 assignments).",
      ),
    ).toBe(true);
  });
  it("finds no significant evidence when p ≥ 0.05 (and says that is not evidence against), and says when relation runs the wrong way", () => {
    const weak = layeringVerdict({
      trend: { statistic: 0.2, p: 0.2, method: "exact", assignments: 30 },
      flow: { statistic: 0.1, p: 0.3, method: "exact", assignments: 30 },
      signs,
    });
    expect(weak).toContain("give no significant evidence for the proposed ordering");
    expect(weak).toContain("not evidence against the model");
    expect(
      layeringVerdict({
        trend: { statistic: -0.5, p: 0.97, method: "exact", assignments: 30 },
        flow: { statistic: -0.1, p: 0.8, method: "exact", assignments: 30 },
        signs: { ...signs, outerAllCauses: false, outer: [{ id: "A", relation: -0.2 }] },
      }),
    ).toContain("tends to rise from outer to inner layers");
  });
  it("closes the wrong-way sentence with one parenthesis (no stray brace from the template)", () => {
    const v = layeringVerdict({
      trend: { statistic: -0.5, p: 0.97, method: "exact", assignments: 30 },
      flow: { statistic: -0.1, p: 0.8, method: "exact", assignments: 30 },
      signs,
    });
    expect(v).toContain("the opposite of the model (S_trend = −0.50, exact p = 0.9700 over all 30 assignments).");
    expect(v).not.toContain("}");
  });
  it("names the components that break the sign checks", () => {
    const v = layeringVerdict({
      trend: { statistic: 0.5, p: 0.01, method: "monte-carlo", assignments: 2e6, evaluated: 9999, draws: 9999, standardError: 0.001 },
      flow: { statistic: 0.2, p: 0.02, method: "monte-carlo", assignments: 2e6, evaluated: 9999, draws: 400, standardError: 0.007 },
      signs: { ...signs, innerAllEffects: false, inner: [{ id: "C", relation: 0.1 }] },
    });
    expect(v).toContain("Monte Carlo p = 0.0100 from 9,999 seeded random assignments, standard error 0.0010 (of 2,000,000 possible)");
    // A test the sequential rule stopped says how many draws it read of how many (docs/methods.md §5.5).
    expect(v).toContain("from 400 of 9,999 seeded random assignments (sequential stop), standard error 0.0070");
    expect(v).toContain("(C not)");
  });
});

describe("result tables", () => {
  it("totalRelationTable, componentTable and edgeTable have header rows and model order", () => {
    const t = totalRelationTable(layeredResult);
    expect(t[0]).toEqual(["from \\ to", ...componentIds(model)]);
    expect(t[1][0]).toBe("LEAD");
    expect(t[1][2]).toBe(layeredResult.total[0][1]);
    const c = componentTable(layeredResult, model);
    expect(c[0]).toEqual(["id", "name", "layer", "D", "R", "prominence", "relation", "role", "weight"]);
    expect(c[1].slice(0, 3)).toEqual(["LEAD", "Customer-focused leadership", "Leadership and Culture"]);
    expect(edgeTable(layeredResult)).toHaveLength(layeredResult.edges.length + 1);
  });
});

describe("writeResultFiles(result, model, dir, { plotlyJs, inputs })", () => {
  const dir = mkdtempSync(join(tmpdir(), "cxm-report-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the five files into a new folder, no temporary files left", () => {
    const out = join(dir, "out", "nested");
    const written = writeResultFiles(layeredResult, model, out, { plotlyJs: FAKE_PLOTLY });
    expect(written.map((p) => p.slice(out.length + 1))).toEqual([...RESULT_FILES]);
    expect(readdirSync(out).sort()).toEqual([...RESULT_FILES].sort());
    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.components).toEqual(componentIds(model));
    expect(readFileSync(join(out, "components.csv"), "utf8").split("\r\n")[0]).toBe("id,name,layer,D,R,prominence,relation,role,weight");
  });

  it("component names that look like formulas are written as text in components.csv (OWASP CSV injection)", () => {
    const m: Model = {
      components: [
        { id: "A", name: '=HYPERLINK("http://evil")' },
        { id: "B", name: "@SUM(1)" },
        { id: "C", name: "-2+3" },
      ],
    };
    const s: Survey = {
      source: "t.csv",
      components: ["A", "B", "C"],
      experts: [
        {
          expert: "E1",
          weight: 1,
          matrix: [
            [0, 3, 2],
            [1, 0, 1],
            [0, 1, 0],
          ],
          imputed: [],
        },
      ],
      scale: { min: 0, max: 4 },
      warnings: [],
    };
    const out = join(dir, "formulas");
    writeResultFiles(analyzeSurvey(s, m), m, out, { plotlyJs: FAKE_PLOTLY });
    const rows = readFileSync(join(out, "components.csv"), "utf8").split("\r\n");
    expect(rows[1].startsWith(`A,"'=HYPERLINK(""http://evil"")",`)).toBe(true);
    expect(rows[2].startsWith("B,'@SUM(1),")).toBe(true);
    expect(rows[3].startsWith("C,'-2+3,")).toBe(true);
  });

  it("refuses to write over an input file, before writing anything", () => {
    const out = join(dir, "clash");
    const input = join(out, "edges.csv");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    writeFileSync(input, "precious");
    expect(() => writeResultFiles(layeredResult, model, out, { plotlyJs: FAKE_PLOTLY, inputs: [input] })).toThrow(InputError);
    expect(readFileSync(input, "utf8")).toBe("precious");
    expect(readdirSync(out)).toEqual(["edges.csv"]);
  });
});

describe("renderPowerReport(power, model, { plotlyJs })", () => {
  const power = {
    panelSizes: [5, 10, 15],
    power: [0.42, 0.81, 0.95],
    mcse: [0.02, 0.01, 0.01],
    rejections: [420, 810, 950],
    settings: { delta: 0.5, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, sims: 1000, significanceLevel: 0.05, seed: 1 },
  };
  const html = renderPowerReport(power, model, { plotlyJs: FAKE_PLOTLY });
  it("states the smallest K with 80% power, every setting, and inlines the library once", () => {
    expect(html).toContain("With these settings, 10 experts are enough for 80% power.");
    expect(html).toContain("δ = 0.5");
    expect(html).toContain("SYNTHETIC SIMULATION");
    expect(count(html, "PLOTLY-LIB-MARKER")).toBe(1);
    expect(count(html, "<tr><td>")).toBe(3);
  });
  it("says so when no K reaches 80%", () => {
    expect(renderPowerReport({ ...power, power: [0.1, 0.2, 0.3] }, model, { plotlyJs: FAKE_PLOTLY })).toContain(
      "none of the panel sizes tried (up to 15) reaches 80% power",
    );
  });

  // Several δ as `cxm-dematel power --json` prints them: shared settings and one curve per δ.
  const base = { sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, sims: 1000, alpha: 0.05, seed: 1, test: { method: "exact", maxExact: 1e6 } };
  const curve = (delta: number, p: number[]) => ({
    panelSizes: [5, 10, 15],
    power: p,
    mcse: p.map((x) => Math.sqrt((x * (1 - x)) / 1000)),
    rejections: p.map((x) => Math.round(1000 * x)),
    settings: { ...base, delta },
  });
  const study = {
    settings: { ...base, deltas: [0.02, 0.05, 0.5], deltasSource: "command default", panelSizes: [5, 10, 15] },
    curves: [curve(0.02, [0.11, 0.15, 0.25]), curve(0.05, [0.57, 0.81, 0.93]), curve(0.5, [1, 1, 1])],
  };
  const multi = renderPowerReport(study, model, { plotlyJs: FAKE_PLOTLY });

  it("several δ: a K × δ table, the smallest K with 80% power per δ, one plot with a line per δ, and the default list stated", () => {
    expect(multi).toContain("<th>experts K</th><th>δ = 0.02</th><th>δ = 0.05</th><th>δ = 0.50</th>");
    expect(count(multi, "<tr><td>")).toBe(3);
    expect(multi).toContain(
      "<tr><td>10</td><td>0.150 <small>± 0.011</small></td><td>0.810 <small>± 0.012</small></td><td>1.000 <small>± 0.000</small></td></tr>",
    );
    expect(multi).toContain("<li>δ = 0.02: none of the panel sizes tried (up to 15) reaches 80% power</li>");
    expect(multi).toContain("<li>δ = 0.05: 10 experts are enough for 80% power</li>");
    expect(multi).toContain("<li>δ = 0.50: 5 experts are enough for 80% power</li>");
    expect(multi).toContain("the command's default list, chosen to show where power falls off");
    expect(count(multi, "PLOTLY-LIB-MARKER")).toBe(1);
    expect(count(multi, '"name":"δ = ')).toBe(3);
  });

  it("several δ: plain-words notes for the saturated curve (δ·(L − 1) points on the 0–4 scale) and the one that never reaches 80%", () => {
    // CXM: L = 4 layers, so δ = 0.5 separates the outermost and innermost layers by 0.5 · 3 = 1.5 points; δ = 0.02 by 0.06.
    expect(multi).toContain(
      "δ = 0.5 is detected almost always even by 5 experts: on a 0–4 scale it means a 1.5-point difference between the outermost and innermost layers; plan with a smaller δ unless you expect an effect this large.",
    );
    expect(multi).toContain(
      "δ = 0.02 never reaches 80% power with up to 15 experts (at most 0.25, at K = 15): on a 0–4 scale it means a 0.06-point difference",
    );
    expect(multi).not.toContain("δ = 0.05 is detected almost always");
    expect(multi).not.toContain("δ = 0.05 never reaches");
  });

  it("explains that the exact test's size is below α, with the attainable size computed for the model (4.72% for sizes 2, 3, 2, 3)", () => {
    expect(multi).toContain("layer sizes 2, 3, 2, 3");
    expect(multi).toContain("Its attainable size here is 4.72%");
    expect(html).toContain("Its attainable size here is 4.72%");
  });
});

describe("powerNotes(curves, model) and smallestAdequatePanel(curve)", () => {
  it("powerNotes: one note for the null, for a reversed δ, for a saturated curve and for one that never reaches 80%; none for an informative curve", () => {
    const c = (delta: number, power: number[]) => ({ panelSizes: [5, 10, 20], power, settings: { delta, significanceLevel: 0.05, scaleMax: 4, sigma: 0.8 } });
    const m = defaultModel();
    expect(powerNotes([c(0.05, [0.5, 0.8, 0.95])], m)).toEqual([]);
    const notes = powerNotes([c(0, [0.04, 0.05, 0.045]), c(-0.1, [0, 0, 0]), c(0.3, [0.995, 1, 1]), c(0.01, [0.1, 0.3, 0.6])], m);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/^δ = 0 is the null/);
    expect(notes[1]).toMatch(/^δ = -0.1 reverses the proposed order/);
    expect(notes[2]).toBe(
      "δ = 0.3 is detected almost always even by 5 experts: on a 0–4 scale it means a 0.9-point difference between the outermost and innermost layers; plan with a smaller δ unless you expect an effect this large.",
    );
    expect(notes[3]).toBe(
      "δ = 0.01 never reaches 80% power with up to 20 experts (at most 0.60, at K = 20): on a 0–4 scale it means a 0.03-point difference between the outermost and innermost layers; an effect this small needs more experts than tried, or less noisy ratings (σ = 0.8).",
    );
  });

  it("smallestAdequatePanel: the first K with power ≥ 0.8 (or another target), undefined when none", () => {
    expect(smallestAdequatePanel({ panelSizes: [5, 10, 15], power: [0.4, 0.8, 0.9] })).toBe(10);
    expect(smallestAdequatePanel({ panelSizes: [5, 10, 15], power: [0.4, 0.8, 0.9] }, 0.85)).toBe(15);
    expect(smallestAdequatePanel({ panelSizes: [5], power: [0.4] })).toBeUndefined();
  });
});

describe("renderReport with more layers than can be ranked (9 one-component layers)", () => {
  it("shows the layer tests and the note on why the layer orders were not ranked, and no order ranking", () => {
    const ids = Array.from({ length: 9 }, (_, i) => `C${i + 1}`);
    const m: Model = {
      components: ids.map((id) => ({ id, name: id })),
      layers: ids.map((id, i) => ({ id: `L${i + 1}`, name: `layer ${i + 1}`, components: [id] })),
    };
    const s = simulatedSurvey(m, { seed: 9, expertCount: 4 });
    const r = analyzeSurvey(s, m, { bootstrap: 0, date: "2026-01-01" });
    expect(r.layers!.notes[0]).toMatch(/^The layer orders were not ranked: the model has 9 layers/);
    const html = renderReport(r, m, { plotlyJs: FAKE_PLOTLY });
    expect(html).toContain(escapeHtml(r.layers!.notes[0]));
    expect(html).toContain("362,880");
    expect(html).not.toContain("possible orders of the");
  });
});

describe("renderReport with the real Plotly bundle (node_modules/plotly.js-dist-min)", () => {
  it("keeps exactly two <script> elements: the inlined library cannot end or open a script early", () => {
    const plotlyJs = readFileSync("node_modules/plotly.js-dist-min/plotly.min.js", "utf8");
    const html = renderReport(layeredResult, model, { plotlyJs });
    const lower = html.toLowerCase();
    expect(count(lower, "<script")).toBe(2);
    expect(count(lower, "</script")).toBe(2);
    expect(html.length).toBeLessThan(plotlyJs.length + 2_000_000);
  });
});

describe("formatPValue(p)", () => {
  it("writes four decimals from 0.001 up, two significant digits below, n/a when not finite", () => {
    expect(formatPValue(0.04)).toBe("0.0400");
    expect(formatPValue(0.001)).toBe("0.0010");
    expect(formatPValue(0.000123)).toBe("0.00012");
    expect(formatPValue(1 / 25200)).toBe("0.00004");
    expect(formatPValue(NaN)).toBe("n/a");
    expect(formatPValue(Infinity)).toBe("n/a");
  });
  it("is the p the verdict quotes", () => {
    const signs = { outerAllCauses: true, innerAllEffects: true, outer: [{ id: "A", relation: 1 }], inner: [{ id: "C", relation: -1 }] };
    const p = 3 / 25200;
    expect(
      layeringVerdict({
        trend: { statistic: 0.7, p, method: "exact", assignments: 25200 },
        flow: { statistic: 0.3, p: 0.01, method: "exact", assignments: 25200 },
        signs,
      }),
    ).toContain(`exact p = ${formatPValue(p)} over all 25,200 assignments`);
  });
});

describe("renderReport: the DEMATEL method and its conventions (docs/methods.md §2.9–2.11)", () => {
  const model = defaultModel();
  const survey = simulatedSurvey(model, { expertCount: 4, seed: 3 });
  const methodItem = (html: string): string => /<section id="method"><h2>Method and settings<\/h2><ul>\s*<li>(.*?)<\/li>/.exec(html)?.[1] ?? "";

  it("a classic analysis says nothing about fuzzy or grey numbers", () => {
    const html = renderReport(analyzeSurvey(survey, model, { bootstrap: 0, date: "2026-01-01" }), model, { plotlyJs: FAKE_PLOTLY });
    expect(methodItem(html)).toMatch(/^Aggregation of the 4 experts/);
    expect(html).not.toMatch(/Fuzzy DEMATEL|Grey DEMATEL/);
  });

  it("fuzzy defuzzify-last and grey whiten-first name the method, the order, the convention and the scale", () => {
    const fuzzy = analyzeSurvey(survey, model, {
      bootstrap: 0,
      date: "2026-01-01",
      settings: { method: "fuzzy", variant: { order: "defuzzify-last", diagonal: false } },
    });
    const f = methodItem(renderReport(fuzzy, model, { plotlyJs: FAKE_PLOTLY }));
    expect(f).toMatch(
      /^Fuzzy DEMATEL .*order defuzzify-last: .*T&#39;s diagonal left out of the final minimum and range; linguistic scale: five-term fuzzy scale \(Li 1999; Lin &amp; Wu 2008\), 5 terms/,
    );
    const grey = analyzeSurvey(survey, model, {
      bootstrap: 0,
      date: "2026-01-01",
      settings: { method: "grey", variant: { order: "whiten-first", range: "per-matrix" } },
    });
    const g = methodItem(renderReport(grey, model, { plotlyJs: FAKE_PLOTLY }));
    expect(g).toMatch(
      /^Grey DEMATEL .*order whiten-first: each expert&#39;s matrix made crisp first, its minimum and range taken per expert, then classic DEMATEL; linguistic scale: five-term grey scale/,
    );
  });
});
