import { describe, expect, it } from "vitest";
import { cfcs, greyWhiten } from "../src/core/cfcs.js";
import { fuzzyDematel, type FuzzyMatrix, type TriangularFuzzyNumber } from "../src/core/fuzzyDematel.js";
import { greyDematel, type GreyMatrix, type GreyNumber } from "../src/core/greyDematel.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { danp } from "../src/structure/danp.js";
import { deepFreeze, expectClose } from "./helpers.js";

// Worked examples of the DEMATEL variants: fuzzy DEMATEL in both orders (docs/methods.md §2.9), grey DEMATEL in
// both orders (§2.10) and DANP (§6.6), each 3×3 (DANP 4×4) and traced by hand in exact fractions; the steps are
// written beside each case.
//
// Why hand-traced and not published (issue 12 asks for a published worked example per variant): no source
// reachable with the project's search tools prints both the full inputs and the crisp outputs of a fuzzy, grey or
// DANP example. What was searched (code, docs and pages corpora): pyDecision's fuzzy_dematel (Valdecy/pyDecision,
// no grey DEMATEL, no DANP, examples without printed outputs), pyDEMATEL (achekry, SoftwareX), the MATLAB
// "dematel_fuzzy — Lin & Wu (2008)" toolkit, noir-madlax/DANP, feloopy, the R packages dematel, RMCDA and deaR;
// the papers Lin & Wu (2008), Ou Yang, Shieh, Leu & Tzeng (2008), Tzeng & Huang (2011, book), Si et al. (2018),
// and grey-DEMATEL/DANP studies in MDPI journals. Lin & Wu (2008) and Ou Yang et al. (2008) are stored only as their
// first page (abstract, introduction), not their tables; the other hits print either inputs without outputs or
// outputs of unstated conventions (a web solver's report). When a published example is found, it goes here, with
// its tables and a tolerance of half a unit of the last printed digit, as tests/published.test.ts does.
//
// The inputs use the built-in five-term scales (docs/methods.md §2.11); "none" cells are (0, 0, 0) / [0, 0]
// rather than the scale's "No influence" so that every direct matrix is strictly upper-triangular: then N³ = 0
// and T = N(I − N)⁻¹ = N + N², which keeps the hand trace short. Tolerance 1e-15 (rounding of the double
// arithmetic; the expected values are exact fractions).

const TOL = 1e-15;
const none3: TriangularFuzzyNumber = [0, 0, 0];
const none2: GreyNumber = [0, 0];
const tfn = (code: number): TriangularFuzzyNumber => FUZZY_FIVE_TERM_SCALE.terms[code].tfn as TriangularFuzzyNumber;
const grey = (code: number): GreyNumber => GREY_FIVE_TERM_SCALE.terms[code].grey as GreyNumber;

/** A 3×3 strictly upper-triangular matrix with entries x12, x13, x23. */
function upper<T>(zero: T, x12: T, x13: T, x23: T): T[][] {
  return [
    [zero, x12, x13],
    [zero, zero, x23],
    [zero, zero, zero],
  ];
}

/** The crisp 3×3 strictly upper-triangular matrix with entries t12, t13, t23. */
const crispUpper = (t12: number, t13: number, t23: number): number[][] => upper(0, t12, t13, t23);

