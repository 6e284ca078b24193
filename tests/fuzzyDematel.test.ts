import { describe, expect, it } from "vitest";
import { cfcs, greyWhiten } from "../src/core/cfcs.js";
import { fuzzyDematel, type FuzzyMatrix } from "../src/core/fuzzyDematel.js";
import { greyDematel, type GreyMatrix } from "../src/core/greyDematel.js";
import { aggregate, dematel, type Matrix } from "../src/index.js";
import { deepFreeze, expectClose, randomDirect } from "./helpers.js";

// Fuzzy and grey DEMATEL (docs/methods.md §2.9 and §2.10). Expected values are traced by hand in exact fractions
// (the steps are in the comments); no published worked example is reproduced yet.

const HIGH = [0.5, 0.75, 1] as const;
const VERY_LOW = [0, 0.25, 0.5] as const;
const ZERO3 = [0, 0, 0] as const;

describe("cfcs(l, m, u, min, Δ) and greyWhiten(lo, hi, min, Δ)", () => {
  it("CFCS of (0.5, 0.75, 1) on [0, 1]: ls = 0.6, rs = 0.8, x = 0.88/1.2 = 11/15", () => {
    expect(Math.abs(cfcs(0.5, 0.75, 1, 0, 1) - 11 / 15)).toBeLessThan(1e-15);
  });
  it("CFCS of (0, 0.25, 0.5) on [0, 1]: ls = 0.2, rs = 0.4, x = 0.32/1.2 = 4/15", () => {
    expect(Math.abs(cfcs(0, 0.25, 0.5, 0, 1) - 4 / 15)).toBeLessThan(1e-15);
  });
  it("a crisp number is returned exactly, even with a zero range", () => {
    for (const x of [0, 0.1, 1 / 3, 2.7, 4]) {
      expect(cfcs(x, x, x, 0, 4)).toBe(x);
      expect(cfcs(x, x, x, x, 0)).toBe(x);
      expect(greyWhiten(x, x, 0, 0)).toBe(x);
    }
  });
  it("grey whitening of [2/3·Δ, Δ] on [0, 1.5]: a = 4/9, b = 1, y = (20/81 + 1)/(14/9) = 101/126", () => {
    expect(Math.abs(greyWhiten(2 / 3, 1.5, 0, 1.5) - (1.5 * 101) / 126)).toBeLessThan(1e-15);
    expect(Math.abs(greyWhiten(0, 0.5, 0, 1.5) - 0.125)).toBeLessThan(1e-15);
  });
  it("a non-crisp number with no range is a RangeError", () => {
    expect(() => cfcs(0, 1, 2, 0, 0)).toThrow(RangeError);
    expect(() => greyWhiten(0, 1, 0, 0)).toThrow(RangeError);
  });
});

describe("fuzzyDematel on a hand-traced 2×2 panel: x12 = High (0.5, 0.75, 1), x21 = Very low (0, 0.25, 0.5)", () => {
  const panel: FuzzyMatrix[] = deepFreeze([
    [
      [ZERO3, HIGH],
      [VERY_LOW, ZERO3],
    ],
  ]);
  it("defuzzify-first: A = [[0, 11/15], [4/15, 0]], λ = 11/15, N = [[0, 1], [4/11, 0]], T = [[4/7, 11/7], [4/7, 4/7]]", () => {
    const r = fuzzyDematel(panel);
    expect(r.order).toBe("defuzzify-first");
    expect(r.cfcs).toBe("global");
    expectClose(
      r.defuzzified![0],
      [
        [0, 11 / 15],
        [4 / 15, 0],
      ],
      1e-15,
    );
    expectClose(
      r.dematel.total,
      [
        [4 / 7, 11 / 7],
        [4 / 7, 4 / 7],
      ],
      1e-14,
    );
  });
  it("defuzzify-last: λ = 1 (of U); T_l = L, T_m = [[3, 12], [4, 3]]/13, T_u = [[1, 2], [1, 1]]; CFCS over all of T (min 0, Δ 2)", () => {
    const r = fuzzyDematel(panel, { order: "defuzzify-last" });
    expect(r.dematel.lambda).toBe(1);
    expectClose(
      r.lower!,
      [
        [0, 0.5],
        [0, 0],
      ],
      1e-15,
    );
    expectClose(
      r.middle!,
      [
        [3 / 13, 12 / 13],
        [4 / 13, 3 / 13],
      ],
      1e-15,
    );
    expectClose(
      r.upper!,
      [
        [1, 2],
        [1, 1],
      ],
      1e-14,
    );
    // (1,2): xl = 1/4, xm = 6/13, xu = 1 → ls = 8/21, rs = 13/20 → x = 116129/223860, crisp 2x = 116129/111930.
    // (2,1): xl = 0, xm = 2/13, xu = 1/2 → ls = 2/15, rs = 13/35 → x = 3913/19110, crisp 3913/9555.
    expect(Math.abs(r.dematel.total[0][1] - 116129 / 111930)).toBeLessThan(1e-14);
    expect(Math.abs(r.dematel.total[1][0] - 3913 / 9555)).toBeLessThan(1e-14);
    // Every crisp entry, the diagonal included, lies between its l and u limits.
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) {
        expect(r.dematel.total[i][j]).toBeGreaterThanOrEqual(r.lower![i][j]);
        expect(r.dematel.total[i][j]).toBeLessThanOrEqual(r.upper![i][j]);
      }
    expect(r.dematel.given).toEqual([r.dematel.total[0][0] + r.dematel.total[0][1], r.dematel.total[1][0] + r.dematel.total[1][1]]);
  });
  it("CFCS range global vs per-matrix: an expert whose numbers span [0, 0.5] gets (0, 0.25, 0.5) → 0.25 per matrix, 4/15 globally", () => {
    const two: FuzzyMatrix[] = [
      panel[0],
      [
        [ZERO3, VERY_LOW],
        [[0, 0, 0.25], ZERO3],
      ],
    ];
    expect(Math.abs(fuzzyDematel(two).defuzzified![1][0][1] - 4 / 15)).toBeLessThan(1e-15);
    expect(Math.abs(fuzzyDematel(two, { cfcs: "per-matrix" }).defuzzified![1][0][1] - 0.25)).toBeLessThan(1e-15);
  });
});

