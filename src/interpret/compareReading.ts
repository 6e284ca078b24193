import type { Model } from "../types.js";
import type { GroupComparison } from "../compare/compareGroups.js";
import { formatPValue } from "./formatPValue.js";

/** The significance level the reading uses for "differ" (docs/methods.md §12.3). */
export const COMPARE_ALPHA = 0.05;

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/** "exact over 43,758 splits" or "Monte Carlo, 10,000 random splits". */
export function splitsText(c: GroupComparison): string {
  const p = c.meta.permutation;
  return p.method === "exact"
    ? `exact over all ${p.evaluated.toLocaleString("en-US")} distinct splits`
    : `Monte Carlo, ${p.evaluated.toLocaleString("en-US")} seeded random splits of ${p.relabellings.toLocaleString("en-US")}`;
}

/**
 * The comparison of two expert groups in plain sentences (docs/methods.md §12): whether the relation vectors,
 * the total-relation matrices and the layering's trend statistic differ more than a random split of the same
 * experts would give, which components differ after the Westfall–Young adjustment (or the smallest adjusted p
 * when none does), each group's trend test, and what a difference that is not significant does not mean.
 * Used by `cxm-dematel compare` and its report, so both say the same.
 * @example
 * compareReading(compareGroups(groupsFromSurvey(survey), model), model)[0];
 * // "The groups' relation vectors D−R differ more than a random split of the same 18 experts would give (‖r₁ − r₂‖ = 2.169, p = 0.00014, exact over all 43,758 distinct splits)."
 */
export function compareReading(c: GroupComparison, model?: Model): string[] {
  const [a, b] = c.groups.map((g) => g.label);
  const K = c.groups.reduce((s, g) => s + g.experts.length, 0);
  const name = (id: string): string => model?.components.find((x) => x.id === id)?.name ?? id;
  const lines: string[] = [];
  const overall = (statistic: string): GroupComparison["overall"][number] | undefined => c.overall.find((o) => o.statistic === statistic);
  const differs = (p: number): string => (p < COMPARE_ALPHA ? "differ more than" : "do not differ beyond what");
  const give = (p: number): string => (p < COMPARE_ALPHA ? "would give" : "gives");
  const rel = overall("relation-distance");
  if (rel)
    lines.push(
      `The groups' relation vectors D−R ${differs(rel.p)} a random split of the same ${K} experts ${give(rel.p)} (‖r₁ − r₂‖ = ${f(rel.value)}, p = ${formatPValue(rel.p)}, ${splitsText(c)}).`,
    );
  const tf = overall("frobenius-T");
  if (tf) lines.push(`Their total-relation matrices ${differs(tf.p)} a random split ${give(tf.p)} (‖T₁ − T₂‖_F = ${f(tf.value)}, p = ${formatPValue(tf.p)}).`);
  const tr = overall("trend-difference");
  const lt = c.layerTests;
  if (tr && lt)
    lines.push(
      `The layering's trend statistic S_trend is ${f(lt[0].trend.statistic)} for ${a} and ${f(lt[1].trend.statistic)} for ${b}: a difference of ${f(tr.value)}, p = ${formatPValue(tr.p)}.`,
    );
  lines.push(componentSentence(c, name));
  if (lt) lines.push(layerTestSentence(lt));
  const anyDiffers = c.overall.some((o) => o.p < COMPARE_ALPHA) || c.components.some((x) => x.pAdjusted < COMPARE_ALPHA);
  if (!anyDiffers)
    lines.push(
      `No difference is significant at ${COMPARE_ALPHA}; that is not evidence that the groups agree: with ${c.groups[0].experts.length} and ${c.groups[1].experts.length} experts only large differences can be detected.`,
    );
  return lines;
}

/** Which components differ after adjustment, or the closest one when none does. */
function componentSentence(c: GroupComparison, name: (id: string) => string): string {
  const [a, b] = c.groups.map((g) => g.label);
  const n = new Set(c.components.map((x) => x.id)).size;
  const adjust = `adjusted for the ${n} components by Westfall–Young step-down max-T`;
  const found = c.components.filter((x) => x.pAdjusted < COMPARE_ALPHA);
  if (found.length === 0) {
    const best = c.components.reduce((m, x) => (x.pAdjusted < m.pAdjusted ? x : m), c.components[0]);
    return `No single component's relation or prominence differs between the groups (${adjust}); the smallest adjusted p is ${formatPValue(best.pAdjusted)} (${best.id}, ${best.measure}).`;
  }
  const measureName = (m: string): string => (m === "relation" ? "relation D−R" : "prominence D+R");
  const parts = found.map(
    (x) =>
      `${name(x.id)} (${x.id}): ${measureName(x.measure)} ${f(x.first)} for ${a}, ${f(x.second)} for ${b} (difference ${f(x.difference)}, adjusted p = ${formatPValue(x.pAdjusted)})`,
  );
  return `Components that differ (${adjust}): ${parts.join("; ")}.`;
}

/** Each group's trend test in one sentence. */
function layerTestSentence(lt: NonNullable<GroupComparison["layerTests"]>): string {
  const each = lt.map((t) => `${t.group} p = ${formatPValue(t.trend.p)}`).join(", ");
  const rejecting = lt.filter((t) => t.trendSignificant).length;
  const how = rejecting === lt.length ? "in both groups" : rejecting === 0 ? "in neither group" : `for ${lt.find((t) => t.trendSignificant)!.group} only`;
  return `Within each group, the trend test of the proposed layering rejects ${how} (${each}; docs/methods.md §5).`;
}
