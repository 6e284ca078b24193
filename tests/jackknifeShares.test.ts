import { describe, expect, it } from "vitest";
import { jackknifeT } from "../src/uncertainty/jackknifeInterval.js";
import { studentTQuantile } from "../src/stats/studentT.js";
import { bootstrapExperts } from "../src/uncertainty/bootstrapExperts.js";
import { panelDematel } from "../src/core/panelDematel.js";
import { resolveSettings } from "../src/core/dematelSettings.js";
import { flowStatistic } from "../src/permutation/flowStatistic.js";
import { layerIndex, defaultModel } from "../src/model/model.js";
import { readSurvey } from "../src/io/readSurvey.js";

describe("studentTQuantile: the inverse of studentTUpper (t tables, NIST/SEMATECH 1.4.2.7.7)", () => {
  it("t_{0.975} for ν = 7, 13, 30 and t_{0.95} for ν = 5; symmetric", () => {
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.365, 3);
    expect(studentTQuantile(0.975, 13)).toBeCloseTo(2.16, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
  });
});

describe("jackknifeT (Efron & Tibshirani 1993, ch. 11), by hand", () => {
  it("θ̂ = 0.5, leave-one-out values (0.4, 0.5, 0.6, 0.5): θ̄ = 0.5, se = √(3/4 · 0.02), centre 0.5, ± t₃·se", () => {
    const iv = jackknifeT(0.5, [0.4, 0.5, 0.6, 0.5]);
    const se = Math.sqrt(0.75 * 0.02);
    const t = studentTQuantile(0.975, 3); // 3.182
    expect(t).toBeCloseTo(3.182, 3);
    expect(iv.centre).toBeCloseTo(0.5, 14);
    expect(iv.lower).toBeCloseTo(0.5 - t * se, 12);
    expect(iv.upper).toBeCloseTo(0.5 + t * se, 12);
  });

  it("centres on the bias-corrected estimate K·θ̂ − (K − 1)·θ̄", () => {
    const iv = jackknifeT(1, [1.2, 1.2, 1.2]);
    expect(iv.centre).toBeCloseTo(3 * 1 - 2 * 1.2, 14);
    expect(iv.upper - iv.lower).toBe(0);
  });
});

describe("bootstrapExperts(...).jackknife equals an independent leave-one-expert-out recomputation", () => {
  it("on the shipped example panel: every share's and S_flow's interval to 1e-12", () => {
    const model = defaultModel();
    const matrices = readSurvey("data/surveys/example-panel.csv", model).experts.map((e) => e.matrix);
    const K = matrices.length;
    const ids = model.components.map((c) => c.id);
    const layerOf = layerIndex(model);
    const boot = bootstrapExperts(matrices, model, { B: 50, seed: 1 });
    const full = panelDematel(matrices, resolveSettings({}, K), ids);
    const loo = matrices.map((_, k) =>
      panelDematel(
        matrices.filter((_m, j) => j !== k),
        resolveSettings({}, K - 1),
        ids,
      ),
    );
    const sum = (x: readonly number[]): number => x.reduce((a, b) => a + b, 0);
    const check = (got: { lower: number; upper: number; estimate: number }, f: (r: typeof full) => number): void => {
      const want = jackknifeT(f(full), loo.map(f));
      expect(got.estimate).toBeCloseTo(want.estimate, 12);
      expect(got.lower).toBeCloseTo(want.lower, 12);
      expect(got.upper).toBeCloseTo(want.upper, 12);
    };
    const j = boot.jackknife!;
    ids.forEach((_, i) => {
      check(j.givenShare[i], (r) => r.given[i] / sum(r.given));
      check(j.prominenceShare[i], (r) => r.prominence[i] / sum(r.prominence));
      check(j.relationShare[i], (r) => r.relation[i] / sum(r.given));
    });
    check(j.flow, (r) => flowStatistic(r.total, layerOf));
    expect(sum(j.givenShare.map((x) => x.estimate))).toBeCloseTo(1, 12);
  });
});
