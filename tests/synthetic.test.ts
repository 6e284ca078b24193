import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  aggregate,
  createTrendTest,
  defaultModel,
  dematel,
  examplePanels,
  layerIndex,
  parseSurvey,
  simulatePanel,
  simulatedSurvey,
  trendStatistic,
  type Model,
} from "../src/index.js";
import { EXAMPLE_PANEL_SEED, NULL_PANEL_SEED } from "../src/simulate/examplePanels.js";
import { layerPositions } from "../src/simulate/panelDraw.js";
import { deepFreeze } from "./helpers.js";

const model = defaultModel();

describe("simulatePanel(model, options)", () => {
  it("gives K integer matrices on 0..s with a zero diagonal, in model order (defaults: K = 14, s = 4)", () => {
    const panel = simulatePanel(model, { seed: 4 });
    expect(panel.length).toBe(14);
    for (const m of panel) {
      expect(m.length).toBe(10);
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          expect(Number.isInteger(v) && v >= 0 && v <= 4).toBe(true);
          if (i === j) expect(v).toBe(0);
        }),
      );
    }
    const six = simulatePanel(model, { expertCount: 3, scaleMax: 6, delta: 3, seed: 4 });
    expect(Math.max(...six.flat(2))).toBe(6);
  });

  it("same seed → same panel; another seed → another panel; the input model is not mutated", () => {
    const frozen = deepFreeze(defaultModel());
    expect(simulatePanel(frozen, { seed: 9 })).toEqual(simulatePanel(model, { seed: 9 }));
    expect(simulatePanel(model, { seed: 9 })).not.toEqual(simulatePanel(model, { seed: 10 }));
  });

  it("σ = τ = 0 gives exactly round(clip(μ_ij, 0, s)) with μ_ij = c + δ·(ℓ(j) − ℓ(i)) (docs/methods.md §8.1), ℓ 1-based", () => {
    // Hand case, 3 components, layers [A], [B], [C]: μ_AB = 2 + 0.6·1 = 2.6 → 3, μ_AC = 2 + 0.6·2 = 3.2 → 3,
    // μ_BA = 1.4 → 1, μ_CA = 0.8 → 1, μ_BC = 2.6 → 3, μ_CB = 1.4 → 1.
    const abc: Model = {
      components: ["A", "B", "C"].map((id) => ({ id, name: id })),
      layers: ["A", "B", "C"].map((id, i) => ({ id: `L${i + 1}`, name: id, components: [id] })),
    };
    const [m] = simulatePanel(abc, { expertCount: 1, delta: 0.6, sigma: 0, tau: 0, seed: 1 });
    expect(m).toEqual([
      [0, 3, 3],
      [1, 0, 3],
      [1, 1, 0],
    ]);
    // δ large pushes cells to the clip bounds 0 and s.
    const [big] = simulatePanel(abc, { expertCount: 1, delta: 5, sigma: 0, tau: 0 });
    expect(big).toEqual([
      [0, 4, 4],
      [0, 0, 4],
      [0, 0, 0],
    ]);
  });

  it("components in no layer take ℓ = (L + 1)/2; a model without layers has μ_ij = c everywhere", () => {
    const partial: Model = {
      components: ["A", "B", "C"].map((id) => ({ id, name: id })),
      layers: [
        { id: "L1", name: "o", components: ["A"] },
        { id: "L2", name: "i", components: ["C"] },
      ],
    };
    expect(Array.from(layerPositions(partial))).toEqual([1, 1.5, 2]);
    const none: Model = { components: partial.components };
    const [m] = simulatePanel(none, { expertCount: 1, delta: 1, sigma: 0, tau: 0 });
    expect(m).toEqual([
      [0, 2, 2],
      [2, 0, 2],
      [2, 2, 0],
    ]);
  });

  it("the draw order makes δ, c, σ, τ reuse the same deviates: with τ = 0, each cell of (δ = 0, c = 2.2) equals (δ = 0, c = 1.2) plus 1 unless clipped", () => {
    const a = simulatePanel(model, { expertCount: 5, delta: 0, c: 2.2, tau: 0, seed: 12 });
    const b = simulatePanel(model, { expertCount: 5, delta: 0, c: 1.2, tau: 0, seed: 12 });
    let compared = 0;
    a.forEach((m, k) =>
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          if (i !== j && v < 4 && b[k][i][j] > 0) {
            expect(v).toBe(b[k][i][j] + 1);
            compared++;
          }
        }),
      ),
    );
    expect(compared).toBeGreaterThan(200);
  });

  it("sign check: on a δ = 1 panel outer components are causes, inner ones effects, and S_trend is strongly positive (> 0.8)", () => {
    const r = dematel(aggregate(simulatePanel(model, { delta: 1, seed: 21 })));
    const layerOf = layerIndex(model);
    expect(trendStatistic(layerOf, r.relation)).toBeGreaterThan(0.8);
    layerOf.forEach((l, i) => {
      if (l === 0) expect(r.role[i]).toBe("cause");
      if (l === 3) expect(r.role[i]).toBe("effect");
    });
  });

  it("rejects misuse: non-integer K or s, negative σ/τ, non-integer seed, non-numbers", () => {
    expect(() => simulatePanel(model, { expertCount: 0 })).toThrow(RangeError);
    expect(() => simulatePanel(model, { expertCount: 2.5 })).toThrow(RangeError);
    expect(() => simulatePanel(model, { scaleMax: 4.5 })).toThrow(RangeError);
    expect(() => simulatePanel(model, { sigma: -1 })).toThrow(RangeError);
    expect(() => simulatePanel(model, { tau: -0.1 })).toThrow(RangeError);
    expect(() => simulatePanel(model, { seed: 1.5 })).toThrow(TypeError);
    expect(() => simulatePanel(model, { delta: NaN })).toThrow(TypeError);
  });
});

