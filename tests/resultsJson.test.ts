import { describe, expect, it } from "vitest";
import { FORMAT_1_NAMES, RESULTS_FORMAT, resultsJsonText } from "../src/report/resultsJson.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { simulatedSurvey } from "../src/simulate/simulatedSurvey.js";
import { defaultModel } from "../src/model/model.js";

describe("resultsJsonText (results format 2, README 'Results format 2')", () => {
  it("writes each format-1 name after its format-2 name, with the same value, and stamps meta.format", () => {
    const text = resultsJsonText({ meta: { tool: "t" }, panel: { expertCount: 3, krippendorffAlpha: { interval: 0.5, ordinal: 0.6 } } });
    const j = JSON.parse(text);
    expect(j.meta).toEqual({ tool: "t", format: RESULTS_FORMAT });
    expect(Object.keys(j.panel)).toEqual(["expertCount", "krippendorffAlpha", "experts", "alpha"]);
    expect(j.panel.experts).toBe(3);
    expect(j.panel.alpha).toEqual({ interval: 0.5, ordinal: 0.6 });
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("never overwrites a key the object already has (meta.experts stays the list of experts), and leaves arrays and NaN as JSON.stringify does", () => {
    const j = JSON.parse(resultsJsonText({ experts: [{ expert: "E1" }], expertCount: 1, rows: [{ expertIndex: 0 }], x: NaN }));
    expect(j.experts).toEqual([{ expert: "E1" }]);
    expect(j.rows).toEqual([{ expertIndex: 0, expert: 0 }]);
    expect(j.x).toBeNull();
  });

  it("an object with two format-2 names of one format-1 name gets the first only", () => {
    const j = JSON.parse(resultsJsonText({ krippendorffAlpha: 1, significanceLevel: 2 }));
    expect(j.alpha).toBe(1);
    expect(FORMAT_1_NAMES.krippendorffAlpha).toBe("alpha");
  });

  it("an analysis' results.json text carries both names for the panel, the layers and the sensitivity table", () => {
    const survey = simulatedSurvey(defaultModel(), { expertCount: 4, seed: 2 });
    const j = JSON.parse(resultsJsonText(analyzeSurvey(survey, defaultModel(), { bootstrap: 0, date: "2026-01-01" })));
    expect(j.meta.format).toBe(2);
    expect(j.panel.expertCount).toBe(4);
    expect(j.panel.experts).toBe(4);
    expect(j.panel.gapRatio.panelSizes).toEqual([2, 3, 4]);
    expect(j.panel.gapRatio.experts).toEqual([2, 3, 4]);
    expect(j.panel.leaveOneOut.map((r: { expertIndex: number; expert: number }) => [r.expertIndex, r.expert])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(j.layers.expertCount).toBe(4);
    expect(j.layers.sensitivity.significanceLevel).toBe(0.05);
    expect(j.layers.sensitivity.alpha).toBe(0.05);
  });
});
