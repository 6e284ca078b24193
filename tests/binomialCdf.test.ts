import { describe, expect, it } from "vitest";
import { binomialCdf } from "../src/stats/binomialCdf.js";

describe("binomialCdf(k, n, p)", () => {
  it("hand-computed cases: P(Bin(10, 1/2) ≤ 2) = 56/1024, P(Bin(3, 0.2) ≤ 1) = 0.896, P(Bin(200, 0.05) ≤ 0) = 0.95^200", () => {
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 15);
    expect(binomialCdf(1, 3, 0.2)).toBeCloseTo(0.512 + 3 * 0.2 * 0.64, 15);
    expect(binomialCdf(0, 200, 0.05) / 0.95 ** 200).toBeCloseTo(1, 12);
  });

  it("equals the direct sum Σ C(n, i) pᶦ (1 − p)ⁿ⁻ᶦ on 40 seeded cases (n ≤ 64), to 1e-12 relative", () => {
    const direct = (k: number, n: number, p: number): number => {
      let sum = 0;
      let choose = 1; // C(n, i), exact in doubles for n ≤ 64 up to rounding of a few ulps
      for (let i = 0; i <= k; i++) {
        sum += choose * p ** i * (1 - p) ** (n - i);
        choose = (choose * (n - i)) / (i + 1);
      }
      return sum;
    };
    for (let c = 0; c < 40; c++) {
      const n = 5 + ((c * 37) % 60);
      const p = 0.01 + ((c * 0.137) % 0.9);
      const k = (c * 13) % n;
      const want = direct(k, n, p);
      expect(Math.abs(binomialCdf(k, n, p) - want)).toBeLessThanOrEqual(1e-12 * want + 1e-300);
    }
  });

  it("keeps the lower tail of a large n although its first term underflows: P(Bin(100000, 0.05) ≤ 4800) ≈ Φ((4800.5 − 5000)/68.92) = 0.0019", () => {
    const v = binomialCdf(4800, 100000, 0.05);
    expect(v).toBeGreaterThan(0.0016);
    expect(v).toBeLessThan(0.0021);
    expect(binomialCdf(0, 100000, 0.05)).toBe(0); // 0.95^100000 underflows: the true value is below 1e-2000
  });

  it("edge cases and bad input", () => {
    expect(binomialCdf(-1, 5, 0.3)).toBe(0);
    expect(binomialCdf(5, 5, 0.3)).toBe(1);
    expect(binomialCdf(2, 5, 0)).toBe(1);
    expect(binomialCdf(2, 5, 1)).toBe(0);
    expect(() => binomialCdf(1, 2.5, 0.3)).toThrow(RangeError);
    expect(() => binomialCdf(1.5, 5, 0.3)).toThrow(RangeError);
    expect(() => binomialCdf(1, 5, 1.2)).toThrow(RangeError);
  });
});
