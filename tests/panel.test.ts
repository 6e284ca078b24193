import { describe, expect, it } from "vitest";
import {
  aggregate,
  createRandom,
  dematel,
  expertDistances,
  gapRatio,
  krippendorffAlpha,
  krippendorffAlphaFromUnits,
  panelQuality,
  type Matrix,
} from "../src/index.js";
import { krippendorffAlphas } from "../src/stats/krippendorffAlpha.js";

const N = NaN;

/** Reliability data of Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section E: 4 observers (rows A–D) × 12 units, "." = missing. */
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
  [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
];
/** The 3 coders × 15 units example of the Wikipedia article "Krippendorff's alpha", as used in the tests of the Python package krippendorff (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py). */
const wikipediaExample = [
  [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
  [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
  [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
];
/** Coders × units → units × coders. */
const byUnit = (coders: number[][]): number[][] => coders[0].map((_, u) => coders.map((c) => c[u]));

function randomPanel(seed: number, K: number, n: number, scale = 4): Matrix[] {
  const rng = createRandom(seed);
  return Array.from({ length: K }, () => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.int(scale + 1)))));
}

describe("krippendorffAlphaFromUnits(units, level)", () => {
  it("reproduces the worked example of Krippendorff (2011), section E, at all four levels", () => {
    // Published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797 (3 decimals; tolerance half a unit: 5e-4).
    const units = byUnit(krippendorff2011);
    expect(Math.abs(krippendorffAlphaFromUnits(units, "nominal") - 0.743)).toBeLessThan(5e-4);
    expect(Math.abs(krippendorffAlphaFromUnits(units, "ordinal") - 0.815)).toBeLessThan(5e-4);
    expect(Math.abs(krippendorffAlphaFromUnits(units, "interval") - 0.849)).toBeLessThan(5e-4);
    expect(Math.abs(krippendorffAlphaFromUnits(units, "ratio") - 0.797)).toBeLessThan(5e-4);
  });

  it("matches the Python package krippendorff on the Wikipedia example (nominal 0.691358, interval 0.810845)", () => {
    // Source: pln-fing-udelar/fast-krippendorff tests/test_krippendorff.py, asserted to 6 decimals.
    const units = byUnit(wikipediaExample);
    expect(krippendorffAlphaFromUnits(units, "nominal")).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlphaFromUnits(units, "interval")).toBeCloseTo(0.810845, 6);
  });

  it("hand-computed: units [[1,1],[2,3]] give interval 8/11 and ordinal 5/6", () => {
    // Coincidences: o_11 = 2 (unit 1: 2·1/(2−1)), o_23 = o_32 = 1; n_1 = 2, n_2 = 1, n_3 = 1, n = 4.
    // interval: Σ o δ² = 2·1² = 2; Σ n_c n_k δ² = 2(2·1·1 + 2·1·4 + 1·1·1) = 22; α = 1 − 3·2/22 = 8/11.
    // ordinal: δ²_12 = (3 − 1.5)² = 2.25, δ²_13 = (4 − 1.5)² = 6.25, δ²_23 = (2 − 1)² = 1;
    //   Σ o δ² = 2·1 = 2; Σ n_c n_k δ² = 2(2·2.25 + 2·6.25 + 1) = 36; α = 1 − 3·2/36 = 5/6.
    expect(
      krippendorffAlphaFromUnits(
        [
          [1, 1],
          [2, 3],
        ],
        "interval",
      ),
    ).toBeCloseTo(8 / 11, 12);
    expect(
      krippendorffAlphaFromUnits(
        [
          [1, 1],
          [2, 3],
        ],
        "ordinal",
      ),
    ).toBeCloseTo(5 / 6, 12);
  });

  it("hand-computed: units [[1,2],[2,2]] give alpha 0 at every level", () => {
    // o_12 = o_21 = 1, o_22 = 2; n_1 = 1, n_2 = 3, n = 4. With two values every δ² is one constant d:
    // α = 1 − (n−1)·2d/(2·n_1·n_2·d) = 1 − 3·2/6 = 0.
    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const)
      expect(
        krippendorffAlphaFromUnits(
          [
            [1, 2],
            [2, 2],
          ],
          level,
        ),
      ).toBeCloseTo(0, 12);
  });

  it("is 1 for perfect agreement with variation, NaN without variation or without pairable values", () => {
    expect(
      krippendorffAlphaFromUnits(
        [
          [1, 1, 1],
          [2, 2, 2],
          [4, 4, 4],
        ],
        "interval",
      ),
    ).toBe(1);
    expect(
      krippendorffAlphaFromUnits(
        [
          [1, 1, 1],
          [2, 2, 2],
          [4, 4, 4],
        ],
        "ordinal",
      ),
    ).toBe(1);
    // no variation: D_e = 0, alpha undefined
    expect(
      krippendorffAlphaFromUnits(
        [
          [3, 3],
          [3, 3],
        ],
        "interval",
      ),
    ).toBeNaN();
    // every unit has at most one value: nothing is pairable
    expect(
      krippendorffAlphaFromUnits(
        [
          [1, N],
          [N, 2],
        ],
        "interval",
      ),
    ).toBeNaN();
  });

  it("rejects ragged data, unknown levels and non-numbers", () => {
    expect(() => krippendorffAlphaFromUnits([], "interval")).toThrow(RangeError);
    expect(() => krippendorffAlphaFromUnits([[1, 2], [1]], "interval")).toThrow(RangeError);
    expect(() => krippendorffAlphaFromUnits([[1, 2]], "circular" as never)).toThrow(RangeError);
    expect(() => krippendorffAlphaFromUnits([[1, Infinity]], "interval")).toThrow(TypeError);
    expect(() => krippendorffAlphaFromUnits([[1, -1]], "ratio")).toThrow(TypeError);
  });
});