describe("the CFCS and grey whitening values of the five-term scales on [0, 1]", () => {
  it("CFCS (min 0, Δ 1): No 1/30, Very low 4/15, Low 1/2, High 11/15, Very high 29/30", () => {
    // No (0, 0, 0.25): ls = 0/1 = 0, rs = 0.25/1.25 = 0.2, x = (0 + 0.04)/1.2 = 1/30.
    // Very low (0, .25, .5): ls = .25/1.25 = .2, rs = .5/1.25 = .4, x = (.16 + .16)/1.2 = 4/15.
    // Low (.25, .5, .75): ls = .5/1.25 = .4, rs = .75/1.25 = .6, x = (.24 + .36)/1.2 = 1/2.
    // High (.5, .75, 1): ls = .75/1.25 = .6, rs = 1/1.25 = .8, x = (.24 + .64)/1.2 = 11/15.
    // Very high (.75, 1, 1): ls = 1/1.25 = .8, rs = 1/1 = 1, x = (.16 + 1)/1.2 = 29/30.
    const expected = [1 / 30, 4 / 15, 1 / 2, 11 / 15, 29 / 30];
    expectClose(
      [0, 1, 2, 3, 4].map((c) => cfcs(...tfn(c), 0, 1)),
      expected,
      TOL,
    );
  });

  it("grey whitening (min 0, Δ 1): Very low 1/20, Low 7/20, High 13/20, Very high 19/20; No [0, 0] stays 0", () => {
    // Very low [0, .25]: y = (0 + .0625)/1.25 = 1/20; Low [.25, .5]: y = (.1875 + .25)/1.25 = 7/20;
    // High [.5, .75]: y = (.25 + .5625)/1.25 = 13/20; Very high [.75, 1]: y = (.1875 + 1)/1.25 = 19/20.
    expectClose(
      [0, 1, 2, 3, 4].map((c) => greyWhiten(...grey(c), 0, 1)),
      [0, 1 / 20, 7 / 20, 13 / 20, 19 / 20],
      TOL,
    );
  });
});

describe("fuzzy DEMATEL, defuzzify-last, one expert: x12 = Low, x13 = Very low, x23 = High", () => {
  // Aggregate = the one matrix. U has row sums 1.25, 1, 0 and column sums 0, 0.75, 1.5: λ = 1.5 (max rule), the one
  // divisor of l, m and u. N_l = (1/6, 0, 1/3), N_m = (1/3, 1/6, 1/2), N_u = (1/2, 1/3, 2/3) as (n12, n13, n23).
  // T = N + N², whose only extra entry is t13 = n13 + n12·n23:
  //   T_l = (1/6, 0 + 1/6·1/3 = 1/18, 1/3), T_m = (1/3, 1/6 + 1/3·1/2 = 1/3, 1/2), T_u = (1/2, 1/3 + 1/2·2/3 = 2/3, 2/3).
  // CFCS over all nine cells of T (diagonal included, the default; here the diagonal is 0 either way): min 0, Δ 2/3.
  //   t12 = (1/6, 1/3, 1/2): xl = 1/4, xm = 1/2, xu = 3/4; ls = .5/1.25 = 2/5, rs = .75/1.25 = 3/5;
  //     x = (6/25 + 9/25)/(6/5) = 1/2; crisp = 1/2·2/3 = 1/3.
  //   t13 = (1/18, 1/3, 2/3): xl = 1/12, xm = 1/2, xu = 1; ls = (1/2)/(17/12) = 6/17, rs = 1/(3/2) = 2/3;
  //     x = (66/289 + 4/9)/(67/51) = (1750/2601)(51/67) = 1750/3417; crisp = 1750/3417·2/3 = 3500/10251.
  //   t23 = (1/3, 1/2, 2/3): xl = 1/2, xm = 3/4, xu = 1; ls = .75/1.25 = 3/5, rs = 1/1.25 = 4/5;
  //     x = (6/25 + 16/25)/(6/5) = 11/15; crisp = 11/15·2/3 = 22/45.
  const panel: FuzzyMatrix[] = deepFreeze([upper(none3, tfn(2), tfn(1), tfn(3))]);
  const r = fuzzyDematel(panel, { order: "defuzzify-last" });
  const t13 = 3500 / 10251;

  it("λ = 1.5 and T_l, T_m, T_u component-wise", () => {
    expect(r.dematel.lambda).toBe(1.5);
    expectClose(r.lower!, crispUpper(1 / 6, 1 / 18, 1 / 3), TOL);
    expectClose(r.middle!, crispUpper(1 / 3, 1 / 3, 1 / 2), TOL);
    expectClose(r.upper!, crispUpper(1 / 2, 2 / 3, 2 / 3), TOL);
  });

  it("crisp T = (1/3, 3500/10251, 22/45), and D, R, D + R, D − R from it", () => {
    expectClose(r.dematel.total, crispUpper(1 / 3, t13, 22 / 45), TOL);
    expectClose(r.dematel.given, [1 / 3 + t13, 22 / 45, 0], TOL);
    expectClose(r.dematel.received, [0, 1 / 3, t13 + 22 / 45], TOL);
    expectClose(r.dematel.prominence, [1 / 3 + t13, 1 / 3 + 22 / 45, t13 + 22 / 45], TOL);
    expectClose(r.dematel.relation, [1 / 3 + t13, 22 / 45 - 1 / 3, -(t13 + 22 / 45)], TOL);
    expect(r.dematel.role).toEqual(["cause", "cause", "effect"]);
  });

  it("leaving T's diagonal out of the CFCS range changes nothing here (the diagonal and the lower triangle are 0)", () => {
    const noDiagonal = fuzzyDematel(panel, { order: "defuzzify-last", diagonal: false });
    expectClose(noDiagonal.dematel.total, r.dematel.total, TOL);
  });
});

