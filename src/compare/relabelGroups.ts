import { createRandom } from "../random.js";
import { countAssignments } from "../permutation/countAssignments.js";

/** Options of the permutation over group labels (docs/methods.md §12.3). */
export interface RelabelOptions {
  /** Enumerate every distinct relabelling when there are at most this many (default 100,000, `DEFAULT_MAX_EXACT`). */
  maxExact?: number;
  /** Monte Carlo: the number B of random relabellings above `maxExact` (default 10,000). */
  samples?: number;
  /** Monte Carlo: the seed of the random relabellings (default 1). */
  seed?: number;
}

/** Which relabellings a test runs over. */
export interface RelabelPlan {
  /** `"exact"`: every distinct relabelling; `"monte-carlo"`: B random ones. */
  method: "exact" | "monte-carlo";
  /** Distinct relabellings: C(K, K₁), halved when the groups are of equal size (§12.3). */
  relabellings: number;
  /** Relabellings evaluated: `relabellings` (exact) or B (Monte Carlo). */
  evaluated: number;
  /** True when equal group sizes let each relabelling stand for itself and its swap (exact only). */
  halved: boolean;
  seed: number;
}

/** The default largest number of distinct relabellings enumerated exactly. */
export const DEFAULT_MAX_EXACT = 100_000;

/**
 * The relabellings of K₁ + K₂ experts (docs/methods.md §12.3): every statistic is symmetric in the two
 * groups, so with K₁ = K₂ a relabelling and its swap give the same statistics and only
 * C(K, K₁)/2 of them are distinct; exact when that count is at most `maxExact`, else B seeded random ones.
 * @throws {RangeError} on group sizes below 1 or invalid options.
 * @example
 * planRelabellings(2, 2).relabellings; // 3 (C(4, 2) = 6, halved)
 */
