import { describe, expect, it } from "vitest";
import { quantileType7, threshold } from "../src/index.js";

// T chosen so every statistic is easy by hand: entries 0..8.
const t = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
];

describe("threshold(T)", () => {
  it("mean of all n² entries by default (Tzeng et al. 2007): 36/9 = 4", () => {
    expect(threshold(t)).toEqual({ method: "mean", value: 4, settings: { entries: "all" } });
  });

  it("off-diagonal mean leaves out 0, 4, 8: 24/6 = 4", () => {
    expect(threshold(t, { entries: "offDiagonal" }).value).toBe(4);
    expect(
      threshold(
        [
          [1, 2],
          [3, 10],
        ],
        { entries: "offDiagonal" },
      ).value,
    ).toBe(2.5);
  });

  it("mean + k·sd: population sd of 0..8 is √(60/9), sample sd √(60/8)", () => {
    expect(threshold(t, { method: "mean+sd" }).value).toBeCloseTo(4 + Math.sqrt(60 / 9), 14);
    expect(threshold(t, { method: "mean+sd", sd: "sample", k: 0.5 }).value).toBeCloseTo(4 + 0.5 * Math.sqrt(60 / 8), 14);
  });

  it("quantile interpolates linearly (R type 7): q = 0.75 of 0..8 is 6, q = 0.3 is 2.4", () => {
    expect(threshold(t, { method: "quantile" }).value).toBe(6);
    expect(threshold(t, { method: "quantile", q: 0.3 }).value).toBeCloseTo(2.4, 14);
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBe(2.5); // R: quantile(1:4, 0.5) = 2.5
  });

  it("fixed returns the given value", () => {
    expect(threshold(t, { method: "fixed", value: 0.3 }).value).toBe(0.3);
  });

  it("throws RangeError on bad settings", () => {
    expect(() => threshold(t, { method: "fixed" })).toThrow(/fixed threshold needs/);
    expect(() => threshold(t, { method: "quantile", q: 2 })).toThrow(/^quantile q must be in \[0, 1\], got 2$/);
    expect(() => threshold(t, { method: "quantile", q: NaN })).toThrow(RangeError);
    expect(() => threshold(t, { method: "median" as never })).toThrow(/unknown threshold/);
    expect(() => threshold([[1]], { entries: "offDiagonal" })).toThrow(/no off-diagonal/);
    expect(() => threshold(t, { entries: "diag" as never })).toThrow(RangeError);
  });
});
