import { createRandom } from "../random.js";
import { countAssignments } from "./countAssignments.js";
import { enumerateAssignments } from "./enumerateAssignments.js";
import { DEFAULT_STOP_AFTER } from "../stats/sequentialMonteCarlo.js";

/** Options shared by the permutation tests of a layering. */
export interface PermutationOptions {
  /** Enumerate every assignment when there are at most this many (default 1e6, docs/methods.md §5.4). */
  maxExact?: number;
  /** Monte Carlo: the number B of random assignments drawn above `maxExact` (default 100,000). */
  samples?: number;
  /** Monte Carlo: the seed of the random assignments (default 1). Unused by exact enumeration. */
  seed?: number;
  /**
   * Monte Carlo: stop after this many random assignments with S ≥ S_obs, the sequential p-value of
   * Besag & Clifford (1991), p = h/L after L draws (default 50, `DEFAULT_STOP_AFTER`; `Infinity` always draws all B
   * and disables the stop below `significanceLevel` too). Unused by exact enumeration.
   */
  stopAfter?: number;
  /**
   * Monte Carlo: the level α whose side the sequential rule decides (default 0.05): reading also stops once p is clearly
   * below α (`sequentialMonteCarlo`, docs/methods.md §5.5); null reads on until h exceedances or all B. Unused by exact enumeration.
   */
  significanceLevel?: number | null;
  /**
   * An assignment set already built by {@link createAssignmentSet} for the same `layerOf`, to share
   * between the trend and flow tests (the other options are then ignored).
   */
  assignmentSet?: AssignmentSet;
  /** Largest pair-sign table (entries = assignments × pairs) to precompute for speed (default 6e7, `MAX_PAIR_SIGN_ENTRIES`); above it the tests compare labels on the fly. */
  maxPairTable?: number;
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
  /** Monte Carlo: the sequential rule's h, the exceedances after which a test stops (`Infinity`: never early). */
  stopAfter: number;
  /** Monte Carlo: the level α below which the sequential rule also stops (null: never below). */
  significanceLevel: number | null;
  /** Number of component pairs, m(m−1)/2; pair p is (pairA[p], pairB[p]) with pairA < pairB, in row-major order over a < b. */
  pairs: number;
  pairA: Int32Array;
  pairB: Int32Array;
  /**
   * sign(ℓ_a − ℓ_b) for every row and pair (`evaluated` × `pairs`, row-major), so that tests
   * reduce to dot products; `null` when it would exceed `maxPairTable` entries (default 6e7).
   */
  pairSigns: Int8Array | null;
  /** sign(ℓ_a − ℓ_b) of the observed assignment for every pair. */
  observedSigns: Int8Array;
}

/** Besag & Clifford's (1991) h of the sequential Monte Carlo p-value, shared with every sequential Monte Carlo of the project. */
export { DEFAULT_STOP_AFTER } from "../stats/sequentialMonteCarlo.js";

/** The largest pair-sign table {@link createAssignmentSet} builds (bytes). */
export const MAX_PAIR_SIGN_ENTRIES = 6e7;

function withPairs(
  base: Omit<AssignmentSet, "pairs" | "pairA" | "pairB" | "pairSigns" | "observedSigns" | "stopAfter" | "significanceLevel">,
  maxTable: number,
  stop: Pick<AssignmentSet, "stopAfter" | "significanceLevel">,
): AssignmentSet {
  const m = base.layered.length;
  const P = (m * (m - 1)) / 2;
  const pairA = new Int32Array(P);
  const pairB = new Int32Array(P);
  const observedSigns = new Int8Array(P);
  for (let a = 0, p = 0; a < m; a++)
    for (let b = a + 1; b < m; b++, p++) {
      pairA[p] = a;
      pairB[p] = b;
      observedSigns[p] = Math.sign(base.observed[a] - base.observed[b]);
    }
  let pairSigns: Int8Array | null = null;
  if (base.evaluated * P <= maxTable) {
    pairSigns = new Int8Array(base.evaluated * P);
    const rows = base.rows;
    for (let r = 0, o = 0, rb = 0; r < base.evaluated; r++, rb += m)
      for (let p = 0; p < P; p++, o++) {
        const la = rows[rb + pairA[p]];
        const lb = rows[rb + pairB[p]];
        pairSigns[o] = la > lb ? 1 : la < lb ? -1 : 0;
      }
  }
  return { ...base, pairs: P, pairA, pairB, pairSigns, observedSigns, ...stop };
}

/**
 * The set of layer assignments a permutation test of a layering runs over
 * (docs/methods.md §5.4): every distinct assignment of the layered components to layers
 * of the observed sizes when there are at most `maxExact` of them (in
 * lexicographic order, see `enumerateAssignments`; the observed one is
 * among them), otherwise B random ones drawn once by Fisher–Yates shuffles of
 * the observed labels with `createRandom(seed)` (the observed assignment is
 * then added by the (b+1)/(B+1) rule, not listed), which a test reads in
 * order and stops reading under the sequential rule of `monteCarloP`. It also tabulates
 * sign(ℓ_a − ℓ_b) for every row and component pair, so that both statistics
 * become dot products in the tests' hot loops.
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
  const maxTable = options.maxPairTable ?? MAX_PAIR_SIGN_ENTRIES;
  const stopAfter = options.stopAfter ?? DEFAULT_STOP_AFTER;
  if (!(stopAfter === Infinity || (Number.isInteger(stopAfter) && stopAfter >= 1)))
    throw new RangeError(`stopAfter must be a positive integer or Infinity, got ${stopAfter}`);
  const significanceLevel = options.significanceLevel === undefined ? 0.05 : options.significanceLevel;
  if (!(significanceLevel === null || (significanceLevel > 0 && significanceLevel < 1)))
    throw new RangeError(`significanceLevel must be in (0, 1) or null, got ${significanceLevel}`);
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
    return withPairs({ method: "exact", assignments, evaluated: assignments, layered: Int32Array.from(layered), sizes, observed, rows, seed }, maxTable, {
      stopAfter,
      significanceLevel,
    });
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
  return withPairs({ method: "monte-carlo", assignments, evaluated: samples, layered: Int32Array.from(layered), sizes, observed, rows, seed }, maxTable, {
    stopAfter,
    significanceLevel,
  });
}

/**
 * `options.assignmentSet` when it was built for this `layerOf`, otherwise a new
 * set from {@link createAssignmentSet}.
 * @throws {RangeError} when the given set belongs to another layering.
 * @example
 * const set = createAssignmentSet(layerOf);
 * reuseOrCreate(layerOf, { assignmentSet: set }) === set; // true
 */
export function reuseOrCreate(layerOf: ArrayLike<number>, options: PermutationOptions = {}): AssignmentSet {
  const set = options.assignmentSet;
  if (set === undefined) return createAssignmentSet(layerOf, options);
  let a = 0;
  for (let i = 0; i < layerOf.length; i++) {
    if (layerOf[i] < 0) continue;
    if (set.layered[a] !== i || set.observed[a] !== layerOf[i]) throw new RangeError("the assignment set given was built for another layering");
    a++;
  }
  if (a !== set.layered.length) throw new RangeError("the assignment set given was built for another layering");
  return set;
}