describe("greyDematel on a hand-traced 2×2 panel: x12 = [2, 3], x21 = [0, 1]", () => {
  const panel: GreyMatrix[] = deepFreeze([
    [
      [
        [0, 0],
        [2, 3],
      ],
      [
        [0, 1],
        [0, 0],
      ],
    ],
  ]);
  it("whiten-last: λ = 3 (of the upper matrix), T_lo = [[0, 2/3], [0, 0]], T_hi = [[1/2, 3/2], [1/2, 1/2]], whitened on [0, 1.5]", () => {
    const r = greyDematel(panel);
    expect(r.order).toBe("whiten-last");
    expect(r.dematel.lambda).toBe(3);
    expectClose(
      r.lower!,
      [
        [0, 2 / 3],
        [0, 0],
      ],
      1e-15,
    );
    expectClose(
      r.upper!,
      [
        [0.5, 1.5],
        [0.5, 0.5],
      ],
      1e-15,
    );
    expectClose(
      r.dematel.total,
      [
        [0.125, 101 / 84],
        [0.125, 0.125],
      ],
      1e-15,
    );
  });
  it("whiten-first: [2, 3] on [0, 3] → 11/4, [0, 1] → 1/4, then classic DEMATEL", () => {
    const r = greyDematel(panel, { order: "whiten-first" });
    expectClose(
      r.whitened![0],
      [
        [0, 2.75],
        [0.25, 0],
      ],
      1e-15,
    );
    expect(r.dematel).toEqual(dematel(r.whitened![0]));
  });
});

describe("degenerate numbers (l = m = u, lo = hi) give classic DEMATEL exactly (toEqual), in every order and setting", () => {
  const settings = [
    { aggregation: "mean" as const, normalization: "max" as const, epsilon: 0 },
    { aggregation: "median" as const, normalization: "row" as const, epsilon: 0.1 },
    { aggregation: "mean" as const, normalization: "column" as const, epsilon: 0, weights: [1, 2, 0.5] },
  ];
  for (const seed of [1, 2, 3, 4]) {
    for (const s of settings) {
      const crisp: Matrix[] = [0, 1, 2].map((k) => randomDirect(5, seed * 10 + k).map((row) => row.map((v) => v * 0.7)));
      const classic = dematel(aggregate(crisp, { method: s.aggregation, weights: s.weights }), {
        normalization: s.normalization,
        epsilon: s.epsilon,
        threshold: { method: "mean" },
      });
      const fuzzy = crisp.map((m) => m.map((row) => row.map((v) => [v, v, v] as const)));
      const grey = crisp.map((m) => m.map((row) => row.map((v) => [v, v] as const)));
      it(`seed ${seed}, ${s.aggregation}, ${s.normalization}, ε = ${s.epsilon}`, () => {
        for (const order of ["defuzzify-first", "defuzzify-last"] as const)
          for (const cfcsRange of ["global", "per-matrix"] as const)
            expect(fuzzyDematel(fuzzy, { ...s, order, cfcs: cfcsRange, threshold: { method: "mean" } }).dematel).toEqual(classic);
        for (const order of ["whiten-first", "whiten-last"] as const)
          expect(greyDematel(grey, { ...s, order, threshold: { method: "mean" } }).dematel).toEqual(classic);
      });
    }
  }
});

describe("bad input", () => {
  it("unordered, negative or mis-sized numbers and unknown options are RangeErrors that say where", () => {
    expect(() =>
      fuzzyDematel([
        [
          [ZERO3, [0.5, 0.25, 1]],
          [VERY_LOW, ZERO3],
        ],
      ]),
    ).toThrow(/cell \(0, 1\).*ordered/);
    expect(() =>
      fuzzyDematel([
        [
          [ZERO3, [-1, 0, 1]],
          [VERY_LOW, ZERO3],
        ],
      ]),
    ).toThrow(/non-negative/);
    expect(() =>
      greyDematel([
        [
          [
            [0, 0],
            [3, 2],
          ],
          [
            [0, 1],
            [0, 0],
          ],
        ],
      ]),
    ).toThrow(/ordered/);
    expect(() => fuzzyDematel([[[ZERO3, HIGH]]] as unknown as FuzzyMatrix[])).toThrow(RangeError);
    expect(() => fuzzyDematel([], {})).toThrow(/no triangular fuzzy number matrices/);
    expect(() =>
      fuzzyDematel(
        [
          [
            [ZERO3, HIGH],
            [VERY_LOW, ZERO3],
          ],
        ],
        { order: "sideways" as never },
      ),
    ).toThrow(/unknown fuzzy order/);
    expect(() =>
      greyDematel(
        [
          [
            [
              [0, 0],
              [2, 3],
            ],
            [
              [0, 1],
              [0, 0],
            ],
          ],
        ],
        { range: "row" as never },
      ),
    ).toThrow(/unknown whitening range/);
  });
  it("the diagonal is read as zero whatever it holds", () => {
    const a = fuzzyDematel([
      [
        [HIGH, HIGH],
        [VERY_LOW, HIGH],
      ],
    ]);
    const b = fuzzyDematel([
      [
        [ZERO3, HIGH],
        [VERY_LOW, ZERO3],
      ],
    ]);
    expect(a).toEqual(b);
  });
});
