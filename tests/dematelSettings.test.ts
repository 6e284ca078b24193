// resolveSettings: every DEMATEL choice resolved and checked once (docs/methods.md §2 defaults).
import { describe, expect, it } from "vitest";
import { resolveSettings } from "../src/index.js";

describe("resolveSettings(given, expertCount, defaults)", () => {
  it("fills the documented defaults: classic, 0–4, weighted mean, max normalisation, ε = 0, mean threshold", () => {
    const s = resolveSettings();
    expect(s).toEqual({
      method: "classic",
      scale: { min: 0, max: 4 },
      aggregation: "mean",
      weights: undefined,
      normalization: "max",
      epsilon: 0,
      threshold: { method: "mean" },
    });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.threshold)).toBe(true);
  });

  it("keeps what is given, the threshold's method first as results.json lists it", () => {
    const s = resolveSettings({ aggregation: "median", normalization: "row", epsilon: 0.5, threshold: { q: 0.8, method: "quantile" }, weights: [1, 2] }, 2);
    expect(s.aggregation).toBe("median");
    expect(s.normalization).toBe("row");
    expect(s.epsilon).toBe(0.5);
    expect(Object.keys(s.threshold)).toEqual(["method", "q"]);
    expect(s.weights).toEqual([1, 2]);
    expect(resolveSettings({ threshold: { method: undefined, k: 2 } }).threshold).toEqual({ method: "mean", k: 2 });
  });

  it("uses context defaults under the input (a survey's scale and weights), the input winning", () => {
    const s = resolveSettings({ weights: [3, 1] }, 2, { scale: { min: 1, max: 7 }, weights: [1, 1] });
    expect(s.scale).toEqual({ min: 1, max: 7 });
    expect(s.weights).toEqual([3, 1]);
  });

  it("returns a resolved object as it is: checked once, never copied again", () => {
    const s = resolveSettings({ aggregation: "median" });
    expect(resolveSettings(s)).toBe(s);
    expect(resolveSettings(s, 5, { aggregation: "mean" })).toBe(s);
    const w = resolveSettings({ weights: [1, 1, 1] });
    expect(() => resolveSettings(w, 4)).toThrow(/one weight per expert is needed: 4 experts, 3 weights/);
  });

  it("does not keep a reference to the caller's weights", () => {
    const weights = [1, 2, 3];
    const s = resolveSettings({ weights });
    weights[0] = 99;
    expect(s.weights).toEqual([1, 2, 3]);
  });

  it("refuses each bad setting with its name and the value found", () => {
    expect(() => resolveSettings({ aggregation: "mode" as never })).toThrow(/unknown aggregation method "mode": use "mean" or "median"/);
    expect(() => resolveSettings({ normalization: "sum" as never })).toThrow(/unknown normalization "sum"/);
    expect(() => resolveSettings({ method: "bayesian" as never })).toThrow(/unknown DEMATEL method "bayesian"/);
    expect(() => resolveSettings({ epsilon: -1 })).toThrow(/epsilon must be a finite non-negative number, got -1/);
    expect(() => resolveSettings({ epsilon: NaN })).toThrow(RangeError);
    expect(() => resolveSettings({ scale: { min: 4, max: 0 } })).toThrow(/scale/);
    expect(() => resolveSettings({ weights: [1, -1] })).toThrow(/finite and non-negative, got -1/);
    expect(() => resolveSettings({ weights: [0, 0] })).toThrow(/must not all be zero/);
    expect(() => resolveSettings({ weights: [1, 2] }, 3)).toThrow(/3 experts, 2 weights/);
  });
});

describe("resolveSettings checks the threshold rule once, at the boundary (docs/methods.md §2.5)", () => {
  it("refuses each invalid rule with threshold()'s own words, before any matrix exists", () => {
    const bad: Array<[object, RegExp]> = [
      [{ method: "median" }, /unknown threshold method "median"/],
      [{ method: "mean", entries: "diagonal" }, /threshold entries must be "all" or "offDiagonal", got "diagonal"/],
      [{ method: "fixed" }, /a fixed threshold needs a finite value/],
      [{ method: "fixed", value: Infinity }, /a fixed threshold needs a finite value/],
      [{ method: "mean+sd", k: NaN }, /k must be finite, got NaN/],
      [{ method: "mean+sd", sd: "robust" }, /sd must be "population" or "sample", got "robust"/],
      [{ method: "quantile", q: 1.5 }, /quantile q must be in \[0, 1\], got 1.5/],
    ];
    for (const [threshold, message] of bad) expect(() => resolveSettings({ threshold } as never)).toThrow(message);
  });

  it("accepts every valid rule and keeps its parameters", () => {
    expect(resolveSettings({ threshold: { method: "quantile", q: 0 } }).threshold).toEqual({ method: "quantile", q: 0 });
    expect(resolveSettings({ threshold: { method: "fixed", value: -1 } }).threshold).toEqual({ method: "fixed", value: -1 });
    expect(resolveSettings({ threshold: { method: "mean+sd", k: 0.5, sd: "sample", entries: "offDiagonal" } }).threshold.method).toBe("mean+sd");
    expect(resolveSettings({ threshold: { method: "mmde" } }).threshold).toEqual({ method: "mmde" });
  });
});