describe("krippendorffAlpha(matrices, level)", () => {
  it("krippendorffAlphas (both levels from one coincidence matrix, as panelQuality reads them) equals each level's own call, on 30 seeded panels and the edge cases", () => {
    for (let seed = 0; seed < 30; seed++) {
      const panel = randomPanel(100 + seed, 2 + (seed % 7), 2 + (seed % 5), 1 + (seed % 6));
      expect(krippendorffAlphas(panel)).toEqual({ interval: krippendorffAlpha(panel, "interval"), ordinal: krippendorffAlpha(panel, "ordinal") });
    }
    const same = [
      [
        [0, 2],
        [2, 0],
      ],
      [
        [0, 2],
        [2, 0],
      ],
    ];
    expect(krippendorffAlphas(same)).toEqual({ interval: NaN, ordinal: NaN });
    expect(krippendorffAlphas([same[0]])).toEqual({ interval: NaN, ordinal: NaN });
  });

  it("uses the n(n−1) off-diagonal cells as units and the experts as coders", () => {
    const panel = randomPanel(11, 5, 4);
    const units: number[][] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) units.push(panel.map((m) => m[i][j]));
    expect(units.length).toBe(12);
    expect(krippendorffAlpha(panel, "interval")).toBe(krippendorffAlphaFromUnits(units, "interval"));
    expect(krippendorffAlpha(panel, "ordinal")).toBe(krippendorffAlphaFromUnits(units, "ordinal"));
  });

  it("ignores the diagonal and returns NaN for one expert or a 1×1 model", () => {
    const a = [
      [0, 1, 2],
      [3, 0, 4],
      [1, 1, 0],
    ];
    const b = [
      [9, 1, 2],
      [3, 9, 4],
      [1, 1, 9],
    ];
    expect(krippendorffAlpha([a, b], "interval")).toBe(1);
    expect(krippendorffAlpha([a], "interval")).toBeNaN();
    expect(krippendorffAlpha([[[0]], [[0]]], "ordinal")).toBeNaN();
  });

  it("rejects NaN ratings and mismatched sizes", () => {
    expect(() =>
      krippendorffAlpha(
        [
          [
            [0, NaN],
            [1, 0],
          ],
          [
            [0, 1],
            [1, 0],
          ],
        ],
        "interval",
      ),
    ).toThrow(TypeError);
    expect(() =>
      krippendorffAlpha(
        [
          [
            [0, 1],
            [1, 0],
          ],
          [[0]],
        ],
        "interval",
      ),
    ).toThrow(RangeError);
    expect(() => krippendorffAlpha([], "interval")).toThrow(RangeError);
  });

  it("invariants on seeded panels: expert order does not matter; interval is affine-invariant, ordinal monotone-invariant", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const panel = randomPanel(seed, 3 + (seed % 5), 3 + (seed % 4));
      const ai = krippendorffAlpha(panel, "interval");
      const ao = krippendorffAlpha(panel, "ordinal");
      expect(ai).toBeLessThanOrEqual(1);
      expect(ao).toBeLessThanOrEqual(1);
      const reversed = [...panel].reverse();
      expect(Math.abs(krippendorffAlpha(reversed, "interval") - ai)).toBeLessThan(1e-12);
      expect(Math.abs(krippendorffAlpha(reversed, "ordinal") - ao)).toBeLessThan(1e-12);
      const affine = panel.map((m) => m.map((r) => r.map((v) => 2.5 * v + 1)));
      expect(Math.abs(krippendorffAlpha(affine, "interval") - ai)).toBeLessThan(1e-12);
      const monotone = panel.map((m) => m.map((r) => r.map((v) => v * v * v + 7)));
      expect(Math.abs(krippendorffAlpha(monotone, "ordinal") - ao)).toBeLessThan(1e-12);
    }
  });
});

