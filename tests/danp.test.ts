import { describe, expect, it } from "vitest";
import { danp, danpClusters } from "../src/structure/danp.js";
import { analyzeSurvey, dematel, defaultModel, InfeasibleError, readSurvey, renderReport } from "../src/index.js";
import { deepFreeze, expectClose, matmul, randomDirect } from "./helpers.js";

// DANP as in Ou Yang, Shieh, Leu & Tzeng (2008) and the DANP papers of Tzeng's group
// (docs/methods.md §6.6). Expected values below are traced by hand (exact fractions).

describe("danp(total, clusters) on hand-traced cases", () => {
  it("two singleton clusters: W^α = (T_D^α)ᵀ and the weights are its stationary vector", () => {
    // T_D = T, T_D^α = [[1/4, 3/4], [1/2, 1/2]]; the stationary vector of that chain is (0.4, 0.6).
    const d = danp(
      deepFreeze([
        [0.1, 0.3],
        [0.2, 0.2],
      ]),
      [
        { id: "A", members: [0] },
        { id: "B", members: [1] },
      ],
    );
    expect(d.normalized).toEqual([
      [1, 1],
      [1, 1],
    ]);
    // 0.3 / 0.4 is 0.7499999999999999 in binary floating point, hence 1e-15 rather than exact equality.
    expectClose(
      d.clusterNormalized,
      [
        [0.25, 0.75],
        [0.5, 0.5],
      ],
      1e-15,
    );
    expectClose(
      d.weighted,
      [
        [0.25, 0.5],
        [0.75, 0.5],
      ],
      1e-15,
    );
    expectClose(d.weights, [0.4, 0.6], 1e-14);
    expectClose(d.clusterWeights, [0.4, 0.6], 1e-14);
    expectClose(d.localWeights, [1, 1], 1e-14);
  });

  it("3 components in clusters {0, 1} and {2}: every intermediate matrix and the weights 65/242, 45/242, 132/242", () => {
    const T = deepFreeze([
      [0.1, 0.3, 0.2],
      [0.2, 0.2, 0.4],
      [0.3, 0.1, 0.2],
    ]);
    const d = danp(T, [
      { id: "C1", members: [0, 1] },
      { id: "C2", members: [2] },
    ]);
    expectClose(
      d.normalized,
      [
        [0.25, 0.75, 1],
        [0.5, 0.5, 1],
        [0.75, 0.25, 1],
      ],
      1e-15,
    );
    expectClose(
      d.unweighted,
      [
        [0.25, 0.5, 0.75],
        [0.75, 0.5, 0.25],
        [1, 1, 1],
      ],
      1e-15,
    );
    // Block means: (0.1+0.3+0.2+0.2)/4, (0.2+0.4)/2; (0.3+0.1)/2, 0.2.
    expectClose(
      d.clusterTotal,
      [
        [0.2, 0.3],
        [0.2, 0.2],
      ],
      1e-15,
    );
    expectClose(
      d.clusterNormalized,
      [
        [0.4, 0.6],
        [0.5, 0.5],
      ],
      1e-15,
    );
    expectClose(
      d.weighted,
      [
        [0.1, 0.2, 0.375],
        [0.3, 0.2, 0.125],
        [0.6, 0.6, 0.5],
      ],
      1e-15,
    );
    expectClose(d.weights, [65 / 242, 45 / 242, 132 / 242], 1e-14);
    expectClose(d.clusterWeights, [5 / 11, 6 / 11], 1e-14);
    expectClose(d.localWeights, [13 / 22, 9 / 22, 1], 1e-14);
    for (const row of d.limit) expectClose(row, new Array(3).fill(row[0]), 1e-14);
  });
});

