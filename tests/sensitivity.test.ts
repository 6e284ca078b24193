import { describe, expect, it } from "vitest";
import { aggregate, componentIds, createRandom, dematel, layerTests, sensitivity, type Matrix, type Model } from "../src/index.js";
import { EDGE_MARGIN, marginalEdges } from "../src/layers/sensitivity.js";

/** Two layers: A, B outer; C, D inner. */
const model: Model = {
  components: ["A", "B", "C", "D"].map((id) => ({ id, name: `component ${id}` })),
  layers: [
    { id: "L1", name: "outer", components: ["A", "B"] },
    { id: "L2", name: "inner", components: ["C", "D"] },
  ],
};

// A small panel where expert 4 alone makes B a cause: experts 1–3 rate B's outgoing influence 1–2,
// expert 4 rates it 4 everywhere. With all four, relation(B) = +0.054 (cause); without expert 4 B is an effect.
const base: Matrix = [
  [0, 2, 3, 3],
  [2, 0, 1, 1],
  [1, 2, 0, 2],
  [1, 2, 2, 0],
];
const edit = (f: (v: number, i: number, j: number) => number): Matrix => base.map((r, i) => r.map((v, j) => (i === j ? 0 : f(v, i, j))));
const panel: Matrix[] = [
  edit((v) => v),
  edit((v, i, j) => (i === 0 && j === 2 ? 4 : v)),
  edit((v, i, j) => (i === 2 && j === 3 ? 3 : v)),
  edit((v, i) => (i === 1 ? 4 : v)),
];

/** A change of the structure read from T (ISM levels, MICMAC classes, map links), not of a role or a test. */
const isStructure = (c: string): boolean => /^(ISM|MICMAC|map edges):/.test(c);

