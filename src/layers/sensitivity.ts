import type { Matrix, Model } from "../types.js";
import type { AggregationMethod } from "../core/aggregate.js";
import { impactEdges, type DematelResult, type Role } from "../core/dematel.js";
import { resolveSettings, type DematelSettings, type DematelSettingsInput } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { componentIds } from "../model/model.js";
import { leaveOneOut, type LeaveOneOutRun } from "../panel/leaveOneOut.js";
import { threshold as chooseThreshold } from "../core/threshold.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import type { PermutationOptions } from "../permutation/createAssignmentSet.js";
import { createLayerTests, layerTests, type PreparedLayerTests } from "./layerTests.js";

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends PermutationOptions {
  /** The DEMATEL settings of the baseline and of every scenario (default all defaults); left-out experts' weights are dropped. */
  settings?: DematelSettingsInput | DematelSettings;
  /** Expert labels for the scenario names (default "expert 1", "expert 2", …). */
  labels?: readonly string[];
  /** Threshold rules to compare; the first is the baseline's (default mean, mean+sd, MMDE). */
  thresholds?: readonly ThresholdOptions[];
  /** Aggregations to compare; the first is the baseline's (default mean, median). */
  aggregations?: readonly AggregationMethod[];
  /** Significance level of the layer tests (default 0.05); a test is significant when p < significanceLevel. */
  significanceLevel?: number;
  /** Layer tests already prepared for this model (see `createLayerTests`). */
  prepared?: PreparedLayerTests;
  /** The whole panel's DEMATEL result at the first aggregation, when the caller has it (default: computed here). */
  baseline?: DematelResult;
  /** The leave-one-out runs at the first aggregation ({@link leaveOneOut}), when the caller has them (default: computed here). */
  leaveOneOut?: readonly LeaveOneOutRun[];
}

/** One row of the sensitivity table. */
export interface SensitivityScenario {
  /** Plain-words name: "baseline (mean, mean threshold)", "without expert 3", "threshold mean+sd", "aggregation median". */
  scenario: string;
  kind: "baseline" | "leave-one-out" | "threshold" | "aggregation";
  /** False when the scenario could not be computed (see `note`); its numbers are then NaN or null. */
  available: boolean;
  /** Why the scenario is unavailable, or what else the reader should know. */
  note?: string;
  /** Each component's role (cause / effect / neutral) in model order; empty when unavailable. */
  roles: Role[];
  /** Each component's relation D − R; empty when unavailable. */
  relation: number[];
  trendStatistic: number;
  trendP: number;
  flowStatistic: number;
  flowP: number;
  /** trendP < alpha. */
  trendSignificant: boolean;
  /** flowP < alpha. */
  flowSignificant: boolean;
  /** The threshold value α of the impact-relation map (null when it could not be computed). */
  threshold: number | null;
  /** Number of impact-relation-map edges t_ij > α (null when the threshold could not be computed). */
  edges: number | null;
  /** What differs from the baseline's conclusions, in plain words ("GOV becomes an effect", "trend test no longer significant at 5%"). */
  changes: string[];
}

/** Outcome of {@link sensitivity}. */
export interface Sensitivity {
  components: string[];
  alpha: number;
  scenarios: SensitivityScenario[];
  summary: {
    /** Per component: the same role in every available scenario. */
    stableRoles: boolean[];
    /** Number of scenarios whose conclusions (a role or a test at alpha) differ from the baseline. */
    changedConclusions: number;
    /** Number of scenarios that could not be computed. */
    unavailable: number;
  };
  /** Remarks on what was not run and why (e.g. too few experts to leave one out). */
  notes: string[];
}

/** The threshold rules {@link sensitivity} compares by default (docs/methods.md §7.5): mean, mean+sd, MMDE; the first is the baseline's. */
export const SENSITIVITY_THRESHOLDS: readonly Readonly<ThresholdOptions>[] = Object.freeze([{ method: "mean" }, { method: "mean+sd" }, { method: "mmde" }] as const);
/** The aggregations {@link sensitivity} compares by default (docs/methods.md §7.5): mean, median; the first is the baseline's. */
export const SENSITIVITY_AGGREGATIONS: readonly AggregationMethod[] = Object.freeze(["mean", "median"] as const);