describe("simulatedSurvey(model, options)", () => {
  it("wraps the panel as a synthetic Survey: E01..E14, weight 1, scale 0..4, no warnings, parameters in source", () => {
    const s = simulatedSurvey(model, { seed: 3 });
    expect(s.synthetic).toBe(true);
    expect(s.experts.map((e) => e.expert)).toEqual(Array.from({ length: 14 }, (_, k) => `E${String(k + 1).padStart(2, "0")}`));
    expect(s.experts.every((e) => e.weight === 1 && e.imputed.length === 0)).toBe(true);
    expect(s.experts.map((e) => e.matrix)).toEqual(simulatePanel(model, { seed: 3 }));
    expect(s.components).toEqual(model.components.map((c) => c.id));
    expect(s.scale).toEqual({ min: 0, max: 4 });
    expect(s.warnings).toEqual([]);
    expect(s.source).toContain("seed=3");
    expect(simulatedSurvey(model, { expertCount: 120 }).experts[0].expert).toBe("E001");
  });
});

describe("examplePanels(): the committed synthetic data", () => {
  const panels = examplePanels();

  it("data/surveys/example-panel.csv and null-panel.csv equal the generator's output byte for byte", () => {
    expect(panels.map((p) => p.file)).toEqual(["data/surveys/example-panel.csv", "data/surveys/null-panel.csv"]);
    for (const p of panels) {
      const onDisk = readFileSync(p.file);
      expect(onDisk.equals(Buffer.from(p.csv, "utf8"))).toBe(true);
    }
  });

  it("state their parameters (docs/methods.md §8.1 defaults; δ = 0.5 and 0; seeds 2024 and 2025) and start with the header, no comment lines", () => {
    expect(panels[0].options).toEqual({ expertCount: 14, delta: 0.5, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, seed: EXAMPLE_PANEL_SEED });
    expect(panels[1].options).toEqual({ expertCount: 14, delta: 0, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, seed: NULL_PANEL_SEED });
    expect([EXAMPLE_PANEL_SEED, NULL_PANEL_SEED]).toEqual([2024, 2025]);
    for (const p of panels) {
      expect(p.csv.split("\r\n")[0]).toBe("expert,from," + model.components.map((c) => c.id).join(","));
      expect(p.csv).not.toMatch(/^#/m);
    }
  });

  it("read back with parseSurvey: 14 experts, integers 0..4, zero diagonal, equal to simulatePanel", () => {
    for (const p of panels) {
      const s = parseSurvey(readFileSync(p.file, "utf8"), model, { source: p.file });
      expect(s.experts.length).toBe(14);
      expect(s.experts.map((e) => e.matrix)).toEqual(simulatePanel(model, p.options));
      for (const e of s.experts)
        e.matrix.forEach((row, i) =>
          row.forEach((v, j) => {
            expect(Number.isInteger(v) && v >= 0 && v <= 4).toBe(true);
            if (i === j) expect(v).toBe(0);
          }),
        );
    }
  });

  it("the exact trend test rejects on the layered panel (p = 1/25200) and not on the null panel (p ≈ 0.07)", () => {
    const test = createTrendTest(layerIndex(model));
    const [layered, nul] = panels.map((p) => test.test(dematel(aggregate(simulatePanel(model, p.options))).relation));
    expect(layered.p).toBeCloseTo(1 / 25200, 12);
    expect(nul.p).toBeGreaterThan(0.05);
  });
});
