import type { Matrix, Model } from "../types.js";
import type { AggregationMethod } from "../core/aggregate.js";
import type { DematelResult } from "../core/dematel.js";
import { resolveSettings, type DematelSettings, type DematelSettingsInput } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { componentIds } from "../model/model.js";
import { leaveOneOut, type LeaveOneOutRun } from "../panel/leaveOneOut.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import type { PermutationOptions } from "../permutation/createAssignmentSet.js";
import { createLayerTests, type PreparedLayerTests } from "./layerTests.js";
import { edgesAt, scenarioChanges, scenarioRow, tryScenario, unavailableRow, type ScenarioContext, type SensitivityScenario } from "./sensitivityScenario.js";

export type { SensitivityScenario } from "./sensitivityScenario.js";

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends PermutationOptions {
  /** The DEMATEL settings of the baseline and of every scenario (default all defaults); left-out experts' weights are dropped. */
  settings?: DematelSettingsInput | DematelSettings;
  /** Expert labels for the scenario names (default "expert 1", "expert 2", …). */
  labels?: readonly string[];
  /** Threshold rules to compare; the first is the baseline's (default: the settings' rule, then the other defaults of mean, mean+sd, MMDE). */
  thresholds?: readonly ThresholdOptions[];
  /** Aggregations to compare; the first is the baseline's (default: the settings' aggregation, then the other of mean, median). */
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

/** Outcome of {@link sensitivity}. */
export interface Sensitivity {
  components: string[];
  /** The significance level α of the layer tests (the `significanceLevel` option). */
  significanceLevel: number;
  scenarios: SensitivityScenario[];
  summary: {
    /** Per component: the same role in every available scenario. */
    stableRoles: boolean[];
    /** Number of scenarios whose conclusions (a role, a layer test at the significance level, an ISM level, a MICMAC class or a map edge) differ from the baseline. */
    changedConclusions: number;
    /** Number of scenarios that could not be computed. */
    unavailable: number;
    /** Scenarios changing each kind of conclusion: roles, layer tests, ISM levels, MICMAC classes, map edges. */
    changedBy: { roles: number; tests: number; ism: number; micmac: number; edges: number };
    /** The relative margin m of {@link EDGE_MARGIN}: an edge is marginal when |t_ij − α| ≤ m·α. */
    edgeMargin: number;
    /** The baseline's off-diagonal t_ij within the margin of α (above: an edge of the map; below: not one), closest first. */
    marginalEdges: Array<{ from: string; to: string; value: number; threshold: number; above: boolean }>;
  };
  /** Remarks on what was not run and why (e.g. too few experts to leave one out). */
  notes: string[];
}

/**
 * The relative margin of a marginal map edge (docs/methods.md §7.5): t_ij within 1% of α,
 * |t_ij − α| ≤ 0.01·α. Smaller than what one expert moves: on the shipped example panel
 * the median change of an off-diagonal t_ij when one expert is left out is several
 * times larger, so such an edge is in or out of the map by the chance of who was asked.
 */
export const EDGE_MARGIN = 0.01;

/** The off-diagonal entries of T within `margin`·α of α, closest first. */
export function marginalEdges(total: Matrix, alpha: number | null, ids: readonly string[], margin = EDGE_MARGIN): Sensitivity["summary"]["marginalEdges"] {
  if (alpha === null || !Number.isFinite(alpha)) return [];
  const out: Sensitivity["summary"]["marginalEdges"] = [];
  total.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i !== j && Math.abs(v - alpha) <= margin * Math.abs(alpha)) out.push({ from: ids[i], to: ids[j], value: v, threshold: alpha, above: v > alpha });
    }),
  );
  return out.sort((a, b) => Math.abs(a.value - alpha) - Math.abs(b.value - alpha));
}

/** How many scenarios change each kind of conclusion, read from their change texts. */
function changedBy(scenarios: readonly SensitivityScenario[], ids: readonly string[]): Sensitivity["summary"]["changedBy"] {
  const count = (test: (x: string) => boolean): number => scenarios.filter((s) => s.kind !== "baseline" && s.changes.some(test)).length;
  const role = new Set(ids.flatMap((id) => [`${id} becomes a cause`, `${id} becomes an effect`, `${id} becomes neutral`]));
  return {
    roles: count((x) => role.has(x)),
    tests: count((x) => / test (no longer|becomes) significant/.test(x)),
    ism: count((x) => x.startsWith("ISM:")),
    micmac: count((x) => x.startsWith("MICMAC:")),
    edges: count((x) => x.startsWith("map edges:")),
  };
}

/** The threshold rules {@link sensitivity} compares by default (docs/methods.md §7.5): mean, mean+sd, MMDE; the first is the baseline's. */
export const SENSITIVITY_THRESHOLDS: readonly Readonly<ThresholdOptions>[] = Object.freeze([
  { method: "mean" },
  { method: "mean+sd" },
  { method: "mmde" },
] as const);
/** The aggregations {@link sensitivity} compares by default (docs/methods.md §7.5): mean, median; the first is the baseline's. */
export const SENSITIVITY_AGGREGATIONS: readonly AggregationMethod[] = Object.freeze(["mean", "median"] as const);

/**
 * The threshold rules and aggregations a sensitivity table compares: the
 * caller's lists, or by default the settings' own rule and aggregation first
 * (the baseline) followed by the other defaults ({@link SENSITIVITY_THRESHOLDS},
 * {@link SENSITIVITY_AGGREGATIONS}).
 */