describe("fuzzy DEMATEL, defuzzify-first, two experts: (High, Very low, Very high) and (Low, Very low, Low)", () => {
  // Entries listed as (x12, x13, x23); every other cell is (0, 0, 0), made crisp as 0.
  const panel: FuzzyMatrix[] = deepFreeze([upper(none3, tfn(3), tfn(1), tfn(4)), upper(none3, tfn(2), tfn(1), tfn(2))]);

  it("CFCS global (default): both experts on [0, 1]; mean A = (37/60, 4/15, 11/15), λ = 1 (column 3), T = A + A²", () => {
    // Expert 1 → (11/15, 4/15, 29/30), expert 2 → (1/2, 4/15, 1/2) by the values of the first describe.
    // Mean: a12 = (22/30 + 15/30)/2 = 37/60, a13 = 4/15, a23 = (29/30 + 15/30)/2 = 11/15.
    // Row sums 53/60, 11/15, 0; column sums 0, 37/60, 4/15 + 11/15 = 1: λ = 1, N = A.
    // t13 = 4/15 + 37/60·11/15 = 240/900 + 407/900 = 647/900. D = (37/60 + 647/900, 11/15, 0) = (601/450, 11/15, 0).
    const r = fuzzyDematel(panel);
    expect(r.order).toBe("defuzzify-first");
    expect(r.cfcs).toBe("global");
    expectClose(r.defuzzified![0], crispUpper(11 / 15, 4 / 15, 29 / 30), TOL);
    expectClose(r.defuzzified![1], crispUpper(1 / 2, 4 / 15, 1 / 2), TOL);
    expect(Math.abs(r.dematel.lambda - 1)).toBeLessThan(TOL);
    expectClose(r.dematel.total, crispUpper(37 / 60, 647 / 900, 11 / 15), TOL);
    expectClose(r.dematel.given, [601 / 450, 11 / 15, 0], TOL);
    expectClose(r.dematel.received, [0, 37 / 60, 647 / 900 + 11 / 15], TOL);
  });

  it("CFCS per matrix: expert 2's numbers span [0, 0.75], so Low → 39/80 and Very low → 21/80; λ = 119/120", () => {
    // Expert 1 spans [0, 1]: unchanged. Expert 2 (min 0, Δ 0.75):
    //   Low (.25, .5, .75): xl = 1/3, xm = 2/3, xu = 1; ls = (2/3)/(4/3) = 1/2, rs = 1/(4/3) = 3/4;
    //     x = (1/4 + 9/16)/(5/4) = 13/20; crisp = 13/20·3/4 = 39/80.
    //   Very low (0, .25, .5): xl = 0, xm = 1/3, xu = 2/3; ls = (1/3)/(4/3) = 1/4, rs = (2/3)/(4/3) = 1/2;
    //     x = (3/16 + 4/16)/(5/4) = 7/20; crisp = 7/20·3/4 = 21/80.
    // Mean (in 240ths): a12 = (176 + 117)/480 = 293/480, a13 = (64 + 63)/480 = 127/480, a23 = (232 + 117)/480 = 349/480.
    // Row sums 420/480, 349/480; column sums 293/480, 476/480: λ = 476/480 = 119/120, N = A·480/476.
    // T = N + N²: t13 = 127/476 + (293/476)(349/476).
    const r = fuzzyDematel(panel, { cfcs: "per-matrix" });
    expectClose(r.defuzzified![0], crispUpper(11 / 15, 4 / 15, 29 / 30), TOL);
    expectClose(r.defuzzified![1], crispUpper(39 / 80, 21 / 80, 39 / 80), TOL);
    expect(Math.abs(r.dematel.lambda - 119 / 120)).toBeLessThan(TOL);
    expectClose(r.dematel.total, crispUpper(293 / 476, 127 / 476 + (293 / 476) * (349 / 476), 349 / 476), TOL);
  });
});

