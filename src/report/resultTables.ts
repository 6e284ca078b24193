import type { Model } from "../types.js";
import type { CsvCell } from "../io/toCsv.js";

/** What the result tables read: a `DematelResult` or an `AnalysisResult`. */
export interface ResultTablesInput {
  components: readonly string[];
  total: ReadonlyArray<readonly number[]>;
  given: readonly number[];
  received: readonly number[];
  prominence: readonly number[];
  relation: readonly number[];
  role: readonly string[];
  weights: readonly number[];
  edges: ReadonlyArray<{ from: string; to: string; value: number }>;
}

/**
 * The total-relation matrix T as a table: a header row (`from \ to`, then the
 * component ids) and one row per influencing component (its id, then t_ij).
 * Numbers are full precision; format them when displaying.
 * @example
 * totalRelationTable(result)[0]; // ["from \\ to", "LEAD", "CUL", ...]
 */
export function totalRelationTable(result: Pick<ResultTablesInput, "components" | "total">): CsvCell[][] {
  return [["from \\ to", ...result.components], ...result.total.map((row, i) => [result.components[i], ...row])];
}

/**
 * One row per component, in model order: id, name, layer (name, empty when
 * none), D (given), R (received), prominence D+R, relation D−R, role
 * (cause/effect/neutral) and weight — the classic DEMATEL result table
 * (Tzeng, Chiang & Li 2007, Table 4 layout), header row first.
 * @example
 * componentTable(result, model)[0]; // ["id", "name", "layer", "D", "R", "prominence", "relation", "role", "weight"]
 */
export function componentTable(result: ResultTablesInput, model?: Model): CsvCell[][] {
  const names = new Map((model?.components ?? []).map((c) => [c.id, c.name] as const));
  const layer = new Map<string, string>();
  (model?.layers ?? []).forEach((l) => l.components.forEach((c) => layer.set(c, l.name)));
  return [
    ["id", "name", "layer", "D", "R", "prominence", "relation", "role", "weight"],
    ...result.components.map((id, i) => [
      id,
      names.get(id) ?? id,
      layer.get(id) ?? "",
      result.given[i],
      result.received[i],
      result.prominence[i],
      result.relation[i],
      result.role[i],
      result.weights[i],
    ]),
  ];
}

/**
 * The impact-relation map's edges (t_ij above the threshold), strongest
 * first: `from`, `to`, `value`, header row first.
 * @example
 * edgeTable(result); // [["from", "to", "value"], ["LEAD", "GOV", 0.41], ...]
 */
export function edgeTable(result: Pick<ResultTablesInput, "edges">): CsvCell[][] {
  return [["from", "to", "value"], ...result.edges.map((e) => [e.from, e.to, e.value])];
}

/** What {@link layerTestTable} reads: the layer results of an analysis (`AnalysisResult.layers`). */
export interface LayerTestTableInput {
  trend: {
    statistic: number;
    p: number;
    method: string;
    assignments: number;
    evaluated: number;
    draws?: number;
    standardError?: number;
    maximum?: number;
    shareOfMaximum?: number;
    attainableSize?: { significanceLevel: number; size: number | null };
  };
  flow: { statistic: number; p: number; method: string; assignments: number; evaluated: number; draws?: number; standardError?: number };
}

/**
 * The layer tests (docs/methods.md §5) as a table, header row first: one row for the trend test and one for the
 * flow test, with the statistic, p, how it was computed (exact or Monte Carlo, assignments and how many were
 * evaluated), and for the trend test its attainable maximum for the layer sizes, the share of it reached and the
 * exact test's attainable size at the significance level; a Monte Carlo test adds the draws read before its sequential
 * rule stopped and the p-value's standard error (docs/methods.md §5.5). Missing values are empty cells.
 * @example
 * layerTestTable(result.layers)[1]; // ["trend", 0.858, 0.00016, "exact", 25200, 25200, 0.907, 0.946, 0.05, 0.0472]
 */
export function layerTestTable(L: LayerTestTableInput): CsvCell[][] {
  const t = L.trend;
  const a = t.attainableSize;
  return [
    [
      "test",
      "statistic",
      "p",
      "method",
      "assignments",
      "evaluated",
      "maximum",
      "share_of_maximum",
      "significance_level",
      "attainable_size",
      "draws",
      "standard_error",
    ],
    [
      "trend",
      t.statistic,
      t.p,
      t.method,
      t.assignments,
      t.evaluated,
      t.maximum ?? "",
      t.shareOfMaximum ?? "",
      a?.significanceLevel ?? "",
      a?.size ?? "",
      t.draws ?? "",
      t.standardError ?? "",
    ],
    ["flow", L.flow.statistic, L.flow.p, L.flow.method, L.flow.assignments, L.flow.evaluated, "", "", "", "", L.flow.draws ?? "", L.flow.standardError ?? ""],
  ];
}

/** One bootstrap interval: the estimate, the percentile bounds and, when defined, the BCa bounds. */
interface TableInterval {
  estimate: number;
  lower: number;
  upper: number;
  bca?: { lower: number; upper: number } | null;
}

/** What {@link bootstrapTable} reads: a bootstrap over experts (`AnalysisResult.layers.bootstrap`). */
export interface BootstrapTableInput {
  B: number;
  level: number;
  relation: readonly TableInterval[];
  prominence: readonly TableInterval[];
  trend: TableInterval;
  flow: TableInterval;
  pCause: readonly number[];
}

/**
 * The bootstrap over experts (docs/methods.md §7.1–7.4) as a table, header row first: per component its relation
 * D−R (with P(cause), the share of resampled panels in which it is a cause) and its prominence D+R, then S_trend
 * and S_flow; each with the estimate, the percentile interval and the BCa interval where it is defined (empty
 * otherwise).
 * @example
 * bootstrapTable(result.layers.bootstrap, result.components)[1]; // ["relation", "LEAD", 1.55, 1.15, 1.72, 1.26, 1.73, 1]
 */
export function bootstrapTable(b: BootstrapTableInput, components: readonly string[]): CsvCell[][] {
  const row = (quantity: string, id: string, x: TableInterval, pCause: number | ""): CsvCell[] => [
    quantity,
    id,
    x.estimate,
    x.lower,
    x.upper,
    x.bca?.lower ?? "",
    x.bca?.upper ?? "",
    pCause,
  ];
  return [
    ["quantity", "id", "estimate", "lower", "upper", "bca_lower", "bca_upper", "p_cause"],
    ...components.map((id, i) => row("relation", id, b.relation[i], b.pCause[i])),
    ...components.map((id, i) => row("prominence", id, b.prominence[i], "")),
    row("S_trend", "", b.trend, ""),
    row("S_flow", "", b.flow, ""),
  ];
}
