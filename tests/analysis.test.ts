import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyzeSurvey,
  componentIds,
  defaultModel,
  dematel,
  aggregate,
  layerTests,
  simulatedSurvey,
  InfeasibleError,
  InputError,
  TOOL,
  type Model,
  type Survey,
} from "../src/index.js";
import { deepFreeze, expectClose, randomDirect } from "./helpers.js";

const two: Model = {
  title: "Two",
  citation: "A. Author (2020)",
  components: [
    { id: "A", name: "Alpha" },
    { id: "B", name: "Beta" },
  ],
};
function survey(model: Model, matrices: number[][][], extra: Partial<Survey> = {}): Survey {
  return {
    source: "test.csv",
    components: componentIds(model),
    experts: matrices.map((matrix, k) => ({ expert: `E${k + 1}`, weight: 1, matrix, imputed: [] })),
    scale: { min: 0, max: 4 },
    warnings: [],
    ...extra,
  };
}

describe("analyzeSurvey(survey, model): hand-computed 2×2 case", () => {
  // Experts X1 = [[0,3],[1,0]], X2 = [[0,1],[1,0]] → A = [[0,2],[1,0]]; λ = max(2, 1, 1, 2) = 2;
  // N = [[0,1],[0.5,0]]; (I − N)⁻¹ = [[2,2],[1,2]] (det 0.5); T = N(I − N)⁻¹ = [[1,2],[1,1]];
  // D = [3,2], R = [2,3], D+R = [5,5], D−R = [1,−1]; weights √26/(2√26) = 0.5 each;
  // mean threshold = (1+2+1+1)/4 = 1.25 → one edge A→B (t = 2).
  const r = analyzeSurvey(
    deepFreeze(
      survey(two, [
        [
          [0, 3],
          [1, 0],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ]),
    ),
    deepFreeze(structuredClone(two)),
    { date: "2026-01-01T00:00:00.000Z" },
  );

  it("computes A, N, T, D, R, prominence, relation, roles, weights and the IRM by hand", () => {
    expectClose(
      r.direct,
      [
        [0, 2],
        [1, 0],
      ],
      1e-15,
    );
    expect(r.lambda).toBe(2);
    expectClose(
      r.normalized,
      [
        [0, 1],
        [0.5, 0],
      ],
      1e-15,
    );
    expectClose(
      r.total,
      [
        [1, 2],
        [1, 1],
      ],
      1e-12,
    );
    expectClose(r.given, [3, 2], 1e-12);
    expectClose(r.received, [2, 3], 1e-12);
    expectClose(r.prominence, [5, 5], 1e-12);
    expectClose(r.relation, [1, -1], 1e-12);
    expect(r.role).toEqual(["cause", "effect"]);
    expectClose(r.weights, [0.5, 0.5], 1e-12);
    expectClose(
      r.netInfluence,
      [
        [0, 1],
        [-1, 0],
      ],
      1e-12,
    );
    expect(r.threshold.method).toBe("mean");
    expect(r.threshold.value).toBeCloseTo(1.25, 12);
    expect(r.edges).toEqual([{ from: "A", to: "B", value: expect.closeTo(2, 12) }]);
  });

  it("has the issue's JSON shape, component ids in model order, matrices as arrays of rows", () => {
    const json = JSON.parse(JSON.stringify(r));
    for (const k of [
      "components",
      "direct",
      "normalized",
      "total",
      "given",
      "received",
      "prominence",
      "relation",
      "role",
      "weights",
      "threshold",
      "edges",
      "panel",
      "meta",
      "lambda",
      "normalization",
      "spectralRadius",
      "netInfluence",
    ])
      expect(json).toHaveProperty(k);
    expect(json.components).toEqual(["A", "B"]);
    expect(Array.isArray(json.total[0])).toBe(true);
    expect(json.threshold).toMatchObject({ method: "mean", value: 1.25 });
    expect(json.edges[0]).toEqual({ from: "A", to: "B", value: 2 });
    expect(json.layers).toBeUndefined();
  });

  it("records provenance: tool, version, date, source, model citation and the resolved options", () => {
    expect(r.meta).toMatchObject({ tool: "cxm-dematel", version: TOOL.version, date: "2026-01-01T00:00:00.000Z", source: "test.csv", synthetic: false });
    expect(r.meta.model.citation).toBe("A. Author (2020)");
    expect(r.meta.options).toEqual({ aggregation: "mean", weights: [1, 1], normalization: "max", epsilon: 0, threshold: { method: "mean" } });
    expect(r.meta.experts).toEqual([
      { expert: "E1", weight: 1 },
      { expert: "E2", weight: 1 },
    ]);
  });

  it("includes panel quality: gap(2) by hand = mean over off-diagonal cells of |a²−a¹|/a² = (|2−3|/2 + 0)/2 = 0.25", () => {
    expect(r.panel.expertCount).toBe(2);
    expect(r.panel.gapRatio.panelSizes).toEqual([2]);
    expect(r.panel.gapRatio.gap[0]).toBeCloseTo(0.25, 12);
    expect(r.panel.distances.map((d) => d.label)).toEqual(["E1", "E2"]);
  });
});

describe("analyzeSurvey options", () => {
  it("aggregation median takes the element-wise median (3 experts: median of 0, 2, 4 is 2; of 1, 1, 3 is 1; the mean would be 5/3)", () => {
    const s = survey(two, [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [0, 2],
        [1, 0],
      ],
      [
        [0, 4],
        [3, 0],
      ],
    ]);
    const r = analyzeSurvey(s, two, { settings: { aggregation: "median" } });
    expectClose(
      r.direct,
      [
        [0, 2],
        [1, 0],
      ],
      1e-15,
    );
    expect(r.meta.options.aggregation).toBe("median");
  });

  it("panel quality's leave-one-out runs use the analysis' aggregation (median here), so they measure the analysis the reader sees", () => {
    // 4 experts on the CXM model: leaving one out changes the median differently from the mean.
    const model = defaultModel();
    const s = survey(
      model,
      [11, 12, 13, 14].map((seed) => randomDirect(10, seed)),
    );
    const r = analyzeSurvey(s, model, { settings: { aggregation: "median" }, layers: false });
    const ms = s.experts.map((e) => e.matrix);
    const full = dematel(aggregate(ms, { method: "median" })).relation;
    for (let k = 0; k < 4; k++) {
      const rest = aggregate(
        ms.filter((_, i) => i !== k),
        { method: "median" },
      );
      const change = Math.max(...dematel(rest).relation.map((v, i) => Math.abs(v - full[i])));
      expect(r.panel.leaveOneOut[k].maxRelationChange).toBeCloseTo(change, 12);
    }
  });

  it("uses the survey's expert weights by default: w = (3, 1) gives A = (3·X1 + X2)/4", () => {
    const s = survey(two, [
      [
        [0, 4],
        [0, 0],
      ],
      [
        [0, 0],
        [2, 0],
      ],
    ]);
    s.experts[0].weight = 3;
    const r = analyzeSurvey(s, two);
    expectClose(
      r.direct,
      [
        [0, 3],
        [0.5, 0],
      ],
      1e-15,
    );
    expect(r.meta.options.weights).toEqual([3, 1]);
  });

  it("passes threshold, normalization and epsilon to DEMATEL", () => {
    const s = survey(two, [
      [
        [0, 3],
        [1, 0],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ]);
    const r = analyzeSurvey(s, two, { settings: { threshold: { method: "fixed", value: 0.5 }, normalization: "row", epsilon: 0.5 } });
    const d = dematel(
      [
        [0, 2],
        [1, 0],
      ],
      { components: ["A", "B"], normalization: "row", epsilon: 0.5, threshold: { method: "fixed", value: 0.5 } },
    );
    expectClose(r.total, d.total, 1e-15);
    expect(r.threshold.value).toBe(0.5);
    expect(r.edges).toHaveLength(d.edges.length);
  });

  it("lists imputed cells by expert and component ids, and copies warnings", () => {
    const s = survey(
      two,
      [
        [
          [0, 3],
          [1, 0],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ],
      { warnings: [{ file: "test.csv", row: 3, message: "diagonal rating ignored" }] },
    );
    s.experts[1].imputed = [[1, 0]];
    const r = analyzeSurvey(s, two);
    expect(r.meta.imputed).toEqual([{ expert: "E2", from: "B", to: "A" }]);
    expect(r.meta.warnings).toEqual([{ file: "test.csv", row: 3, message: "diagonal rating ignored" }]);
  });

  it("throws InfeasibleError when every row sum of A is equal (ρ(N) = 1), and RangeError when the survey does not fit the model", () => {
    expect(() =>
      analyzeSurvey(
        survey(two, [
          [
            [0, 2],
            [2, 0],
          ],
        ]),
        two,
      ),
    ).toThrow(InfeasibleError);
    const other = survey(two, [
      [
        [0, 1],
        [1, 0],
      ],
    ]);
    other.components = ["B", "A"];
    expect(() => analyzeSurvey(other, two)).toThrow(RangeError);
  });
});

describe("analyzeSurvey on degenerate input", () => {
  it("every rating 0 → InfeasibleError that says there is no influence (also when only the median is all zero)", () => {
    expect(() =>
      analyzeSurvey(
        survey(two, [
          [
            [0, 0],
            [0, 0],
          ],
        ]),
        two,
      ),
    ).toThrow(/no influence to analyse/);
    expect(() =>
      analyzeSurvey(
        survey(two, [
          [
            [0, 0],
            [0, 0],
          ],
        ]),
        two,
      ),
    ).toThrow(InfeasibleError);
    expect(() =>
      analyzeSurvey(
        survey(two, [
          [
            [0, 0],
            [0, 0],
          ],
          [
            [0, 0],
            [0, 0],
          ],
          [
            [0, 4],
            [3, 0],
          ],
        ]),
        two,
        { settings: { aggregation: "median" } },
      ),
    ).toThrow(/at least half of the experts/);
  });
  it("a one-component model → InputError that says 'the model' and names no file (not a file called 'model')", () => {
    const one: Model = { components: [{ id: "A", name: "a" }] };
    expect(() => analyzeSurvey(survey(one, [[[0]]]), one)).toThrow(InputError);
    let problem: InputError["problems"][number] | undefined;
    try {
      analyzeSurvey(survey(one, [[[0]]]), one);
    } catch (e) {
      problem = (e as InputError).problems[0];
    }
    expect(problem).toEqual({
      column: "components",
      message: "the model has only one component: DEMATEL needs at least two, since a single component has no influence to give or receive",
      expected: "a model with two or more components",
      found: "1 component",
    });
    expect(problem).not.toHaveProperty("file");
  });
});

describe("analyzeSurvey reproduces a published case (Celikbilek & Ozdemir 2020, medical device example, printed in the R dematel vignette)", () => {
  const fx = JSON.parse(readFileSync("tests/fixtures/published/celikbilek-ozdemir-2020-medical-device.json", "utf8"));
  const model: Model = { components: (fx.components as string[]).map((id) => ({ id, name: id })) };
  const r = analyzeSurvey(survey(model, [fx.direct]), model);
  it("λ = 13, T, D, R, relation and the mean threshold agree with the printed values to 5e-5 (the package rounds N to 5 decimals)", () => {
    expect(r.lambda).toBe(13);
    expectClose(
      r.total,
      fx.printed.total.map((row: string[]) => row.map(Number)),
      5e-5,
    );
    expectClose(r.given, fx.printed.given.map(Number), 5e-5);
    expectClose(r.received, fx.printed.received.map(Number), 5e-5);
    expectClose(r.relation, fx.printed.relation.map(Number), 5e-5);
    expect(r.threshold.value).toBeCloseTo(Number(fx.printed.thresholdValue), 4);
    expect(r.components.filter((_, i) => r.role[i] === "cause")).toEqual(fx.printed.causes);
  });
});

describe("analyzeSurvey with a layered model (the CXM model, synthetic layered panel, seed 3)", () => {
  const model = defaultModel();
  const s = simulatedSurvey(model, { seed: 3 });
  const r = analyzeSurvey(s, model, { bootstrap: 200, seed: 5 });

  it("adds the layer section: the same tests as layerTests on T and relation, and the issue's `layers --json` keys", () => {
    expect(r.layers).toBeDefined();
    const L = r.layers!;
    for (const k of ["trend", "flow", "signs", "orders", "suggestedLayer", "bootstrap", "ism", "micmac", "sensitivity", "agreement"])
      expect(L).toHaveProperty(k);
    const direct = layerTests(r.total, r.relation, model);
    expect(L.trend.statistic).toBeCloseTo(direct.trend.statistic, 12);
    expect(L.trend.p).toBe(direct.trend.p);
    expect(L.trend.assignments).toBe(25200);
    expect(L.flow.p).toBe(direct.flow.p);
    expect((L as unknown as Record<string, unknown>).dematel).toBeUndefined();
  });

  it("runs the bootstrap with the given B and seed; same seed → same numbers", () => {
    expect(r.layers!.bootstrap!.B).toBe(200);
    expect(r.layers!.bootstrap!.seed).toBe(5);
    expect(r.meta.bootstrap).toEqual({ B: 200, seed: 5 });
    const again = analyzeSurvey(s, model, { bootstrap: 200, seed: 5 });
    expect(again.layers!.bootstrap!.relation).toEqual(r.layers!.bootstrap!.relation);
  });

  it("passes epsilon to the bootstrap (no note about a missing ε): its estimates equal the analysis' own D, R and relation", () => {
    const withEps = analyzeSurvey(s, model, { bootstrap: 50, seed: 5, settings: { epsilon: 2 } });
    const boot = withEps.layers!.bootstrap!;
    expect(boot.epsilon).toBe(2);
    expect(withEps.layers!.notes.join(" ")).not.toMatch(/ε|epsilon/);
    expectClose(
      boot.given.map((x) => x.estimate),
      withEps.given,
      1e-12,
    );
    expectClose(
      boot.relation.map((x) => x.estimate),
      withEps.relation,
      1e-12,
    );
    // and they differ from the analysis without ε (λ + ε > λ shrinks N, hence D).
    expect(withEps.given[0]).toBeLessThan(r.given[0] - 1e-6);
  });

  it("carries dematel()'s fields (not ε or the residual, which are in meta or internal)", () => {
    const d = dematel(aggregate(s.experts.map((e) => e.matrix)), { components: componentIds(model) });
    for (const k of [
      "components",
      "direct",
      "normalized",
      "lambda",
      "normalization",
      "spectralRadius",
      "total",
      "given",
      "received",
      "prominence",
      "relation",
      "role",
      "weights",
      "netInfluence",
      "threshold",
      "edges",
    ] as const) {
      expect(r[k]).toEqual(d[k]);
    }
    expect(r).not.toHaveProperty("epsilon");
    expect(r).not.toHaveProperty("residual");
  });

  it("marks synthetic data in meta and leaves the layer section out when asked or when bootstrap = 0", () => {
    expect(r.meta.synthetic).toBe(true);
    expect(analyzeSurvey(s, model, { layers: false }).layers).toBeUndefined();
    expect(analyzeSurvey(s, model, { bootstrap: 0 }).layers!.bootstrap).toBeUndefined();
  });

  it("agrees with dematel(aggregate(...)) on the same panel (seeded invariant)", () => {
    const d = dematel(aggregate(s.experts.map((e) => e.matrix)), { components: componentIds(model) });
    expectClose(r.total, d.total, 1e-14);
    expect(r.given.reduce((a, b) => a + b, 0)).toBeCloseTo(
      r.received.reduce((a, b) => a + b, 0),
      10,
    );
  });
});

describe("analyzeSurvey with more layers than can be ranked", () => {
  it("9 layers: every layer test runs (exact trend and flow over 9! = 362,880 assignments, signs, ISM, MICMAC, sensitivity, bootstrap); only the ranking of the 9! layer orders is left out, with a note saying why", () => {
    const ids = Array.from({ length: 9 }, (_, i) => `C${i + 1}`);
    const m: Model = {
      components: ids.map((id) => ({ id, name: id })),
      layers: ids.map((id, i) => ({ id: `L${i + 1}`, name: `layer ${i + 1}`, components: [id] })),
    };
    const s = survey(m, [randomDirect(9, 11), randomDirect(9, 12), randomDirect(9, 13)]);
    const r = analyzeSurvey(s, m, { bootstrap: 40, seed: 2 });
    const L = r.layers!;
    expect(L).toBeDefined();
    expect(L).not.toHaveProperty("orders");
    expect(L.trend).toMatchObject({ method: "exact", assignments: 362880 });
    // The same trend and flow tests as layerTests on the analysis' own T and relation.
    const t = layerTests(r.total, r.relation, m);
    expect(L.trend.statistic).toBeCloseTo(t.trend.statistic, 12);
    expect(L.trend.p).toBeCloseTo(t.trend.p, 12);
    expect(L.flow.p).toBeCloseTo(t.flow.p, 12);
    expect(L.ism.levels.flat()).toHaveLength(9);
    expect(L.sensitivity).not.toBeNull();
    expect(L.bootstrap?.B).toBe(40);
    expect(L.notes).toHaveLength(1);
    expect(L.notes[0]).toBe(
      "The layer orders were not ranked: the model has 9 layers, so there are 9! = 362,880 orders, and ranking every order is limited to 8 layers (8! = 40,320 orders). " +
        "The other layer results (trend and flow tests, sign checks, suggested layers, ISM levels, MICMAC, sensitivity, bootstrap) do not need it.",
    );
    expect(r.meta.notes).toEqual([]);
  });
});

describe("TOOL", () => {
  it("has the version in package.json", () => {
    expect(TOOL.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
});
