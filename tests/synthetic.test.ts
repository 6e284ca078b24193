import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  aggregate,
  createTrendTest,
  defaultModel,
  createRandom,
  dematel,
  examplePanels,
  layerIndex,
  parseSurvey,
  simulatePanel,
  simulatedSurvey,
  trendStatistic,
  type Model,
} from "../src/index.js";
import { EXAMPLE_PANEL_SEED, NULL_PANEL_SEED, STRONG_PANEL_SEED } from "../src/simulate/examplePanels.js";
import { componentPositions, positionSeed } from "../src/simulate/componentPositions.js";
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

  it("data/surveys/example-panel.csv, null-panel.csv and strong-panel.csv equal the generator's output byte for byte", () => {
    expect(panels.map((p) => p.file)).toEqual(["data/surveys/example-panel.csv", "data/surveys/null-panel.csv", "data/surveys/strong-panel.csv"]);
    for (const p of panels) {
      const onDisk = readFileSync(p.file);
      expect(onDisk.equals(Buffer.from(p.csv, "utf8"))).toBe(true);
    }
  });

  it("state their parameters (docs/methods.md §8.1; seeds 2027, 2025, 2024) and start with the header, no comment lines", () => {
    const base = { expertCount: 14, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 };
    expect(panels[0].options).toEqual({
      ...base,
      delta: 0.3,
      omega: 0.3,
      positionShifts: { BPM: 0.7 },
      dissenterCount: 1,
      dissenterDelta: -0.8,
      seed: EXAMPLE_PANEL_SEED,
    });
    expect(panels[1].options).toEqual({ ...base, delta: 0, seed: NULL_PANEL_SEED });
    expect(panels[2].options).toEqual({ ...base, delta: 0.5, seed: STRONG_PANEL_SEED });
    expect([EXAMPLE_PANEL_SEED, NULL_PANEL_SEED, STRONG_PANEL_SEED]).toEqual([2027, 2025, 2024]);
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

  it("the exact trend test: the strong panel at its attainable maximum (p = 1/25200), the example panel below it but rejecting, the null panel not rejecting", () => {
    const test = createTrendTest(layerIndex(model));
    const [example, nul, strong] = panels.map((p) => test.test(dematel(aggregate(simulatePanel(model, p.options))).relation));
    expect(strong.p).toBeCloseTo(1 / 25200, 12);
    expect(strong.statistic).toBeCloseTo(Math.sqrt(37 / 45), 12);
    expect(example.statistic).toBeLessThan(strong.statistic - 0.01);
    expect(example.p).toBeLessThan(0.05);
    expect(example.p).toBeGreaterThan(1 / 25200);
    expect(nul.p).toBeGreaterThan(0.05);
  });

  it("the example panel's dissenting expert E14 is the one farthest from the panel, and BPM (moved toward the processes layer) is a net receiver", () => {
    const survey = parseSurvey(readFileSync(panels[0].file, "utf8"), model, { source: panels[0].file });
    const matrices = survey.experts.map((e) => e.matrix);
    const mean = aggregate(matrices);
    const dist = matrices.map((m) => m.reduce((t, row, i) => t + row.reduce((u, v, j) => u + Math.abs(v - mean[i][j]), 0), 0));
    expect(dist.indexOf(Math.max(...dist))).toBe(13);
    const relation = dematel(mean).relation;
    expect(relation[model.components.findIndex((c) => c.id === "BPM")]).toBeLessThan(0);
  });
});

describe("simulatePanel: realistic-panel options (docs/methods.md §8.1)", () => {
  it("with every option off, equals the panel without them (common random numbers: positions draw from their own stream)", () => {
    const plain = simulatePanel(model, { seed: 11 });
    expect(simulatePanel(model, { seed: 11, omega: 0, positionShifts: {}, dissenterCount: 0 })).toEqual(plain);
  });

  it("componentPositions: ℓ + shift + ω·z, z from createRandom(positionSeed(seed)) in model order (hand-traced)", () => {
    const l = layerPositions(model);
    const shifted = componentPositions(model, { positionShifts: { STR: 0.6, INS: -1 } }, 5);
    const expected = Array.from(l);
    expected[3] += 0.6; // STR, layer 2 → 2.6
    expected[9] -= 1; // INS, layer 4 → 3 (a misplaced component)
    expect(Array.from(shifted)).toEqual(expected);
    expect(shifted[3]).toBeCloseTo(2.6, 15);
    const rng = createRandom(positionSeed(5));
    const z = model.components.map(() => rng.normal());
    const jittered = componentPositions(model, { omega: 0.5 }, 5);
    jittered.forEach((p, i) => expect(p).toBeCloseTo(l[i] + 0.5 * z[i], 14));
    expect(positionSeed(5)).not.toBe(5);
  });

  it("a dissenter takes the same place in the stream: with dissenterDelta = δ the panel is unchanged, and the agreeing experts never change", () => {
    const plain = simulatePanel(model, { seed: 3, delta: 0.4 });
    expect(simulatePanel(model, { seed: 3, delta: 0.4, dissenterCount: 2, dissenterDelta: 0.4 })).toEqual(plain);
    const dissent = simulatePanel(model, { seed: 3, delta: 0.4, dissenterCount: 2 });
    expect(dissent.slice(0, 12)).toEqual(plain.slice(0, 12));
    expect(dissent.slice(12)).not.toEqual(plain.slice(12));
  });

  it("a dissenter with σ = τ = 0 rates the reversed layering exactly: mean c − δ·(ℓ(j) − ℓ(i)), rounded", () => {
    const [e] = simulatePanel(model, { expertCount: 1, seed: 1, sigma: 0, tau: 0, delta: 0.5, dissenterCount: 1 });
    const l = layerPositions(model);
    e.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(i === j ? 0 : Math.round(Math.min(4, Math.max(0, 2 - 0.5 * (l[j] - l[i])))))));
  });

  it("refuses an unknown component, a negative ω and a dissenter count beyond the panel, naming each", () => {
    expect(() => simulatePanel(model, { positionShifts: { NOPE: 1 }, omega: -1 })).toThrow(
      /omega must be a finite number ≥ 0, got -1; positionShifts: unknown component "NOPE"/,
    );
    expect(() => simulatePanel(model, { expertCount: 3, dissenterCount: 4 })).toThrow(/dissenterCount must be an integer from 0 to expertCount \(3\)/);
  });

  it("simulatedSurvey states the options in its source", () => {
    const s = simulatedSurvey(model, { seed: 2, omega: 0.3, positionShifts: { BPM: 0.7 }, dissenterCount: 1, dissenterDelta: -0.8 });
    expect(s.source).toContain("omega=0.3, shifts BPM+0.7, dissenters=1 with delta=-0.8, seed=2");
  });
});
