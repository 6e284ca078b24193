import type { Model } from "../types.js";
import { TOOL } from "../tool.js";
import { layerIndex } from "../model/model.js";
import { resolveSettings, type DematelSettingsInput } from "../core/dematelSettings.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { analyzeSurvey, type AnalysisResult } from "../pipeline/analyzeSurvey.js";
import type { GroupedPanel } from "./groupedPanel.js";
import type { RelabelOptions } from "./relabelGroups.js";
import { DEFAULT_MAX_EXACT } from "./relabelGroups.js";
import { groupPermutationTest, type ComponentComparison, type GroupPermutationResult, type OverallComparison } from "./groupPermutationTest.js";

export type { ComponentComparison, OverallComparison } from "./groupPermutationTest.js";

/** Options of {@link compareGroups}. */
export interface CompareOptions {
  /** DEMATEL settings of both groups and of every relabelling: classic, weighted mean; normalisation, ε and threshold as in `analyzeSurvey` (weights come from the surveys). */
  settings?: DematelSettingsInput;
  /** The permutation over group labels: `maxExact` (default 100,000), `samples` B (default 10,000), `seed` (default 1). */
  permutation?: RelabelOptions;
  /** Bootstrap replicates of each group's analysis (default 2,000; 0 = none), for the intervals of the plot. */
  bootstrap?: number;
  /** Seed of each group's bootstrap (default 1). */
  seed?: number;
  /** Date written into the results (default now). */
  date?: string;
}

/** Each group's layer tests (docs/methods.md §5), side by side, when the model has layers. */
export interface GroupLayerTests {
  group: string;
  trend: { statistic: number; p: number };
  flow: { statistic: number; p: number };
  /** Trend test significant at 0.05 (p < 0.05) in this group. */
  trendSignificant: boolean;
}

/** The outcome of {@link compareGroups} (docs/methods.md §12): the JSON of `cxm-dematel compare`. */
export interface GroupComparison {
  meta: {
    tool: string;
    version: string;
    date: string;
    sources: string[];
    synthetic: boolean;
    settings: { aggregation: "mean"; normalization: string; epsilon: number; threshold: ThresholdOptions };
    permutation: {
      method: "exact" | "monte-carlo";
      relabellings: number;
      evaluated: number;
      halved: boolean;
      maxExact: number;
      seed: number;
      infeasible: number;
    };
    adjustment: string;
    notes: string[];
  };
  groups: Array<{ label: string; experts: string[] }>;
  overall: OverallComparison[];
  components: ComponentComparison[];
  layerTests?: GroupLayerTests[];
  /** Each group's full classic analysis (`analyzeSurvey`), by group label. */
  perGroup: Record<string, AnalysisResult>;
}

/** The multiple-comparison adjustment, as written into the results. */
export const ADJUSTMENT =
  "Westfall–Young step-down max-T (Westfall & Young 1993, Algorithm 4.1) over the n components, separately for relation and for prominence; each difference scaled by its permutation root mean square";

/**
 * Do two groups of experts see a different influence structure? (docs/methods.md §12). A permutation
 * test over the group labels: under the null the experts are exchangeable between the groups, so every
 * relabelling into groups of the observed sizes is as likely as the observed one. Statistics:
 * ‖T₁ − T₂‖_F, ‖r₁ − r₂‖₂ (r = D − R), |ΔS_trend|, and per component |Δ(D − R)| and |Δ(D + R)| with
 * Westfall–Young step-down max-T adjusted p-values ({@link stepDownMaxT}). Exact enumeration when
 * the distinct relabellings (C(K, K₁), halved for equal sizes) are at most `maxExact`, else B seeded
 * random ones with p = (1 + #≥)/(1 + B). Each group's full classic analysis is in `perGroup`.
 * Sources: Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses, ch. 3 (two-sample
 * permutation tests); Westfall & Young (1993); Phipson & Smyth (2010) for (1 + b)/(1 + B).
 * @throws {RangeError} for a fuzzy or grey method, median aggregation or explicit weights (not supported here), or invalid options.
 * @throws {InfeasibleError} when a group's own panel has no total-relation matrix.
 * @example
 * const c = compareGroups(groupsFromSurvey(readSurvey("panel.csv", model)), model, { permutation: { seed: 7 } });
 * c.overall[0]; // { statistic: "frobenius-T", value, p, method: "exact", evaluated }
 */
