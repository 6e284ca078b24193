import { tieTolerance } from "../stats/kendallTauB.js";
import type { Matrix } from "../types.js";
import { type AssignmentSet, reuseOrCreate, type PermutationOptions } from "./createAssignmentSet.js";
import { monteCarloP, permutationP, permutationTest } from "./permutationTest.js";
import type { PermutationResult, PermutationTest } from "./permutationTypes.js";

/**
 * A prepared exact permutation test of the flow statistic S_flow
 * (docs/methods.md §5.3, §5.5, see {@link flowStatistic}) for one proposed layering.
 * T does not depend on the labels, so relabelling the components over every
 * assignment of the same layer sizes gives the exact null distribution.
 * `test(total)` returns the observed S_flow and
 * p = #{assignments with S ≥ S_obs − 1e-12·max(1,|S_obs|)} / #assignments
 * (exact, the observed assignment among them), or (b + 1)/(B + 1) over B
 * seeded random assignments above `maxExact` (h/L when the sequential rule of
 * Besag & Clifford 1991 stops after L draws, `monteCarloP`; the result then
 * carries `draws` and the Monte Carlo `standardError`).
 *
 * Per call: the pairwise differences t_ij − t_ji and sums t_ij + t_ji of the
 * layered components are formed once; then each assignment costs one pass
 * over the m(m−1)/2 pairs, with no allocation. `near(reference)` is the same test for matrices close to a
 * reference (the scenarios of one panel), screening each assignment against the reference's sums ({@link FlowTest}).
 * Assignments under which no influence runs between different layers have
 * S = NaN and never count as "≥"; if the observed S is NaN, p is NaN.
 * @param layerOf each component's 0-based layer, −1 for none (`layerIndex(model)`).
 * @throws {RangeError} see {@link createAssignmentSet}; `test` throws a
 *   RangeError when T is not n×n (or n² long, row-major) or holds a
 *   non-finite value.
 * @example
 * const f = createFlowTest([0, 1]);
 * f.test([[0, 3], [1, 0]]); // { statistic: 0.5, p: 0.5 }
 */
export function createFlowTest(layerOf: ArrayLike<number>, options: PermutationOptions = {}): FlowTest {
  const set = reuseOrCreate(layerOf, options);
  const n = layerOf.length;
  const { layered, rows, evaluated, pairs: P, pairSigns, observedSigns } = set;
  const m = layered.length;
  const diff = new Float64Array(P);
  const sum = new Float64Array(P);
  // With c = sign(ℓ_a − ℓ_b): num = Σ −c·(t_ab − t_ba), den = Σ |c|·(t_ab + t_ba). Multiplying by ±1 or
  // adding ±0 is exact, so this equals flowStatistic's sum bit for bit.
  const statisticOf = (signs: Int8Array, o: number): number => {
    let num = 0;
    let den = 0;
    for (let p = 0; p < P; p++, o++) {
      const c = signs[o];
      num -= c * diff[p];
      den += c * c * sum[p];
    }
    return den === 0 ? NaN : num / den;
  };
  /** S_flow of assignment `row` for the T read last (diff, sum). */
  const statisticAt = (row: number): number => (pairSigns !== null ? statisticOf(pairSigns, row * P) : onTheFly(rows, row * m, m, diff, sum));
  /** The observed S_flow of T, after reading its pair terms into diff and sum. */
  const observe = (total: Matrix | Float64Array): number => {
    readPairTerms(total, n, set, diff, sum);
    return statisticOf(observedSigns, 0);
  };
  /** The p-value from `exceeds(row)` (S(row) ≥ cut): the sequential Monte Carlo rule, or the exact count. */
  const pValue = (statistic: number, exceeds: (row: number) => boolean): PermutationResult => {
    if (set.method === "monte-carlo") return { statistic, ...monteCarloP(set, exceeds) };
    let count = 0;
    for (let row = 0; row < evaluated; row++) if (exceeds(row)) count++;
    return { statistic, p: permutationP(count, set) };
  };
  const test = (total: Matrix | Float64Array): PermutationResult => {
    const statistic = observe(total);
    if (Number.isNaN(statistic)) return { statistic, p: NaN };
    const cut = statistic - tieTolerance(statistic);
    return pValue(statistic, (row) => statisticAt(row) >= cut);
  };
  const near = (reference: Matrix | Float64Array): ((total: Matrix | Float64Array) => PermutationResult) => {
    const refDiff = new Float64Array(P);
    const refSum = new Float64Array(P);
    readPairTerms(reference, n, set, refDiff, refSum);
    let refScale = 0;
    for (let p = 0; p < P; p++) refScale += Math.abs(refDiff[p]) + refSum[p];
    // Each assignment's numerator and denominator for the reference, computed when a test first reads it.
    const refNum = new Float64Array(evaluated);
    const refDen = new Float64Array(evaluated);
    const parts = new Float64Array(2);
    let known = 0;
    return (total) => {
      const statistic = observe(total);
      if (Number.isNaN(statistic)) return { statistic, p: NaN };
      const cut = statistic - tieTolerance(statistic);
      let dn = 0;
      let dd = 0;
      let scale = refScale;
      for (let p = 0; p < P; p++) {
        dn += Math.abs(diff[p] - refDiff[p]);
        dd += Math.abs(sum[p] - refSum[p]);
        scale += Math.abs(diff[p]) + sum[p];
      }
      return pValue(statistic, (row) => {
        for (; known <= row; known++) {
          numDen(rows, known * m, m, refDiff, refSum, parts);
          refNum[known] = parts[0];
          refDen[known] = parts[1];
        }
        // |num − num_ref| ≤ dn and |den − den_ref| ≤ dd (every sign is −1, 0 or 1), so S lies between the bounds below;
        // an assignment whose bounds are clear of the cut (by far more than any rounding) is decided without its sums.
        const low = refDen[row] - dd;
        if (low > 0) {
          const high = refDen[row] + dd;
          const top = refNum[row] + dn;
          const bottom = refNum[row] - dn;
          const margin = (1e-9 * (1 + Math.abs(cut)) * scale) / low;
          if ((bottom >= 0 ? bottom / high : bottom / low) > cut + margin) return true;
          if ((top >= 0 ? top / low : top / high) < cut - margin) return false;
        }
        return statisticAt(row) >= cut;
      });
    };
  };
  return { ...permutationTest(set, test), near };
}

