/**
 * Internal: the trend test's assignment set of a power curve, built once in the main thread and handed to its
 * workers (so that no worker enumerates it again) and kept for the next curve with the same layering and test
 * options (the command runs one curve per δ), as long as the garbage collector leaves it (a weak reference: a large
 * Monte Carlo set is not held after the curves that use it). Not part of the public API.
 */
import { createAssignmentSet, reuseOrCreate, type AssignmentSet, type PermutationOptions } from "../permutation/createAssignmentSet.js";

/** The last set built, with the layering and options it was built for. */
let last: { key: string; set: WeakRef<AssignmentSet> } | undefined;

/**
 * `createAssignmentSet(layerOf, options)`, or the same set as the previous call when the layering and the options
 * are the same and the set is still in memory (the set is a pure function of them, and the tests only read it); `options.assignmentSet` when given
 * (checked against the layering by `reuseOrCreate`).
 * @throws {RangeError} as {@link createAssignmentSet}.
 * @example
 * powerAssignmentSet([0, 0, 1, 1], {}) === powerAssignmentSet([0, 0, 1, 1], {}); // true
 */
export function powerAssignmentSet(layerOf: readonly number[], options: PermutationOptions): AssignmentSet {
  if (options.assignmentSet !== undefined) return reuseOrCreate(layerOf, options);
  // Every option by name (String keeps Infinity and null apart, which JSON would not).
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  const key = [layerOf.join(","), ...entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${String(v)}`)].join("|");
  const kept = last?.key === key ? last.set.deref() : undefined;
  if (kept !== undefined) return kept;
  const set = createAssignmentSet(layerOf, options);
  last = { key, set: new WeakRef(set) };
  return set;
}
