// The pipeline (src/pipeline/analyzeSurvey.ts): one baseline, leave-one-out computed once, every stage fed
// the same settings; panelDematel and leaveOneOut against dematel() computed by hand.
import { describe, expect, it, vi } from "vitest";
import { aggregate, analyzeSurvey, defaultModel, dematel, leaveOneOut, panelDematel, resolveSettings, simulatedSurvey, type Matrix } from "../src/index.js";
import { expectClose, randomDirect } from "./helpers.js";

const calls = vi.hoisted(() => ({ panelDematel: 0 }));
vi.mock("../src/core/panelDematel.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/core/panelDematel.js")>();
  return {
    ...real,
    panelDematel: (...args: Parameters<typeof real.panelDematel>) => {
      calls.panelDematel++;
      return real.panelDematel(...args);
    },
    // the baseline's call (it keeps the fuzzy/grey matrices too) counts as a DEMATEL of the panel
    panelDematelOutcome: (...args: Parameters<typeof real.panelDematelOutcome>) => {
      calls.panelDematel++;
      return real.panelDematelOutcome(...args);
    },
  };
});

describe("panelDematel(matrices, settings, components)", () => {
  it("classic: dematel() of the aggregated panel with the settings' normalisation, ε and threshold", () => {
    const ms: Matrix[] = [randomDirect(5, 1), randomDirect(5, 2), randomDirect(5, 3)];
    const ids = ["A", "B", "C", "D", "E"];
    const settings = resolveSettings({ aggregation: "median", normalization: "column", epsilon: 0.25, threshold: { method: "mean+sd", k: 0.5 } });
    const want = dematel(aggregate(ms, { method: "median" }), {
      components: ids,
      normalization: "column",
      epsilon: 0.25,
      threshold: { method: "mean+sd", k: 0.5 },
    });
    expect(panelDematel(ms, settings, ids)).toEqual(want);
  });

  it("uses the weights it is given for part of a panel", () => {
    const ms: Matrix[] = [randomDirect(4, 7), randomDirect(4, 8)];
    const ids = ["A", "B", "C", "D"];
    const settings = resolveSettings({ weights: [1, 3] });
    expectClose(panelDematel(ms, settings, ids).relation, dematel(aggregate(ms, { weights: [1, 3] })).relation, 1e-15);
    expectClose(panelDematel([ms[1]], settings, ids, [3]).relation, dematel(ms[1]).relation, 1e-15);
  });
});

describe("leaveOneOut(matrices, settings, components)", () => {
  it("one run per expert, each the others' DEMATEL with their own weights; none for a single expert", () => {
    const ms: Matrix[] = [randomDirect(4, 11), randomDirect(4, 12), randomDirect(4, 13)];
    const ids = ["A", "B", "C", "D"];
    const runs = leaveOneOut(ms, resolveSettings({ weights: [1, 2, 4] }), ids);
    expect(runs.map((r) => r.expertIndex)).toEqual([0, 1, 2]);
    const without1 = dematel(aggregate([ms[0], ms[2]], { weights: [1, 4] }), { components: ids });
    expectClose(runs[1].result!.total, without1.total, 1e-15);
    expect(leaveOneOut([ms[0]], resolveSettings(), ids)).toEqual([]);
  });

  it("keeps a run without a solution as its reason instead of failing", () => {
    // Without expert 1 the panel is all zero: normalize refuses it.
    const zero: Matrix = [
      [0, 0],
      [0, 0],
    ];
    const runs = leaveOneOut(
      [
        [
          [0, 3],
          [1, 0],
        ],
        zero,
      ],
      resolveSettings(),
      ["A", "B"],
    );
    expect(runs[0].result).toBeUndefined();
    expect(runs[0].error).toMatch(/all zeros/);
    expect(runs[1].result).toBeDefined();
  });
});

describe("analyzeSurvey: one baseline, leave-one-out once", () => {
  it("computes the full-panel DEMATEL once, the K leave-one-out runs once, and one run for the median scenario", () => {
    const model = defaultModel();
    const survey = simulatedSurvey(model, { expertCount: 6, seed: 4 });
    calls.panelDematel = 0;
    const r = analyzeSurvey(survey, model, { bootstrap: 20, date: "2026-01-01T00:00:00.000Z" });
    // 1 baseline + 6 leave-one-out + 1 "aggregation median" sensitivity scenario. Before the pipeline
    // had one baseline, the same analysis ran the full panel 5 times and leave-one-out twice (5 + 12 + 1).
    expect(calls.panelDematel).toBe(1 + 6 + 1);
    // Panel quality and sensitivity read the same leave-one-out runs.
    const runs = leaveOneOut(
      survey.experts.map((e) => e.matrix),
      resolveSettings({ weights: survey.experts.map((e) => e.weight) }),
      model.components.map((c) => c.id),
    );
    const loo = r.layers!.sensitivity!.scenarios.filter((s) => s.kind === "leave-one-out");
    loo.forEach((s, k) => expect(s.relation).toEqual(runs[k].result!.relation));
    r.panel.leaveOneOut.forEach((e, k) => expect(e.maxRelationChange).toBe(Math.max(...r.relation.map((v, i) => Math.abs(v - runs[k].result!.relation[i])))));
  });

  it("accepts resolved settings as they are and writes them into meta.options", () => {
    const model = defaultModel();
    const survey = simulatedSurvey(model, { expertCount: 4, seed: 9 });
    const settings = resolveSettings({ aggregation: "median", threshold: { method: "mmde" } }, 4);
    const r = analyzeSurvey(survey, model, { settings, bootstrap: 0 });
    expect(r.meta.options).toEqual({ aggregation: "median", weights: [1, 1, 1, 1], normalization: "max", epsilon: 0, threshold: { method: "mmde" } });
    expect(r.threshold.method).toBe("mmde");
  });
});

describe("analyzeSurvey: settings resolved without weights", () => {
  it("still applies the survey's weight column, as a partial input does", () => {
    const model = defaultModel();
    const survey = simulatedSurvey(model, { expertCount: 4, seed: 9 });
    survey.experts.forEach((e, k) => (e.weight = k + 1));
    const resolved = analyzeSurvey(survey, model, { settings: resolveSettings({ aggregation: "mean" }), bootstrap: 0, layers: false });
    const partial = analyzeSurvey(survey, model, { settings: { aggregation: "mean" }, bootstrap: 0, layers: false });
    expect(resolved.meta.options.weights).toEqual([1, 2, 3, 4]);
    expect(resolved.relation).toEqual(partial.relation);
  });
});
