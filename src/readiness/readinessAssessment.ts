import type { Matrix } from "../types.js";
import type { Role } from "../core/dematel.js";
import { roleOf } from "../core/dematel.js";
import type { ReadinessScores } from "../io/readReadinessScores.js";
import { normalizedGap } from "./normalizedGap.js";
import { improvementOrder, improvementTier, priorityScore, type ImprovementTier } from "./improvementOrder.js";
import { readinessReason } from "./readinessReason.js";

/** The influence structure a readiness assessment uses: a DEMATEL result's T, its threshold and the weights. */
export interface ReadinessInfluence {
  /** Component ids, model order (the scores' order). */
  components: readonly string[];
  /** Component names for the sentences, model order. */
  names: readonly string[];
  /** The total-relation matrix T. */
  total: Matrix;
  /** The impact-relation map's threshold: i drives j when t_ij > threshold. */
  threshold: number;
  /** Weights summing to 1, model order. */
  weights: readonly number[];
  /** Which weights: DANP influential weights or DEMATEL weights. */
  weightMethod: "DANP" | "DEMATEL";
}

/** One component's readiness, in improvement order. */
export interface ReadinessComponent {
  id: string;
  name: string;
  /** 1-based position in the improvement order. */
  priority: number;
  tier: ImprovementTier;
  score: number;
  aspiration: number;
  /** True when the scores file gave the aspiration (false: the scale's max). */
  aspirationGiven: boolean;
  /** Gap in points of the scale, max(0, aspiration − score). */
  gapPoints: number;
  /** Normalised gap g = (aspiration − score) / (aspiration − worst), clipped at 0. */
  gap: number;
  weight: number;
  /** weight · g. */
  weightedGap: number;
  /** D, R, D − R of the influence structure. */
  given: number;
  received: number;
  relation: number;
  role: Role;
  /** The within-tier priority score g · D. */
  priorityScore: number;
  /** How many other components it drives (t_ij > threshold) and how many drive it (t_ji > threshold). */
  drives: number;
  drivenBy: number;
  reason: string;
}

/** The readiness of one organisation (docs/methods.md §13). */
export interface ReadinessAssessment {
  scale: { min: number; max: number };
  weightMethod: "DANP" | "DEMATEL";
  threshold: number;
  /** Readiness index Σ w_j (1 − g_j), in [0, 1]: 1 = every component at its aspiration. */
  index: number;
  /** Weighted gap Σ w_j g_j = 1 − index. */
  weightedGap: number;
  /** Weighted performance Σ w_j p_j on the scale. */
  weightedScore: number;
  /** Every component, in improvement order. */
  components: ReadinessComponent[];
}

/**
 * Assess one organisation's readiness from its scores and an influence
 * structure (docs/methods.md §13): per component the gap to the aspiration
 * (in points and normalised), the weighted readiness index Σ w_j (1 − g_j),
 * the improvement order of {@link improvementOrder} and a reason sentence for
 * each position.
 * Source: Liou & Tzeng (2012); Ou Yang et al. (2008); Tzeng & Shen (2017).
 * @throws {RangeError} when the scores and the structure name different components, or sizes differ.
 * @example
 * readinessAssessment(scores, { components, names, total, threshold: 0.2, weights, weightMethod: "DANP" }).components[0].reason;
 */
export function readinessAssessment(scores: ReadinessScores, influence: ReadinessInfluence): ReadinessAssessment {
  const n = influence.components.length;
  if (scores.components.length !== n || scores.components.some((c, i) => c !== influence.components[i]))
    throw new RangeError("readinessAssessment: the scores' components are not the influence structure's (in model order)");
  if (influence.total.length !== n || influence.weights.length !== n || influence.names.length !== n)
    throw new RangeError("readinessAssessment: T, weights and names must have one entry per component");
  const T = influence.total;
  const given = T.map((row) => row.reduce((a, b) => a + b, 0));
  const received = T[0].map((_, j) => T.reduce((a, row) => a + row[j], 0));
  const relation = given.map((d, i) => d - received[i]);
  const gap = scores.scores.map((p, i) => normalizedGap(p, scores.aspirations[i], scores.scale.min));
  const drives = T.map((row, i) => row.filter((t, j) => j !== i && t > influence.threshold).length);
  const drivenBy = T.map((_, j) => T.filter((row, i) => i !== j && row[j] > influence.threshold).length);
  const inputs = gap.map((g, i) => ({ gap: g, given: given[i], relation: relation[i] }));
  const order = improvementOrder(inputs);
  const components = order.map((i, k): ReadinessComponent => {
    const tier = improvementTier(inputs[i]);
    const base = {
      priority: k + 1,
      name: influence.names[i],
      tier,
      score: scores.scores[i],
      aspiration: scores.aspirations[i],
      scale: scores.scale,
      gap: gap[i],
    };
    return {
      id: influence.components[i],
      name: influence.names[i],
      priority: k + 1,
      tier,
      score: scores.scores[i],
      aspiration: scores.aspirations[i],
      aspirationGiven: scores.aspirationGiven[i],
      gapPoints: Math.max(0, scores.aspirations[i] - scores.scores[i]),
      gap: gap[i],
      weight: influence.weights[i],
      weightedGap: influence.weights[i] * gap[i],
      given: given[i],
      received: received[i],
      relation: relation[i],
      role: roleOf(relation[i]),
      priorityScore: priorityScore(inputs[i]),
      drives: drives[i],
      drivenBy: drivenBy[i],
      reason: readinessReason({ ...base, relation: relation[i], drives: drives[i], drivenBy: drivenBy[i], others: n - 1 }),
    };
  });
  const weightedGap = gap.reduce((a, g, i) => a + influence.weights[i] * g, 0);
  return {
    scale: { ...scores.scale },
    weightMethod: influence.weightMethod,
    threshold: influence.threshold,
    index: 1 - weightedGap,
    weightedGap,
    weightedScore: scores.scores.reduce((a, p, i) => a + influence.weights[i] * p, 0),
    components,
  };
}
