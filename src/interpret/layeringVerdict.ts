import { plotNumber } from "../plots/plotlyFigure.js";
import { roleOf } from "../core/dematel.js";
import { formatPValue } from "./formatPValue.js";
import { EXPERT_TEST_MIN_EXPERTS } from "../uncertainty/expertLevelTest.js";

/** One permutation test as the verdict reads it. */
export interface VerdictTest {
  statistic: number;
  p: number;
  method: "exact" | "monte-carlo" | string;
  assignments: number;
  evaluated?: number;
  /** Monte Carlo: the draws read before the sequential rule stopped (docs/methods.md §5.5) and the p-value's standard error. */
  draws?: number;
  standardError?: number;
}

/** "from 200 of 100,000 seeded random assignments (sequential stop), standard error 0.005": how a Monte Carlo p-value was reached and how precise it is. */
export function monteCarloPrecision(t: VerdictTest): string {
  const drawn = t.draws ?? t.evaluated ?? 0;
  const of = t.evaluated !== undefined && drawn < t.evaluated ? ` of ${t.evaluated.toLocaleString("en-US")}` : "";
  const stop = of === "" ? "" : " (sequential stop)";
  const se = t.standardError !== undefined ? `, standard error ${formatPValue(t.standardError)}` : "";
  return `from ${drawn.toLocaleString("en-US")}${of} seeded random assignments${stop}${se}`;
}

/** What {@link layeringVerdict} reads from the layer tests. */
export interface LayeringVerdictInput {
  trend: VerdictTest;
  flow: VerdictTest;
  signs: {
    outerAllCauses: boolean;
    innerAllEffects: boolean;
    outer: ReadonlyArray<{ id: string; relation: number }>;
    inner: ReadonlyArray<{ id: string; relation: number }>;
  };
  /** The bootstrap over experts, when it ran: its expert-level test of the ordering (docs/methods.md §7.7). */
  bootstrap?: { B: number; expertTest?: { p: number; estimate: number; standardError: number; df: number } };
}

const pText = (t: VerdictTest): string => {
  const p = formatPValue(t.p);
  return t.method === "exact"
    ? `exact p = ${p} over all ${t.assignments.toLocaleString("en-US")} assignments`
    : `Monte Carlo p = ${p} ${monteCarloPrecision(t)} (of ${t.assignments.toLocaleString("en-US")} possible)`;
};
const s = (x: number): string => (Number.isFinite(x) ? plotNumber(x, 2) : "n/a");

/**
 * The verdict on a proposed layering in plain words, generated from the
 * layer tests (docs/methods.md §5.8) at the 5% level: supported when the trend test
 * rejects "layer labels carry no information" (S_trend > 0, p < α);
 * otherwise not supported, saying whether relation tends the wrong way
 * (S_trend < 0: rising from outer to inner layers) or shows no clear trend.
 * The test is one-sided, so no claim of a significant reversal is made.
 * When the design is too small for any exact p below α (1/#assignments ≥ α,
 * e.g. three one-component layers: 6 assignments, smallest p = 1/6), it says
 * so instead of "not supported".
 * The flow test and the sign
 * checks are stated after it, so a reader sees where they agree, then that the three are one finding (they
 * read the same aggregated panel), and which test the verdict rests on: the permutation tests take the panel
 * as given; when the bootstrap ran, its expert-level test (docs/methods.md §7.7) says whether the ordering
 * would be expected in another panel of experts.
 * @param significanceLevel the test level α (default 0.05).
 * @example
 * layeringVerdict(tests);
 * // "The experts' data support the proposed ordering: relation falls from outer to inner layers (S_trend = 0.62, exact p = 0.0004 over all 25,200 assignments). ..."
 */
