/**
 * The one type-7 quantile rule (src/stats/quantileType7.ts: quantileType7By) and its two users:
 * quantileType7 (sorted input; the threshold's `quantile` method) and quantileSelect (quickselect,
 * the bootstrap intervals). Further cases: tests/uncertaintyKernel.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../src/index.js";
import { quantileType7, quantileType7By } from "../src/stats/quantileType7.js";
import { quantileSelect } from "../src/stats/quantileSelect.js";

describe("quantileType7(sorted, p)", () => {
  it("matches R's quantile(1:10, c(0.025, 0.5, 0.95)) = 1.225, 5.5, 9.55 (type 7, R's default)", () => {
    const x = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quantileType7(x, 0.025)).toBeCloseTo(1.225, 14);
    expect(quantileType7(x, 0.5)).toBe(5.5);
    expect(quantileType7(x, 0.95)).toBeCloseTo(9.55, 14);
  });

  it("matches Excel's PERCENTILE.INC documentation example: {1, 3, 2, 4} at 0.3 → 1.9", () => {
    // Microsoft support, "PERCENTILE.INC function": =PERCENTILE.INC(A2:A5, 0.3) on 1, 3, 2, 4 returns 1.9.
    // By hand: h = 3·0.3 = 0.9, Q = 1 + 0.9·(2 − 1).
    expect(quantileType7([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 15);
  });

  it("returns the extremes at p = 0 and 1, the value itself for one value, and handles ties", () => {
    expect(quantileType7([2, 5, 9], 0)).toBe(2);
    expect(quantileType7([2, 5, 9], 1)).toBe(9);
    expect(quantileType7([7], 0.3)).toBe(7);
    expect(quantileType7([1, 3, 3, 3, 8], 0.4)).toBe(3); // h = 1.6 between two tied values
    expect(quantileType7([1, 3, 3, 8], 0.9)).toBeCloseTo(6.5, 14); // h = 2.7: 3 + 0.7·5
  });

  it("uses only the first `count` values", () => {
    expect(quantileType7([1, 2, 3, 100], 1, 3)).toBe(3);
  });

  it("throws RangeError on no values and on p outside [0, 1] or NaN", () => {
    expect(() => quantileType7([], 0.5)).toThrow(/^quantileType7 requires at least one value$/);
    expect(() => quantileType7([1, 2], 1.5)).toThrow(/^quantileType7: p must be in \[0, 1\], got 1.5$/);
    expect(() => quantileType7([1, 2], NaN)).toThrow(RangeError);
    expect(() => quantileType7([1, 2], -0.1)).toThrow(RangeError);
  });
});

describe("quantileType7By(count, p, orderStatistic, caller)", () => {
  it("asks for x₍⌊h⌋₎ first and for x₍⌊h⌋+1₎ only when h is fractional", () => {
    const asked: number[] = [];
    const x = [10, 20, 30, 40, 50];
    const at = (k: number) => (asked.push(k), x[k]);
    expect(quantileType7By(5, 0.3, at, "q")).toBe(22); // h = 1.2
    expect(asked).toEqual([1, 2]);
    asked.length = 0;
    expect(quantileType7By(5, 0.5, at, "q")).toBe(30); // h = 2
    expect(asked).toEqual([2]);
    asked.length = 0;
    expect(quantileType7By(5, 1, at, "q")).toBe(50);
    expect(asked).toEqual([4]);
  });

  it("names its caller in the errors", () => {
    expect(() => quantileType7By(0, 0.5, () => 0, "myQuantile")).toThrow(/^myQuantile requires at least one value$/);
    expect(() => quantileType7By(3, 2, () => 0, "myQuantile")).toThrow(/^myQuantile: p must be in \[0, 1\], got 2$/);
  });
});

describe("quantileSelect(values, start, count, p)", () => {
  it("gives the Excel example's 1.9 on unsorted input", () => {
    expect(quantileSelect(Float64Array.of(4, 1, 3, 2), 0, 4, 0.3)).toBeCloseTo(1.9, 15);
  });

  it("equals quantileType7 of the sorted segment bit for bit on seeded data with ties, and touches nothing outside it", () => {
    const rng = createRandom(17);
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + rng.int(40);
      const start = rng.int(4);
      const values = new Float64Array(start + count + 2).fill(-7);
      for (let i = 0; i < count; i++) values[start + i] = trial % 2 ? rng.normal() : rng.int(5);
      const sorted = Array.from(values.subarray(start, start + count)).sort((a, b) => a - b);
      for (const p of [0, 0.025, 0.25, 0.5, 0.975, 1, rng.next()])
        expect(Object.is(quantileSelect(values, start, count, p), quantileType7(sorted, p))).toBe(true);
      for (let i = 0; i < start; i++) expect(values[i]).toBe(-7);
      expect(values[start + count]).toBe(-7);
    }
  });

  it("throws RangeError on an empty segment and on p outside [0, 1]", () => {
    expect(() => quantileSelect(new Float64Array(3), 1, 0, 0.5)).toThrow(/^quantileSelect requires at least one value$/);
    expect(() => quantileSelect(new Float64Array(3), 0, 3, 1.01)).toThrow(/^quantileSelect: p must be in \[0, 1\], got 1.01$/);
  });
});