describe("danp invariants on seeded DEMATEL results (the default model's 4 layers)", () => {
  const clusters = danpClusters(defaultModel())!;
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: columns of W^α sum to 1, W^α·w = w, limit columns equal, weights sum to 1 overall and locally`, () => {
      const T = dematel(randomDirect(10, seed)).total;
      const d = danp(deepFreeze(T), clusters);
      for (let j = 0; j < 10; j++) expect(Math.abs(d.weighted.reduce((s, row) => s + row[j], 0) - 1)).toBeLessThan(1e-14);
      expectClose(
        matmul(
          d.weighted,
          d.weights.map((w) => [w]),
        ).map((r) => r[0]),
        d.weights,
        1e-14,
      );
      for (const row of d.limit) for (const v of row) expect(Math.abs(v - row[0])).toBeLessThan(1e-13);
      expect(Math.abs(d.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      expect(Math.abs(d.clusterWeights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      for (const c of clusters) expect(Math.abs(c.members.reduce((s, i) => s + d.localWeights[i], 0) - 1)).toBeLessThan(1e-14);
      for (const row of d.clusterNormalized) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
    });
  }
});

describe("danp refuses what it cannot compute", () => {
  const T = [
    [0, 0.2, 0.3],
    [0.1, 0, 0.2],
    [0, 0, 0],
  ];
  it("a component that gives no influence to a cluster (zero row in a block) is an InfeasibleError naming it", () => {
    expect(() =>
      danp(T, [
        { id: "X", members: [0, 1] },
        { id: "Y", members: [2] },
      ]),
    ).toThrow(InfeasibleError);
  });
  it("clusters that are not a partition, or fewer than two, are RangeErrors", () => {
    expect(() => danp(T, [{ id: "X", members: [0, 1, 2] }])).toThrow(/at least two clusters/);
    expect(() =>
      danp(T, [
        { id: "X", members: [0, 1] },
        { id: "Y", members: [1, 2] },
      ]),
    ).toThrow(/in two clusters/);
    expect(() =>
      danp(T, [
        { id: "X", members: [0] },
        { id: "Y", members: [1] },
      ]),
    ).toThrow(/in no cluster/);
    expect(() =>
      danp(
        [
          [0, -1],
          [1, 0],
        ],
        [
          { id: "X", members: [0] },
          { id: "Y", members: [1] },
        ],
      ),
    ).toThrow(RangeError);
  });
});

describe("danpClusters(model)", () => {
  it("the default model's four layers, in model-order indices", () => {
    expect(danpClusters(defaultModel())).toEqual([
      { id: "L1", members: [0, 1] },
      { id: "L2", members: [2, 3, 4] },
      { id: "L3", members: [5, 6] },
      { id: "L4", members: [7, 8, 9] },
    ]);
  });
  it("undefined for a model without two layers or with a component in no layer", () => {
    const m = defaultModel();
    expect(danpClusters({ ...m, layers: undefined })).toBeUndefined();
    expect(danpClusters({ ...m, layers: m.layers!.slice(0, 1) })).toBeUndefined();
    expect(danpClusters({ ...m, layers: m.layers!.slice(0, 3) })).toBeUndefined();
  });
});

describe("analyzeSurvey(...).danp and the report", () => {
  const model = defaultModel();
  const survey = readSurvey("data/surveys/strong-panel.csv", model);
  it("a layered model: danp holds the weights of danp(total, layers) and the report shows them beside the DEMATEL weights", () => {
    const r = analyzeSurvey(survey, model, { bootstrap: 0 });
    const d = danp(r.total, danpClusters(model)!);
    expect(r.danp).toEqual({
      clusters: ["L1", "L2", "L3", "L4"],
      weights: d.weights,
      clusterWeights: d.clusterWeights,
      localWeights: d.localWeights,
      weighted: d.weighted,
      limit: d.limit,
    });
    const html = renderReport(r, model, { plotlyJs: "/* plotly */" });
    expect(html).toContain("DANP influential weights");
    expect(html).toContain("DANP weight");
  });
  it("no danp without two layers; a note when a component is in no layer", () => {
    expect(analyzeSurvey(survey, { ...model, layers: undefined }, { bootstrap: 0 })).not.toHaveProperty("danp");
    const partial = { ...model, layers: model.layers!.slice(0, 3) };
    const r = analyzeSurvey(survey, partial, { bootstrap: 0 });
    expect(r).not.toHaveProperty("danp");
    expect(r.meta.notes.some((n) => n.startsWith("No DANP weights: some components are in no layer"))).toBe(true);
  });
});
