import { describe, expect, it } from "vitest";
import { createRandom, dematel, InfeasibleError, roleOf, type Matrix } from "../src/index.js";
import { impactEdges } from "../src/core/dematel.js";
import { deepFreeze, expectClose, matmul, randomDirect } from "./helpers.js";
import { layerTests } from "../src/layers/layerTests.js";
import { layeringVerdict } from "../src/interpret/layeringVerdict.js";
import { causalDiagram } from "../src/plots/causalDiagram.js";

// Classic DEMATEL (docs/methods.md §2; Tzeng, Chiang & Li 2007, Expert Systems with Applications 32,
// 1028–1044, eqs. 1–4). Published worked examples are in tests/published.test.ts; this file holds
// hand-computed cases and invariants on seeded random matrices.

describe("dematel(A): hand-computed cases", () => {
  it("2×2: A = [[0,3],[1,0]] in closed form", () => {
    // λ = max(row sums 3, 1; column sums 1, 3) = 3, N = [[0, 1], [1/3, 0]].
    // For N = [[0, p], [q, 0]] with pq < 1: T = N + N² + … = 1/(1 − pq) · [[pq, p], [q, pq]];
    // p = 1, q = 1/3 → 1/(1 − 1/3) = 3/2 → T = [[0.5, 1.5], [0.5, 0.5]].
    // D = [2, 1], R = [1, 2], D+R = [3, 3], D−R = [1, −1]; weights √10/(2√10) = [0.5, 0.5].
    // Mean threshold (all four entries) = 3/4; only t_12 = 1.5 exceeds it.
    const r = dematel(
      [
        [0, 3],
        [1, 0],
      ],
      { components: ["A", "B"] },
    );
    expect(r.lambda).toBe(3);
    expectClose(
      r.normalized,
      [
        [0, 1],
        [1 / 3, 0],
      ],
      1e-15,
    );
    expectClose(
      r.total,
      [
        [0.5, 1.5],
        [0.5, 0.5],
      ],
      1e-14,
    );
    expectClose(r.given, [2, 1], 1e-14);
    expectClose(r.received, [1, 2], 1e-14);
    expectClose(r.prominence, [3, 3], 1e-14);
    expectClose(r.relation, [1, -1], 1e-14);
    expect(r.role).toEqual(["cause", "effect"]);
    expectClose(r.weights, [0.5, 0.5], 1e-14);
    expectClose(
      r.netInfluence,
      [
        [0, 1],
        [-1, 0],
      ],
      1e-14,
    );
    expect(r.threshold.value).toBeCloseTo(0.75, 14);
    expect(r.edges.map((e) => [e.from, e.to])).toEqual([["A", "B"]]);
    expect(r.edges[0].value).toBeCloseTo(1.5, 14);
  });

  it("3×3 acyclic: A = [[0,2,1],[0,0,2],[0,0,0]] gives T = N + N² exactly", () => {
    // λ = 3 (row sums 3, 2, 0; column sums 0, 2, 3), N = [[0, 2/3, 1/3], [0, 0, 2/3], [0, 0, 0]].
    // N is nilpotent: N² = [[0, 0, 4/9], [0, 0, 0], [0, 0, 0]], N³ = 0, so T = N + N² =
    // [[0, 2/3, 7/9], [0, 0, 2/3], [0, 0, 0]]. D = [13/9, 2/3, 0], R = [0, 2/3, 13/9],
    // D+R = [13/9, 4/3, 13/9], D−R = [13/9, 0, −13/9] → cause, neutral, effect.
    // Mean threshold = (2/3 + 7/9 + 2/3)/9 = 19/81; edges C1→C3 (7/9), then C1→C2 and C2→C3 (2/3).
    const r = dematel([
      [0, 2, 1],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(r.lambda).toBe(3);
    expectClose(
      r.total,
      [
        [0, 2 / 3, 7 / 9],
        [0, 0, 2 / 3],
        [0, 0, 0],
      ],
      1e-14,
    );
    expectClose(r.given, [13 / 9, 2 / 3, 0], 1e-14);
    expectClose(r.received, [0, 2 / 3, 13 / 9], 1e-14);
    expectClose(r.prominence, [13 / 9, 4 / 3, 13 / 9], 1e-14);
    expectClose(r.relation, [13 / 9, 0, -13 / 9], 1e-14);
    expect(r.role).toEqual(["cause", "neutral", "effect"]);
    const s = 2 * Math.hypot(13 / 9, 13 / 9) + 4 / 3;
    expectClose(r.weights, [Math.hypot(13 / 9, 13 / 9) / s, 4 / 3 / s, Math.hypot(13 / 9, 13 / 9) / s], 1e-14);
    expect(r.threshold.value).toBeCloseTo(19 / 81, 14);
    expect(r.edges.map((e) => `${e.from}→${e.to}`)).toEqual(["C1→C3", "C1→C2", "C2→C3"]);
  });

  // Regression: a periodic N on which an early exit in spectralRadius once returned ρ = 1
  // instead of ∛½ = 0.7937, so dematel() wrongly refused a feasible matrix.
  it("3×3 cycle: A = [[0,2,0],[0,0,2],[1,0,0]] gives the integer T = [[1,2,2],[1,1,2],[1,1,1]]", () => {
    // λ = 2 (row sums 2, 2, 1; column sums 1, 2, 2), N = [[0,1,0],[0,0,1],[1/2,0,0]].
    // N³ = (1·1·½) I = I/2, so T = (N + N² + N³)(I + N³ + N⁶ + …) = 2(N + N² + I/2) = 2N + 2N² + I,
    // with N² = [[0,0,1],[½,0,0],[0,½,0]]: T = [[1,2,2],[1,1,2],[1,1,1]].
    // D = [5,4,3], R = [3,4,5], D+R = [8,8,8], D−R = [2,0,−2] → cause, neutral, effect.
    // weights ∝ [√68, 8, √68]; mean threshold 12/9 = 4/3: edges C1→C2, C1→C3, C2→C3 (t = 2).
    const r = dematel([
      [0, 2, 0],
      [0, 0, 2],
      [1, 0, 0],
    ]);
    expect(r.lambda).toBe(2);
    expectClose(
      r.total,
      [
        [1, 2, 2],
        [1, 1, 2],
        [1, 1, 1],
      ],
      1e-13,
    );
    expectClose(r.given, [5, 4, 3], 1e-13);
    expectClose(r.received, [3, 4, 5], 1e-13);
    expectClose(r.relation, [2, 0, -2], 1e-13);
    expect(r.role).toEqual(["cause", "neutral", "effect"]);
    const s = 2 * Math.sqrt(68) + 8;
    expectClose(r.weights, [Math.sqrt(68) / s, 8 / s, Math.sqrt(68) / s], 1e-14);
    expect(r.threshold.value).toBeCloseTo(4 / 3, 13);
    expect(r.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(["C1→C2", "C1→C3", "C2→C3"]);
    expect(r.spectralRadius).toBeCloseTo(Math.cbrt(0.5), 9);
  });
});

describe("dematel(A): errors", () => {
  it("1×1 and all-zero matrices throw RangeError (nothing to analyse)", () => {
    expect(() => dematel([[0]])).toThrow(RangeError);
    expect(() =>
      dematel([
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]),
    ).toThrow(RangeError);
  });

  it("equal row sums throw InfeasibleError naming the remedies", () => {
    // every row sums to 2 and no column sums to more: λ = 2, N is row-stochastic, ρ(N) = 1
    const a = [
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    let error: unknown;
    try {
      dematel(a);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfeasibleError);
    const message = (error as Error).message;
    expect(message).toMatch(/spectral radius/);
    expect(message).toMatch(/Lee et al\. \(2013\)/);
    expect(message).toMatch(/--epsilon/);
    expect(message).toMatch(/--normalization row\|column/);
    // the explicit ε remedy works
    expect(dematel(a, { epsilon: 0.01 }).total.length).toBe(3);
  });

  it("misuse: non-square, non-finite, negative entries, wrong number of ids", () => {
    expect(() => dematel([[0, 1]])).toThrow(RangeError);
    expect(() =>
      dematel([
        [0, NaN],
        [1, 0],
      ]),
    ).toThrow(TypeError);
    expect(() =>
      dematel([
        [0, -1],
        [1, 0],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      dematel(
        [
          [0, 1],
          [1, 0],
        ],
        { components: ["A"] },
      ),
    ).toThrow(RangeError);
  });

  it("does not mutate a frozen input and returns a copy of it as `direct`", () => {
    const a = randomDirect(6, 99);
    const copy = a.map((r) => r.slice());
    const r = dematel(deepFreeze(a));
    expect(a).toEqual(copy);
    expect(r.direct).toEqual(copy);
    expect(r.direct).not.toBe(a);
  });
});

describe("dematel(A): invariants on seeded random matrices", () => {
  const seeds = Array.from({ length: 25 }, (_, k) => k + 1);

  it("T − N·T = N and T − T·N = N to 1e-12", () => {
    for (const seed of seeds) {
      const n = 2 + (seed % 11);
      const r = dematel(randomDirect(n, seed));
      const nt = matmul(r.normalized, r.total);
      const tn = matmul(r.total, r.normalized);
      expectClose(
        r.total.map((row, i) => row.map((v, j) => v - nt[i][j])),
        r.normalized,
        1e-12,
      );
      expectClose(
        r.total.map((row, i) => row.map((v, j) => v - tn[i][j])),
        r.normalized,
        1e-12,
      );
      expect(r.residual).toBeLessThan(1e-12);
      // T = N + N² + … ≥ N entry-wise
      r.total.forEach((row, i) => row.forEach((v, j) => expect(v).toBeGreaterThanOrEqual(r.normalized[i][j] - 1e-15)));
    }
  });

  it("Σ D = Σ R, prominence = D + R, relation = D − R, weights sum to 1, T − Tᵀ is antisymmetric", () => {
    for (const seed of seeds) {
      const n = 2 + (seed % 9);
      const r = dematel(randomDirect(n, seed + 150));
      const sumD = r.given.reduce((a, b) => a + b, 0);
      const sumR = r.received.reduce((a, b) => a + b, 0);
      expect(Math.abs(sumD - sumR)).toBeLessThan(1e-12 * Math.max(1, sumD));
      expectClose(
        r.prominence,
        r.given.map((d, i) => d + r.received[i]),
        1e-14,
      );
      expectClose(
        r.relation,
        r.given.map((d, i) => d - r.received[i]),
        1e-14,
      );
      expect(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      expectClose(
        r.netInfluence,
        r.netInfluence.map((row, i) => row.map((_, j) => -r.netInfluence[j][i])),
        0,
      );
      expect(Math.abs(r.relation.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12 * Math.max(1, sumD));
    }
  });

  it("permuting components permutes every output", () => {
    for (const seed of seeds.slice(0, 10)) {
      const n = 3 + (seed % 6);
      const a = randomDirect(n, seed + 200);
      const ids = Array.from({ length: n }, (_, i) => `X${i}`);
      // p: new position k holds old component p[k] (a seeded Fisher–Yates shuffle)
      const rng = createRandom(seed);
      const p = Array.from({ length: n }, (_, k) => k);
      for (let k = n - 1; k > 0; k--) {
        const m = rng.int(k + 1);
        [p[k], p[m]] = [p[m], p[k]];
      }
      const ap = p.map((pi) => p.map((pj) => a[pi][pj]));
      const r = dematel(a, { components: ids });
      const rp = dematel(ap, { components: p.map((pi) => ids[pi]) });
      expectClose(
        rp.total,
        p.map((pi) => p.map((pj) => r.total[pi][pj])),
        1e-13,
      );
      expectClose(
        rp.given,
        p.map((pi) => r.given[pi]),
        1e-13,
      );
      expectClose(
        rp.received,
        p.map((pi) => r.received[pi]),
        1e-13,
      );
      expectClose(
        rp.relation,
        p.map((pi) => r.relation[pi]),
        1e-13,
      );
      expectClose(
        rp.weights,
        p.map((pi) => r.weights[pi]),
        1e-13,
      );
      expect(rp.role).toEqual(p.map((pi) => r.role[pi]));
      expect(rp.threshold.value).toBeCloseTo(r.threshold.value, 13);
      expect(rp.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(r.edges.map((e) => `${e.from}→${e.to}`).sort());
    }
  });

  it("scaling A does not change T under max normalisation", () => {
    for (const seed of seeds.slice(0, 10)) {
      const a = randomDirect(5 + (seed % 4), seed + 300);
      const r = dematel(a);
      for (const c of [0.25, 3, 1000]) {
        const rc = dematel(a.map((row) => row.map((v) => v * c)));
        expectClose(rc.total, r.total, 1e-12);
        expectClose(rc.relation, r.relation, 1e-12);
      }
    }
  });

  it("every edge exceeds the threshold and every off-diagonal t_ij above it is an edge", () => {
    for (const seed of seeds.slice(0, 10)) {
      const n = 4 + (seed % 5);
      const r = dematel(randomDirect(n, seed + 400), { threshold: { method: "mean+sd" } });
      let count = 0;
      r.total.forEach((row, i) =>
        row.forEach((v, j) => {
          if (i !== j && v > r.threshold.value) count++;
        }),
      );
      expect(r.edges.length).toBe(count);
      for (let k = 1; k < r.edges.length; k++) expect(r.edges[k - 1].value).toBeGreaterThanOrEqual(r.edges[k].value);
    }
  });

  it("a fractional (already averaged) matrix is analysed like any other", () => {
    const a: Matrix = [
      [0, 2.5, 1.25],
      [0.75, 0, 3.5],
      [2, 1.5, 0],
    ];
    const r = dematel(a);
    expect(r.lambda).toBe(Math.max(3.75, 4.25, 3.5, 2.75, 4, 4.75));
    expect(r.residual).toBeLessThan(1e-12);
  });
});

describe("roleOf(relation): the one cause/effect/neutral rule", () => {
  it("by hand: A = [[0,3],[1,0]] gives T = [[0.5,1.5],[0.5,0.5]], relation [1, −1], a cause and an effect", () => {
    // N = A/3, (I − N)⁻¹ = (3/2)[[1,1],[1/3,1]], T = N(I − N)⁻¹ = [[0.5,1.5],[0.5,0.5]]; D = [2,1], R = [1,2].
    const d = dematel([
      [0, 3],
      [1, 0],
    ]);
    expectClose(d.relation, [1, -1], 1e-14);
    expect(d.relation.map(roleOf)).toEqual(["cause", "effect"]);
    expect(d.role).toEqual(["cause", "effect"]);
  });

  it("calls a relation within ±1e-12 neutral (bounds included), so rounding noise around a true 0 decides nothing", () => {
    expect(roleOf(0)).toBe("neutral");
    expect(roleOf(-0)).toBe("neutral");
    expect(roleOf(1e-12)).toBe("neutral");
    expect(roleOf(-1e-12)).toBe("neutral");
    expect(roleOf(1.5e-12)).toBe("cause");
    expect(roleOf(-1.5e-12)).toBe("effect");
    // A symmetric panel has relation 0 in exact arithmetic; in floating point it is a few ulps off 0.
    expect(
      dematel(
        [
          [0, 2],
          [2, 0],
        ],
        { epsilon: 1 },
      ).role,
    ).toEqual(["neutral", "neutral"]);
  });

  it("gives NaN the role neutral and orders infinities", () => {
    expect(roleOf(NaN)).toBe("neutral");
    expect(roleOf(Infinity)).toBe("cause");
    expect(roleOf(-Infinity)).toBe("effect");
  });

  it("is the rule of the layer sign checks, the verdict and the causal diagram's hover text and label sides", () => {
    const model = {
      components: [
        { id: "A", name: "A" },
        { id: "B", name: "B" },
        { id: "C", name: "C" },
        { id: "D", name: "D" },
      ],
      layers: [
        { id: "L1", name: "outer", components: ["A", "B"] },
        { id: "L2", name: "inner", components: ["C", "D"] },
      ],
    };
    const T = [
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
    ];
    const relation = [0.5, 5e-13, -5e-13, -0.5]; // B and C are neutral
    const tests = layerTests(T, relation, model);
    expect(tests.signs.outer.map((c) => [c.cause, c.role])).toEqual([
      [true, "cause"],
      [false, "neutral"],
    ]);
    expect(tests.signs.inner.map((c) => c.role)).toEqual(["neutral", "effect"]);
    expect(tests.signs.outerAllCauses).toBe(false);
    expect(tests.signs.innerAllEffects).toBe(false);
    expect(layeringVerdict(tests)).toContain("(B not)");
    expect(layeringVerdict(tests)).toContain("(C not)");
    const fig = causalDiagram({ components: ["A", "B", "C", "D"], prominence: [1, 2, 3, 4], relation, edges: [] });
    const hover = fig.data.flatMap((t) => (t as { hovertext?: string[] }).hovertext ?? []);
    expect(hover.map((h) => h.slice(h.lastIndexOf("<br>") + 4))).toEqual(["cause (net driver)", "neutral", "neutral", "effect (net receiver)"]);
    const sides = fig.data.flatMap((t) => (t as { textposition?: string[] }).textposition ?? []);
    expect(sides[2]).toBe("top center"); // neutral C, though below 0: labelled above like a cause
    expect(sides[3]).toBe("bottom center");
  });
});

describe("dematel(...).edges, listed when first read", () => {
  it("is the impact-relation map of T at the threshold, in JSON, spreads and frozen results alike", () => {
    const direct = [
      [0, 3, 2],
      [1, 0, 4],
      [2, 1, 0],
    ];
    const r = dematel(direct, { components: ["A", "B", "C"] });
    const want = impactEdges(r.total, r.threshold.value, ["A", "B", "C"]);
    expect(Object.keys(r)).toContain("edges");
    expect(JSON.parse(JSON.stringify(r)).edges).toEqual(JSON.parse(JSON.stringify(want)));
    expect({ ...r }.edges).toEqual(want);
    expect(Object.freeze(dematel(direct, { components: ["A", "B", "C"] })).edges).toEqual(want);
    expect(r.edges).toBe(r.edges); // computed once
  });
});
