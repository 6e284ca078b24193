import { reuseOrCreate, type AssignmentSet, type PermutationOptions } from "./createAssignmentSet.js";
import { monteCarloP, permutationP, permutationTest, untiedTrendAtMost } from "./permutationTest.js";
import { pairSign, tauFromCounts, tieTolerance } from "../stats/kendallTauB.js";
import type { PermutationResult, PermutationTest } from "./permutationTypes.js";

/**
 * A prepared exact permutation test of the trend statistic
 * S_trend = −τ_b(ℓ, relation) (docs/methods.md §5.2, §5.5) for one proposed layering.
 * The null hypothesis: layer labels carry no information about relation.
 * `test(relation)` returns the observed S_trend and
 * - exact (at most `maxExact` assignments): p = #{assignments with S ≥ S_obs} / #assignments,
 *   the observed assignment among them;
 * - Monte Carlo: p = (b + 1)/(B + 1), b = #{random assignments with S ≥ S_obs}, or
 *   h/L when the sequential rule stops after L draws with h = `stopAfter`
 *   exceedances (Besag & Clifford 1991, `monteCarloP`), with `draws` and
 *   the Monte Carlo `standardError` in the result.
 * "≥" is the tolerance rule of docs/methods.md §5.5 (S ≥ S_obs − 1e-12·max(1,|S_obs|)).
 * Because τ_b's denominator depends only on the tie structure of the layer
 * sizes and of relation, it is the same for every assignment, so the rule is
 * applied exactly on the integer numerators (concordant − discordant pairs):
 * floating-point noise can never move p.
 *
 * Speed: the assignments are listed once here; each `test` call ranks the
 * relation values into pairwise signs and makes one pass over the table,
 * allocating only its result (about 1.1 million pair operations for the CXM
 * model's 25,200 assignments). In the exact test a relation without ties
 * needs no pass at all: every untied relation gives the same null
 * distribution of the numerator (the argument of {@link attainableTrendSize}),
 * which is tallied on the first such call, so later ones (the power
 * simulation's thousands of panels) cost one pass over the m(m−1)/2 pairs.
 * Relation values within 1e-12·max(1, max|relation|) of each other are tied,
 * the tie rule of every τ_b here (`tieTolerance`, kendallTauB.ts), so the
 * statistic equals `trendStatistic`. When relation is constant over the
 * layered components, S_trend and p are NaN.
 * @param layerOf each component's 0-based layer, −1 for none (`layerIndex(model)`).
 * @throws {RangeError} see {@link createAssignmentSet}; `test` throws a
 *   RangeError when relation has the wrong length or holds NaN.
 * @example
 * const t = createTrendTest([0, 0, 1, 1]);
 * t.test([0.4, 0.3, -0.2, -0.5]); // { statistic: 0.8165, p: 1/6 }
 */
