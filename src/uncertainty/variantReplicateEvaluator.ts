import type { Matrix } from "../types.js";
import { InfeasibleError } from "../errors.js";
import type { DematelKernel } from "../core/dematelKernel.js";
import type { DematelSettings } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { flowStatistic } from "../permutation/flowStatistic.js";
import { trendStatistic } from "../permutation/trendStatistic.js";
import type { ReplicateEvaluator } from "./replicateEvaluator.js";

/**
 * The per-replicate step of the bootstrap and the jackknife for the fuzzy and grey methods
 * (docs/methods.md §2.9–2.11, §7.1): a resampled panel is the experts drawn, each as often as drawn
 * with its own weight, and their rating codes are read as fuzzy or grey numbers again and run through
 * the method itself (`panelDematel`: CFCS or whitening, aggregation, normalisation, total relation,
 * in the settings' order). So the resampling unit is the expert's fuzzy or grey matrix, and a global
 * CFCS minimum and range (or the defuzzify-last normalisation) is recomputed on every replicate, as it
 * would be on a panel of those experts. D, R, relation, S_trend, S_flow and the layer means come from
 * the replicate's crisp T; `total` holds that T for the structure tally (the classic kernel never forms
 * T, the methods do). A replicate fails (false) when the method has no total-relation matrix, every
 * aggregated rating is zero, the CFCS range is zero, or a layer statistic is undefined.
 * Slower than the classic kernel (it allocates per replicate): one full method run each.
 * @param matrices the K experts' matrices of rating codes, in model component order.
 * @param w one weight per expert.
 * @param layerOf each component's layer index (0 = outer, −1 = none), as `layerIndex(model)`.
 * @param settings resolved settings of a fuzzy or grey method.
 * @param components the component ids, in model order.
 * @throws {RangeError} when the settings are classic (use `createReplicateEvaluator`).
 * @example
 * const e = createVariantReplicateEvaluator(matrices, Float64Array.of(1, 1, 1), layerOf, resolveSettings({ method: "fuzzy" }, 3), ids);
 * e.evaluate(Float64Array.of(2, 0, 1)); // true; e.kernel.relation holds D − R of that panel
 */
export function createVariantReplicateEvaluator(
  matrices: readonly Matrix[],
  w: Float64Array,
  layerOf: readonly number[],
  settings: DematelSettings,
  components: readonly string[],
): ReplicateEvaluator & { readonly total: Float64Array } {
  if (settings.method === "classic") throw new RangeError("createVariantReplicateEvaluator is for the fuzzy and grey methods; classic uses the kernel");
  const n = components.length;
  const K = w.length;
  const L = Math.max(0, ...layerOf) + 1;
  const layerSize = new Float64Array(L);
  for (const l of layerOf) if (l >= 0) layerSize[l]++;
  const total = new Float64Array(n * n);
  const kernel: DematelKernel = {
    n,
    layers: L,
    direct: new Float64Array(n * n),
    epsilon: settings.epsilon,
    given: new Float64Array(n),
    received: new Float64Array(n),
    prominence: new Float64Array(n),
    relation: new Float64Array(n),
    layerMeans: new Float64Array(L),
    trend: NaN,
    flow: NaN,
    layerMeansDecrease: false,
    run(): boolean {
      throw new Error("the fuzzy and grey replicates are evaluated from their panels (evaluate), not from a direct matrix");
    },
  };
  const evaluate = (counts: Float64Array): boolean => {
    const panel: Matrix[] = [];
    const weights: number[] = [];
    for (let k = 0; k < K; k++)
      for (let r = 0; r < counts[k]; r++) {
        panel.push(matrices[k]);
        weights.push(w[k]);
      }
    if (panel.length === 0) return false;
    let d;
    try {
      d = panelDematel(panel, settings, components, weights);
    } catch (e) {
      if (e instanceof InfeasibleError || e instanceof RangeError) return false;
      throw e;
    }
    fillKernel(kernel, total, d, layerOf, layerSize);
    return !Number.isNaN(kernel.trend) && !Number.isNaN(kernel.flow);
  };
  return {
    kernel,
    total,
    batchSize: 1,
    evaluate,
    evaluateBatch(counts: Float64Array, size: number, done: (j: number, ok: boolean) => void): void {
      for (let j = 0; j < size; j++) done(j, evaluate(counts.subarray(j * K, (j + 1) * K)));
    },
  };
}

/** The kernel's outputs from one replicate's DEMATEL result: A, T, D, R, prominence, relation, layer means and statistics. */
function fillKernel(
  kernel: DematelKernel,
  total: Float64Array,
  d: { direct: Matrix; total: Matrix; given: number[]; received: number[]; prominence: number[]; relation: number[] },
  layerOf: readonly number[],
  layerSize: Float64Array,
): void {
  const n = kernel.n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      kernel.direct[i * n + j] = d.direct[i][j];
      total[i * n + j] = d.total[i][j];
    }
  kernel.given.set(d.given);
  kernel.received.set(d.received);
  kernel.prominence.set(d.prominence);
  kernel.relation.set(d.relation);
  const means = kernel.layerMeans;
  means.fill(0);
  for (let i = 0; i < n; i++) if (layerOf[i] >= 0) means[layerOf[i]] += d.relation[i];
  let decrease = kernel.layers >= 2;
  for (let p = 0; p < kernel.layers; p++) {
    means[p] /= layerSize[p];
    if (p > 0 && !(means[p] < means[p - 1])) decrease = false;
  }
  kernel.layerMeansDecrease = decrease;
  kernel.trend = trendStatistic(layerOf, d.relation);
  kernel.flow = flowStatistic(d.total, layerOf);
}
