import type { CsvCell } from "../io/toCsv.js";
import type { ReadinessResult } from "../readiness/assessReadiness.js";

/** The header of readiness.csv. */
export const READINESS_COLUMNS = [
  "priority",
  "id",
  "name",
  "tier",
  "score",
  "aspiration",
  "aspiration_given",
  "gap_points",
  "gap",
  "weight",
  "weighted_gap",
  "D",
  "R",
  "D_minus_R",
  "priority_score",
  "drives",
  "driven_by",
  "reason",
] as const;

/**
 * The rows of readiness.csv (docs/methods.md §13): the header, then one row per
 * component in improvement order; text cells go through `toCsv`'s formula guard when written.
 * @throws nothing (`toCsv` refuses a non-finite number when the rows are written).
 * @example
 * toCsv(readinessRows(result)); // "priority,id,name,…\r\n1,CUL,Customer-centric culture,…"
 */
export function readinessRows(result: ReadinessResult): CsvCell[][] {
  return [
    [...READINESS_COLUMNS],
    ...result.components.map((c) => [
      c.priority,
      c.id,
      c.name,
      c.tier,
      c.score,
      c.aspiration,
      c.aspirationGiven ? "yes" : "no (scale max)",
      c.gapPoints,
      c.gap,
      c.weight,
      c.weightedGap,
      c.given,
      c.received,
      c.relation,
      c.priorityScore,
      c.drives,
      c.drivenBy,
      c.reason,
    ]),
  ];
}
