// One row of the sensitivity table (docs/methods.md §7.5): how a scenario's DEMATEL result reads against the
// layer tests and the impact-relation map, and what it changes relative to the baseline.
import type { Matrix, Model } from "../types.js";
import type { DematelResult, Role } from "../core/dematel.js";
import { threshold as chooseThreshold } from "../core/threshold.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { layerTests, type PreparedLayerTests } from "./layerTests.js";
import { ismLevels } from "../structure/ismLevels.js";
import { micmac, type MicmacQuadrant } from "../structure/micmac.js";

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
  /** The impact-relation map's edges "FROM→TO" (t_ij > α, i ≠ j), in matrix order; empty when unavailable. */
  edgeSet: string[];
  /** Each component's ISM level at α (1 = top, docs/methods.md §6.3); empty when unavailable. */
  ismLevels: number[];
  /** Each component's MICMAC class at α (docs/methods.md §6.4); empty when unavailable. */
  micmac: MicmacQuadrant[];
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

/** What a threshold decides about T: the map's edges, the ISM levels and the MICMAC classes at α. */
export type StructureAt = Pick<SensitivityScenario, "threshold" | "edges" | "edgeSet" | "ismLevels" | "micmac"> & { error?: string };

/** The edge names "FROM→TO" of every ordered pair of `ids` (row-major), made once per list of ids and shared by every row. */
const edgeNames = new WeakMap<readonly string[], string[]>();
function edgeNamesOf(ids: readonly string[]): string[] {
  let names = edgeNames.get(ids);
  if (names === undefined) {
    names = ids.flatMap((from) => ids.map((to) => `${from}→${to}`));
    edgeNames.set(ids, names);
  }
  return names;
}

/**
 * The threshold value of `total` under rule `t` and the structure at it (edges, ISM levels, MICMAC classes), or the
 * reason the rule failed. The edge set holds the edges t_ij > α, i ≠ j, that `impactEdges` lists, in matrix order;
 * its names are shared between rows (a table of K leave-one-out rows at n = 100 would otherwise hold millions of copies).
 */
export function edgesAt(total: Matrix, t: ThresholdOptions, ids: readonly string[]): StructureAt {
  try {
    const value = chooseThreshold(total, t).value;
    const ism = ismLevels(total, value, ids);
    const names = edgeNamesOf(ids);
    const n = ids.length;
    const edgeSet: string[] = [];
    total.forEach((row, i) => row.forEach((v, j) => i !== j && v > value && edgeSet.push(names[i * n + j])));
    return { threshold: value, edges: edgeSet.length, edgeSet, ismLevels: ism.levelOf, micmac: micmac(ism.reachability, ids).quadrant };
  } catch (e) {
    return { threshold: null, edges: null, edgeSet: [], ismLevels: [], micmac: [], error: (e as Error).message };
  }
}

/** The row of a scenario whose DEMATEL result is `d`: roles, relation, both layer tests at the level, and the map at the baseline's rule. */
export function scenarioRow(c: ScenarioContext, scenario: string, kind: SensitivityScenario["kind"], d: DematelResult): SensitivityScenario {
  const tests = layerTests(d.total, d.relation, c.model, { prepared: c.prepared });
  const { error, ...e } = edgesAt(d.total, c.threshold, c.ids);
  return {
    scenario,
    kind,
    available: true,
    ...(error !== undefined ? { note: `threshold unavailable: ${error}` } : {}),
    roles: d.role,
    relation: d.relation,
    trendStatistic: tests.trend.statistic,
    trendP: tests.trend.p,
    flowStatistic: tests.flow.statistic,
    flowP: tests.flow.p,
    trendSignificant: tests.trend.p < c.significanceLevel,
    flowSignificant: tests.flow.p < c.significanceLevel,
    ...e,
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
    edgeSet: [],
    ismLevels: [],
    micmac: [],
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

/** A list in plain words, at most five items then "…". */
function few(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, …` : items.join(", ");
}

/** The structure changes (docs/methods.md §7.5): the ISM levels, the MICMAC classes, the map's edge set; none when either side has no structure. */
export function structureChanges(s: SensitivityScenario, baseline: SensitivityScenario, ids: readonly string[]): string[] {
  if (!s.ismLevels.length || !baseline.ismLevels.length) return [];
  const out: string[] = [];
  const count = (levels: readonly number[]): number => Math.max(0, ...levels);
  const moved = ids.filter((_, i) => s.ismLevels[i] !== baseline.ismLevels[i]);
  if (moved.length)
    out.push(
      `ISM: ${count(baseline.ismLevels)} → ${count(s.ismLevels)} levels, ${moved.length} component${moved.length === 1 ? "" : "s"} at another level (${few(moved)})`,
    );
  const reclassed = ids.flatMap((id, i) => (s.micmac[i] !== baseline.micmac[i] ? [`${id} ${baseline.micmac[i]} → ${s.micmac[i]}`] : []));
  if (reclassed.length) out.push(`MICMAC: ${few(reclassed)}`);
  const before = new Set(baseline.edgeSet);
  const after = new Set(s.edgeSet);
  const gained = s.edgeSet.filter((e) => !before.has(e));
  const lost = baseline.edgeSet.filter((e) => !after.has(e));
  if (gained.length || lost.length)
    out.push(
      `map edges: ${[gained.length ? `+${gained.length} (${few(gained)})` : "", lost.length ? `−${lost.length} (${few(lost)})` : ""].filter(Boolean).join(", ")}`,
    );
  return out;
}

/** What differs from the baseline, in plain words: a component that changes role, a test that gains or loses significance, the ISM levels, MICMAC classes or map edges. */
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
  return [...changes, ...structureChanges(s, baseline, c.ids)];
}
