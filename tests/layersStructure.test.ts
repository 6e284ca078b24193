import { describe, expect, it } from "vitest";
import { createRandom, kendallTauB, layerOrders, structureAgreement, suggestedLayers, weightedKappa, type IsmLevels, type Model } from "../src/index.js";

/** A 4-component model: L1 = {A}, L2 = {B, C}, L3 = {D}. */
const model: Model = {
  components: ["A", "B", "C", "D"].map((id) => ({ id, name: `component ${id}` })),
  layers: [
    { id: "L1", name: "outer", components: ["A"] },
    { id: "L2", name: "middle", components: ["B", "C"] },
    { id: "L3", name: "inner", components: ["D"] },
  ],
};

describe("layerOrders(relation, model)", () => {
  it("ranks equal brute-force competition ranks (1 + #orders with a strictly larger S_trend) on seeded inputs with ties", () => {
    // 6 components in 5 layers (one of size 2): 120 orders; relation drawn from 3 values, so many orders tie.
    const model: Model = {
      components: ["A", "B", "C", "D", "E", "F"].map((id) => ({ id, name: id })),
      layers: [["A", "B"], ["C"], ["D"], ["E"], ["F"]].map((components, l) => ({ id: `L${l + 1}`, name: `L${l + 1}`, components })),
    };
    for (let seed = 1; seed <= 10; seed++) {
      const rng = createRandom(seed);
      const relation = model.components.map(() => [-1, 0, 1][rng.int(3)]);
      if (new Set(relation).size === 1) continue;
      const res = layerOrders(relation, model);
      expect(res.count).toBe(120);
      for (const o of res.orders) {
        const better = res.orders.filter((x) => x.statistic > o.statistic + 1e-12 * Math.max(1, Math.abs(o.statistic))).length;
        expect(o.rank).toBe(better + 1);
      }
    }
  });

  it("scores all 3! orders by hand and ranks ties together", () => {
    // relation strictly decreasing A > B > C > D, so sign(r_i − r_j) = +1 for every pair i < j; √((6−1)(6−0)) = √30.
    // Pair sums Σ sign(ℓ_i − ℓ_j) for each order (ℓ = position of the component's layer), S = −sum/√30:
    //   L1 L2 L3: ℓ = [0,1,1,2] → −5 → S = 0.9129        L1 L3 L2: ℓ = [0,2,2,1] → −1 → 0.1826
    //   L2 L1 L3: ℓ = [1,0,0,2] → −1 → 0.1826            L2 L3 L1: ℓ = [2,0,0,1] → +1 → −0.1826
    //   L3 L1 L2: ℓ = [1,2,2,0] → +1 → −0.1826           L3 L2 L1: ℓ = [2,1,1,0] → +5 → −0.9129
    const res = layerOrders([0.5, 0.1, -0.1, -0.5], model);
    expect(res.count).toBe(6);
    expect(res.proposedRank).toBe(1);
    expect(res.orders.map((o) => o.order.join(" "))).toEqual(["L1 L2 L3", "L1 L3 L2", "L2 L1 L3", "L2 L3 L1", "L3 L1 L2", "L3 L2 L1"]);
    const s = [5, 1, 1, -1, -1, -5].map((v) => v / Math.sqrt(30));
    res.orders.forEach((o, k) => expect(o.statistic).toBeCloseTo(s[k], 14));
    expect(res.orders.map((o) => o.rank)).toEqual([1, 2, 2, 4, 4, 6]);
    expect(res.orders.map((o) => o.proposed)).toEqual([true, false, false, false, false, false]);
  });

  it("does not modify the relation or the model (frozen inputs)", () => {
    const frozenModel = JSON.parse(JSON.stringify(model)) as Model;
    const deepFreeze = (o: unknown): void => {
      if (o && typeof o === "object") {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
    };
    deepFreeze(frozenModel);
    const relation = Object.freeze([0.5, 0.1, -0.1, -0.5]);
    expect(layerOrders(relation, frozenModel).proposedRank).toBe(1);
    expect(suggestedLayers(relation, frozenModel).every((s) => s.agrees)).toBe(true);
    expect(relation).toEqual([0.5, 0.1, -0.1, -0.5]);
  });

  it("ranks the proposed order below a better one", () => {
    // B and C drive most: the order L2 L1 L3 fits best.
    const res = layerOrders([0.1, 0.5, 0.4, -0.5], model);
    expect(res.orders[0].order).toEqual(["L2", "L1", "L3"]);
    expect(res.proposedRank).toBeGreaterThan(1);
    const proposed = res.orders.find((o) => o.proposed);
    expect(proposed?.rank).toBe(res.proposedRank);
  });
});

describe("suggestedLayers(relation, model)", () => {
  it("sorts by relation and cuts at the layer sizes", () => {
    // Sorted: B 0.5, C 0.1, A −0.1, D −0.5; cut [1, 2, 1] → B: L1; C, A: L2; D: L3.
    expect(suggestedLayers([-0.1, 0.5, 0.1, -0.5], model)).toEqual([
      { id: "A", proposed: "L1", suggested: "L2", agrees: false },
      { id: "B", proposed: "L2", suggested: "L1", agrees: false },
      { id: "C", proposed: "L2", suggested: "L2", agrees: true },
      { id: "D", proposed: "L3", suggested: "L3", agrees: true },
    ]);
  });

  it("breaks ties by model order and leaves out components in no layer", () => {
    const m: Model = { ...model, components: [...model.components, { id: "E", name: "free" }] };
    // A and B tie at 0.3: A comes first in the model, so A takes the single outer place.
    const s = suggestedLayers([0.3, 0.3, 0.9, -0.5, 5], m);
    expect(s.map((x) => x.id)).toEqual(["A", "B", "C", "D"]);
    expect(s.map((x) => x.suggested)).toEqual(["L2", "L2", "L1", "L3"]);
  });
});

describe("weightedKappa(table, { weights })", () => {
  // Cohen (1968), Psychological Bulletin 70, 213–220, Table 1: proportions for N = 200,
  // disagreement weights 0 1 3 / 1 0 6 / 3 6 0. Cohen reports κ = .492 and κ_w = .348
  // (reproduced in the R psych::cohen.kappa examples: "cohen reports .492 and .348").
  const cohen = [
    [0.44, 0.07, 0.09],
    [0.05, 0.2, 0.05],
    [0.01, 0.03, 0.06],
  ];
  it("reproduces Cohen's (1968) published values", () => {
    const w = [
      [0, 1, 3],
      [1, 0, 6],
      [3, 6, 0],
    ];
    expect(weightedKappa(cohen, { weights: w })).toBeCloseTo(0.348, 3); // 1 − .90/1.38 = .3478
    expect(weightedKappa(cohen, { weights: "unweighted" })).toBeCloseTo(0.492, 3); // (.70 − .41)/.59
    // Non-symmetric weights 0 1 4 / 1 0 6 / 2 2 0: psych notes "Cohen reports kw = .353" (1 − .86/1.33 = .3534).
    expect(
      weightedKappa(cohen, {
        weights: [
          [0, 1, 4],
          [1, 0, 6],
          [2, 2, 0],
        ],
      }),
    ).toBeCloseTo(0.353, 3);
    // Counts instead of proportions give the same value.
    expect(
      weightedKappa(
        cohen.map((r) => r.map((v) => v * 200)),
        { weights: w },
      ),
    ).toBeCloseTo(1 - 0.9 / 1.38, 12);
  });

  it("linear and quadratic weights by hand on Cohen's table", () => {
    // Margins: rows .6 .3 .1, columns .5 .3 .2. Adjacent cells' observed mass .07+.05+.05+.03 = .20, far cells .09+.01 = .10;
    // chance: adjacent .18+.15+.06+.03 = .42, far .12+.05 = .17.
    // Linear (v = 1/2, 1): 1 − (.5·.20 + .10)/(.5·.42 + .17) = 1 − .20/.38 = 9/19.
    // Quadratic (v = 1/4, 1): 1 − (.25·.20 + .10)/(.25·.42 + .17) = 1 − .15/.275 = 5/11.
    expect(weightedKappa(cohen, { weights: "linear" })).toBeCloseTo(9 / 19, 12);
    expect(weightedKappa(cohen)).toBeCloseTo(9 / 19, 12);
    expect(weightedKappa(cohen, { weights: "quadratic" })).toBeCloseTo(5 / 11, 12);
  });

  it("is 1 on perfect agreement, NaN without chance disagreement, and rejects bad tables", () => {
    expect(
      weightedKappa(
        [
          [3, 0],
          [0, 5],
        ],
        { weights: "quadratic" },
      ),
    ).toBeCloseTo(1, 14);
    expect(
      weightedKappa([
        [4, 0],
        [0, 0],
      ]),
    ).toBeNaN();
    expect(() =>
      weightedKappa([
        [1, -1],
        [0, 1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      weightedKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() => weightedKappa([[1, 2, 3]])).toThrow(RangeError);
    // An unknown weight name is refused before any cell is weighted, even for a 1×1 table (whose only cell is
    // on the diagonal, so the name was never looked at and NaN came back).
    expect(() => weightedKappa([[5]], { weights: "cubic" as never })).toThrow(/unknown kappa weights "cubic"/);
    expect(() =>
      weightedKappa(
        [
          [1, 2],
          [3, 4],
        ],
        { weights: "cubic" as never },
      ),
    ).toThrow(RangeError);
  });

  it("quadratic kappa of two seeded raters equals the Fleiss–Cohen agreement-weight form", () => {
    const rng = createRandom(8);
    const k = 4;
    const table = Array.from({ length: k }, () => Array.from({ length: k }, () => rng.int(10)));
    const N = table.flat().reduce((a, b) => a + b, 0);
    const row = table.map((r) => r.reduce((a, b) => a + b, 0) / N);
    const col = table[0].map((_, j) => table.reduce((a, r) => a + r[j], 0) / N);
    let po = 0;
    let pe = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const a = 1 - ((i - j) / (k - 1)) ** 2;
        po += (a * table[i][j]) / N;
        pe += a * row[i] * col[j];
      }
    expect(weightedKappa(table, { weights: "quadratic" })).toBeCloseTo((po - pe) / (1 - pe), 12);
  });
});

describe("structureAgreement(model, relation, ism)", () => {
  it("τ_b and kappas between proposed and suggested layers, and τ_b with reversed ISM levels, by hand", () => {
    // Suggested layers (see suggestedLayers test): proposed [0,1,1,2], suggested [1,0,1,2].
    // Table proposed × suggested: [[0,1,0],[1,1,0],[0,0,1]], N = 4; margins .25 .5 .25 on both sides.
    //   unweighted: (.5 − .375)/(1 − .375) = 0.2
    //   linear: observed disagreement .5·.5 = .25, chance .375 → 1 − .25/.375 = 1/3
    //   quadratic: observed .25·.5 = .125, chance .125 + .125 = .25 → 0.5
    //   τ_b: S = +3 − 1 = 2, one tie in each variable → 2/√(5·5) = 0.4
    // ISM levels A 3, B 1, C 2, D 1 (3 levels) → reversed 4 − level = [1,3,2,3];
    //   τ_b with [0,1,1,2]: S = 4, one tie each → 4/5 = 0.8.
    const ism: IsmLevels = {
      components: ["A", "B", "C", "D"],
      initial: [],
      reachability: [],
      levels: [["B", "D"], ["C"], ["A"]],
      levelOf: [3, 1, 2, 1],
    };
    const a = structureAgreement(model, [-0.1, 0.5, 0.1, -0.5], ism);
    expect(a.suggested.kappa).toBeCloseTo(0.2, 12);
    expect(a.suggested.kappaLinear).toBeCloseTo(1 / 3, 12);
    expect(a.suggested.kappaQuadratic).toBeCloseTo(0.5, 12);
    expect(a.suggested.tau).toBeCloseTo(0.4, 12);
    expect(a.suggested.agreement).toBe(0.5);
    expect(a.ism.tau).toBeCloseTo(0.8, 12);
    expect(a.ism.levels).toBe(3);
    expect(kendallTauB([0, 1, 1, 2], [1, 3, 2, 3])).toBeCloseTo(0.8, 12);
  });

  it("is 1 everywhere when the data reproduce the proposed layers", () => {
    const ism: IsmLevels = { components: ["A", "B", "C", "D"], initial: [], reachability: [], levels: [["D"], ["B", "C"], ["A"]], levelOf: [3, 2, 2, 1] };
    const a = structureAgreement(model, [0.5, 0.1, -0.1, -0.5], ism);
    expect(a.suggested).toEqual({ tau: 1, kappa: 1, kappaLinear: 1, kappaQuadratic: 1, agreement: 1 });
    expect(a.ism.tau).toBeCloseTo(1, 14);
  });
});