export function createTrendTest(layerOf: ArrayLike<number>, options: PermutationOptions = {}): PermutationTest<ArrayLike<number>> {
  const set = reuseOrCreate(layerOf, options);
  const n = layerOf.length;
  const { layered, rows, evaluated, pairs: P, pairA, pairB, pairSigns, observedSigns } = set;
  const m = layered.length;
  let tiesLayer = 0;
  for (let p = 0; p < P; p++) if (observedSigns[p] === 0) tiesLayer++;
  const r = new Float64Array(m);
  const sr = new Int8Array(P);
  const L = set.sizes.length;
  const counts = new Int32Array(L);
  // Exact test, relation without ties: the null distribution of the numerator is the same for every
  // untied relation (see untiedTrendAtMost); it is tallied on the first such call, which then and later
  // costs one pass over the pairs.
  let atMost: Float64Array | null = null;
  return permutationTest(set, (relation: ArrayLike<number>): PermutationResult => {
    if (relation.length !== n) throw new RangeError(`trend test: ${relation.length} relation values for ${n} components`);
    for (let a = 0; a < m; a++) {
      const v = relation[layered[a]];
      if (Number.isNaN(v)) throw new RangeError(`trend test: relation[${layered[a]}] is NaN`);
      r[a] = v;
    }
    // Relation ties by the package's one τ_b tie rule (tieTolerance), as trendStatistic and the kernel.
    const tol = tieTolerance(r);
    let tiesRelation = 0;
    let sObs = 0;
    for (let p = 0; p < P; p++) {
      const s = pairSign(r[pairA[p]], r[pairB[p]], tol);
      sr[p] = s;
      if (s === 0) tiesRelation++;
      sObs += observedSigns[p] * s;
    }
    const tau = tauFromCounts(sObs, m, tiesLayer, tiesRelation);
    if (Number.isNaN(tau)) return { statistic: NaN, p: NaN };
    const statistic = tau === 0 ? 0 : -tau;
    // S_trend(row) ≥ S_obs  ⟺  −s/√den ≥ −sObs/√den  ⟺  s ≤ sObs (den is the same for every row).
    let count = 0;
    if (set.method === "monte-carlo") {
      const ranked = L * m < P ? rankedGroups(r, sr, set, tol) : null;
      const mc =
        ranked !== null
          ? monteCarloP(set, (row) => trendNumerator(rows, row * m, ranked, counts) <= sObs)
          : pairSigns !== null
            ? monteCarloP(set, (row) => {
                let s = 0;
                for (let p = 0, o = row * P; p < P; p++, o++) s += pairSigns[o] * sr[p];
                return s <= sObs;
              })
            : monteCarloP(set, (row) => {
                let s = 0;
                for (let p = 0, base = row * m; p < P; p++) {
                  const la = rows[base + pairA[p]];
                  const lb = rows[base + pairB[p]];
                  if (la > lb) s += sr[p];
                  else if (la < lb) s -= sr[p];
                }
                return s <= sObs;
              });
      return { statistic, ...mc };
    }
    if (tiesRelation === 0) {
      atMost ??= untiedTrendAtMost(set);
      count = atMost[sObs + P];
    } else if (pairSigns !== null) {
      for (let row = 0, o = 0; row < evaluated; row++) {
        let s = 0;
        for (let p = 0; p < P; p++, o++) s += pairSigns[o] * sr[p];
        if (s <= sObs) count++;
      }
    } else {
      for (let row = 0, base = 0; row < evaluated; row++, base += m) {
        let s = 0;
        for (let p = 0; p < P; p++) {
          const la = rows[base + pairA[p]];
          const lb = rows[base + pairB[p]];
          if (la > lb) s += sr[p];
          else if (la < lb) s -= sr[p];
        }
        if (s <= sObs) count++;
      }
    }
    return { statistic, p: permutationP(count, set) };
  });
}

/** The layered components in ascending order of relation, cut into groups of tied values (see {@link rankedGroups}). */
interface RankedGroups {
  /** Component indices (into the layered components), relation ascending. */
  order: Int32Array;
  /** Group g is order[start[g] … start[g + 1] − 1]; start has groups + 1 entries. */
  start: Int32Array;
  groups: number;
}

/**
 * The relation order of the layered components in tie groups, when it reproduces every pair's sign
 * sr[p] exactly (same group: tied, 0; else the sign of the group order); `null` when the tie rule is
 * not transitive on these values (a chain of values each within the tolerance of the next), so that
 * the caller compares pairs instead.
 */
function rankedGroups(r: Float64Array, sr: Int8Array, set: AssignmentSet, tol: number): RankedGroups | null {
  const m = r.length;
  const order = Int32Array.from({ length: m }, (_, a) => a).sort((a, b) => r[a] - r[b]);
  const groupOf = new Int32Array(m);
  const start: number[] = [0];
  for (let k = 1; k < m; k++) {
    if (pairSign(r[order[k]], r[order[k - 1]], tol) !== 0) start.push(k);
    groupOf[order[k]] = start.length - 1;
  }
  groupOf[order[0]] = 0;
  for (let p = 0; p < set.pairs; p++) if (Math.sign(groupOf[set.pairA[p]] - groupOf[set.pairB[p]]) !== sr[p]) return null;
  const groups = start.length;
  start.push(m);
  return { order, start: Int32Array.from(start), groups };
}

/**
 * The trend numerator s = Σ_{a<b} sign(ℓ_a − ℓ_b)·sign(r_a − r_b) of the assignment at rows[base …], in
 * O(m·L) instead of O(m²) (the counting behind Knight's 1966 algorithm, with the L layer labels as
 * counters): walking up the relation order, a component with label ℓ adds the number of components
 * below it in relation with a smaller label minus those with a larger one; tied relations add nothing.
 * Integer arithmetic: the same s as the sum over pairs.
 */
function trendNumerator(rows: Int8Array, base: number, ranked: RankedGroups, counts: Int32Array): number {
  const { order, start, groups } = ranked;
  counts.fill(0);
  let seen = 0;
  let s = 0;
  for (let g = 0; g < groups; g++) {
    const g0 = start[g];
    const g1 = start[g + 1];
    for (let k = g0; k < g1; k++) {
      const label = rows[base + order[k]];
      let below = 0;
      for (let l = 0; l < label; l++) below += counts[l];
      s += 2 * below - (seen - counts[label]);
    }
    for (let k = g0; k < g1; k++) counts[rows[base + order[k]]]++;
    seen += g1 - g0;
  }
  return s;
}