describe("gapRatio(matrices)", () => {
  it("hand-computed 3-expert 2×2 curve", () => {
    // Cells (0,1) and (1,0); n(n−1) = 2.
    // A¹ = (2, 4), A² = (3, 4), A³ = (10/3, 3).
    // gap(2) = (|3−2|/3 + |4−4|/4)/2 = 1/6
    // gap(3) = (|10/3−3|/(10/3) + |3−4|/3)/2 = (0.1 + 1/3)/2 = 13/60
    const panel = [
      [
        [0, 2],
        [4, 0],
      ],
      [
        [0, 4],
        [4, 0],
      ],
      [
        [0, 4],
        [1, 0],
      ],
    ];
    const g = gapRatio(panel);
    expect(g.panelSizes).toEqual([2, 3]);
    expect(g.gap[0]).toBeCloseTo(1 / 6, 14);
    expect(g.gap[1]).toBeCloseTo(13 / 60, 14);
  });

  it("leaves out cells whose current mean is 0 (the divisor stays n(n−1))", () => {
    // cell (0,1) is 0 for both experts and is skipped; cell (1,0): A¹ = 2, A² = 3 → |3−2|/3; gap = (1/3)/2.
    expect(
      gapRatio([
        [
          [0, 0],
          [2, 0],
        ],
        [
          [0, 0],
          [4, 0],
        ],
      ]).gap[0],
    ).toBeCloseTo(1 / 6, 14);
  });

  it("depends on expert order, but not its final mean", () => {
    const panel = [
      [
        [0, 2],
        [4, 0],
      ],
      [
        [0, 4],
        [4, 0],
      ],
      [
        [0, 4],
        [1, 0],
      ],
    ];
    const reordered = [panel[2], panel[0], panel[1]];
    // reordered: A¹ = (4, 1), A² = (3, 2.5), A³ = (10/3, 3):
    // gap(2) = (1/3 + 1.5/2.5)/2 = 0.466667; gap(3) = ((1/3)/(10/3) + 0.5/3)/2 = 0.133333
    const g = gapRatio(reordered);
    expect(g.gap[0]).toBeCloseTo((1 / 3 + 0.6) / 2, 14);
    expect(g.gap[1]).toBeCloseTo((0.1 + 1 / 6) / 2, 14);
    expect(g.gap[1]).not.toBeCloseTo(gapRatio(panel).gap[1], 6);
  });

  it("one expert gives an empty curve; a 1×1 model gives gap 0", () => {
    expect(
      gapRatio([
        [
          [0, 1],
          [1, 0],
        ],
      ]),
    ).toEqual({ panelSizes: [], gap: [] });
    expect(gapRatio([[[0]], [[0]], [[0]]])).toEqual({ panelSizes: [2, 3], gap: [0, 0] });
  });

  it("identical experts give a flat zero curve; seeded panels give finite non-negative gaps", () => {
    const m = [
      [0, 1, 3],
      [2, 0, 4],
      [1, 1, 0],
    ];
    expect(gapRatio([m, m, m, m]).gap).toEqual([0, 0, 0]);
    for (let seed = 1; seed <= 5; seed++) {
      const g = gapRatio(randomPanel(seed, 8, 5));
      expect(g.gap.length).toBe(7);
      for (const v of g.gap) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
  });

  it("rejects NaN ratings and no experts", () => {
    expect(() => gapRatio([])).toThrow(RangeError);
    expect(() =>
      gapRatio([
        [
          [0, NaN],
          [1, 0],
        ],
      ]),
    ).toThrow(TypeError);
  });
});

describe("expertDistances(matrices)", () => {
  it("hand-computed: mean |x^k − mean of others| over off-diagonal cells", () => {
    // cell (0,1): 1, 1, 4; cell (1,0): 1, 1, 1.
    // expert 1: |1 − 2.5| = 1.5 and 0 → 0.75; expert 2 likewise; expert 3: |4 − 1| = 3 and 0 → 1.5.
    expect(
      expertDistances([
        [
          [0, 1],
          [1, 0],
        ],
        [
          [0, 1],
          [1, 0],
        ],
        [
          [0, 4],
          [1, 0],
        ],
      ]),
    ).toEqual([0.75, 0.75, 1.5]);
  });

  it("two experts are equally far from each other; K = 1 throws", () => {
    const d = expertDistances(randomPanel(3, 2, 4));
    expect(d[0]).toBe(d[1]);
    expect(() => expertDistances(randomPanel(3, 1, 4))).toThrow(RangeError);
  });
});

describe("panelQuality(matrices, options)", () => {
  const panel = [
    [
      [0, 3, 2],
      [1, 0, 4],
      [2, 1, 0],
    ],
    [
      [0, 4, 2],
      [1, 0, 3],
      [2, 2, 0],
    ],
    [
      [0, 3, 1],
      [0, 0, 4],
      [3, 1, 0],
    ],
    [
      [0, 4, 2],
      [1, 0, 4],
      [2, 1, 0],
    ],
  ];

  it("bundles the curve, final gap, consensus, alpha, distances and leave-one-out effects", () => {
    const q = panelQuality(panel);
    expect(q.expertCount).toBe(4);
    expect(q.components).toBe(3);
    expect(q.gapRatio).toEqual(gapRatio(panel));
    expect(q.finalGap).toBe(q.gapRatio.gap[2]);
    expect(q.belowConventionalLevel).toBe(q.finalGap < 0.05);
    expect(q.gapBaseline.observed).toBe(q.finalGap);
    expect(q.consensus).toBe(q.gapBaseline.share <= 0.05);
    expect(q.krippendorffAlpha.interval).toBe(krippendorffAlpha(panel, "interval"));
    expect(q.krippendorffAlpha.ordinal).toBe(krippendorffAlpha(panel, "ordinal"));
    expect(q.distances.map((d) => d.distance)).toEqual(expertDistances(panel));
    expect(q.distances.map((d) => d.label)).toEqual(["1", "2", "3", "4"]);
    const full = dematel(aggregate(panel));
    for (let k = 0; k < 4; k++) {
      const without = dematel(aggregate(panel.filter((_, l) => l !== k)));
      const dRel = Math.max(...full.relation.map((r, i) => Math.abs(r - without.relation[i])));
      const dT = Math.max(...full.total.flat().map((t, i) => Math.abs(t - without.total.flat()[i])));
      expect(q.leaveOneOut[k].expertIndex).toBe(k);
      expect(q.leaveOneOut[k].maxRelationChange).toBeCloseTo(dRel, 14);
      expect(q.leaveOneOut[k].maxTotalChange).toBeCloseTo(dT, 14);
    }
    expect(q.notes).toEqual([]);
  });

  it("the conventional rule follows the chosen level; consensus follows the baseline", () => {
    const q = panelQuality(panel, { consensusLevel: 1 });
    expect(q.belowConventionalLevel).toBe(true);
    expect(q.consensus).toBe(panelQuality(panel).consensus);
    expect(() => panelQuality(panel, { consensusLevel: 0 })).toThrow(RangeError);
  });

  it("uses weights in the leave-one-out runs only", () => {
    const w = [1, 1, 1, 5];
    const q = panelQuality(panel, { settings: { weights: w }, labels: ["a", "b", "c", "d"] });
    const full = dematel(aggregate(panel, { weights: w }));
    const without = dematel(aggregate(panel.slice(1), { weights: w.slice(1) }));
    expect(q.leaveOneOut[0].maxRelationChange).toBeCloseTo(Math.max(...full.relation.map((r, i) => Math.abs(r - without.relation[i]))), 14);
    expect(q.leaveOneOut[0].label).toBe("a");
    expect(q.gapRatio).toEqual(gapRatio(panel));
    expect(() => panelQuality(panel, { settings: { weights: [1, 2] } })).toThrow(RangeError);
  });

  it("uses the chosen aggregation in the leave-one-out runs", () => {
    const q = panelQuality(panel, { settings: { aggregation: "median" } });
    const full = dematel(aggregate(panel, { method: "median" }));
    const without = dematel(aggregate(panel.slice(0, 3), { method: "median" }));
    expect(q.leaveOneOut[3].maxRelationChange).toBeCloseTo(Math.max(...full.relation.map((r, i) => Math.abs(r - without.relation[i]))), 14);
  });

  it("works for one expert: NaN alpha and gap, no curve, a note", () => {
    const q = panelQuality([panel[0]]);
    expect(q.expertCount).toBe(1);
    expect(q.gapRatio).toEqual({ panelSizes: [], gap: [] });
    expect(q.finalGap).toBeNaN();
    expect(q.consensus).toBe(false);
    expect(q.krippendorffAlpha.interval).toBeNaN();
    expect(q.krippendorffAlpha.ordinal).toBeNaN();
    expect(q.distances).toEqual([]);
    expect(q.leaveOneOut).toEqual([]);
    expect(q.notes.length).toBe(1);
  });

  it("records, rather than throws, when a leave-one-out panel has no DEMATEL solution", () => {
    // Without expert 2 the mean matrix has every row sum equal (ρ(N) = 1): no T exists.
    const equalRows = [
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    const other = [
      [0, 2, 1],
      [1, 0, 1],
      [1, 3, 0],
    ];
    const q = panelQuality([equalRows, other, equalRows]);
    expect(q.leaveOneOut[1].maxRelationChange).toBeNaN();
    expect(Number.isFinite(q.leaveOneOut[0].maxRelationChange)).toBe(true);
    expect(q.notes.some((s) => s.includes("expert 2"))).toBe(true);
  });

  it("notes that alpha is undefined when nobody varies", () => {
    const flat = [
      [0, 2],
      [2, 0],
    ];
    const q = panelQuality([flat, flat]);
    expect(q.krippendorffAlpha.interval).toBeNaN();
    expect(q.finalGap).toBe(0);
    expect(q.belowConventionalLevel).toBe(true);
    // Shuffling constant ratings changes nothing: agreement cannot be told from chance, so no consensus beyond it.
    expect(q.gapBaseline.share).toBe(1);
    expect(q.consensus).toBe(false);
    expect(q.notes.some((s) => s.includes("no variation"))).toBe(true);
  });

  it("does not mutate frozen inputs", () => {
    const frozen = panel.map((m) => Object.freeze(m.map((r) => Object.freeze([...r])))) as unknown as Matrix[];
    expect(() => panelQuality(Object.freeze(frozen) as unknown as Matrix[])).not.toThrow();
  });
});