export function scenarioLists(
  settings: DematelSettings,
  options: Pick<SensitivityOptions, "thresholds" | "aggregations"> = {},
): { thresholds: readonly ThresholdOptions[]; aggregations: readonly AggregationMethod[] } {
  const own = settings.threshold;
  return {
    thresholds: options.thresholds ?? [own, ...SENSITIVITY_THRESHOLDS.filter((t) => t.method !== own.method)],
    aggregations: options.aggregations ?? [settings.aggregation, ...SENSITIVITY_AGGREGATIONS.filter((a) => a !== settings.aggregation)],
  };
}

/** The leave-one-out rows, from runs computed once per analysis (a run without a solution is an unavailable row). */
function leaveOneOutRows(c: ScenarioContext, runs: readonly LeaveOneOutRun[], labels: readonly string[]): SensitivityScenario[] {
  return runs.map((r) =>
    tryScenario(c, `without ${labels[r.expertIndex]}`, "leave-one-out", () => {
      if (!r.result) throw new Error(r.error);
      return r.result;
    }),
  );
}

/** A threshold row: the baseline's T, roles and tests, with only the map's threshold and edges at rule `t`. */
function thresholdRow(c: ScenarioContext, t: ThresholdOptions, base: DematelResult, baseline: SensitivityScenario): SensitivityScenario {
  const name = `threshold ${thresholdLabel(t)}`;
  const { error, ...e } = edgesAt(base.total, t, c.ids);
  if (error !== undefined) return unavailableRow(name, "threshold", new Error(error));
  return {
    ...baseline,
    scenario: name,
    kind: "threshold",
    note: "T, the roles and the layer tests do not depend on the threshold; the map's edges, the ISM levels and the MICMAC classes do",
    ...e,
    changes: [],
  };
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
 * (trend, flow) that gains or loses significance at the significance level α
 * (`significanceLevel`, default 0.05; p < α), the ISM levels, the MICMAC
 * classes and the impact-relation map's edge set at the scenario's threshold
 * (so a threshold rule can change a conclusion). The summary flags the
 * baseline's marginal edges, t_ij within {@link EDGE_MARGIN}·α of α.
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
  const significanceLevel = options.significanceLevel ?? 0.05;
  if (!(significanceLevel > 0 && significanceLevel < 1)) throw new RangeError(`the significance level must be between 0 and 1, got ${significanceLevel}`);
  const settings = resolveSettings(options.settings, K);
  const { thresholds, aggregations } = scenarioLists(settings, options);
  if (thresholds.length === 0) throw new RangeError("sensitivity needs at least one threshold rule");
  if (aggregations.length === 0) throw new RangeError("sensitivity needs at least one aggregation");
  const labels = options.labels ?? matrices.map((_, k) => `expert ${k + 1}`);
  if (labels.length !== K) throw new RangeError(`sensitivity: ${labels.length} expert labels for ${K} matrices`);
  const baseAgg = aggregations[0];
  // The scenarios' settings: the caller's, at the baseline aggregation (the first listed).
  const baseSettings = baseAgg === settings.aggregation ? settings : resolveSettings({ ...settings, aggregation: baseAgg }, K);
  const prepared = options.prepared ?? createLayerTests(model, options);
  const c: ScenarioContext = { model, ids, prepared, threshold: thresholds[0], significanceLevel };
  // The baseline's own errors are thrown as they are.
  const base = options.baseline ?? panelDematel(matrices, baseSettings, ids);
  const baseline = scenarioRow(
    c,
    `baseline (${baseAgg} aggregation, ${thresholdLabel(c.threshold)} threshold${K > 1 ? `, all ${K} experts` : ""})`,
    "baseline",
    base,
  );
  // The other scenarios' T are near the baseline's: their flow tests screen each assignment against it (same results).
  c.prepared = { ...prepared, flow: { ...prepared.flow, test: prepared.flow.near(base.total) } };
  const notes: string[] = [];
  const scenarios: SensitivityScenario[] = [
    baseline,
    ...leaveOneOutRows(c, K >= 3 ? (options.leaveOneOut ?? leaveOneOut(matrices, baseSettings, ids)) : [], labels),
    ...thresholds.slice(1).map((t) => thresholdRow(c, t, base, baseline)),
    ...aggregations
      .slice(1)
      .map((agg) =>
        tryScenario(c, `aggregation ${agg}${agg === "median" && settings.weights !== undefined ? " (unweighted)" : ""}`, "aggregation", () =>
          panelDematel(matrices, resolveSettings({ ...settings, aggregation: agg }, K), ids),
        ),
      ),
  ];
  if (K < 3) notes.push(`leave-one-expert-out needs at least 3 experts; the panel has ${K}`);
  for (const s of scenarios.slice(1)) s.changes = scenarioChanges(s, baseline, c);
  const available = scenarios.filter((s) => s.available);
  return {
    components: ids,
    significanceLevel,
    scenarios,
    summary: {
      stableRoles: ids.map((_, i) => available.every((s) => s.roles[i] === baseline.roles[i])),
      changedConclusions: scenarios.filter((s) => s.kind !== "baseline" && s.changes.length > 0).length,
      unavailable: scenarios.length - available.length,
      changedBy: changedBy(scenarios, ids),
      edgeMargin: EDGE_MARGIN,
      marginalEdges: marginalEdges(base.total, baseline.threshold, ids),
    },
    notes,
  };
}
