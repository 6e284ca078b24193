import type { Matrix } from "../types.js";
import { InfeasibleError } from "../errors.js";
import type { NormalizationMethod } from "../core/normalizerOf.js";
import { createGroupDematel } from "./groupDematel.js";
import { OVERALL_STATISTICS, contrastInto, contrastWidth, type OverallStatistic } from "./groupContrast.js";
import { groupNullDistribution, type GroupNullDistribution } from "./groupNullDistribution.js";
import type { RelabelOptions, RelabelPlan } from "./relabelGroups.js";
import { stepDownMaxT } from "./stepDownMaxT.js";

/** One overall statistic: its value, permutation p-value, and over what it was computed. */
export interface OverallComparison {
  statistic: OverallStatistic;
  value: number;
  p: number;
  method: "exact" | "monte-carlo";
  evaluated: number;
}

/** One component's difference (first group − second) in relation or prominence, its permutation p and its Westfall–Young adjusted p. */
export interface ComponentComparison {
  id: string;
  measure: "relation" | "prominence";
  difference: number;
  p: number;
  pAdjusted: number;
  /** The measure in the first and in the second group. */
  first: number;
  second: number;
}

/** One group of the test: its experts' matrices and weights. */
export interface GroupTestInput {
  matrices: readonly Matrix[];
  /** One positive weight per matrix (default 1 each). */
  weights?: readonly number[];
}

/** The settings of both groups' classic DEMATEL (weighted mean aggregation). */
export interface GroupTestSettings {
  normalization: NormalizationMethod;
  epsilon: number;
  /** Component ids in matrix order, for the results (default C1 … Cn). */
  components?: readonly string[];
}

/** Outcome of {@link groupPermutationTest}. */
export interface GroupPermutationResult {
  overall: OverallComparison[];
  components: ComponentComparison[];
  permutation: RelabelPlan & { infeasible: number };
}

/**
 * The permutation test over group labels of docs/methods.md §12.2–12.4, without the per-group
 * analyses: the core of {@link compareGroups}, cheap enough for simulation studies. Experts are
 * exchangeable under the null; each relabelling into groups of the observed sizes gets both groups'
 * classic DEMATEL (weighted mean, the given normalisation and ε), and the observed statistics are
 * compared with them: ‖T₁ − T₂‖_F, ‖r₁ − r₂‖₂, |ΔS_trend| (with at least two layers), and per component
 * |Δ(D − R)|, |Δ(D + R)| with Westfall–Young step-down max-T adjusted p-values within each measure.
 * p = #{≥}/N exact (the observed relabelling among the N), (1 + #{≥})/(1 + B) Monte Carlo; "≥" allows
 * 1e-12·max(1, |S_obs|); a relabelling without a T in a group counts as ≥ for every statistic.
 * Source: docs/methods.md §12; Westfall & Young (1993); Phipson & Smyth (2010).
 * @param layerOf each component's layer (−1: none), as `layerIndex(model)`.
 * @throws {RangeError} on shapes that do not fit, negative ratings or weights, or a group of fewer than two experts.
 * @throws {InfeasibleError} when an observed group has no total-relation matrix.
 * @example
 * groupPermutationTest({ matrices: a }, { matrices: b }, layerIndex(model), { normalization: "max", epsilon: 0 }).overall[0].p;
 */
export function groupPermutationTest(
  first: GroupTestInput,
  second: GroupTestInput,
  layerOf: readonly number[],
  settings: GroupTestSettings,
  options: RelabelOptions = {},
): GroupPermutationResult {
  const n = layerOf.length;
  const { weighted, weights } = packGroups([first, second], n);
  const k1 = first.matrices.length;
  const observed = observedContrast(weighted, weights, k1, layerOf, settings);
  const nul = groupNullDistribution(weighted, weights, k1, layerOf, settings, options);
  const ids = settings.components ?? Array.from({ length: n }, (_, i) => `C${i + 1}`);
  if (ids.length !== n) throw new RangeError(`groupPermutationTest: ${ids.length} component ids for ${n} components`);
  const { rows: _rows, ...plan } = nul;
  return { overall: overallComparisons(observed.row, nul, layerOf), components: componentComparisons(observed, nul, ids), permutation: plan };
}

/** The experts' w_k X^k (K × n², diagonal 0) and weights, the first group's first, after checking shapes, ratings and sizes. */
function packGroups(groups: readonly GroupTestInput[], n: number): { weighted: Float64Array; weights: Float64Array } {
  const all = groups.flatMap((g, gi) => {
    if (g.matrices.length < 2) throw new RangeError(`groupPermutationTest: group ${gi + 1} has ${g.matrices.length} experts; at least 2 are needed`);
    if (g.weights && g.weights.length !== g.matrices.length)
      throw new RangeError(`groupPermutationTest: group ${gi + 1} has ${g.matrices.length} matrices but ${g.weights.length} weights`);
    return g.matrices.map((m, k) => ({ m, w: g.weights?.[k] ?? 1 }));
  });
  const nn = n * n;
  const weighted = new Float64Array(all.length * nn);
  const weights = new Float64Array(all.length);
  all.forEach(({ m, w }, k) => {
    if (!(Number.isFinite(w) && w > 0)) throw new RangeError(`groupPermutationTest: weight ${k + 1} must be a positive number, got ${w}`);
    if (m.length !== n || m.some((row) => row.length !== n)) throw new RangeError(`groupPermutationTest: matrix ${k + 1} is not ${n}×${n}`);
    weights[k] = w;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const v = m[i][j];
        if (!(v >= 0)) throw new RangeError(`groupPermutationTest: matrix ${k + 1}[${i}][${j}] must be a non-negative number, got ${v}`);
        weighted[k * nn + i * n + j] = i === j ? 0 : w * v;
      }
  });
  return { weighted, weights };
}

