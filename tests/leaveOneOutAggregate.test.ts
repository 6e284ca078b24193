import { describe, expect, it } from "vitest";
import { aggregate, createRandom, resolveSettings, type Matrix } from "../src/index.js";
import { leaveOneOutAggregate, LEAVE_ONE_OUT_UPDATE_MIN_EXPERTS } from "../src/core/leaveOneOutAggregate.js";
import { leaveOneOut } from "../src/panel/leaveOneOut.js";
import { panelDematel } from "../src/core/panelDematel.js";
import { randomDirect } from "./helpers.js";

/** A seeded panel of K n×n matrices: integer ratings 0..4, or (`real`) non-zero ones moved down by a random fraction. */
function panel(n: number, K: number, seed: number, kind: "integer" | "real" = "integer"): Matrix[] {
  const rng = createRandom(seed);
  return Array.from({ length: K }, (_, k) =>
    kind === "integer" ? randomDirect(n, seed * 1000 + k) : randomDirect(n, seed * 1000 + k).map((row) => row.map((x) => (x === 0 ? 0 : x - rng.next()))),
  );
}

/** The straightforward leave-one-out aggregates: re-aggregate the other K − 1 matrices. */
function reaggregated(matrices: Matrix[], method: "mean" | "median", weights?: number[]): Matrix[] {
  return matrices.map((_, k) =>
    aggregate(
      matrices.filter((_, j) => j !== k),
      { method, weights: weights?.filter((_, j) => j !== k) },
    ),
  );
}

describe("leaveOneOutAggregate(matrices, options)", () => {
  it("is bit-identical to re-aggregation for integer ratings and weights, mean and median, on 60 seeded panels", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRandom(seed);
      const n = 2 + rng.int(7);
      const K = 2 + rng.int(20);
      const matrices = panel(n, K, seed);
      const weights = seed % 3 === 0 ? Array.from({ length: K }, () => 1 + rng.int(5)) : undefined;
      for (const method of ["mean", "median"] as const) {
        const updates = leaveOneOutAggregate(matrices, { method, weights })!;
        expect(updates.exact).toBe(true);
        const expected = reaggregated(matrices, method, weights);
        for (let k = 0; k < K; k++) expect(updates.without(k)).toStrictEqual(expected[k]);
      }
    }
  });

  it("median of fractional ratings is bit-identical too (even and odd K − 1)", () => {
    for (const K of [2, 3, 8, 9]) {
      const matrices = panel(5, K, K, "real");
      const updates = leaveOneOutAggregate(matrices, { method: "median" })!;
      const expected = reaggregated(matrices, "median");
      for (let k = 0; k < K; k++) expect(updates.without(k)).toStrictEqual(expected[k]);
    }
  });

  it("leaves small panels with fractional weighted ratings to re-aggregation, and agrees to 1e-12 on large ones", () => {
    expect(leaveOneOutAggregate(panel(4, 10, 3, "real"))).toBeUndefined();
    const K = LEAVE_ONE_OUT_UPDATE_MIN_EXPERTS + 6;
    const matrices = panel(6, K, 4, "real");
    const weights = Array.from({ length: K }, (_, k) => 0.5 + ((k * 37) % 11) / 7);
    const updates = leaveOneOutAggregate(matrices, { weights })!;
    expect(updates.exact).toBe(false);
    const expected = reaggregated(matrices, "mean", weights);
    for (let k = 0; k < K; k++)
      updates
        .without(k)
        .flat()
        .forEach((v, c) => expect(Math.abs(v - expected[k].flat()[c])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
  });

  it("refuses what re-aggregation would check: one expert, a NaN, a negative weight; throws aggregate's error when the others weigh 0", () => {
    const matrices = panel(3, 3, 5);
    expect(leaveOneOutAggregate([matrices[0]])).toBeUndefined();
    expect(
      leaveOneOutAggregate([
        matrices[0],
        [
          [0, NaN, 1],
          [1, 0, 1],
          [1, 1, 0],
        ],
      ]),
    ).toBeUndefined();
    expect(leaveOneOutAggregate(matrices, { weights: [1, -1, 1] })).toBeUndefined();
    const updates = leaveOneOutAggregate(matrices, { weights: [0, 0, 2] })!;
    expect(() => updates.without(2)).toThrow("expert weights must not all be zero");
    expect(() => aggregate(matrices.slice(0, 2), { weights: [0, 0] })).toThrow("expert weights must not all be zero");
  });

  it("leaves the panel unchanged", () => {
    const matrices = panel(4, 5, 6);
    const copy = structuredClone(matrices);
    leaveOneOutAggregate(matrices, { method: "median" })!.without(1);
    leaveOneOutAggregate(matrices)!.without(1);
    expect(matrices).toStrictEqual(copy);
  });
});

describe("leaveOneOut(matrices, settings, components) by update", () => {
  it("gives the runs of re-aggregation exactly (mean, weighted mean, median, MMDE threshold) on seeded panels", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const n = 3 + (seed % 5);
      const K = 3 + seed;
      const matrices = panel(n, K, seed);
      const ids = Array.from({ length: n }, (_, i) => `C${i}`);
      const input =
        seed % 3 === 0
          ? { aggregation: "median" as const }
          : seed % 3 === 1
            ? { weights: matrices.map((_, k) => 1 + (k % 3)) }
            : { threshold: { method: "mmde" as const } };
      const settings = resolveSettings(input, K);
      const runs = leaveOneOut(matrices, settings, ids);
      runs.forEach((run, k) => {
        const others = matrices.filter((_, j) => j !== k);
        let expected;
        try {
          expected = {
            expertIndex: k,
            result: panelDematel(
              others,
              settings,
              ids,
              settings.weights?.filter((_, j) => j !== k),
            ),
          };
        } catch (e) {
          expected = { expertIndex: k, error: (e as Error).message };
        }
        expect(run).toStrictEqual(expected);
      });
    }
  });
});
