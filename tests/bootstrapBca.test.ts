import { describe, expect, it } from "vitest";
import { bcaLevels } from "../src/stats/bcaLevels.js";

describe("bcaLevels(below, equal, used, jackknife, lowP, highP) (internal)", () => {
  it("hand case: jackknife [1, 2, 4], 600 of 1000 replicates below and 20 equal → levels 0.0652762899, 0.9905724317", () => {
    // Efron & Tibshirani (1993) eqs. 14.10, 14.14, 14.15, evaluated independently with Python's
    // statistics.NormalDist: â = −0.0367388928, z₀ = Φ⁻¹(0.61) = 0.2793190344.
    const levels = bcaLevels(600, 20, 1000, [1, 2, 4], 0.025, 0.975);
    expect(levels).not.toBeNull();
    expect(levels![0]).toBeCloseTo(0.06527628987213768, 9);
    expect(levels![1]).toBeCloseTo(0.9905724317378386, 9);
  });

  it("no bias and no acceleration (z₀ = 0, equal jackknife values) give back the nominal levels", () => {
    const levels = bcaLevels(500, 0, 1000, [3, 3, 3, 3], 0.025, 0.975)!;
    expect(levels[0]).toBeCloseTo(0.025, 12);
    expect(levels[1]).toBeCloseTo(0.975, 12);
  });

  it("is null when every replicate lies on one side of the estimate or a level leaves [1/B, 1 − 1/B]", () => {
    expect(bcaLevels(0, 0, 1000, [1, 2, 4], 0.025, 0.975)).toBeNull();
    expect(bcaLevels(1000, 0, 1000, [1, 2, 4], 0.025, 0.975)).toBeNull();
    expect(bcaLevels(995, 0, 1000, [1, 2, 4], 0.025, 0.975)).toBeNull();
  });
});