/** The observed groups' relation and prominence, and their contrast row. */
interface Observed {
  row: Float64Array;
  groups: Array<{ relation: number[]; prominence: number[] }>;
}

/** The observed contrast, computed afresh from the groups' sums (not from the permutation loop). */
function observedContrast(weighted: Float64Array, weights: Float64Array, first: number, layerOf: readonly number[], settings: GroupTestSettings): Observed {
  const n = layerOf.length;
  const nn = n * n;
  const sums = [new Float64Array(nn), new Float64Array(nn)];
  const w = [0, 0];
  for (let k = 0; k < weights.length; k++) {
    const g = k < first ? 0 : 1;
    w[g] += weights[k];
    for (let c = 0; c < nn; c++) sums[g][c] += weighted[k * nn + c];
  }
  const [a, b] = [0, 1].map(() => createGroupDematel(layerOf, settings.normalization, settings.epsilon));
  const out = new Float64Array(contrastWidth(n));
  if (!a.run(sums[0], w[0]) || !b.run(sums[1], w[1]))
    throw new InfeasibleError(
      "A group's mean direct-influence matrix has no total-relation matrix (ρ(N) ≥ 1 or nothing to normalise); analyse each group alone to see why.",
    );
  contrastInto(a, b, out, 0);
  const copy = (g: typeof a) => ({ relation: Array.from(g.relation), prominence: Array.from(g.prominence) });
  return { row: out, groups: [copy(a), copy(b)] };
}

/** #{rows with |row[col]| ≥ |obs| − tolerance}: NaN never counts, an infeasible row (+Infinity) always does. */
function exceedances(nul: GroupNullDistribution, col: number, obs: number): number {
  const width = nul.rows.length / nul.evaluated;
  const t = Math.abs(obs);
  const bar = t - 1e-12 * Math.max(1, t);
  let count = 0;
  for (let r = 0; r < nul.evaluated; r++) if (Math.abs(nul.rows[r * width + col]) >= bar) count++;
  return count;
}

/** The permutation p-value of column `col`: #/N exact (the observed relabelling among the N), (1 + #)/(1 + B) Monte Carlo. */
function permutationP(nul: GroupNullDistribution, col: number, obs: number): number {
  if (Number.isNaN(obs)) return NaN;
  const count = exceedances(nul, col, obs);
  return nul.method === "exact" ? count / nul.evaluated : (count + 1) / (nul.evaluated + 1);
}

/** The overall statistics; the trend difference only when the model has at least two layers. */
function overallComparisons(observed: Float64Array, nul: GroupNullDistribution, layerOf: readonly number[]): OverallComparison[] {
  const layered = new Set(layerOf.filter((l) => l >= 0)).size >= 2;
  return OVERALL_STATISTICS.map((statistic, col) => ({ statistic, col }))
    .filter(({ statistic }) => layered || statistic !== "trend-difference")
    .map(({ statistic, col }) => ({ statistic, value: observed[col], p: permutationP(nul, col, observed[col]), method: nul.method, evaluated: nul.evaluated }));
}

/** Per component and measure: the difference, its permutation p and the step-down max-T adjusted p within the measure's family of n. */
function componentComparisons(observed: Observed, nul: GroupNullDistribution, ids: readonly string[]): ComponentComparison[] {
  const n = ids.length;
  const width = contrastWidth(n);
  const out: ComponentComparison[] = [];
  (["relation", "prominence"] as const).forEach((measure, f) => {
    const base = OVERALL_STATISTICS.length + f * n;
    const scale = ids.map((_, i) => rootMeanSquare(nul, base + i));
    const t = ids.map((_, i) => (scale[i] > 0 ? Math.abs(observed.row[base + i]) / scale[i] : 0));
    const rows = new Float64Array(nul.evaluated * n);
    for (let r = 0; r < nul.evaluated; r++)
      for (let i = 0; i < n; i++) {
        const v = nul.rows[r * width + base + i];
        rows[r * n + i] = v === Infinity ? Infinity : scale[i] > 0 ? Math.abs(v) / scale[i] : 0;
      }
    const adjusted = stepDownMaxT(t, rows, nul.method === "monte-carlo");
    ids.forEach((id, i) =>
      out.push({
        id,
        measure,
        difference: observed.row[base + i],
        p: permutationP(nul, base + i, observed.row[base + i]),
        pAdjusted: adjusted[i],
        first: observed.groups[0][measure][i],
        second: observed.groups[1][measure][i],
      }),
    );
  });
  return out;
}

/** √(mean of the squared finite values of column `col`): the scale of a difference under the null. */
function rootMeanSquare(nul: GroupNullDistribution, col: number): number {
  const width = nul.rows.length / nul.evaluated;
  let s = 0,
    m = 0;
  for (let r = 0; r < nul.evaluated; r++) {
    const v = nul.rows[r * width + col];
    if (Number.isFinite(v)) {
      s += v * v;
      m++;
    }
  }
  return m > 0 ? Math.sqrt(s / m) : 0;
}
