import type { Model } from "../types.js";
import { layerIndex } from "../model/model.js";
import { requireLayers } from "../model/assertLayeredModel.js";
import { countAssignments } from "./countAssignments.js";
import { createAssignmentSet } from "./createAssignmentSet.js";
import { untiedTrendAtMost } from "./permutationTest.js";

/** The attainable size of the exact trend test: its rejection rate under the null (see {@link attainableTrendSize}). */
export interface AttainableSize {
  /** P(p < α) when the layers carry no information and relation has no ties. */
  size: number;
  /** Nominal significance level α. */
  significanceLevel: number;
  /** Number of layer assignments the exact test enumerates. */
  assignments: number;
  /** Layer sizes, outer → inner (empty layers left out). */
  sizes: number[];
}

/**
 * The attainable size of the exact permutation test of S_trend (docs/methods.md §5.6)
 * for a model's layer sizes: the probability of p < α under the null. Under
 * the null every assignment of the components to layers of these sizes is
 * equally likely to be the observed one, so the size is the share of
 * assignments whose own p-value (#{assignments with S ≥ theirs}/#assignments)
 * is below α. It is computed for an untied relation vector (every untied
 * vector gives the same distribution, and averaged ratings are essentially
 * never tied), from the concordance numerators s = Σ_pairs sign(ℓ_a − ℓ_b)·
 * sign(r_a − r_b), since S_trend ≥ S_obs ⟺ s ≤ s_obs. S_trend takes few
 * distinct values, so the size is below α, not equal to it (for the CXM
 * model's sizes 2, 3, 2, 3 at α = 0.05 it is 1,190/25,200 ≈ 4.72%).
 * Source: docs/methods.md §5.5–5.6 (exact permutation p-values, attainable size); on discrete tests and
 * attainable levels, Lehmann & Romano (2005), Testing Statistical Hypotheses, §3.2.
 * @returns undefined when the test is not exact (more than `maxExact` assignments, default 10^6: Monte Carlo).
 * @throws {RangeError} when the model has fewer than two non-empty layers or α is not in (0, 1).
 * @example
 * attainableTrendSize(defaultModel(), 0.05)?.size; // 0.0472…
 */
export function attainableTrendSize(model: Model, significanceLevel = 0.05, options: { maxExact?: number } = {}): AttainableSize | undefined {
  const alpha = significanceLevel;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`attainableTrendSize: the significance level must be in (0, 1), got ${alpha}`);
  requireLayers(model, "attainableTrendSize");
  const layerOf = layerIndex(model);
  const counts: number[] = [];
  for (const l of layerOf) if (l >= 0) counts[l] = (counts[l] ?? 0) + 1;
  const sizes = Array.from(counts, (c) => c ?? 0).filter((c) => c > 0);
  const N = countAssignments(sizes);
  if (N > (options.maxExact ?? 1e6)) return undefined;
  // The tally of the numerators s over every assignment (untiedTrendAtMost, shared with the trend test): an
  // assignment with numerator s has p = #{s' ≤ s}/N and is rejected when p < α; those with p < α form a prefix
  // of the values of s, so the rejected count is the largest cumulative count below α·N.
  const atMost = untiedTrendAtMost(createAssignmentSet(layerOf, { maxExact: N }));
  let rejected = 0;
  for (const below of atMost) if (below / N < alpha) rejected = below;
  return { size: rejected / N, significanceLevel, assignments: N, sizes };
}
