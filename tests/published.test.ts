import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dematel, type Matrix } from "../src/index.js";
import { expectPrinted } from "./helpers.js";

// Published DEMATEL worked examples, reproduced from their printed input with
// dematel(). Each fixture in tests/fixtures/published/ names the book or paper
// the example comes from and the document whose printed digits are compared.
// Tolerance: half a unit in the last printed digit of each value (a printed
// "0.4889668" is checked to ±5e-8), plus 1e-15 for the binary rounding of the
// boundary itself.

const dir = join(process.cwd(), "tests", "fixtures", "published");

interface Fixture {
  id: string;
  citation: string;
  printedIn: string;
  components: string[];
  direct: Matrix;
  printed: Record<string, unknown>;
}

function load(name: string): Fixture {
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as Fixture;
}

describe("published DEMATEL examples", () => {
  it("the fixture folder holds at least two cited examples", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const fx = load(f);
      expect(fx.citation.length).toBeGreaterThan(20);
      expect(fx.printedIn.length).toBeGreaterThan(20);
    }
  });

  describe("Celikbilek & Ozdemir (2020), medical device selection, as printed by the R package dematel 0.1.0 vignette", () => {
    // Input: the 5×5 direct-relation matrix dematel::medicaldevice (integers 0–4).
    // Printed: N (5 decimals), T (7 significant digits), ci = D, ri = R, c+r, c−r, threshold = mean of all 25 t_ij.
    const fx = load("celikbilek-ozdemir-2020-medical-device.json");
    const p = fx.printed as {
      normalized: string[][];
      total: string[][];
      given: string[];
      received: string[];
      prominence: string[];
      relation: string[];
      thresholdValue: string;
      causes: string[];
      effects: string[];
      edgesAboveThreshold: [string, string][];
    };
    // Unrounded analysis of the integer input.
    const r = dematel(fx.direct, { components: fx.components });
    // Why the printed T, D, R and threshold differ from `r` in the 6th decimal: the package rounds N
    // to 5 decimals before solving for T (R/normalize_data.R: `round(x/maximum_of_rows_and_column, 5)`,
    // then R/total_relationship_matrix.R: `N %*% solve(I - N)`). Feeding the printed, rounded N to
    // dematel() as a one-expert matrix reproduces every printed digit; its largest row sum is
    // 0.15385 + 0.30769 + 0.23077 + 0.30769 = 1.00000, so λ = 1 and N is used as printed.
    const printedN = p.normalized.map((row) => row.map(Number));
    const fromPrinted = dematel(printedN, { components: fx.components });

    it("λ = 13 (largest row sum = largest column sum = 13) and N to 5 decimals", () => {
      expect(r.lambda).toBe(13);
      p.normalized.forEach((row, i) => row.forEach((v, j) => expectPrinted(r.normalized[i][j], v, `N[${i}][${j}]`)));
      expect(Math.abs(fromPrinted.lambda - 1)).toBeLessThan(1e-12);
    });

    it("T to the printed digits, from the package's rounded N", () => {
      p.total.forEach((row, i) => row.forEach((v, j) => expectPrinted(fromPrinted.total[i][j], v, `T[${i}][${j}]`)));
    });

    it("D (ci), R (ri), D+R and D−R to the printed digits, from the package's rounded N", () => {
      p.given.forEach((v, i) => expectPrinted(fromPrinted.given[i], v, `D[${i}]`));
      p.received.forEach((v, i) => expectPrinted(fromPrinted.received[i], v, `R[${i}]`));
      p.prominence.forEach((v, i) => expectPrinted(fromPrinted.prominence[i], v, `D+R[${i}]`));
      p.relation.forEach((v, i) => expectPrinted(fromPrinted.relation[i], v, `D−R[${i}]`));
    });

    it("the unrounded analysis differs from the printed values only by that rounding (< 3e-5)", () => {
      // Largest differences seen: T 7e-6, D 1e-5, R 2e-5; the rounding of N moves entries by up to 5e-6.
      p.total.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(r.total[i][j] - Number(v))).toBeLessThan(3e-5)));
      p.given.forEach((v, i) => expect(Math.abs(r.given[i] - Number(v))).toBeLessThan(3e-5));
      p.received.forEach((v, i) => expect(Math.abs(r.received[i] - Number(v))).toBeLessThan(3e-5));
      expect(Math.abs(r.threshold.value - Number(p.thresholdValue))).toBeLessThan(3e-5);
    });

    it("causes K1, K4, K5 and effects K2, K3, as the vignette reads the diagram", () => {
      expect(fx.components.filter((_, i) => r.role[i] === "cause")).toEqual(p.causes);
      expect(fx.components.filter((_, i) => r.role[i] === "effect")).toEqual(p.effects);
    });

    it("threshold = mean of all n² entries of T = 0.3259608, and the same map without the self-loop K1→K1", () => {
      expect(fromPrinted.threshold.method).toBe("mean");
      expectPrinted(fromPrinted.threshold.value, p.thresholdValue, "threshold");
      // The package lists t_ij ≥ α including the diagonal; our map keeps t_ij > α off the diagonal.
      const expected = p.edgesAboveThreshold
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => `${a}→${b}`)
        .sort();
      expect(fromPrinted.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(expected);
      expect(r.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(expected);
    });
  });

  describe("Celikbilek (2018), 10-criteria example, as asserted by JMcDM (test/mcdm/testdematel.jl)", () => {
    // Input: 10×10 direct-relation matrix (integers 0–4). Printed: D (result.c) and R (result.r) to
    // 7 decimals, the mean threshold to 6 decimals, the 0/1 influence matrix t_ij > threshold, and the
    // weights √((D+R)² + (D−R)²)/Σ as full double-precision output.
    const fx = load("celikbilek-2018-ten-criteria.json");
    const p = fx.printed as { given: string[]; received: string[]; thresholdValue: string; influence: number[][]; weights: string[] };
    const r = dematel(fx.direct, { components: fx.components });

    it("D and R to 7 decimals, threshold to 6", () => {
      p.given.forEach((v, i) => expectPrinted(r.given[i], v, `D[${i}]`));
      p.received.forEach((v, i) => expectPrinted(r.received[i], v, `R[${i}]`));
      expectPrinted(r.threshold.value, p.thresholdValue, "threshold");
    });

    it("the influence matrix off the diagonal equals our impact-relation map", () => {
      const printed: string[] = [];
      p.influence.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === 1 && i !== j) printed.push(`${fx.components[i]}→${fx.components[j]}`);
        }),
      );
      expect(r.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(printed.sort());
      // and the printed diagonal is all 0: no t_ii exceeds the threshold here
      r.total.forEach((row, i) => expect(row[i] > r.threshold.value).toBe(p.influence[i][i] === 1));
    });

    it("weights agree with the independent implementation to 1e-12 (machine output, not rounded)", () => {
      p.weights.forEach((v, i) => expect(Math.abs(r.weights[i] - Number(v))).toBeLessThan(1e-12));
    });
  });
});
