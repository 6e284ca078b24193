import { describe, expect, it } from "vitest";
import { studentTUpper } from "../src/stats/studentT.js";

// Reference: the quantiles of Student's t printed in standard tables (e.g. NIST/SEMATECH e-Handbook of
// Statistical Methods, Table 1.4.2.7.7 "Critical values of the Student's t distribution"), to their 3 decimals.
describe("studentTUpper(t, ν) = P(T > t)", () => {
  const table: Array<[number, number, number]> = [
    [6.314, 1, 0.05],
    [12.706, 1, 0.025],
    [2.92, 2, 0.05],
    [2.015, 5, 0.05],
    [1.895, 7, 0.05],
    [2.365, 7, 0.025],
    [2.998, 7, 0.01],
    [1.771, 13, 0.05],
    [2.16, 13, 0.025],
    [1.697, 30, 0.05],
    [2.042, 30, 0.025],
  ];
  for (const [t, nu, p] of table)
    it(`t = ${t}, ν = ${nu}: ${p}`, () => {
      expect(studentTUpper(t, nu)).toBeCloseTo(p, 3);
    });

  it("is 1/2 at 0, symmetric, Cauchy for ν = 1, and near the normal tail for large ν", () => {
    expect(studentTUpper(0, 9)).toBe(0.5);
    expect(studentTUpper(-1.5, 6) + studentTUpper(1.5, 6)).toBeCloseTo(1, 14);
    expect(studentTUpper(1, 1)).toBeCloseTo(0.25, 14); // Cauchy: 1/2 − atan(1)/π
    expect(studentTUpper(1.959964, 2000)).toBeCloseTo(0.025, 3);
    expect(() => studentTUpper(1, 0)).toThrow(RangeError);
  });
});
