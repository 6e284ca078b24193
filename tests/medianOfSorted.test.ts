import { describe, expect, it } from "vitest";
import { medianOfSorted } from "../src/stats/medianOfSorted.js";
import { aggregate } from "../src/index.js";

describe("medianOfSorted(sorted, count)", () => {
  it("takes the middle value, or the mean of the two middle values (hand-computed)", () => {
    expect(medianOfSorted([7], 1)).toBe(7);
    expect(medianOfSorted([1, 2, 4, 9], 4)).toBe(3);
    expect(medianOfSorted([1, 2, 4, 9, 100], 3)).toBe(2);
  });
  it("is the rule of aggregate's element-wise median", () => {
    expect(
      aggregate(
        [
          [
            [0, 0],
            [1, 0],
          ],
          [
            [0, 3],
            [1, 0],
          ],
          [
            [0, 4],
            [4, 0],
          ],
          [
            [0, 1],
            [2, 0],
          ],
        ],
        { method: "median" },
      ),
    ).toEqual([
      [0, 2],
      [1.5, 0],
    ]);
  });
});