export function compareGroups(panel: GroupedPanel, model: Model, options: CompareOptions = {}): GroupComparison {
  const given = options.settings ?? {};
  checkSupported(given);
  const B = options.bootstrap ?? 2000;
  const date = options.date ?? new Date().toISOString();
  const perGroup = panel.groups.map((g) => analyzeSurvey(g.survey, model, { settings: given, bootstrap: B, seed: options.seed ?? 1, date }));
  const settings = resolveSettings(given, undefined, { scale: panel.groups[0].survey.scale });
  const [a, b] = panel.groups.map((g) => ({ matrices: g.survey.experts.map((e) => e.matrix), weights: g.survey.experts.map((e) => e.weight) }));
  const ids = model.components.map((c) => c.id);
  const test = groupPermutationTest(a, b, layersOf(model), { ...settings, components: ids }, options.permutation);
  const labels = panel.groups.map((g) => g.label);
  return {
    meta: compareMeta(panel, settings, test.permutation, options, date),
    groups: panel.groups.map((g) => ({ label: g.label, experts: g.survey.experts.map((e) => e.expert) })),
    overall: test.overall,
    components: test.components,
    ...layerTestsOf(perGroup, labels),
    perGroup: Object.fromEntries(perGroup.map((r, g) => [labels[g], r])),
  };
}

/** Each component's 0-based layer, −1 for none (every component −1 in a model without layers). */
function layersOf(model: Model): number[] {
  return model.layers?.length ? layerIndex(model) : model.components.map(() => -1);
}

/** The settings this comparison supports: classic DEMATEL with the weighted mean, weights from the surveys. */
function checkSupported(given: DematelSettingsInput): void {
  if (given.method !== undefined && given.method !== "classic")
    throw new RangeError(`compareGroups supports the classic method only (each group's classic DEMATEL), got "${given.method}"`);
  if (given.aggregation !== undefined && given.aggregation !== "mean")
    throw new RangeError(`compareGroups supports the weighted mean aggregation only (the permutation keeps running sums), got "${given.aggregation}"`);
  if (given.weights !== undefined) throw new RangeError("compareGroups takes the expert weights from the surveys; do not pass settings.weights");
}

/** Each group's trend and flow tests, when both analyses have layer tests. */
function layerTestsOf(perGroup: readonly AnalysisResult[], labels: readonly string[]): { layerTests?: GroupLayerTests[] } {
  if (!perGroup.every((r) => r.layers)) return {};
  return {
    layerTests: perGroup.map((r, g) => {
      const l = r.layers!;
      return {
        group: labels[g],
        trend: { statistic: l.trend.statistic, p: l.trend.p },
        flow: { statistic: l.flow.statistic, p: l.flow.p },
        trendSignificant: l.trend.p < 0.05,
      };
    }),
  };
}

/** Provenance: sources, settings, the permutation plan and the adjustment. */
function compareMeta(
  panel: GroupedPanel,
  settings: ReturnType<typeof resolveSettings>,
  nul: GroupPermutationResult["permutation"],
  options: CompareOptions,
  date: string,
): GroupComparison["meta"] {
  const notes: string[] = [];
  if (nul.infeasible > 0)
    notes.push(
      `${nul.infeasible} relabelling${nul.infeasible === 1 ? "" : "s"} gave a group without a total-relation matrix; each was counted as at least as extreme as the observed groups (conservative).`,
    );
  if (nul.halved)
    notes.push(
      "The groups are of equal size, so each relabelling and its swap give the same statistics; the distinct half was enumerated (docs/methods.md §12.3).",
    );
  return {
    tool: TOOL.name,
    version: TOOL.version,
    date,
    sources: [...panel.sources],
    synthetic: panel.synthetic,
    settings: { aggregation: "mean", normalization: settings.normalization, epsilon: settings.epsilon, threshold: { ...settings.threshold } },
    permutation: {
      method: nul.method,
      relabellings: nul.relabellings,
      evaluated: nul.evaluated,
      halved: nul.halved,
      maxExact: options.permutation?.maxExact ?? DEFAULT_MAX_EXACT,
      seed: nul.seed,
      infeasible: nul.infeasible,
    },
    adjustment: ADJUSTMENT,
    notes,
  };
}
