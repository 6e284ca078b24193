import type { ImprovementTier } from "./improvementOrder.js";

/** What one component's reason sentence reads. */
export interface ReasonInput {
  /** 1-based position in the improvement order. */
  priority: number;
  name: string;
  tier: ImprovementTier;
  score: number;
  aspiration: number;
  scale: { min: number; max: number };
  /** Normalised gap g. */
  gap: number;
  relation: number;
  /** Components whose t_ij exceeds the threshold, and those whose t_ji does. */
  drives: number;
  drivenBy: number;
  /** n − 1. */
  others: number;
}

/** A number in a sentence: at most 2 decimals, trailing zeros dropped, `−` as minus. */
function num(x: number): string {
  const s = String(Number(x.toFixed(2)));
  return s.startsWith("-") ? "−" + s.slice(1) : s;
}

const ordinal = (k: number): string => {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][k % 10] ?? "th");
  return `${k}${suffix}`;
};

/**
 * One component's place in the improvement order in words (docs/methods.md §13.5): what to do,
 * its gap in points of the scale and normalised, its role and how many of the
 * other components it drives in the impact-relation map, and why it stands
 * where it does. The templates are those of the table in docs/methods.md §13.5.
 * @throws nothing.
 * @example
 * readinessReason({ priority: 1, name: "Customer-focused leadership", tier: "cause", score: 2.9, aspiration: 5,
 *   scale: { min: 1, max: 5 }, gap: 0.525, relation: 0.4, drives: 7, drivenBy: 1, others: 9 });
 * // "Strengthen Customer-focused leadership first: gap 2.1 of 5 (normalised 0.53), and as a net cause (D − R = 0.4) it drives 7 of the 9 others."
 */
export function readinessReason(r: ReasonInput): string {
  const gapText = `gap ${num(r.aspiration - r.score)} of ${num(r.aspiration)} (normalised ${num(r.gap)})`;
  const drives =
    r.drives === 0 ? "drives none of the others" : r.drives === r.others ? `drives all ${r.others} others` : `drives ${r.drives} of the ${r.others} others`;
  const drivenBy = r.drivenBy === 0 ? "none drives it" : r.drivenBy === 1 ? "1 other drives it" : `${r.drivenBy} others drive it`;
  const lead = r.priority === 1 ? `Strengthen ${r.name} first` : `${ordinal(r.priority)}, ${r.name}`;
  switch (r.tier) {
    case "cause":
      return `${lead}: ${gapText}, and as a net cause (D − R = ${num(r.relation)}) it ${drives}.`;
    case "neutral":
      return `${lead}: ${gapText}; it gives as much influence as it receives (D − R = 0) and ${drives}, so it follows the net causes.`;
    case "effect":
      return `${lead}: ${gapText}, but it is a net receiver (D − R = ${num(r.relation)}; ${drives}, ${drivenBy}), so it follows the causes whose improvement also lifts it.`;
    case "no gap":
      return `${lead}: no gap, its score ${num(r.score)} already reaches its aspiration ${num(r.aspiration)} on the ${num(r.scale.min)}–${num(r.scale.max)} scale; keep it there.`;
  }
}
