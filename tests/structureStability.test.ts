import { describe, expect, it } from "vitest";
import {
  aggregate,
  analyzeSurvey,
  bootstrapExperts,
  createRandom,
  defaultModel,
  dematel,
  ismLevels,
  micmac,
  readSurvey,
  renderReport,
  type Matrix,
  type Model,
} from "../src/index.js";
import { createReachabilityLevels, QUADRANT_CODES } from "../src/structure/reachabilityLevels.js";
import { randomDirect } from "./helpers.js";

const model: Model = {
  components: ["A", "B", "C", "D", "E"].map((id) => ({ id, name: id })),
  layers: [
    { id: "L1", name: "outer", components: ["A", "B"] },
    { id: "L2", name: "inner", components: ["C", "D", "E"] },
  ],
};
const ids = model.components.map((c) => c.id);

describe("createReachabilityLevels(n) (typed-array ISM levels and MICMAC)", () => {
  it("agrees with ismLevels and micmac on seeded random T at their mean threshold", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const d = dematel(randomDirect(5, seed));
      const ism = ismLevels(d.total, d.threshold.value, ids);
      const m = micmac(ism.reachability, ids);
      const r = createReachabilityLevels(5);
      r.run(Float64Array.from(d.total.flat()), d.threshold.value);
      expect(Array.from(r.levelOf)).toEqual(ism.levelOf);
      expect(r.levels).toBe(ism.levels.length);
      expect(Array.from(r.quadrant, (q) => QUADRANT_CODES[q])).toEqual(m.quadrant);
    }
  });
});

describe("bootstrapExperts(...).structure (docs/methods.md §7.4)", () => {
  const rng = createRandom(42);
  const panel: Matrix[] = Array.from({ length: 6 }, () =>
    ids.map((_, i) => ids.map((_, j) => (i === j ? 0 : Math.min(4, Math.max(0, 2 + (i < j ? 1 : -1) + rng.int(3) - 1))))),
  );

  it("equals a replicate-by-replicate recomputation through the public path", () => {
    const B = 40;
    const boot = bootstrapExperts(panel, model, { B, seed: 9 });
    const full = dematel(aggregate(panel), { components: ids });
    const ref = ismLevels(full.total, full.threshold.value, ids);
    const refClass = micmac(ref.reachability, ids).quadrant;
    // Replicate b draws K expert indices with createRandom(seed).int(K), K per replicate, in order.
    const draw = createRandom(9);
    const sameLevel = new Array<number>(5).fill(0);
    const sameClass = new Array<number>(5).fill(0);
    for (let b = 0; b < B; b++) {
      const picked = panel.map(() => panel[draw.int(panel.length)]);
      const d = dematel(aggregate(picked), { components: ids });
      const ism = ismLevels(d.total, d.threshold.value, ids);
      const q = micmac(ism.reachability, ids).quadrant;
      ids.forEach((_, i) => {
        if (ism.levelOf[i] === ref.levelOf[i]) sameLevel[i]++;
        if (q[i] === refClass[i]) sameClass[i]++;
      });
    }
    expect(boot.failed).toBe(0);
    expect(boot.structure?.used).toBe(B);
    expect(boot.structure?.ismLevelSame).toEqual(sameLevel.map((c) => c / B));
    expect(boot.structure?.micmacSame).toEqual(sameClass.map((c) => c / B));
  });

  it("is 1 everywhere when every expert gives the same ratings", () => {
    const same = Array.from({ length: 5 }, () => panel[0]);
    const s = bootstrapExperts(same, model, { B: 50, seed: 1 }).structure;
    expect(s?.ismLevelSame).toEqual([1, 1, 1, 1, 1]);
    expect(s?.micmacSame).toEqual([1, 1, 1, 1, 1]);
    expect(s?.levelCountSame).toBe(1);
  });

  it("can be left out, and uses the analysis's threshold rule (MMDE through threshold())", () => {
    expect(bootstrapExperts(panel, model, { B: 20, seed: 1, structure: false }).structure).toBeUndefined();
    const s = bootstrapExperts(panel, model, { B: 20, seed: 1, settings: { threshold: { method: "mmde" } } }).structure;
    expect(s?.used).toBe(20);
    for (const row of s?.edgeShare ?? []) for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
  });

  it("on the example panel most ISM levels are not stable (issue 13)", () => {
    const survey = readSurvey("data/surveys/example-panel.csv", defaultModel());
    const s = bootstrapExperts(
      survey.experts.map((e) => e.matrix),
      defaultModel(),
      { B: 400, seed: 1 },
    ).structure;
    expect(s?.used).toBe(400);
    expect((s?.ismLevelSame ?? []).filter((x) => x < 0.5).length).toBeGreaterThanOrEqual(5);
  });
});

describe("the report shows the structure's stability and the marginal links, and reads consensus against the baseline", () => {
  it("renderReport on the example panel", () => {
    const survey = readSurvey("data/surveys/example-panel.csv", defaultModel());
    const result = analyzeSurvey(survey, defaultModel(), { bootstrap: 200, seed: 1, date: "2026-01-01" });
    const html = renderReport(result, defaultModel(), { plotlyJs: "/* plotly stand-in */" });
    expect(html).toContain("How stable are the ISM levels and MICMAC classes?");
    expect(html).toContain("Links within 1% of the threshold");
    expect(html).toContain("Scenarios changing a role: 1; a layer test: 0;");
    expect(html).toContain("No consensus beyond chance");
    expect(html).not.toMatch(/95% confidence|confidence 95|95% consensus/);
    // A threshold scenario now changes a tracked conclusion (issue 13: "0 of 17 scenarios change a conclusion").
    const mmde = result.layers?.sensitivity?.scenarios.find((x) => x.scenario === "threshold mmde");
    expect(mmde?.changes.some((c) => c.startsWith("ISM: 7 → 2 levels"))).toBe(true);
    expect(result.layers?.bootstrap?.structure?.used).toBe(200);
  });
});
