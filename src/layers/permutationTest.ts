/**
 * Internal: the parts every permutation test of a layering shares — its
 * description from the assignment set, and the p-value rule of METHODS §5 —
 * so {@link createTrendTest} and {@link createFlowTest} differ only in their
 * statistic. Not part of the public API (not re-exported by the barrel).
 */
import type { AssignmentSet } from "./createAssignmentSet.js";
import type { PermutationResult, PermutationTest } from "./createTrendTest.js";

/**
 * A permutation test over `set` whose `test` is `test`: method, assignments,
 * evaluated, sizes and seed are copied from the set.
 * @example
 * permutationTest(set, (relation) => ({ statistic: 0.8, p: 0.1 })).method; // "exact"
 */
export function permutationTest<Input>(set: AssignmentSet, test: (input: Input) => PermutationResult): PermutationTest<Input> {
  return { method: set.method, assignments: set.assignments, evaluated: set.evaluated, sizes: set.sizes, seed: set.seed, test };
}

/**
 * The p-value from `count`, the number of assignments with S ≥ S_obs (with the
 * METHODS §5 tolerance): exact, count / #assignments (the observed assignment
 * is among them); Monte Carlo, (count + 1)/(B + 1).
 * @example
 * permutationP(3, exactSetOf6); // 0.5
 */
export function permutationP(count: number, set: Pick<AssignmentSet, "method" | "evaluated">): number {
  return set.method === "exact" ? count / set.evaluated : (count + 1) / (set.evaluated + 1);
}
