import { describe, expect, it } from "vitest";
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
