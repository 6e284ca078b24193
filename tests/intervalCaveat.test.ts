import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measuredCoverage } from "../src/uncertainty/measuredCoverage.js";
import { intervalCaveat } from "../src/interpret/intervalCaveat.js";
import { renderReport } from "../src/report/renderReport.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { defaultModel } from "../src/model/model.js";
import { escapeHtml } from "../src/plots/escapeHtml.js";

// The caveat beside the bootstrap intervals states the coverage measured in docs/methods.md §7.6 (its tables' ranges).
describe("intervalCaveat(K)", () => {
  it("states the measured coverage for the panel's size: K < 14 the 8-expert figures, else the 14–30 figures", () => {
    expect(intervalCaveat(8)).toContain("66–82%");
    expect(intervalCaveat(8)).toContain("12–78%");
    expect(intervalCaveat(14)).toContain("71–91%");
    expect(intervalCaveat(30)).toContain("24–89%");
    expect(intervalCaveat(14)).toMatch(/do not contain the population value 95% of the time/);
  });

  it("is printed next to the intervals in the report", () => {
    const model = defaultModel();
    const r = analyzeSurvey(readSurvey("data/surveys/example-panel.csv", model), model, { bootstrap: 200 });
    expect(renderReport(r, model, { plotlyJs: "/* plotly */" })).toContain(escapeHtml(intervalCaveat(14)));
  });
});

describe("measuredCoverage(K) is the percentile table of docs/methods.md §7.6", () => {
  const text = readFileSync("docs/methods.md", "utf8");
  const start = text.indexOf("**Percentile intervals**");
  const rows = text
    .slice(start, text.indexOf("**BCa intervals", start))
    .split("\n")
    .filter((l) => /^\| δ = /.test(l))
    .map((l) => {
      const cells = l.split("|").map((c) => c.trim());
      return { K: Number(/K = (\d+)/.exec(cells[1])![1]), values: cells.slice(3, 9).map((c) => Number(c.split(" ")[0])) };
    });
  const range = (Ks: number[], col: number): [number, number] => {
    const v = rows.filter((r) => Ks.includes(r.K)).map((r) => r.values[col]);
    return [Math.min(...v), Math.max(...v)];
  };

  it("reads the nine rows of the table", () => expect(rows.length).toBe(9));

  for (const [K, Ks] of [
    [8, [8]],
    [14, [14, 30]],
  ] as const)
    it(`K = ${K}: D, R, D+R, D−R, S_trend, S_flow ranges over the table's rows for K ∈ {${Ks.join(", ")}}`, () => {
      const c = measuredCoverage(K).percentile;
      expect([c.given, c.received, c.prominence, c.relation, c.trend, c.flow]).toEqual([0, 1, 2, 3, 4, 5].map((col) => range([...Ks], col)));
    });
});
