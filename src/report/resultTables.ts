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
