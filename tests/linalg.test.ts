import { describe, expect, it } from "vitest";
import { fromFlat, luFactor, luSolve, luSolveTransposed, spectralRadius, toFlat } from "../src/linalg/linalg.js";
import { luSolveMatrix } from "../src/linalg/luSolveMatrix.js";
import { expectClose, matmul, randomDirect } from "./helpers.js";

describe("luFactor / luSolve", () => {
  it("solves a hand-computed 3×3 system: [[2,1,1],[4,-6,0],[-2,7,2]] x = [5,-2,9] → x = [1,1,2]", () => {
    // Classic textbook example (Strang, Linear Algebra and its Applications, §1.5): needs a row swap.
    const a = toFlat([
      [2, 1, 1],
      [4, -6, 0],
      [-2, 7, 2],
    ]);
    const piv = new Int32Array(3);
    expect(luFactor(a, 3, piv)).toBeGreaterThan(0);
    const x = Float64Array.from([5, -2, 9]);
    luSolve(a, 3, piv, x, new Float64Array(3));
    expectClose(Array.from(x), [1, 1, 2], 1e-12);
  });

  it("solves Aᵀx = b with the same factorisation", () => {
    const m = [
      [2, 1, 1],
      [4, -6, 0],
      [-2, 7, 2],
    ];
    const a = toFlat(m);
    const piv = new Int32Array(3);
    luFactor(a, 3, piv);
    const x = Float64Array.from([1, 2, 3]);
    luSolveTransposed(a, 3, piv, x, new Float64Array(3));
    // check Aᵀ x = b
    const back = [0, 1, 2].map((j) => m[0][j] * x[0] + m[1][j] * x[1] + m[2][j] * x[2]);
    expectClose(back, [1, 2, 3], 1e-12);
  });

  it("reports 0 for a singular matrix", () => {
    const a = toFlat([
      [1, 2],
      [2, 4],
    ]);
    expect(luFactor(a, 2, new Int32Array(2))).toBeLessThan(1e-15);
  });

  it("solves seeded random systems to 1e-10 (invariant A·x = b)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 2 + (seed % 9);
      const m = randomDirect(n, seed).map((r, i) => r.map((v, j) => (i === j ? 10 : v)));
      const a = toFlat(m);
      const piv = new Int32Array(n);
      luFactor(a, n, piv);
      const b = Array.from({ length: n }, (_, i) => i - n / 2);
      const x = Float64Array.from(b);
      luSolve(a, n, piv, x, new Float64Array(n));
      expectClose(
        matmul(
          m,
          Array.from(x, (v) => [v]),
        ).map((r) => r[0]),
        b,
        1e-10,
      );
    }
  });

  it("toFlat and fromFlat round-trip", () => {
    const m = randomDirect(5, 7);
    expect(fromFlat(toFlat(m), 5)).toEqual(m);
  });
});

describe("spectralRadius", () => {
  it("is the Perron root of hand-computed cases", () => {
    expect(
      spectralRadius([
        [0, 1],
        [1, 0],
      ]),
    ).toBeCloseTo(1, 10); // periodic: eigenvalues ±1
    expect(
      spectralRadius([
        [0, 0.5],
        [0.5, 0],
      ]),
    ).toBeCloseTo(0.5, 10);
    expect(
      spectralRadius([
        [2, 1],
        [1, 2],
      ]),
    ).toBeCloseTo(3, 10);
    // reducible: block radii 0.2 and 0.9
    expect(
      spectralRadius([
        [0.2, 0.3],
        [0, 0.9],
      ]),
    ).toBeCloseTo(0.9, 9);
    expect(spectralRadius([[0]])).toBe(0);
    // periodic 3-cycle: N³ = I/2, so ρ = ∛½ (an early exit once returned 1 here)
    expect(
      spectralRadius([
        [0, 1, 0],
        [0, 0, 1],
        [0.5, 0, 0],
      ]),
    ).toBeCloseTo(Math.cbrt(0.5), 9);
  });
  it("equals 1 for a matrix with equal row sums normalised by that sum", () => {
    expect(
      spectralRadius([
        [0, 0.5, 0.5],
        [0.25, 0, 0.75],
        [1, 0, 0],
      ]),
    ).toBeCloseTo(1, 10);
  });
  it("rejects negative entries", () => {
    expect(() =>
      spectralRadius([
        [0, -1],
        [1, 0],
      ]),
    ).toThrow(RangeError);
  });
});

describe("luSolveMatrix: all columns at once, the same to the last bit as luSolve per column", () => {
  it("on 30 seeded systems of sizes 1–60 (I − N with N a normalised random direct matrix, and a general matrix)", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 1 + ((seed * 7) % 60);
      const A = randomDirect(n, seed);
      const lambda = Math.max(1, ...A.map((r) => r.reduce((s, v) => s + v, 0)));
      const M = toFlat(A.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - (seed % 2 === 0 ? v / lambda : v - 2))));
      const piv = new Int32Array(n);
      luFactor(M, n, piv);
      const B = toFlat(randomDirect(n, seed + 100));
      const byColumn = B.slice();
      const col = new Float64Array(n);
      const work = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) col[i] = B[i * n + j];
        luSolve(M, n, piv, col, work);
        for (let i = 0; i < n; i++) byColumn[i * n + j] = col[i];
      }
      const all = B.slice();
      luSolveMatrix(M, n, piv, all);
      expect(all).toEqual(byColumn);
    }
  });
  it("hand-checked 2×2: diag(2, 4) X = [[2, 4], [8, 4]] gives X = [[1, 2], [2, 1]]", () => {
    const B = Float64Array.of(2, 4, 8, 4);
    luSolveMatrix(Float64Array.of(2, 0, 0, 4), 2, Int32Array.of(0, 1), B);
    expect([...B]).toEqual([1, 2, 2, 1]);
  });
});
