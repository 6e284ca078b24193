import type { Model } from "../types.js";
import { plotNumber } from "../plots/plotlyFigure.js";
import { roleOf } from "../core/dematel.js";

/** What {@link plainReading} reads from a result. */
export interface PlainReadingInput {
  components: readonly string[];
  prominence: readonly number[];
  relation: readonly number[];
  given: readonly number[];
  received: readonly number[];
  edges: ReadonlyArray<{ from: string; to: string; value: number }>;
  threshold: { method: string; value: number };
}

/**
 * A plain-language reading of a DEMATEL result, generated from the numbers
 * (plain text, one sentence or short paragraph per entry, not escaped):
 * the strongest net driver (largest relation D−R) and the strongest net
 * receiver (smallest), the causes and effects in order, the most connected
 * component (largest prominence D+R), the strongest single influence in T
 * and what the impact-relation map contains; with the rule that reads
 * relation > 0 as cause (Tzeng, Chiang & Li 2007, §3).
 * Components are named "Name (ID)" when the model gives a name.
 * @throws {RangeError} when there are no components.
 * @example
 * plainReading(result, model)[0]; // "Customer-focused leadership (LEAD) is the strongest net driver: ..."
 */
export function plainReading(result: PlainReadingInput, model?: Model): string[] {
  const n = result.components.length;
  if (n === 0) throw new RangeError("plainReading: no components");
  const names = new Map((model?.components ?? []).map((c) => [c.id, c.name] as const));
  const label = (id: string): string => (names.has(id) && names.get(id) !== id ? `${names.get(id)} (${id})` : id);
  const order = [...result.components.keys()].sort((a, b) => result.relation[b] - result.relation[a]);
  const causes = order.filter((i) => roleOf(result.relation[i]) === "cause");
  const effects = order.filter((i) => roleOf(result.relation[i]) === "effect").reverse();
  const out: string[] = [];
  const top = order[0];
  const bottom = order[n - 1];
  if (causes.length) {
    out.push(
      `${label(result.components[top])} is the strongest net driver: it gives more influence than it receives (relation D−R = ${plotNumber(result.relation[top])}; given D = ${plotNumber(result.given[top])}, received R = ${plotNumber(result.received[top])}).`,
    );
  } else {
    out.push("No component is a net driver: every relation D−R is zero or negative within rounding.");
  }
  if (effects.length) {
    out.push(
      `${label(result.components[bottom])} is the strongest net receiver: it is influenced more than it influences (relation D−R = ${plotNumber(result.relation[bottom])}).`,
    );
  }
  out.push(
    `Causes (net drivers, relation > 0), strongest first: ${causes.length ? causes.map((i) => `${label(result.components[i])} ${plotNumber(result.relation[i])}`).join("; ") : "none"}. ` +
      `Effects (net receivers, relation < 0), most dependent first: ${effects.length ? effects.map((i) => `${label(result.components[i])} ${plotNumber(result.relation[i])}`).join("; ") : "none"}.`,
  );
  let most = 0;
  for (let i = 1; i < n; i++) if (result.prominence[i] > result.prominence[most]) most = i;
  out.push(
    `${label(result.components[most])} is the most connected component: the largest prominence D+R = ${plotNumber(result.prominence[most])}, the total influence it gives and receives.`,
  );
  if (result.edges.length) {
    const e = result.edges.reduce((a, b) => (b.value > a.value ? b : a));
    const outDeg = new Map<string, number>();
    for (const x of result.edges) outDeg.set(x.from, (outDeg.get(x.from) ?? 0) + 1);
    const [hub, deg] = [...outDeg.entries()].sort((a, b) => b[1] - a[1])[0];
    out.push(
      `The strongest single influence is ${label(e.from)} → ${label(e.to)} (t = ${plotNumber(e.value)}). ` +
        `The impact-relation map keeps ${result.edges.length} of ${n * (n - 1)} possible links above the threshold α = ${plotNumber(result.threshold.value, 4)} (${result.threshold.method}); ` +
        `${label(hub)} sends the most of them (${deg}).`,
    );
  } else {
    out.push(
      `No link lies above the threshold α = ${plotNumber(result.threshold.value, 4)} (${result.threshold.method}), so the impact-relation map is empty.`,
    );
  }
  return out;
}
