// One row of the sensitivity table (docs/methods.md §7.5): how a scenario's DEMATEL result reads against the
// layer tests and the impact-relation map, and what it changes relative to the baseline.
import type { Matrix, Model } from "../types.js";
import { impactEdges, type DematelResult, type Role } from "../core/dematel.js";
import { threshold as chooseThreshold } from "../core/threshold.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { layerTests, type PreparedLayerTests } from "./layerTests.js";

/** One row of the sensitivity table. */
export interface SensitivityScenario {
  /** Plain-words name: "baseline (mean aggregation, mean threshold, all 14 experts)", "without expert 3", "threshold mean+sd", "aggregation median". */
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
  /** trendP < the significance level α. */
  trendSignificant: boolean;
  /** flowP < the significance level α. */
  flowSignificant: boolean;
  /** The threshold value α of the impact-relation map (null when it could not be computed). */
  threshold: number | null;
  /** Number of impact-relation-map edges t_ij > α (null when the threshold could not be computed). */
  edges: number | null;
  /** What differs from the baseline's conclusions, in plain words ("GOV becomes an effect", "trend test no longer significant at 5%"). */
  changes: string[];
}

/** What every row of one sensitivity table shares: the model, its prepared tests, the baseline's threshold rule, the level. */
export interface ScenarioContext {
  model: Model;
  ids: readonly string[];
  prepared: PreparedLayerTests;
  /** The baseline's threshold rule: every computed scenario's edges use it. */
  threshold: ThresholdOptions;
  significanceLevel: number;
}

/** The threshold value and edge count of `total` under rule `t`, or the reason the rule failed. */
export function edgesAt(total: Matrix, t: ThresholdOptions, ids: readonly string[]): { threshold: number | null; edges: number | null; error?: string } {
  try {
    const thr = chooseThreshold(total, t);
    return { threshold: thr.value, edges: impactEdges(total, thr.value, ids).length };
  } catch (e) {
    return { threshold: null, edges: null, error: (e as Error).message };
  }
}

/** The row of a scenario whose DEMATEL result is `d`: roles, relation, both layer tests at the level, and the map at the baseline's rule. */
export function scenarioRow(c: ScenarioContext, scenario: string, kind: SensitivityScenario["kind"], d: DematelResult): SensitivityScenario {
  const tests = layerTests(d.total, d.relation, c.model, { prepared: c.prepared });
  const e = edgesAt(d.total, c.threshold, c.ids);
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
    trendSignificant: tests.trend.p < c.significanceLevel,
    flowSignificant: tests.flow.p < c.significanceLevel,
    threshold: e.threshold,
    edges: e.edges,
    changes: [],
  };
}

/** The row of a scenario that could not be computed, with the reason as its note. */
export function unavailableRow(scenario: string, kind: SensitivityScenario["kind"], error: unknown): SensitivityScenario {
  return {
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
  };
}

/** A scenario's row, or an unavailable row when computing it fails (a TypeError is a bug and is thrown). */
export function tryScenario(c: ScenarioContext, scenario: string, kind: SensitivityScenario["kind"], compute: () => DematelResult): SensitivityScenario {
  try {
    return scenarioRow(c, scenario, kind, compute());
  } catch (e) {
    if (e instanceof TypeError) throw e;
    return unavailableRow(scenario, kind, e);
  }
}

function describeRole(role: Role): string {
  return role === "cause" ? "a cause" : role === "effect" ? "an effect" : "neutral";
}

/** What differs from the baseline, in plain words: a component that changes role, a test that gains or loses significance. */
export function scenarioChanges(s: SensitivityScenario, baseline: SensitivityScenario, c: ScenarioContext): string[] {
  if (!s.available) return [];
  const pct = `${+(c.significanceLevel * 100).toFixed(6)}%`;
  const changes: string[] = [];
  s.roles.forEach((r, i) => {
    if (r !== baseline.roles[i]) changes.push(`${c.ids[i]} becomes ${describeRole(r)}`);
  });
  const test = (name: string, before: boolean, after: boolean): void => {
    if (before && !after) changes.push(`${name} test no longer significant at ${pct}`);
    if (!before && after) changes.push(`${name} test becomes significant at ${pct}`);
  };
  test("trend", baseline.trendSignificant, s.trendSignificant);
  test("flow", baseline.flowSignificant, s.flowSignificant);
  return changes;
}