/** A prepared flow test, and the same test for matrices close to a reference (see {@link createFlowTest}). */
export interface FlowTest extends PermutationTest<Matrix | Float64Array> {
  /**
   * `test` for total-relation matrices near `reference` (a leave-one-out or other scenario of one panel): the same
   * results exactly, computed faster. The reference's numerator and denominator of S_flow are kept for each
   * assignment (computed once, when first read); a matrix whose pair terms differ from the reference's by dn (in
   * the differences) and dd (in the sums) has, for every assignment, S within the bounds those give, so the
   * assignments whose bounds are clear of the cut (by a margin a million times any rounding) are decided without
   * their sums and only the others are computed as `test` computes them.
   */
  near(reference: Matrix | Float64Array): (total: Matrix | Float64Array) => PermutationResult;
}

/**
 * num and den of S_flow for the assignment rows[base..base + m) and the pair terms d, s, into out[0] and out[1],
 * without the pair-sign table: the pairs (a, b), a < b, taken in row-major order (the order of d and s), a's layer
 * read once per row of pairs and b's in sequence, so the terms are the ones `statisticOf` adds, in the same order
 * (the same value to the last bit: a pair within a layer adds ±0).
 */
function numDen(rows: Int8Array, base: number, m: number, d: Float64Array, s: Float64Array, out: Float64Array): void {
  let num = 0;
  let den = 0;
  for (let a = 0, p = 0; a < m; a++) {
    const la = rows[base + a];
    for (let b = base + a + 1, end = base + m; b < end; b++, p++) {
      // c = sign(ℓ_b − ℓ_a) without a branch (the layers are random, so branches would be mispredicted half the time).
      const c = Math.sign(rows[b] - la);
      num += c * d[p];
      den += c * c * s[p];
    }
  }
  out[0] = num;
  out[1] = den;
}

/** numDen's two sums, for {@link onTheFly}. */
const onTheFlyParts = new Float64Array(2);

/** S_flow of the assignment rows[base..base + m) without the pair-sign table ({@link numDen}). */
function onTheFly(rows: Int8Array, base: number, m: number, diff: Float64Array, sum: Float64Array): number {
  numDen(rows, base, m, diff, sum, onTheFlyParts);
  return onTheFlyParts[1] === 0 ? NaN : onTheFlyParts[0] / onTheFlyParts[1];
}

/** Check that T is n×n (or n² long, row-major) and finite where read, and fill diff[p] = t_ij − t_ji and sum[p] = t_ij + t_ji for each pair p = (i, j) of layered components. */
function readPairTerms(
  total: Matrix | Float64Array,
  n: number,
  { layered, pairs: P, pairA, pairB }: AssignmentSet,
  diff: Float64Array,
  sum: Float64Array,
): void {
  if (total instanceof Float64Array) {
    if (total.length !== n * n) throw new RangeError(`flow test: a row-major T needs ${n * n} entries, got ${total.length}`);
  } else {
    if (!Array.isArray(total) || total.length !== n)
      throw new RangeError(`flow test: T must be ${n}×${n}, got ${Array.isArray(total) ? total.length : 0} rows`);
    for (let i = 0; i < n; i++) if (!Array.isArray(total[i]) || total[i].length !== n) throw new RangeError(`flow test: row ${i} of T must have ${n} entries`);
  }
  for (let p = 0; p < P; p++) {
    const i = layered[pairA[p]];
    const j = layered[pairB[p]];
    const tij = entry(total, n, i, j);
    const tji = entry(total, n, j, i);
    diff[p] = tij - tji;
    sum[p] = tij + tji;
  }
}

/** t_ij of T (n×n, or row-major), which must be finite. */
function entry(total: Matrix | Float64Array, n: number, i: number, j: number): number {
  const v = total instanceof Float64Array ? total[i * n + j] : total[i][j];
  if (!Number.isFinite(v)) throw new RangeError(`flow test: T[${i}][${j}] is not a finite number (${v})`);
  return v;
}
