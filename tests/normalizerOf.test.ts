// The one λ rule (docs/methods.md §2.2), shared by normalize() and the resampling kernel.
import { describe, expect, it } from "vitest";
import { normalize } from "../src/index.js";
import { normalizerOf } from "../src/core/normalizerOf.js";
import { createDematelKernel } from "../src/core/dematelKernel.js";
import { randomDirect } from "./helpers.js";

describe("normalizerOf(flat, n, method, epsilon)", () => {
  // Hand-computed: A = [[0,3,2],[1,0,3],[0,3,0]] has row sums 5, 4, 3 and column sums 1, 6, 5;
  // B = [[0,4,3],[1,0,1],[1,1,0]] has row sums 7, 2, 2 and column sums 2, 5, 4.
  const A = Float64Array.of(0, 3, 2, 1, 0, 3, 0, 3, 0);
  const B = Float64Array.of(0, 4, 3, 1, 0, 1, 1, 1, 0);

  it("max: the larger of the largest row sum and the largest column sum (A: 6 from a column, B: 7 from a row)", () => {
    expect(normalizerOf(A, 3, "max", 0)).toBe(6);
    expect(normalizerOf(B, 3, "max", 0)).toBe(7);
  });

  it("row and column: their own largest sum (A: 5 and 6; B: 7 and 5)", () => {
    expect(normalizerOf(A, 3, "row", 0)).toBe(5);
    expect(normalizerOf(A, 3, "column", 0)).toBe(6);
    expect(normalizerOf(B, 3, "row", 0)).toBe(7);
    expect(normalizerOf(B, 3, "column", 0)).toBe(5);
  });

  it("adds ε after taking λ: 6 + 0.5 = 6.5", () => {
    expect(normalizerOf(A, 3, "max", 0.5)).toBe(6.5);
  });

  it("is NaN when there is nothing to normalise: every sum 0 (even with ε > 0), a negative or a NaN entry", () => {
    expect(normalizerOf(new Float64Array(4), 2, "max", 0)).toBeNaN();
    expect(normalizerOf(new Float64Array(4), 2, "max", 1)).toBeNaN();
    expect(normalizerOf(Float64Array.of(0, -1, 1, 0), 2, "max", 0)).toBeNaN();
    expect(normalizerOf(Float64Array.of(0, NaN, 1, 0), 2, "row", 0)).toBeNaN();
  });

  it("throws a RangeError on an unknown method", () => {
    expect(() => normalizerOf(A, 3, "sum" as never, 0)).toThrow(/unknown normalisation "sum"/);
  });

  it("is the λ of normalize() on seeded random matrices, every method and ε", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = randomDirect(7, seed);
      for (const method of ["max", "row", "column"] as const) {
        for (const epsilon of [0, 0.25]) expect(normalizerOf(Float64Array.from(a.flat()), 7, method, epsilon)).toBe(normalize(a, { method, epsilon }).lambda);
      }
    }
  });

  it("makes the kernel refuse what normalize() refuses: an all-zero matrix, even with ε > 0", () => {
    expect(() =>
      normalize(
        [
          [0, 0],
          [0, 0],
        ],
        { epsilon: 1 },
      ),
    ).toThrow(/all zeros/);
    const k = createDematelKernel([0, 1], "max", 1);
    expect(k.run()).toBe(false);
  });
});
