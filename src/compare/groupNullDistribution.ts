import type { NormalizationMethod } from "../core/normalizerOf.js";
import { createGroupDematel } from "./groupDematel.js";
import { contrastInto, contrastWidth } from "./groupContrast.js";
import { planRelabellings, visitRelabellings, type RelabelOptions, type RelabelPlan } from "./relabelGroups.js";

/** The permutation distribution of the group contrast (docs/methods.md §12.3): one row of statistics per relabelling. */
export interface GroupNullDistribution extends RelabelPlan {
  /** `evaluated` rows of {@link contrastWidth}(n) statistics, row-major; a relabelling without a T in one group is a row of +Infinity. */
  rows: Float64Array;
  /** Relabellings in which a group had no total-relation matrix (counted as exceeding every observed statistic). */
  infeasible: number;
}

/** The largest table of null statistics kept in memory (entries): 2^26, 512 MB of doubles at most. */
const MAX_NULL_ENTRIES = 2 ** 26;

/**
 * Every (exact) or B seeded random (Monte Carlo) relabelling of the K experts into groups of the
 * observed sizes, each group's classic DEMATEL computed from its maintained weighted sum
 * ({@link visitRelabellings}, {@link createGroupDematel}) and the two compared ({@link contrastInto}).
 * @param weighted the experts' w_k X^k, K × n², row-major, the first group's experts first.
 * @param weights the K weights.
 * @param first the size K₁ of the first group.
 * @param layerOf each component's layer (−1 none), for S_trend.
 * @throws {RangeError} when the table would exceed 2^26 entries (lower `maxExact` or `samples`).
 * @example
 * groupNullDistribution(weighted, weights, 2, [0, 0, 1, 1], { normalization: "max", epsilon: 0 }).evaluated; // 3 for K = 4
 */
export function groupNullDistribution(
  weighted: Float64Array,
  weights: Float64Array,
  first: number,
  layerOf: readonly number[],
  settings: { normalization: NormalizationMethod; epsilon: number },
  options: RelabelOptions = {},
): GroupNullDistribution {
  const n = layerOf.length;
  const width = contrastWidth(n);
  const plan = planRelabellings(first, weights.length - first, options);
  if (plan.evaluated * width > MAX_NULL_ENTRIES)
    throw new RangeError(`compareGroups: ${plan.evaluated} relabellings × ${width} statistics is too many to keep; lower maxExact or samples`);
  const rows = new Float64Array(plan.evaluated * width);
  const a = createGroupDematel(layerOf, settings.normalization, settings.epsilon);
  const b = createGroupDematel(layerOf, settings.normalization, settings.epsilon);
  let infeasible = 0;
  visitRelabellings(plan, weighted, weights, n * n, first, (s1, w1, s2, w2, row) => {
    if (a.run(s1, w1) && b.run(s2, w2)) contrastInto(a, b, rows, row * width);
    else {
      rows.fill(Infinity, row * width, (row + 1) * width);
      infeasible++;
    }
  });
  return { ...plan, rows, infeasible };
}