describe("sensitivity(matrices, model)", () => {
  it("finds the one expert who flips a role, and the median aggregation that agrees with the others", () => {
    const s = sensitivity(panel, model, { thresholds: [{ method: "mean" }, { method: "mean+sd" }] });
    expect(s.scenarios.map((r) => r.kind)).toEqual([
      "baseline",
      "leave-one-out",
      "leave-one-out",
      "leave-one-out",
      "leave-one-out",
      "threshold",
      "aggregation",
    ]);
    const [baseline, , , , without4] = s.scenarios;
    expect(baseline.roles).toEqual(["cause", "cause", "effect", "effect"]);
    expect(without4.scenario).toBe("without expert 4");
    expect(without4.changes.filter((c) => !isStructure(c))).toEqual(["B becomes an effect"]);
    for (const r of s.scenarios.slice(1, 4)) expect(r.changes.filter((c) => !isStructure(c))).toEqual([]);
    // Independent recomputation of the leave-one-out row.
    const d = dematel(aggregate(panel.slice(0, 3)), { components: componentIds(model) });
    expect(without4.roles).toEqual(d.role);
    const t = layerTests(d.total, d.relation, model);
    expect(without4.trendP).toBeCloseTo(t.trend.p, 14);
    expect(without4.flowP).toBeCloseTo(t.flow.p, 14);
    // The 4-component model has 6 assignments: the baseline ordering is the best of them (p = 1/6).
    expect(baseline.trendP).toBeCloseTo(1 / 6, 14);
    expect(s.summary.stableRoles).toEqual([true, false, true, true]);
    // Every scenario moves some structure (experts 1–3 each shift one map link near α); roles change in two.
    expect(s.summary.changedConclusions).toBe(6);
    expect(s.summary.changedBy).toEqual({ roles: 2, tests: 0, ism: 6, micmac: 3, edges: 6 });
    expect(s.scenarios[6].scenario).toBe("aggregation median");
    expect(s.scenarios[6].changes[0]).toBe("B becomes an effect");
    expect(s.notes).toEqual([]);
  });

  it("threshold scenarios keep roles and tests but can change the edges, ISM levels and MICMAC classes", () => {
    const s = sensitivity(panel, model, { thresholds: [{ method: "mean" }, { method: "mean+sd" }], aggregations: ["mean"] });
    const base = s.scenarios[0];
    const thr = s.scenarios.find((r) => r.kind === "threshold");
    expect(thr?.roles).toEqual(base.roles);
    expect(thr?.trendP).toBe(base.trendP);
    // Hand-checked. At the mean (α = 0.666) the map is A→B, A→C, A→D, B→C, B→D, C→D, D→C: C and D reach only
    // each other (level 1), then B (2), then A (3); with n/2 = 2, A and B drive (driving 4, 3; dependence 1, 2),
    // C and D depend (driving 2, dependence 4). At mean+sd (α = 0.842) only A→B, A→C, A→D remain: B, C, D
    // reach only themselves (level 1), A is level 2; B, C, D have driving 1 and dependence 2 (not above n/2): autonomous.
    expect(base.edgeSet).toEqual(["A→B", "A→C", "A→D", "B→C", "B→D", "C→D", "D→C"]);
    expect(base.ismLevels).toEqual([3, 2, 1, 1]);
    expect(base.micmac).toEqual(["independent", "independent", "dependent", "dependent"]);
    expect(thr?.edgeSet).toEqual(["A→B", "A→C", "A→D"]);
    expect(thr?.ismLevels).toEqual([2, 1, 1, 1]);
    expect(thr?.micmac).toEqual(["independent", "autonomous", "autonomous", "autonomous"]);
    expect(thr?.changes).toEqual([
      "ISM: 3 → 2 levels, 2 components at another level (A, B)",
      "MICMAC: B independent → autonomous, C dependent → autonomous, D dependent → autonomous",
      "map edges: −4 (B→C, B→D, C→D, D→C)",
    ]);
    expect(s.summary.changedBy.ism).toBeGreaterThan(0);
    // mean+sd is above the mean, so it keeps fewer edges.
    expect((thr?.threshold ?? 0) > (base.threshold ?? 0)).toBe(true);
    expect((thr?.edges ?? 99) < (base.edges ?? 0)).toBe(true);
  });

  it("says when a test loses significance at the chosen level", () => {
    // At alpha = 0.2 the baseline's p = 1/6 is significant; without expert 4 trend p = 4/6 and flow p = 3/6 are not.
    const s = sensitivity(panel, model, { significanceLevel: 0.2, thresholds: [{ method: "mean" }], aggregations: ["mean"] });
    expect(s.scenarios[0].trendSignificant).toBe(true);
    expect(s.scenarios[4].trendP).toBeCloseTo(4 / 6, 14);
    expect(s.scenarios[4].flowP).toBeCloseTo(3 / 6, 14);
    expect(s.scenarios[4].changes.filter((c) => !isStructure(c))).toEqual([
      "B becomes an effect",
      "trend test no longer significant at 20%",
      "flow test no longer significant at 20%",
    ]);
    expect(s.summary.changedBy.tests).toBe(1);
  });

  it("reports a threshold rule that throws as an unavailable row instead of failing", () => {
    // A "fixed" rule without a value throws RangeError in threshold(); MMDE is handled the same way if it throws.
    const s = sensitivity(panel, model, { thresholds: [{ method: "mean" }, { method: "fixed" }, { method: "mmde" }], aggregations: ["mean"] });
    const fixed = s.scenarios.find((r) => r.scenario === "threshold fixed (no value)");
    expect(fixed?.available).toBe(false);
    expect(fixed?.note).toMatch(/fixed threshold needs a finite value/);
    expect(fixed?.roles).toEqual([]);
    expect(s.summary.unavailable).toBeGreaterThanOrEqual(1);
    const mmde = s.scenarios.find((r) => r.scenario === "threshold mmde");
    expect(mmde).toBeDefined();
    if (mmde?.available) expect(mmde.roles).toEqual(s.scenarios[0].roles);
    else expect(mmde?.note).toBeTruthy();
  });

  it("skips leave-one-out with fewer than 3 experts and says so; drops the left-out expert's weight", () => {
    const two = sensitivity(panel.slice(0, 2), model, { thresholds: [{ method: "mean" }] });
    expect(two.scenarios.some((r) => r.kind === "leave-one-out")).toBe(false);
    expect(two.notes[0]).toMatch(/at least 3 experts/);
    const weights = [1, 1, 1, 5];
    const w = sensitivity(panel, model, { settings: { weights }, labels: ["E1", "E2", "E3", "E4"], thresholds: [{ method: "mean" }], aggregations: ["mean"] });
    expect(w.scenarios[1].scenario).toBe("without E1");
    const d = dematel(aggregate([panel[1], panel[2], panel[3]], { weights: [1, 1, 5] }), { components: componentIds(model) });
    w.scenarios[1].relation.forEach((r, i) => expect(r).toBeCloseTo(d.relation[i], 12));
  });

  it("is reproducible on a seeded random panel and never mutates the input", () => {
    const rng = createRandom(99);
    const ms = Array.from({ length: 5 }, () => base.map((r, i) => r.map((_, j) => (i === j ? 0 : rng.int(5)))));
    const frozen = ms.map((m) => Object.freeze(m.map((r) => Object.freeze(r.slice())))) as unknown as Matrix[];
    const a = sensitivity(frozen, model, { thresholds: [{ method: "mean" }] });
    const b = sensitivity(ms, model, { thresholds: [{ method: "mean" }] });
    expect(a).toEqual(b);
    expect(a.scenarios).toHaveLength(1 + 5 + 1);
  });

  it("rejects mismatched input", () => {
    expect(() => sensitivity([], model)).toThrow(RangeError);
    expect(() =>
      sensitivity(
        [
          [
            [0, 1],
            [1, 0],
          ],
        ],
        model,
      ),
    ).toThrow(RangeError);
    expect(() => sensitivity(panel, model, { significanceLevel: 1.5 })).toThrow(RangeError);
    expect(() => sensitivity(panel, { ...model, layers: [] })).toThrow(RangeError);
  });
});