function describeRole(role: Role): string {
  return role === "cause" ? "a cause" : role === "effect" ? "an effect" : "neutral";
}

function thresholdLabel(t: ThresholdOptions): string {
  const m = t.method ?? "mean";
  if (m === "mean+sd" && t.k !== undefined && t.k !== 1) return `mean+${t.k}sd`;
  if (m === "quantile") return `quantile ${t.q ?? 0.75}`;
  if (m === "fixed") return `fixed ${t.value ?? "(no value)"}`;
  return m;
}

/**
 * Sensitivity of the conclusions about a layered model (docs/methods.md §7.5;
 * issue 3, item 4): recompute DEMATEL and the layer tests
 * - leaving each expert out in turn (only when K ≥ 3, so at least two remain),
 * - with each threshold rule (T, the roles and the tests do not depend on the
 *   threshold; only the impact-relation map's edges change),
 * - with each aggregation (weighted mean, element-wise median),
 * and list, per scenario, what differs from the baseline (first aggregation,
 * first threshold, all experts): a component that changes role, a layer test
 * (trend, flow) that gains or loses significance at `alpha` (p < alpha).
 * A scenario that cannot be computed (a threshold rule that throws, an
 * infeasible matrix) is kept as a row with `available: false` and the reason
 * in `note`, rather than failing the whole table.
 * @param matrices the experts' direct-influence matrices, in model component order.
 * @throws {RangeError} when the model has fewer than two layers, the
 *   matrices do not fit the model, or options are invalid; the baseline's own
 *   errors (e.g. InfeasibleError) are thrown as they are.
 * @example
 * const s = sensitivity(survey.experts.map((e) => e.matrix), defaultModel());
 * s.scenarios.filter((r) => r.changes.length > 0);
 */