describe("grey DEMATEL, two experts: [High, Very low, Very high] and [Low, Very low, High]", () => {
  // Entries listed as (x12, x13, x23); every other cell is [0, 0].
  const panel: GreyMatrix[] = deepFreeze([upper(none2, grey(3), grey(1), grey(4)), upper(none2, grey(2), grey(1), grey(3))]);

  it("whiten-last (default): λ = 9/8 of the mean upper matrix; T_lo, T_hi; whitened on [0, 7/9]", () => {
    // Mean lower (0.375, 0, 0.625), mean upper (0.625, 0.25, 0.875). Upper row sums 0.875, 0.875, 0; column sums
    // 0, 0.625, 1.125: λ = 9/8 for both limits. N_lo = (1/3, 0, 5/9), N_hi = (5/9, 2/9, 7/9).
    // T_lo = (1/3, 0 + 1/3·5/9 = 5/27, 5/9), T_hi = (5/9, 2/9 + 5/9·7/9 = 53/81, 7/9).
    // Whitening over all nine cells: min 0, Δ 7/9; a = lo/Δ, b = hi/Δ, y = [a(1 − a) + b²]/(1 − a + b), crisp = y·Δ:
    //   t12 [1/3, 5/9]: a = 3/7, b = 5/7; y = (12/49 + 25/49)/(9/7) = 37/63; crisp = 37/81.
    //   t13 [5/27, 53/81]: a = 5/21, b = 53/63; y = (720/3969 + 2809/3969)/(101/63) = 3529/6363; crisp = 3529/8181.
    //   t23 [5/9, 7/9]: a = 5/7, b = 1; y = (10/49 + 1)/(9/7) = 59/63; crisp = 59/81.
    const r = greyDematel(panel);
    expect(r.order).toBe("whiten-last");
    expect(r.dematel.lambda).toBe(1.125);
    expectClose(r.lower!, crispUpper(1 / 3, 5 / 27, 5 / 9), TOL);
    expectClose(r.upper!, crispUpper(5 / 9, 53 / 81, 7 / 9), TOL);
    expectClose(r.dematel.total, crispUpper(37 / 81, 3529 / 8181, 59 / 81), TOL);
    expectClose(r.dematel.given, [37 / 81 + 3529 / 8181, 59 / 81, 0], TOL);
    expectClose(r.dematel.received, [0, 37 / 81, 3529 / 8181 + 59 / 81], TOL);
  });

  it("whiten-first: each expert whitened on [0, 1] (global), mean A = (1/2, 1/20, 4/5), λ = 17/20, T = N + N²", () => {
    // Expert 1 → (13/20, 1/20, 19/20), expert 2 → (7/20, 1/20, 13/20); mean (10/20, 1/20, 16/20).
    // Row sums 11/20, 16/20; column sums 10/20, 17/20: λ = 17/20, N = (10/17, 1/17, 16/17);
    // t13 = 1/17 + (10/17)(16/17) = 177/289.
    const r = greyDematel(panel, { order: "whiten-first" });
    expectClose(r.whitened![0], crispUpper(13 / 20, 1 / 20, 19 / 20), TOL);
    expectClose(r.whitened![1], crispUpper(7 / 20, 1 / 20, 13 / 20), TOL);
    expect(Math.abs(r.dematel.lambda - 17 / 20)).toBeLessThan(TOL);
    expectClose(r.dematel.total, crispUpper(10 / 17, 177 / 289, 16 / 17), TOL);
    expectClose(r.dematel.relation, [10 / 17 + 177 / 289, 16 / 17 - 10 / 17, -(177 / 289 + 16 / 17)], TOL);
  });
});

