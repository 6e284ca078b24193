// The result and interface of a permutation test, shared by the trend and flow tests and the generic runner (permutationTest.ts).

/** A statistic and its permutation p-value. */
export interface PermutationResult {
  statistic: number;
  p: number;
  /**
   * Monte Carlo only (absent when exact): the random assignments the p-value was computed from — all B,
   * or fewer when the sequential rule stopped early (Besag & Clifford 1991, docs/methods.md §5.5).
   */
  draws?: number;
  /** Monte Carlo only: the p-value's Monte Carlo standard error, √(p(1 − p)/draws). */
  standardError?: number;
}

/** A prepared permutation test: assignments listed once, `test` called many times. */
export interface PermutationTest<Input> {
  /** `"exact"` (every assignment) or `"monte-carlo"` (B random assignments, seeded). */
  method: "exact" | "monte-carlo";
  /** Number of distinct assignments of the components to layers of the proposed sizes. */
  assignments: number;
  /** Number of assignments the p-value is computed over: `assignments` (exact) or B (Monte Carlo). */
  evaluated: number;
  /** Layer sizes, outer → inner. */
  sizes: number[];
  /** The Monte Carlo seed (the default 1 when exact, where it is unused). */
  seed: number;
  /** The statistic of the proposed layering and its p-value. */
  test(input: Input): PermutationResult;
}
