import { describe, expect, it } from "vitest";
import { cfcs, greyWhiten } from "../src/core/cfcs.js";
import { fuzzyDematel, type FuzzyMatrix, type TriangularFuzzyNumber } from "../src/core/fuzzyDematel.js";
import { greyDematel, type GreyMatrix, type GreyNumber } from "../src/core/greyDematel.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { dematel } from "../src/index.js";
import { danp } from "../src/structure/danp.js";
import { deepFreeze, expectClose, expectPrinted } from "./helpers.js";

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
// DANP now has one (the last describe: Lu, Lin & Tzeng 2013, found in a third search); fuzzy and grey DEMATEL
// still have none.
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

describe("DANP, published: Lu, Lin & Tzeng (2013), RFID adoption in Taiwan's healthcare industry, Tables 2–10", () => {
  // Lu, M.-T., Lin, S.-W. & Tzeng, G.-H. (2013). Improving RFID adoption in Taiwan's healthcare industry based on a
  // DEMATEL technique with a hybrid MCDM model. Decision Support Systems 56, doi:10.1016/j.dss.2013.06.006; read in a
  // full-text transcription of the article-in-press version (no page numbers), stored in the project's code-search
  // index, whose tables are HTML text.
  // Input: Table 2, the initial influence matrix A of 13 criteria (the paper's mean of its experts' 0–4 ratings),
  // printed to 3 decimals; every entry is printed as a multiple of 0.2 (x.x00), so it is taken as exact (Tables 3–6
  // and 8–10 agree with it to the printed digits). Dimensions (clusters): D1 = C1–C3,
  // D2 = C4–C6, D3 = C7–C9, D4 = C10–C13. The paper's conventions are ours: z = min(1/max row sum, 1/max column sum)
  // (the "max" rule of docs/methods.md §2.2; here λ = 32.2, row C4), T = D(I − D)⁻¹, T_D = block means of T_c (§6.6;
  // Table 5 is reproduced by the means, not the sums), W = (T_c^α)ᵀ, W^α = T_D^α applied to W's blocks, limit of W^α.
  // Checked to the printed 3 decimals (half a unit, 5e-4, plus 1e-15), all from the unrounded analysis of A:
  // Table 3 (D), Table 4 (T_c), Table 5 (T_D), Table 6 (r, s, r + s, r − s of T_D), Table 8 (W^α; the paper prints
  // it transposed, row i = column i of W^α, rows summing to 1), Tables 9–10 (global weights, their ranks, and the
  // dimension weights). Two printed tables are not matched to 5e-4; how far they are:
  // - Table 10's local weights are within 1e-3: the paper derives them from the global weights rounded to 3 decimals
  //   (its Table 10 note 1, e.g. 0.089/0.253) and adjusts them to sum to 1;
  // - Table 7 (W) is not reproduced (cells differ by up to 0.037, e.g. W(C5, C6) 0.321 against 0.285) and is also
  //   inconsistent with the paper's own Table 8, which our W^α matches: Table 8's (C1, C2) = 0.078 needs
  //   W(C2, C1) ≈ 0.078/t_D^α(D1, D1) = 0.078/0.2465 ≈ 0.316, as from Table 4 (0.444/1.407 = 0.3156), not Table 7's 0.313.
  // Table 9's limit rows print C9 as 0.075 or 0.076 and C11 as 0.062 or 0.063; our 0.07545 and 0.06249 sit on those
  // rounding boundaries, and Table 10 prints 0.075 and 0.062.
  const rows = (s: string): string[][] =>
    s
      .trim()
      .split("\n")
      .map((l) => l.trim().split(/\s+/));
  const num = (m: string[][]): number[][] => m.map((r) => r.map(Number));
  const A = num(
    rows(`
      0.0 2.4 2.4 2.4 1.8 2.8 2.0 3.0 1.6 2.6 3.0 2.8 3.0
      2.2 0.0 3.2 2.4 1.2 2.2 2.4 2.0 2.8 1.8 2.2 2.2 1.8
      2.4 2.4 0.0 3.0 1.2 1.8 2.2 2.2 3.4 2.2 2.2 1.8 1.8
      3.4 2.2 2.8 0.0 2.6 3.2 2.2 2.2 2.6 2.4 2.8 2.8 3.0
      2.2 2.0 2.2 2.2 0.0 2.8 2.0 1.6 2.0 2.8 2.4 2.2 2.6
      2.2 1.8 2.4 2.4 2.4 0.0 2.0 2.6 2.4 1.6 1.6 2.8 2.4
      2.0 1.8 2.0 2.4 2.0 2.4 0.0 1.8 1.4 1.6 1.8 2.4 2.2
      2.4 2.4 2.4 2.2 1.6 2.4 2.8 0.0 1.4 2.2 2.4 2.6 2.2
      3.0 1.6 2.8 2.8 2.2 2.4 2.4 2.4 0.0 2.2 1.6 2.2 2.8
      2.6 2.0 1.4 2.2 2.2 2.0 1.8 1.8 1.8 0.0 2.4 2.6 3.0
      3.2 1.6 2.6 2.4 2.2 2.2 1.8 1.6 1.4 2.4 0.0 2.8 2.2
      2.8 2.2 2.0 2.6 2.4 2.4 2.0 1.8 2.2 2.4 2.6 0.0 3.2
      2.8 2.0 1.8 2.4 2.8 2.4 2.6 2.6 1.6 2.4 2.2 2.2 0.0`),
  );
  const table3 = rows(`
    0.000 0.075 0.075 0.075 0.056 0.087 0.062 0.093 0.050 0.081 0.093 0.087 0.093
    0.068 0.000 0.099 0.075 0.037 0.068 0.075 0.062 0.087 0.056 0.068 0.068 0.056
    0.075 0.075 0.000 0.093 0.037 0.056 0.068 0.068 0.106 0.068 0.068 0.056 0.056
    0.106 0.068 0.087 0.000 0.081 0.099 0.068 0.068 0.081 0.075 0.087 0.087 0.093
    0.068 0.062 0.068 0.068 0.000 0.087 0.062 0.050 0.062 0.087 0.075 0.068 0.081
    0.068 0.056 0.075 0.075 0.075 0.000 0.062 0.081 0.075 0.050 0.050 0.087 0.075
    0.062 0.056 0.062 0.075 0.062 0.075 0.000 0.056 0.043 0.050 0.056 0.075 0.068
    0.075 0.075 0.075 0.068 0.050 0.075 0.087 0.000 0.043 0.068 0.075 0.081 0.068
    0.093 0.050 0.087 0.087 0.068 0.075 0.075 0.075 0.000 0.068 0.050 0.068 0.087
    0.081 0.062 0.043 0.068 0.068 0.062 0.056 0.056 0.056 0.000 0.075 0.081 0.093
    0.099 0.050 0.081 0.075 0.068 0.068 0.056 0.050 0.043 0.075 0.000 0.087 0.068
    0.087 0.068 0.062 0.081 0.075 0.075 0.062 0.056 0.068 0.075 0.081 0.000 0.099
    0.087 0.062 0.056 0.075 0.087 0.075 0.081 0.081 0.050 0.075 0.068 0.068 0.000`);
  const table4 = rows(`
    0.471 0.444 0.492 0.513 0.432 0.519 0.457 0.479 0.423 0.480 0.501 0.526 0.543
    0.485 0.335 0.470 0.467 0.374 0.456 0.425 0.410 0.418 0.415 0.435 0.462 0.461
    0.496 0.408 0.384 0.488 0.379 0.451 0.424 0.420 0.437 0.430 0.439 0.456 0.467
    0.604 0.467 0.536 0.479 0.483 0.565 0.493 0.488 0.480 0.507 0.528 0.560 0.579
    0.493 0.399 0.449 0.469 0.346 0.481 0.421 0.406 0.401 0.450 0.448 0.470 0.492
    0.489 0.391 0.451 0.471 0.411 0.397 0.418 0.430 0.409 0.414 0.423 0.482 0.483
    0.441 0.357 0.402 0.430 0.366 0.427 0.323 0.372 0.348 0.377 0.391 0.431 0.436
    0.497 0.410 0.454 0.468 0.391 0.469 0.442 0.357 0.384 0.432 0.447 0.480 0.480
    0.538 0.407 0.486 0.507 0.428 0.492 0.452 0.448 0.361 0.454 0.447 0.492 0.520
    0.488 0.387 0.413 0.453 0.397 0.445 0.402 0.398 0.381 0.356 0.434 0.466 0.488
    0.514 0.384 0.453 0.468 0.404 0.459 0.409 0.401 0.380 0.434 0.374 0.480 0.475
    0.535 0.425 0.467 0.504 0.436 0.494 0.443 0.433 0.426 0.461 0.476 0.430 0.533
    0.521 0.409 0.449 0.485 0.435 0.482 0.448 0.443 0.398 0.449 0.454 0.482 0.429`);
  const table5 = rows(`
    0.443 0.453 0.433 0.468
    0.475 0.456 0.438 0.486
    0.444 0.442 0.387 0.449
    0.454 0.455 0.414 0.451`);
  // Table 6, one line per column: r_i, s_i, r_i + s_i, r_i − s_i of D1…D4.
  const table6 = rows(`
    1.796 1.856 1.722 1.774
    1.815 1.806 1.672 1.854
    3.612 3.662 3.394 3.628
    -0.019 0.050 0.050 -0.081`);
  // Table 8 as printed: row i holds column i of W^α.
  const table8 = rows(`
    0.083 0.078 0.086 0.088 0.074 0.089 0.081 0.085 0.075 0.061 0.064 0.067 0.069
    0.093 0.064 0.090 0.091 0.073 0.089 0.082 0.079 0.080 0.061 0.064 0.068 0.068
    0.095 0.078 0.073 0.093 0.073 0.086 0.080 0.079 0.082 0.063 0.064 0.066 0.068
    0.096 0.075 0.085 0.077 0.078 0.091 0.080 0.079 0.078 0.061 0.064 0.068 0.070
    0.094 0.076 0.086 0.089 0.066 0.091 0.081 0.078 0.077 0.063 0.063 0.066 0.069
    0.094 0.075 0.087 0.090 0.079 0.076 0.079 0.081 0.077 0.060 0.061 0.070 0.070
    0.095 0.077 0.086 0.090 0.077 0.090 0.070 0.080 0.075 0.060 0.062 0.069 0.069
    0.094 0.078 0.086 0.090 0.076 0.091 0.084 0.068 0.073 0.061 0.063 0.068 0.068
    0.097 0.073 0.087 0.091 0.077 0.089 0.081 0.080 0.064 0.062 0.061 0.067 0.071
    0.097 0.077 0.082 0.090 0.079 0.088 0.079 0.079 0.075 0.052 0.063 0.068 0.071
    0.097 0.073 0.086 0.090 0.078 0.088 0.080 0.079 0.074 0.063 0.054 0.069 0.069
    0.096 0.076 0.084 0.090 0.078 0.088 0.079 0.078 0.076 0.062 0.064 0.058 0.071
    0.097 0.076 0.083 0.089 0.080 0.088 0.081 0.080 0.072 0.063 0.064 0.068 0.060`);
  // Table 10: global weights (with their printed ranks), dimension weights, local weights.
  const globalWeights = "0.094 0.075 0.085 0.089 0.076 0.088 0.080 0.079 0.075 0.061 0.062 0.067 0.069".split(" ");
  const ranks = [1, 9, 4, 2, 7, 3, 5, 6, 8, 13, 12, 11, 10];
  const dimensionWeights = "0.254 0.253 0.234 0.259".split(" ");
  const localWeights = "0.371 0.295 0.334 0.353 0.299 0.348 0.340 0.337 0.323 0.235 0.241 0.259 0.265".split(" ");

  const r = dematel(A);
  const d = danp(r.total, [
    { id: "D1", members: [0, 1, 2] },
    { id: "D2", members: [3, 4, 5] },
    { id: "D3", members: [6, 7, 8] },
    { id: "D4", members: [9, 10, 11, 12] },
  ]);
  const expectTable = (computed: number[][], printed: string[][], what: string): void => {
    expect(computed.length).toBe(printed.length);
    computed.forEach((row, i) => {
      expect(row.length).toBe(printed[i].length);
      row.forEach((v, j) => expectPrinted(v, printed[i][j], `${what} (${i + 1}, ${j + 1})`));
    });
  };
  const transpose = (m: number[][]): number[][] => m[0].map((_, j) => m.map((row) => row[j]));

  it("λ = 32.2 (the row sum of C4), and Table 3 (D) and Table 4 (T_c) to 3 decimals", () => {
    expect(r.lambda).toBeCloseTo(32.2, 12);
    expectTable(r.normalized, table3, "Table 3, D");
    expectTable(r.total, table4, "Table 4, T_c");
  });

  it("Table 5 (T_D, block means) and Table 6 (r, s, r + s, r − s of T_D) to 3 decimals", () => {
    expectTable(d.clusterTotal, table5, "Table 5, T_D");
    const given = d.clusterTotal.map((row) => row.reduce((a, b) => a + b, 0));
    const received = d.clusterTotal[0].map((_, j) => d.clusterTotal.reduce((a, row) => a + row[j], 0));
    const table6Computed = [given, received, given.map((g, i) => g + received[i]), given.map((g, i) => g - received[i])];
    expectTable(table6Computed, table6, "Table 6");
  });

  it("Table 8 (W^α, printed transposed) to 3 decimals", () => {
    expectTable(transpose(d.weighted), table8, "Table 8, W^α transposed");
  });

  it("Tables 9–10: global weights, their ranks and the dimension weights to 3 decimals; local weights within 1e-3", () => {
    d.weights.forEach((w, i) => expectPrinted(w, globalWeights[i], `global weight C${i + 1}`));
    const order = d.weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w);
    order.forEach(({ i }, k) => expect(ranks[i], `rank of C${i + 1}`).toBe(k + 1));
    d.clusterWeights.forEach((w, I) => expectPrinted(w, dimensionWeights[I], `weight of D${I + 1}`));
    d.localWeights.forEach((w, i) => expect(Math.abs(w - Number(localWeights[i])), `local weight C${i + 1}`).toBeLessThanOrEqual(1e-3));
    for (const row of d.limit) expectClose(row, new Array(13).fill(row[0]), 1e-12);
  });
});
