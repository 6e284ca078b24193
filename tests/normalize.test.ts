import { describe, expect, it } from "vitest";
import { normalize } from "../src/index.js";
import { deepFreeze, expectClose, randomDirect } from "./helpers.js";

describe("normalize(A)", () => {
  // Row sums 5, 4, 3; column sums 3, 4, 5... hand-built so that row and column rules differ.
  const a = [
    [0, 3, 2],
    [1, 0, 3],
    [0, 3, 0],
  ];
  // row sums: 5, 4, 3 → 5; column sums: 1, 6, 5 → 6

  it("divides by max(largest row sum, largest column sum) by default", () => {
    const r = normalize(a);
    expect(r.lambda).toBe(6);
    expect(r.method).toBe("max");
    expectClose(
      r.normalized,
      a.map((row) => row.map((v) => v / 6)),
      1e-15,
    );
  });

  it("row and column modes use their own largest sum", () => {
    expect(normalize(a, { method: "row" }).lambda).toBe(5);
    expect(normalize(a, { method: "column" }).lambda).toBe(6);
  });

  it("adds ε to λ only when asked", () => {
    expect(normalize(a, { epsilon: 0.5 }).lambda).toBe(6.5);
  });

  it("invariant: after max normalisation no row or column sums above 1, and one equals 1", () => {
    for (let s = 1; s <= 10; s++) {
      const n = normalize(randomDirect(7, s)).normalized;
      const sums = [...n.map((r) => r.reduce((x, y) => x + y, 0)), ...n.map((_, j) => n.reduce((x, r) => x + r[j], 0))];
      expect(Math.max(...sums)).toBeCloseTo(1, 14);
    }
  });

  it("does not mutate its input", () => {
    expect(() => normalize(deepFreeze(randomDirect(4, 3)))).not.toThrow();
  });

  it("rejects all-zero, negative and non-square input and unknown modes", () => {
    expect(() =>
      normalize([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(/all zeros/);
    expect(() =>
      normalize([
        [0, -1],
        [1, 0],
      ]),
    ).toThrow(/negative/);
    expect(() => normalize([[0, 1]])).toThrow(RangeError);
    expect(() => normalize(a, { method: "sum" as never })).toThrow(/unknown normalisation/);
    expect(() => normalize(a, { epsilon: -1 })).toThrow(RangeError);
  });
});