describe("sensitivity(matrices, model, { settings })", () => {
  it("takes its baseline aggregation and threshold from the settings, the other defaults after them", () => {
    const s = sensitivity(panel, model, { settings: { aggregation: "median", threshold: { method: "mmde" } } });
    expect(s.scenarios[0].scenario).toBe("baseline (median aggregation, mmde threshold, all 4 experts)");
    expect(s.scenarios.filter((r) => r.kind === "threshold").map((r) => r.scenario)).toEqual(["threshold mean", "threshold mean+sd"]);
    expect(s.scenarios.filter((r) => r.kind === "aggregation").map((r) => r.scenario)).toEqual(["aggregation mean"]);
    const d = dematel(aggregate(panel, { method: "median" }), { components: componentIds(model) });
    expect(s.scenarios[0].relation).toEqual(d.relation);
  });

  it("with a median baseline, the mean scenario uses the experts' weights (weights apply wherever the mean is recomputed)", () => {
    const weights = [1, 2, 3, 4];
    const s = sensitivity(panel, model, { settings: { aggregation: "median", weights } });
    const mean = s.scenarios.find((r) => r.scenario === "aggregation mean")!;
    const d = dematel(aggregate(panel, { weights }), { components: componentIds(model) });
    mean.relation.forEach((r, i) => expect(r).toBeCloseTo(d.relation[i], 14));
  });
});

describe("marginal map links (docs/methods.md §7.5)", () => {
  it("flags t_ij within 1% of α, closest first, on either side", () => {
    // α = 1 (fixed): 1.004 (in) and 0.992 (out) are within 0.01·α; 1.02 and 0.5 are not; the diagonal never counts.
    const T: Matrix = [
      [1.0, 1.004, 0.5],
      [0.992, 1.0, 1.02],
      [0.0, 0.0, 1.005],
    ];
    expect(EDGE_MARGIN).toBe(0.01);
    expect(marginalEdges(T, 1, ["A", "B", "C"])).toEqual([
      { from: "A", to: "B", value: 1.004, threshold: 1, above: true },
      { from: "B", to: "A", value: 0.992, threshold: 1, above: false },
    ]);
    expect(marginalEdges(T, null, ["A", "B", "C"])).toEqual([]);
  });

  it("the sensitivity summary lists the baseline's marginal links", () => {
    const s = sensitivity(panel, model, { thresholds: [{ method: "mean" }], aggregations: ["mean"] });
    expect(s.summary.edgeMargin).toBe(EDGE_MARGIN);
    // t(D→C) = 0.67132 against α = 0.66599: 0.8% above.
    expect(s.summary.marginalEdges.map((e) => `${e.from}→${e.to}`)).toEqual(["D→C"]);
  });
});
