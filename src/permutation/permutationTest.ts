/**
 * Internal: the parts every permutation test of a layering shares — its
 * description from the assignment set, and the p-value rule of docs/methods.md §5.5 —
 * so {@link createTrendTest} and {@link createFlowTest} differ only in their
 * statistic. Not part of the public API (not re-exported by the barrel).
 */
import type { AssignmentSet } from "./createAssignmentSet.js";
import type { PermutationResult, PermutationTest } from "./permutationTypes.js";
import { sequentialMonteCarlo, type SequentialP } from "../stats/sequentialMonteCarlo.js";

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
 * docs/methods.md §5.5 tolerance): exact, count / #assignments (the observed assignment
 * is among them); Monte Carlo, (count + 1)/(B + 1).
 * @example
 * permutationP(3, exactSetOf6); // 0.5
 */
export function permutationP(count: number, set: Pick<AssignmentSet, "method" | "evaluated">): number {
  return set.method === "exact" ? count / set.evaluated : (count + 1) / (set.evaluated + 1);
}

/**
 * The sequential Monte Carlo p-value of a permutation test (docs/methods.md §5.5,
 * `sequentialMonteCarlo`): the B random assignments of `set` are read in their
 * seeded order until one of two stops — after h = `set.stopAfter` exceedances
 * p = h/L (Besag & Clifford 1991, Biometrika 78, 301–304); at the looks
 * L = 100, 200, 400, … when p is clearly below α = `set.significanceLevel`
 * (a true p ≥ α declared below it with probability ≤ 0.001), p = (b + 1)/(L + 1); otherwise all B,
 * p = (b + 1)/(B + 1). `exceeds(row)` says whether row `row` has S ≥ S_obs. The
 * precision is carried with the result: `draws` = L (or B) and the Monte Carlo
 * standard error √(p(1 − p)/draws).
 * @example
 * monteCarloP({ evaluated: 1000, stopAfter: 50, significanceLevel: 0.05 }, (row) => row % 2 === 1); // { p: 50/100, draws: 100, standardError: 0.05 }
 */
export function monteCarloP(
  set: Pick<AssignmentSet, "evaluated" | "stopAfter"> & { significanceLevel?: number | null },
  exceeds: (row: number) => boolean,
): SequentialP {
  return sequentialMonteCarlo({ maxDraws: set.evaluated, stopAfter: set.stopAfter, level: set.significanceLevel ?? null }, exceeds);
}

/**
 * The null distribution of the trend test's numerator when relation has no
 * ties (docs/methods.md §5.6): `atMost[v + P]` = the number of rows of `set` with
 * s = Σ_pairs sign(ℓ_a − ℓ_b) ≤ v, for v = −P..P (P = set.pairs); that is s
 * against the ranking r_a > r_b for every a < b. Over a full enumeration every
 * untied relation gives this same distribution, because relabelling the
 * components maps the set of assignments onto itself. Shared by
 * {@link createTrendTest} (untied calls) and `attainableTrendSize`.
 * @example
 * untiedTrendAtMost(createAssignmentSet([0, 1])); // Float64Array [1, 1, 2]: s = −1 (row 01) and +1 (row 10)
 */
export function untiedTrendAtMost(set: AssignmentSet): Float64Array {
  const { rows, evaluated, pairs: P, pairA, pairB, pairSigns } = set;
  const m = set.layered.length;
  const atMost = new Float64Array(2 * P + 1);
  for (let row = 0, base = 0, o = 0; row < evaluated; row++, base += m) {
    let s = 0;
    if (pairSigns !== null) for (let p = 0; p < P; p++, o++) s += pairSigns[o];
    else for (let p = 0; p < P; p++) s += Math.sign(rows[base + pairA[p]] - rows[base + pairB[p]]);
    atMost[s + P]++;
  }
  for (let v = 1; v <= 2 * P; v++) atMost[v] += atMost[v - 1];
  return atMost;
}