export function layeringVerdict(tests: LayeringVerdictInput, significanceLevel = 0.05): string {
  const t = tests.trend,
    f = tests.flow;
  let head: string;
  if (!Number.isFinite(t.statistic)) {
    head = "The layering cannot be tested: relation D−R is the same for every layered component.";
  } else if (t.method === "exact" && 1 / t.assignments >= significanceLevel) {
    const smallest = 1 / t.assignments;
    head =
      `The proposed ordering can be neither confirmed nor refuted at ${significanceLevel * 100}%: there are only ${t.assignments.toLocaleString("en-US")} assignments of the components to layers of these sizes, so the smallest possible p is 1/${t.assignments} = ${smallest.toFixed(4)}, and even a perfect ordering cannot be significant. ` +
      `The data ${t.statistic > 0 ? "point the proposed way" : t.statistic < 0 ? "point the opposite way" : "show no trend"} (S_trend = ${s(t.statistic)}, ${pText(t)}); more components per layer are needed for a test.`;
  } else if (t.statistic > 0 && t.p < significanceLevel) {
    head = `The experts' data support the proposed ordering: relation falls from outer to inner layers (S_trend = ${s(t.statistic)}, ${pText(t)}).`;
  } else if (t.statistic < 0) {
    head = `The experts' data do not support the proposed ordering: relation tends to rise from outer to inner layers, the opposite of the model (S_trend = ${s(t.statistic)}, ${pText(t)}).`;
  } else {
    head = `The experts' data give no significant evidence for the proposed ordering: relation falls from outer to inner layers only weakly (S_trend = ${s(t.statistic)}, ${pText(t)}; not significant at ${significanceLevel * 100}%). That is not evidence against the model: a larger panel may detect a weak ordering (see the power command).`;
  }
  const flow = Number.isFinite(f.statistic)
    ? f.statistic > 0 && f.p < significanceLevel
      ? `More of the total influence runs inward than outward (S_flow = ${s(f.statistic)}, ${pText(f)}).`
      : `The flow test does not show significantly more inward than outward influence (S_flow = ${s(f.statistic)}, ${pText(f)}).`
    : "The flow statistic is undefined (no influence between layers).";
  const signs =
    `${
      tests.signs.outerAllCauses
        ? "Every component of the outermost layer is a cause"
        : `Not every component of the outermost layer is a cause (${tests.signs.outer
            .filter((x) => roleOf(x.relation) !== "cause")
            .map((x) => x.id)
            .join(", ")} not)`
    }; ` +
    `${
      tests.signs.innerAllEffects
        ? "every component of the innermost layer is an effect."
        : `not every component of the innermost layer is an effect (${tests.signs.inner
            .filter((x) => roleOf(x.relation) !== "effect")
            .map((x) => x.id)
            .join(", ")} not).`
    }`;
  const together =
    "The trend and flow tests and the sign checks all read the same aggregated panel, so they are one finding seen from three sides, not independent support.";
  return [head, flow, signs, together, expertSentence(tests, significanceLevel)].filter((x) => x !== "").join(" ");
}

/** Which test the conclusion rests on, and what the expert-level test adds (docs/methods.md §5.1, §7.7). */
function expertSentence(tests: LayeringVerdictInput, significanceLevel: number): string {
  const e = tests.bootstrap?.expertTest;
  const rests = "The verdict rests on the permutation tests, which take the panel as given";
  if (!e) return `${rests}; how it would change with other experts is the bootstrap's question (no expert-level test was run).`;
  if (!Number.isFinite(e.p)) {
    const why =
      e.df + 1 < EXPERT_TEST_MIN_EXPERTS
        ? `it needs at least ${EXPERT_TEST_MIN_EXPERTS} experts, the smallest panel it was calibrated for`
        : e.standardError === 0
          ? "every resampled panel gives the same slope"
          : "the layer slope is undefined";
    return `${rests}. The expert-level test, which would also account for which experts were asked (docs/methods.md §7.7), is not reported: ${why}.`;
  }
  const held = e.estimate > 0 && e.p < significanceLevel;
  return (
    `${rests}. The expert-level test, which also accounts for which experts were asked (the layer slope of the relation share, ${s(e.estimate * 100)}% of ΣD per layer step, ` +
    `bootstrap SE over ${tests.bootstrap!.B.toLocaleString("en-US")} resampled panels, t with ${e.df} df; docs/methods.md §7.7), gives p = ${formatPValue(e.p)}: ` +
    (held
      ? "relation falls from outer to inner layers in the population these experts come from, not only in this panel."
      : "whether relation falls from outer to inner layers beyond these experts is not established.")
  );
}
