import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fuzzyDematel, type FuzzyMatrix, type TriangularFuzzyNumber } from "../src/core/fuzzyDematel.js";
import { FUZZY_FIVE_TERM_SCALE, fuzzyMatrixOf } from "../src/core/linguisticScale.js";
import type { Matrix } from "../src/types.js";
import { deepFreeze, expectClose } from "./helpers.js";

// Fuzzy DEMATEL, defuzzify-last, on a published input, cross-checked against an INDEPENDENT IMPLEMENTATION (not
// against a published result: the paper's output tables are not reachable with the project's search tools, see
// docs/methods.md §2.12).
//
// Input: the marine experts' consensus linguistic matrix of 18 hazards of Akyuz & Celik (2015, Journal of Loss
// Prevention in the Process Industries 38, 243–253), as transcribed by pyDEMATEL (Chekry et al., SoftwareX;
// repository achekry/-Elsevier-SoftwareX-pyDEMATEL, README and FuzzyDEMATELSolver.testFuction), in the five-term
// scale of docs/methods.md §2.11. Expected values: pyDEMATEL's FuzzyDEMATELSolver steps 1–4 (the same numpy
// operations, numpy 2.4.6), run on the matrix with its diagonal set to (0, 0, 0), stored with the input in
// tests/fixtures/published/akyuz-celik-2015-fuzzy-consensus.json.
//
// What the two implementations share, and so what this pins: λ = the larger of the largest row and column sum of
// the u matrix, one divisor for l, m and u, and T = N(I − N)⁻¹ for each limit. What they do not share: pyDEMATEL
// makes D and R crisp as (l + m + u)/3 of the fuzzy row and column sums of T, we make T crisp by CFCS; so our
// crisp T is not cross-checked here (the centroid D and R are recomputed from our T_l, T_m, T_u instead).
// Tolerance 1e-12: both sides are double precision, numpy inverts I − N by LU, we solve by our own elimination.

interface Fixture {
  components: string[];
  codes: Matrix;
  crossCheck: { lambda: number; lower: Matrix; middle: Matrix; upper: Matrix; given: number[]; received: number[] };
  asPublishedDiagonal: { lambda: number; relation: number[] };
}

const fixture = deepFreeze(
  JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "published", "akyuz-celik-2015-fuzzy-consensus.json"), "utf8")) as Fixture,
);
const TOL = 1e-12;
const panel: FuzzyMatrix[] = [fuzzyMatrixOf(fixture.codes, FUZZY_FIVE_TERM_SCALE)];
const r = fuzzyDematel(panel, { order: "defuzzify-last", components: fixture.components });

/** (l + m + u)/3 of the row sums (`"rows"`) or column sums (`"columns"`) of the three limit matrices of T. */
function centroidSums(parts: readonly Matrix[], of: "rows" | "columns"): number[] {
  const sum = (x: Matrix, i: number): number => (of === "rows" ? x[i].reduce((s, v) => s + v, 0) : x.reduce((s, row) => s + row[i], 0));
  return parts[0].map((_, i) => (sum(parts[0], i) + sum(parts[1], i) + sum(parts[2], i)) / 3);
}

describe("fuzzy DEMATEL (defuzzify-last) on Akyuz & Celik (2015)'s consensus matrix vs pyDEMATEL", () => {
  it("the transcribed matrix is 18×18 and every cell is a term of the five-term scale", () => {
    expect(fixture.codes).toHaveLength(18);
    for (const row of fixture.codes) {
      expect(row).toHaveLength(18);
      for (const c of row) expect([0, 1, 2, 3, 4]).toContain(c);
    }
  });

  it("λ = 14.5, the largest row or column sum of the u matrix without its diagonal, as pyDEMATEL's", () => {
    expect(r.dematel.lambda).toBe(fixture.crossCheck.lambda);
    expect(r.dematel.lambda).toBe(14.5);
  });

  it("T_l, T_m and T_u equal pyDEMATEL's to 1e-12", () => {
    expectClose(r.lower!, fixture.crossCheck.lower, TOL);
    expectClose(r.middle!, fixture.crossCheck.middle, TOL);
    expectClose(r.upper!, fixture.crossCheck.upper, TOL);
  });

  it("the centroid D and R of our T limits equal pyDEMATEL's R and C to 1e-12", () => {
    const parts = [r.lower!, r.middle!, r.upper!];
    expectClose(centroidSums(parts, "rows"), fixture.crossCheck.given, TOL);
    expectClose(centroidSums(parts, "columns"), fixture.crossCheck.received, TOL);
  });

  it("the source's (0, 0, 0.25) diagonal is read as zero: pyDEMATEL keeps it and divides by 14.75 instead", () => {
    // The source puts the term "No influence" (0, 0, 0.25) on the diagonal; we read the diagonal as (0, 0, 0) whatever
    // it holds (docs/methods.md §2.9), so a panel whose diagonal is "No" gives exactly the zero-diagonal result.
    const asGiven: FuzzyMatrix = fixture.codes.map((row, i) =>
      row.map((c, j) => (i === j ? ([0, 0, 0.25] as TriangularFuzzyNumber) : (FUZZY_FIVE_TERM_SCALE.terms[c].tfn as TriangularFuzzyNumber))),
    );
    const withDiagonal = fuzzyDematel([asGiven], { order: "defuzzify-last", components: fixture.components });
    expect(withDiagonal.dematel.total).toEqual(r.dematel.total);
    expect(fixture.asPublishedDiagonal.lambda).toBe(14.75);
    expect(withDiagonal.dematel.lambda).not.toBe(fixture.asPublishedDiagonal.lambda);
  });

  it("our crisp result is internally consistent: D + R and D − R of the CFCS-crisp T", () => {
    const t = r.dematel.total;
    const d = t.map((row) => row.reduce((s, v) => s + v, 0));
    const c = t[0].map((_, j) => t.reduce((s, row) => s + row[j], 0));
    expectClose(
      r.dematel.prominence,
      d.map((v, i) => v + c[i]),
      TOL,
    );
    expectClose(
      r.dematel.relation,
      d.map((v, i) => v - c[i]),
      TOL,
    );
  });
});
