// createFlowTest(...).near(reference): the flow test of matrices near a reference, screened assignment by assignment
// against the reference's S_flow bounds, must give exactly the results of test() (issue 9: the sensitivity scenarios
// share the baseline's per-assignment sums instead of recomputing every one).
import { describe, expect, it } from "vitest";
import { createAssignmentSet, createFlowTest, createRandom, defaultModel, layerIndex, type Matrix } from "../src/index.js";

/** A seeded n×n T with inward influence of strength `effect` between the layers of layerOf. */
function totalOf(layerOf: readonly number[], seed: number, effect: number): Matrix {
  const rng = createRandom(seed);
  return layerOf.map((li, i) => layerOf.map((lj, j) => (i === j ? 0 : rng.next() + (lj > li ? effect : 0))));
}

/** T with every entry moved by a seeded relative amount up to `size` (a leave-one-out-sized change for small sizes). */
function perturbed(T: Matrix, seed: number, size: number): Matrix {
  const rng = createRandom(seed);
  return T.map((row, i) => row.map((v, j) => (i === j ? 0 : v * (1 + size * (2 * rng.next() - 1)))));
}

describe("createFlowTest(...).near(reference) gives test()'s results exactly", () => {
  it("Monte Carlo (24 components in 4 layers): 60 seeded scenarios from tiny to large changes, sequential rule on and off", () => {
    const layerOf = Array.from({ length: 24 }, (_, i) => i % 4);
    for (const stopAfter of [50, Infinity]) {
      const set = createAssignmentSet(layerOf, { samples: 4000, seed: 9, stopAfter });
      expect(set.method).toBe("monte-carlo");
      const flow = createFlowTest(layerOf, { assignmentSet: set });
      for (let seed = 1; seed <= 30; seed++) {
        const reference = totalOf(layerOf, seed, (seed % 4) * 0.03);
        const near = flow.near(reference);
        for (const size of [0, 1e-6, 1e-3, 0.05, 0.5]) {
          const T = perturbed(reference, seed * 101, size);
          expect(near(T)).toEqual(flow.test(T));
        }
        // A matrix far from the reference, and the reference itself.
        const far = totalOf(layerOf, seed + 1000, 0.05);
        expect(near(far)).toEqual(flow.test(far));
        expect(near(reference)).toEqual(flow.test(reference));
      }
    }
  });

  it("exact (the CXM model's 25,200 assignments) and a row-major Float64Array T, with ties at the observed value", () => {
    const model = defaultModel();
    const layerOf = layerIndex(model);
    const flow = createFlowTest(layerOf);
    expect(flow.method).toBe("exact");
    for (let seed = 1; seed <= 8; seed++) {
      const reference = totalOf(layerOf, seed, 0.02 * seed);
      const near = flow.near(Float64Array.from(reference.flat()));
      for (const size of [0, 1e-4, 0.01, 0.2]) {
        const T = perturbed(reference, seed + 7, size);
        expect(near(T)).toEqual(flow.test(T));
        expect(near(Float64Array.from(T.flat()))).toEqual(flow.test(T));
      }
    }
    // A symmetric T: S_flow = 0 for every assignment, all tied with the observed (p = 1).
    const symmetric = layerOf.map((_, i) => layerOf.map((__, j) => (i === j ? 0 : 1 + ((i + j) % 3))));
    expect(flow.near(totalOf(layerOf, 3, 0.1))(symmetric)).toEqual(flow.test(symmetric));
    expect(flow.test(symmetric).p).toBe(1);
  });

  it("an undefined statistic (no influence between layers) is NaN as in test()", () => {
    const layerOf = [0, 0, 1, 1];
    const flow = createFlowTest(layerOf);
    const within: Matrix = [
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 2],
      [0, 0, 2, 0],
    ];
    expect(flow.near(totalOf(layerOf, 1, 0.1))(within)).toEqual(flow.test(within));
    expect(flow.test(within).p).toBeNaN();
  });
});
