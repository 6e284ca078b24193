import { createRandom } from "../random.js";
import { countAssignments } from "./countAssignments.js";
import { enumerateAssignments } from "./enumerateAssignments.js";

/** Options shared by the permutation tests of a layering. */
export interface PermutationOptions {
  /** Enumerate every assignment when there are at most this many (default 1e6, METHODS §5). */
  maxExact?: number;
  /** Monte Carlo: the number B of random assignments drawn above `maxExact` (default 100,000). */
  samples?: number;
  /** Monte Carlo: the seed of the random assignments (default 1). Unused by exact enumeration. */
  seed?: number;
}

/** The assignments a permutation test compares the observed layering with. */
export interface AssignmentSet {
  /** `"exact"`: every distinct assignment; `"monte-carlo"`: B random ones. */
  method: "exact" | "monte-carlo";
  /** Number of distinct assignments of the layered components to layers of the observed sizes. */
  assignments: number;
  /** Number of rows in `rows`: `assignments` (exact) or B (Monte Carlo). */
  evaluated: number;
  /** Indices (into the model's components) of the layered components, in model order. */
  layered: Int32Array;
  /** Layer sizes, outer → inner (size l = number of components with layerOf = l). */
  sizes: number[];
  /** The observed layer vector over the layered components. */
  observed: Int8Array;
  /** `evaluated` × m layer vectors, row-major (m = layered.length). */
  rows: Int8Array;
  /** The seed used for Monte Carlo (the default when exact). */
  seed: number;
}

/**
 * The set of layer assignments a permutation test of a layering runs over
 * (METHODS §5): every distinct assignment of the layered components to layers
 * of the observed sizes when there are at most `maxExact` of them (in
 * lexicographic order, see {@link enumerateAssignments}; the observed one is
 * among them), otherwise B random ones drawn once by Fisher–Yates shuffles of
 * the observed labels with `createRandom(seed)` (the observed assignment is
 * then added by the (b+1)/(B+1) rule, not listed).
 * @param layerOf each component's 0-based layer, −1 for none (`layerIndex(model)`).
 * @throws {RangeError} when a layer index is not an integer in −1..126, fewer
 *   than two layers are non-empty, or an option is invalid.
 * @example
 * createAssignmentSet([0, 0, 1, 1]).evaluated; // 6
 */
export function createAssignmentSet(layerOf: ArrayLike<number>, options: PermutationOptions = {}): AssignmentSet {
  const maxExact = options.maxExact ?? 1e6;
  const samples = options.samples ?? 100000;
  const seed = options.seed ?? 1;
  if (!(maxExact >= 0)) throw new RangeError(`maxExact must be a non-negative number, got ${maxExact}`);
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  const layered: number[] = [];
  let L = 0;
  for (let i = 0; i < layerOf.length; i++) {
    const l = layerOf[i];
    if (!Number.isInteger(l) || l < -1 || l > 126) throw new RangeError(`layerOf[${i}] must be an integer from −1 to 126, got ${l}`);
    if (l >= 0) {
      layered.push(i);
      if (l + 1 > L) L = l + 1;
    }
  }
  const sizes = new Array<number>(L).fill(0);
  const m = layered.length;
  const observed = new Int8Array(m);
  layered.forEach((i, a) => {
    observed[a] = layerOf[i];
    sizes[layerOf[i]]++;
  });
  if (sizes.filter((s) => s > 0).length < 2) throw new RangeError("a permutation test of a layering needs at least two non-empty layers");
  const assignments = countAssignments(sizes);
  if (assignments <= maxExact) {
    const rows = enumerateAssignments(sizes);
    return { method: "exact", assignments, evaluated: assignments, layered: Int32Array.from(layered), sizes, observed, rows, seed };
  }
  const rng = createRandom(seed);
  const rows = new Int8Array(samples * m);
  const buf = Int8Array.from(observed);
  for (let b = 0; b < samples; b++) {
    buf.set(observed);
    for (let k = m - 1; k > 0; k--) {
      const r = rng.int(k + 1);
      const t = buf[k];
      buf[k] = buf[r];
      buf[r] = t;
    }
    rows.set(buf, b * m);
  }
  return { method: "monte-carlo", assignments, evaluated: samples, layered: Int32Array.from(layered), sizes, observed, rows, seed };
}
