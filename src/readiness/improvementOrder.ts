import { roleOf, type Role } from "../core/dematel.js";

/** What {@link improvementOrder} ranks, one entry per component (model order). */
export interface ImprovementInput {
  /** Normalised gap to the aspiration, in [0, 1]. */
  gap: number;
  /** D: total influence given (row sum of T). */
  given: number;
  /** D − R. */
  relation: number;
}

/** The tier of a component in the improvement order: gap > 0 and cause, neutral, effect; then every component without a gap. */
export type ImprovementTier = "cause" | "neutral" | "effect" | "no gap";

/** Relative tolerance: values within 1e-12·max(1, |a|, |b|) count as equal, so floating-point noise never decides an order. */
const TIE = 1e-12;
const differ = (a: number, b: number): boolean => Math.abs(a - b) > TIE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The tier of one component (docs/methods.md §13.4): "no gap" when g ≤ 1e-12, otherwise its role
 * by the sign of D − R with the ±1e-12 neutral band of `roleOf` (docs/methods.md §2.4).
 * @example
 * improvementTier({ gap: 0.5, given: 1, relation: -0.2 }); // "effect"
 */
export function improvementTier(input: ImprovementInput): ImprovementTier {
  if (!(input.gap > TIE)) return "no gap";
  const role: Role = roleOf(input.relation);
  return role === "effect" ? "effect" : role;
}

const TIER_RANK: Record<ImprovementTier, number> = { cause: 0, neutral: 1, effect: 2, "no gap": 3 };

/**
 * The improvement order of the components (docs/methods.md §13.4), the
 * influential-network-relation-map rule of Tzeng's group made exact: improve
 * the net causes before the net receivers, since improving a cause also lifts
 * what it influences, and among them the larger gaps first.
 *   1. tier: a component with a gap (g > 0) that is a net cause (D − R > 0)
 *      comes first, then neutral ones, then net receivers (D − R < 0), then
 *      every component already at its aspiration (g = 0);
 *   2. within a tier, the larger priority score s = g · D (the gap times the
 *      total influence the component gives through the network) first;
 *   3. ties of s (within 1e-12, relative) by the larger D − R, then by model order.
 * The order depends only on the inputs' values, never on the order of a file's rows.
 * Source: the INRM improvement strategies with gaps to the aspiration level of Liou & Tzeng (2012)
 * and Tzeng & Shen (2017); the tiers and the score g · D are this project's exact form of them (docs/methods.md §13.4).
 * @returns component indices (model order) from first to last to improve.
 * @throws {RangeError} when a value is not finite.
 * @example
 * improvementOrder([{ gap: 0.5, given: 1, relation: -0.2 }, { gap: 0.5, given: 1, relation: 0.2 }]); // [1, 0]
 */
export function improvementOrder(inputs: readonly ImprovementInput[]): number[] {
  for (const x of inputs) if (![x.gap, x.given, x.relation].every(Number.isFinite)) throw new RangeError("improvementOrder: gaps, D and D − R must be finite");
  const tier = inputs.map((x) => TIER_RANK[improvementTier(x)]);
  const score = inputs.map(priorityScore);
  return inputs
    .map((_, i) => i)
    .sort((i, j) => {
      if (tier[i] !== tier[j]) return tier[i] - tier[j];
      if (differ(score[i], score[j])) return score[j] - score[i];
      if (differ(inputs[i].relation, inputs[j].relation)) return inputs[j].relation - inputs[i].relation;
      return i - j;
    });
}

/**
 * The priority score within a tier (docs/methods.md §13.4): s = g · D, the normalised gap times the influence given.
 * @throws nothing (non-finite inputs give a non-finite score; {@link improvementOrder} refuses them).
 * @example
 * priorityScore({ gap: 0.5, given: 1.2, relation: 0.1 }); // 0.6
 */
export function priorityScore(input: ImprovementInput): number {
  return input.gap * input.given;
}