export function sensitivity(matrices: readonly Matrix[], model: Model, options: SensitivityOptions = {}): Sensitivity {
  const K = matrices.length;
  const n = model.components.length;
  const ids = componentIds(model);
  if (K === 0) throw new RangeError("sensitivity needs at least one expert matrix");
  matrices.forEach((m, k) => {
    if (m.length !== n) throw new RangeError(`expert matrix ${k + 1} is ${m.length}×${m.length} but the model has ${n} components`);
  });
  const alpha = options.significanceLevel ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`the significance level must be between 0 and 1, got ${alpha}`);
  const thresholds = options.thresholds ?? SENSITIVITY_THRESHOLDS;
  const aggregations = options.aggregations ?? SENSITIVITY_AGGREGATIONS;
  if (thresholds.length === 0) throw new RangeError("sensitivity needs at least one threshold rule");
  if (aggregations.length === 0) throw new RangeError("sensitivity needs at least one aggregation");
  const labels = options.labels ?? matrices.map((_, k) => `expert ${k + 1}`);
  if (labels.length !== K) throw new RangeError(`sensitivity: ${labels.length} expert labels for ${K} matrices`);
  const baseAgg = aggregations[0];
  const settings = resolveSettings(options.settings, K);
  // The scenarios' settings: the caller's, at the baseline aggregation (the first listed).
  const baseSettings = baseAgg === settings.aggregation ? settings : resolveSettings({ ...settings, aggregation: baseAgg }, K);
  const weights = settings.weights;
  const prepared = options.prepared ?? createLayerTests(model, options);
  const baseThr = thresholds[0];
  const pct = `${+(alpha * 100).toFixed(6)}%`;

  const edgesAt = (total: Matrix, t: ThresholdOptions): { threshold: number | null; edges: number | null; error?: string } => {
    try {
      const thr = chooseThreshold(total, t);
      return { threshold: thr.value, edges: impactEdges(total, thr.value, ids).length };
    } catch (e) {
      return { threshold: null, edges: null, error: (e as Error).message };
    }
  };

  // Every computed scenario uses the baseline's threshold rule (the threshold rows reuse the baseline's T).
  const scenarioOf = (scenario: string, kind: SensitivityScenario["kind"], d: DematelResult): SensitivityScenario => {
    const tests = layerTests(d.total, d.relation, model, { prepared });
    const e = edgesAt(d.total, baseThr);
    return {
      scenario,
      kind,
      available: true,
      ...(e.error !== undefined ? { note: `threshold unavailable: ${e.error}` } : {}),
      roles: d.role,
      relation: d.relation,
      trendStatistic: tests.trend.statistic,
      trendP: tests.trend.p,
      flowStatistic: tests.flow.statistic,
      flowP: tests.flow.p,
      trendSignificant: tests.trend.p < alpha,
      flowSignificant: tests.flow.p < alpha,
      threshold: e.threshold,
      edges: e.edges,
      changes: [],
    };
  };
  const unavailable = (scenario: string, kind: SensitivityScenario["kind"], error: unknown): SensitivityScenario => ({
    scenario,
    kind,
    available: false,
    note: (error as Error).message ?? String(error),
    roles: [],
    relation: [],
    trendStatistic: NaN,
    trendP: NaN,
    flowStatistic: NaN,
    flowP: NaN,
    trendSignificant: false,
    flowSignificant: false,
    threshold: null,
    edges: null,
    changes: [],
  });
  // A scenario that cannot be computed becomes an unavailable row (a TypeError is a bug and is thrown).
  const run = (scenario: string, kind: SensitivityScenario["kind"], compute: () => DematelResult): SensitivityScenario => {
    try {
      return scenarioOf(scenario, kind, compute());
    } catch (e) {
      if (e instanceof TypeError) throw e;
      return unavailable(scenario, kind, e);
    }
  };

  // The baseline's own errors are thrown as they are.
  const base = options.baseline ?? panelDematel(matrices, baseSettings, ids);
  const baseline = scenarioOf(`baseline (${baseAgg} aggregation, ${thresholdLabel(baseThr)} threshold${K > 1 ? `, all ${K} experts` : ""})`, "baseline", base);
  const scenarios: SensitivityScenario[] = [baseline];
  const notes: string[] = [];
  if (K >= 3) {
    for (const r of options.leaveOneOut ?? leaveOneOut(matrices, baseSettings, ids)) {
      const name = `without ${labels[r.expert]}`;
      scenarios.push(
        run(name, "leave-one-out", () => {
          if (!r.result) throw new Error(r.error);
          return r.result;
        }),
      );
    }
  } else {
    notes.push(`leave-one-expert-out needs at least 3 experts; the panel has ${K}`);
  }
  for (const t of thresholds.slice(1)) {
    const name = `threshold ${thresholdLabel(t)}`;
    const e = edgesAt(base.total, t);
    if (e.error !== undefined) scenarios.push(unavailable(name, "threshold", new Error(e.error)));
    else scenarios.push({ ...baseline, scenario: name, kind: "threshold", note: "T, the roles and the layer tests do not depend on the threshold; only the map's edges change", threshold: e.threshold, edges: e.edges, changes: [] });
  }
  for (const agg of aggregations.slice(1)) {
    const name = `aggregation ${agg}${agg === "median" && weights !== undefined ? " (unweighted)" : ""}`;
    scenarios.push(run(name, "aggregation", () => panelDematel(matrices, resolveSettings({ ...settings, aggregation: agg }, K), ids)));
  }

  for (const s of scenarios.slice(1)) {
    if (!s.available) continue;
    s.roles.forEach((r, i) => {
      if (r !== baseline.roles[i]) s.changes.push(`${ids[i]} becomes ${describeRole(r)}`);
    });
    const test = (name: string, before: boolean, after: boolean): void => {
      if (before && !after) s.changes.push(`${name} test no longer significant at ${pct}`);
      if (!before && after) s.changes.push(`${name} test becomes significant at ${pct}`);
    };
    test("trend", baseline.trendSignificant, s.trendSignificant);
    test("flow", baseline.flowSignificant, s.flowSignificant);
  }
  const available = scenarios.filter((s) => s.available);
  return {
    components: ids,
    alpha,
    scenarios,
    summary: {
      stableRoles: ids.map((_, i) => available.every((s) => s.roles[i] === baseline.roles[i])),
      changedConclusions: scenarios.filter((s) => s.kind !== "baseline" && s.changes.length > 0).length,
      unavailable: scenarios.length - available.length,
    },
    notes,
  };
}
