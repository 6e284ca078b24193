import { describe, expect, it } from "vitest";
import { aggregate } from "../src/index.js";
import { deepFreeze, expectClose, randomDirect } from "./helpers.js";

describe("aggregate(matrices)", () => {
  const x1 = [
    [0, 2, 4],
    [1, 0, 3],
    [0, 4, 0],
  ];
  const x2 = [
    [0, 4, 2],
    [3, 0, 1],
    [2, 2, 0],
  ];
  const x3 = [
    [0, 3, 3],
    [2, 0, 4],
    [4, 0, 0],
  ];

  it("is the element-wise mean by default (hand-computed)", () => {
    expectClose(
      aggregate([x1, x2, x3]),
      [
        [0, 3, 3],
        [2, 0, 8 / 3],
        [2, 2, 0],
      ],
      1e-15,
    );
  });

  it("weights experts: (1·x1 + 3·x2)/4", () => {
    expectClose(
      aggregate([x1, x2], { weights: [1, 3] }),
      [
        [0, 3.5, 2.5],
        [2.5, 0, 1.5],
        [1.5, 2.5, 0],
      ],
      1e-15,
    );
  });

  it("median of three is the middle value, of two the mean of the middle pair", () => {
    expect(aggregate([x1, x2, x3], { method: "median" })).toEqual([
      [0, 3, 3],
      [2, 0, 3],
      [2, 2, 0],
    ]);
    expect(aggregate([x1, x2], { method: "median" })).toEqual(aggregate([x1, x2]));
  });

  it("zeroes the diagonal whatever the experts wrote there", () => {
    expect(
      aggregate([
        [
          [9, 1],
          [1, 9],
        ],
      ]),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("does not mutate its inputs", () => {
    const frozen = deepFreeze([randomDirect(4, 1), randomDirect(4, 2)]);
    expect(() => aggregate(frozen)).not.toThrow();
    expect(() => aggregate(frozen, { method: "median" })).not.toThrow();
  });

  it("invariant: the mean of K copies of X is X; equal weights equal the unweighted mean", () => {
    const x = randomDirect(6, 5);
    expectClose(aggregate([x, x, x]), x, 1e-15);
    const ms = [1, 2, 3, 4].map((s) => randomDirect(6, s));
    expectClose(aggregate(ms, { weights: [2, 2, 2, 2] }), aggregate(ms), 1e-14);
  });

  it("throws RangeError on no matrices, shape mismatch, bad weights, unknown method", () => {
    expect(() => aggregate([])).toThrow(RangeError);
    expect(() =>
      aggregate([
        [[0]],
        [
          [0, 1],
          [1, 0],
        ],
      ]),
    ).toThrow(/not 1×1/);
    expect(() => aggregate([x1, x2], { weights: [1] })).toThrow(/one weight per expert/);
    expect(() => aggregate([x1, x2], { weights: [1, -1] })).toThrow(/non-negative/);
    expect(() => aggregate([x1, x2], { weights: [0, 0] })).toThrow(/all be zero/);
    expect(() => aggregate([x1], { method: "mode" as never })).toThrow(/unknown aggregation/);
  });
});