describe("DANP on a 4×4 total-relation matrix in clusters A = {0, 1} and B = {2, 3}", () => {
  // Every row shares its influence on A as (1/4, 3/4) and on B as (2/5, 3/5); the block totals differ by row:
  //   row 0: 0.4 on A, 0.5 on B; row 1: 0.2, 0.3; row 2: 0.4, 0.1; row 3: 0.2, 0.5.
  // 1. T_c^α: every row is (1/4, 3/4 | 2/5, 3/5). 2. W = (T_c^α)ᵀ: W_ij = s(i), the share of i within its cluster.
  // 3. T_D (block means): (A, A) = (0.4 + 0.2)/4 = 0.15, (A, B) = (0.5 + 0.3)/4 = 0.2, (B, A) = (0.4 + 0.2)/4 = 0.15,
  //    (B, B) = (0.1 + 0.5)/4 = 0.15; T_D^α rows: A (3/7, 4/7), B (1/2, 1/2).
  // 4. W^α_ij = t_D^α(c(j), c(i))·s(i).
  // 5. Then (W^α w)_i = s(i)·Σ_J t_D^α(J, c(i))·π_J with π_J the weight of cluster J, so w_i = s(i)·π_c(i) where
  //    π = π·T_D^α: π_A = 3/7 π_A + 1/2 π_B → π_B = 8/7 π_A → π = (7/15, 8/15). W^α is positive, hence primitive, so
  //    this is the one limit: w = (7/60, 7/20, 16/75, 8/25), cluster weights (7/15, 8/15), local (1/4, 3/4, 2/5, 3/5).
  // (With equal cluster sizes the block mean and the block sum give the same T_D^α; the convention is pinned by the
  // 3-component case of tests/danp.test.ts.)
  const T = deepFreeze([
    [0.1, 0.3, 0.2, 0.3],
    [0.05, 0.15, 0.12, 0.18],
    [0.1, 0.3, 0.04, 0.06],
    [0.05, 0.15, 0.2, 0.3],
  ]);
  const d = danp(T, [
    { id: "A", members: [0, 1] },
    { id: "B", members: [2, 3] },
  ]);
  const s = [1 / 4, 3 / 4, 2 / 5, 3 / 5];
  const cluster = [0, 0, 1, 1];
  const tDa = [
    [3 / 7, 4 / 7],
    [1 / 2, 1 / 2],
  ];

  it("T_c^α, W, T_D, T_D^α and W^α as traced", () => {
    expectClose(d.normalized, [s, s, s, s], 1e-14);
    expectClose(
      d.unweighted,
      s.map((v) => [v, v, v, v]),
      1e-14,
    );
    expectClose(
      d.clusterTotal,
      [
        [0.15, 0.2],
        [0.15, 0.15],
      ],
      1e-14,
    );
    expectClose(d.clusterNormalized, tDa, 1e-14);
    expectClose(
      d.weighted,
      s.map((v, i) => cluster.map((cj) => tDa[cj][cluster[i]] * v)),
      1e-14,
    );
  });

  it("global weights (7/60, 7/20, 16/75, 8/25), cluster weights (7/15, 8/15), local weights (1/4, 3/4, 2/5, 3/5)", () => {
    expectClose(d.weights, [7 / 60, 7 / 20, 16 / 75, 8 / 25], 1e-14);
    expectClose(d.clusterWeights, [7 / 15, 8 / 15], 1e-14);
    expectClose(d.localWeights, s, 1e-14);
    for (const row of d.limit) expectClose(row, new Array(4).fill(row[0]), 1e-14);
  });
});
