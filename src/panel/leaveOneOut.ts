import type { Matrix } from "../types.js";
import type { DematelResult } from "../core/dematel.js";
import type { DematelSettings } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { leaveOneOutAggregate } from "../core/leaveOneOutAggregate.js";

/** The panel's DEMATEL result without one expert. */
export interface LeaveOneOutRun {
  /** 0-based index of the expert left out. */
  expertIndex: number;
  /** The DEMATEL result of the other experts (same settings, their own weights); absent when it has no solution. */
  result?: DematelResult;
  /** Why there is no result (the error's message). */
  error?: string;
}

/**
 * Leave each expert out in turn and compute the DEMATEL result of the others
 * (docs/methods.md §3.4, §7.5), with the same settings and the others' own weights.
 * Computed once per analysis and shared by panel quality (leave-one-out
 * effects) and sensitivity (leave-one-out scenarios). A run without a
 * solution keeps its reason in `error` instead of failing the whole list;
 * a TypeError (a bug, not a property of the data) is thrown. Classic DEMATEL
 * aggregates the others by update (`leaveOneOutAggregate`: the full sum minus
 * one expert, O(Kn²) in all instead of O(K²n²)), with the same results.
 * @param matrices the K experts' matrices, in component order.
 * @param settings resolved settings.
 * @param components the component ids, in order.
 * @returns K runs, in expert order; none when K < 2 (nobody would remain).
 * @example
 * leaveOneOut(matrices, resolveSettings(), ids).map((r) => r.result?.relation);
 */
export function leaveOneOut(matrices: readonly Matrix[], settings: DematelSettings, components: readonly string[]): LeaveOneOutRun[] {
  const K = matrices.length;
  if (K < 2) return [];
  const runs: LeaveOneOutRun[] = [];
  // Classic DEMATEL aggregates the others by update (O(Kn²), bit-identical; leaveOneOutAggregate.ts), and the
  // aggregate is then the panel of one matrix of weight 1 (aggregate of it is the identity); other methods re-aggregate.
  const updates = settings.method === "classic" ? leaveOneOutAggregate(matrices, { method: settings.aggregation, weights: settings.weights }) : undefined;
  const single = updates && { ...settings, aggregation: "mean" as const };
  for (let k = 0; k < K; k++) {
    try {
      if (updates && single) {
        runs.push({ expertIndex: k, result: panelDematel([updates.without(k)], single, components, [1]) });
        continue;
      }
      const others = matrices.filter((_, j) => j !== k);
      const weights = settings.weights?.filter((_, j) => j !== k);
      runs.push({ expertIndex: k, result: panelDematel(others, settings, components, weights) });
    } catch (e) {
      if (e instanceof TypeError) throw e;
      runs.push({ expertIndex: k, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return runs;
}