export function planRelabellings(first: number, second: number, options: RelabelOptions = {}): RelabelPlan {
  const maxExact = options.maxExact ?? DEFAULT_MAX_EXACT;
  const samples = options.samples ?? 10_000;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(first) && first >= 1 && Number.isInteger(second) && second >= 1))
    throw new RangeError(`planRelabellings: group sizes must be positive integers, got ${first} and ${second}`);
  if (!(maxExact >= 0)) throw new RangeError(`maxExact must be a non-negative number, got ${maxExact}`);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be an integer, got ${seed}`);
  const halved = first === second;
  const relabellings = countAssignments([first, second]) / (halved ? 2 : 1);
  if (relabellings <= maxExact) return { method: "exact", relabellings, evaluated: relabellings, halved, seed };
  return { method: "monte-carlo", relabellings, evaluated: samples, halved: false, seed };
}

/** Called once per relabelling with the two groups' weighted rating sums and weight sums, and the row number. */
export type RelabelVisitor = (firstSum: Float64Array, firstWeight: number, secondSum: Float64Array, secondWeight: number, row: number) => void;

/** Recompute the running sum from scratch every this many steps, so rounding never accumulates. */
const RESYNC = 512;

/**
 * Visit every relabelling of `plan` (docs/methods.md §12.3). The K experts' weighted matrices
 * w_k X^k are `weighted` (K × nn, row-major), their weights `weights`; the first group has
 * `first` experts. The first group's sum is maintained, the second's is the panel's total minus it,
 * so a relabelling costs O(n²) (exact: the experts that change between consecutive combinations in
 * lexicographic order, amortised a constant number) or O(min(K₁, K₂)·n²) (Monte Carlo: the smaller
 * group summed afresh after a Fisher–Yates shuffle of the labels with `createRandom(seed)`); nothing
 * is allocated per relabelling. With `halved`, expert 1 stays in the first group.
 * @example
 * visitRelabellings(plan, weighted, weights, nn, 2, (s1, w1, s2, w2, row) => { … });
 */
export function visitRelabellings(plan: RelabelPlan, weighted: Float64Array, weights: Float64Array, nn: number, first: number, visit: RelabelVisitor): void {
  const K = weights.length;
  const total = new Float64Array(nn);
  let totalWeight = 0;
  for (let k = 0; k < K; k++) {
    totalWeight += weights[k];
    for (let c = 0; c < nn; c++) total[c] += weighted[k * nn + c];
  }
  const s1 = new Float64Array(nn);
  const s2 = new Float64Array(nn);
  const state = { s1, s2, total, totalWeight, weighted, weights, nn };
  if (plan.method === "exact") visitExact(plan, first, K, state, visit);
  else visitRandom(plan, first, K, state, visit);
}

interface SumState {
  s1: Float64Array;
  s2: Float64Array;
  total: Float64Array;
  totalWeight: number;
  weighted: Float64Array;
  weights: Float64Array;
  nn: number;
}

/** s1 += sign·(expert k's weighted matrix). */
function addExpert(s: SumState, k: number, sign: number): void {
  const { s1, weighted, nn } = s;
  for (let c = 0, o = k * nn; c < nn; c++, o++) s1[c] += sign * weighted[o];
}

/** s2 = total − s1 and the visit. */
function emit(s: SumState, w1: number, row: number, visit: RelabelVisitor): void {
  const { s1, s2, total, nn } = s;
  for (let c = 0; c < nn; c++) s2[c] = total[c] - s1[c];
  visit(s1, w1, s2, s.totalWeight - w1, row);
}

/** Every combination of the first group in lexicographic order, the sum updated by the experts that change. */
function visitExact(plan: RelabelPlan, first: number, K: number, s: SumState, visit: RelabelVisitor): void {
  // Halved: expert 0 is fixed in the first group; the other first-group members are chosen from 1..K−1.
  const offset = plan.halved ? 1 : 0;
  const k = first - offset;
  const pool = K - offset;
  const c = Int32Array.from({ length: k }, (_, j) => j + offset);
  const resync = (): number => {
    s.s1.fill(0);
    let w = 0;
    if (plan.halved) {
      addExpert(s, 0, 1);
      w += s.weights[0];
    }
    for (let j = 0; j < k; j++) {
      addExpert(s, c[j], 1);
      w += s.weights[c[j]];
    }
    return w;
  };
  let w1 = resync();
  for (let row = 0; row < plan.evaluated; row++) {
    emit(s, w1, row, visit);
    let i = k - 1;
    while (i >= 0 && c[i] === pool - k + i + offset) i--;
    if (i < 0) break;
    for (let j = i; j < k; j++) {
      const old = c[j];
      c[j] = j === i ? c[j] + 1 : c[j - 1] + 1;
      addExpert(s, old, -1);
      addExpert(s, c[j], 1);
      w1 += s.weights[c[j]] - s.weights[old];
    }
    if ((row + 1) % RESYNC === 0) w1 = resync();
  }
}

/** B seeded random relabellings: a Fisher–Yates shuffle of the labels, then the smaller group summed afresh. */
function visitRandom(plan: RelabelPlan, first: number, K: number, s: SumState, visit: RelabelVisitor): void {
  const rng = createRandom(plan.seed);
  const order = Int32Array.from({ length: K }, (_, j) => j);
  const small = Math.min(first, K - first);
  for (let row = 0; row < plan.evaluated; row++) {
    for (let j = K - 1; j > 0; j--) {
      const r = rng.int(j + 1);
      const t = order[j];
      order[j] = order[r];
      order[r] = t;
    }
    // The first group is order[0 … first − 1]; sum the smaller side.
    s.s1.fill(0);
    let w = 0;
    const from = small === first ? 0 : first;
    for (let j = from; j < from + small; j++) {
      addExpert(s, order[j], 1);
      w += s.weights[order[j]];
    }
    if (small !== first) {
      for (let c = 0; c < s.nn; c++) s.s1[c] = s.total[c] - s.s1[c];
      w = s.totalWeight - w;
    }
    emit(s, w, row, visit);
  }
}
