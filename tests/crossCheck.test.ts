/**
 * Independent-implementation cross-checks: the package's own typed-array code
 * against mathjs (matrix inverse, eigenvalues) and simple-statistics (mean,
 * standard deviations, median) on seeded random inputs. These two libraries
 * are the project's test oracles; nothing at run time depends on them.
 */
import { describe, expect, it } from "vitest";
import * as math from "mathjs";
import * as ss from "simple-statistics";
import { aggregate, createRandom, dematel, normalize, threshold, totalRelation, type Matrix } from "../src/index.js";
import { spectralRadius } from "../src/linalg/linalg.js";
import { thresholdEntries } from "../src/core/threshold.js";
import { expectClose, randomDirect } from "./helpers.js";

/** T = N (I − N)⁻¹ computed the textbook way, with mathjs' inverse. */
function mathjsTotal(n: Matrix): Matrix {
  const size = n.length;
  const iMinusN = math.subtract(math.identity(size), math.matrix(n)) as math.Matrix;
  return (math.multiply(math.matrix(n), math.inv(iMinusN)) as math.Matrix).toArray() as Matrix;
}

describe("cross-check against mathjs", () => {
  it("totalRelation equals N·inv(I − N) from mathjs to 1e-12 on 30 seeded matrices (n = 2..11)", () => {
    // ε = 0.5 on λ keeps every random case feasible (a random 2×2 with equal entries has ρ(N) = 1).
    for (let seed = 1; seed <= 30; seed++) {
      const n = normalize(randomDirect(2 + (seed % 10), seed), { epsilon: 0.5 }).normalized;
      expectClose(totalRelation(n).total, mathjsTotal(n), 1e-12);
    }
  });

  it("spectralRadius equals the largest |eigenvalue| from mathjs.eigs to 1e-8 on seeded matrices", () => {
    // mathjs' QR iteration does not converge on every non-symmetric matrix; those are skipped,
    // and at least 15 of the 30 must be compared.
    let compared = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const n = normalize(randomDirect(3 + (seed % 6), 100 + seed)).normalized;
      let values: (number | math.Complex)[];
      try {
        values = math.eigs(n, { eigenvectors: false }).values as unknown as (number | math.Complex)[];
      } catch {
        continue;
      }
      const rho = Math.max(...values.map((v) => (typeof v === "number" ? Math.abs(v) : (math.abs(v) as unknown as number))));
      expect(Math.abs(spectralRadius(n) - rho)).toBeLessThan(1e-8);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  });
});

describe("cross-check against simple-statistics", () => {
  it("threshold mean and mean+sd (population and sample) equal simple-statistics' mean and standard deviations", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const t = dematel(randomDirect(7, seed)).total;
      for (const entries of ["all", "offDiagonal"] as const) {
        const xs = thresholdEntries(t, entries);
        expect(threshold(t, { entries }).value).toBeCloseTo(ss.mean(xs), 13);
        expect(threshold(t, { method: "mean+sd", entries }).value).toBeCloseTo(ss.mean(xs) + ss.standardDeviation(xs), 13);
        expect(threshold(t, { method: "mean+sd", sd: "sample", k: 2, entries }).value).toBeCloseTo(ss.mean(xs) + 2 * ss.sampleStandardDeviation(xs), 13);
      }
    }
  });

  it("median aggregation equals simple-statistics' median cell by cell (odd and even panel sizes)", () => {
    const rng = createRandom(9);
    for (const K of [3, 4, 7, 10]) {
      const panel = Array.from({ length: K }, () => randomDirect(5, rng.int(1e6)));
      const med = aggregate(panel, { method: "median" });
      for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (i !== j) expect(med[i][j]).toBe(ss.median(panel.map((x) => x[i][j])));
    }
  });
});
