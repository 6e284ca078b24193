import type { GroupComparison } from "../compare/compareGroups.js";
import type { CsvCell } from "../io/toCsv.js";
import type { GroupRelationSeries } from "../plots/groupRelationPlot.js";

/** Header of components.csv: one row per component and measure (docs/methods.md §12.4). */
export const COMPARE_COMPONENT_COLUMNS = ["id", "measure", "first_group", "second_group", "first", "second", "difference", "p", "p_adjusted"] as const;

/** Header of overall.csv (docs/methods.md §12.2). */
export const COMPARE_OVERALL_COLUMNS = ["statistic", "value", "p", "method", "evaluated"] as const;

/**
 * The rows of components.csv, header first: each component's relation then prominence difference (first group − second),
 * its permutation p and its Westfall–Young adjusted p (docs/methods.md §12.4).
 * @example
 * compareComponentRows(c)[1]; // ["LEAD", "relation", "managers", "agents", 0.41, 0.12, 0.29, 0.03, 0.2]
 */
export function compareComponentRows(c: GroupComparison): CsvCell[][] {
  const [a, b] = c.groups.map((g) => g.label);
  return [
    [...COMPARE_COMPONENT_COLUMNS],
    ...c.components.map((x) => [x.id, x.measure, a, b, ...[x.first, x.second, x.difference, x.p, x.pAdjusted].map(finiteOrEmpty)]),
  ];
}

/**
 * The rows of overall.csv, header first (docs/methods.md §12.2); an undefined value or p is an empty cell.
 * @example
 * compareOverallRows(c)[1]; // ["frobenius-T", 0.31, 0.04, "exact", 92378]
 */
export function compareOverallRows(c: GroupComparison): CsvCell[][] {
  return [[...COMPARE_OVERALL_COLUMNS], ...c.overall.map((o) => [o.statistic, finiteOrEmpty(o.value), finiteOrEmpty(o.p), o.method, o.evaluated])];
}

/**
 * Each group's relation D−R per component for the dumbbell plot: the bootstrap percentile intervals of the
 * group's own analysis (docs/methods.md §7.1) when it ran one, else the point estimates only.
 * @example
 * groupRelationSeries(c)[0].label; // "managers"
 */
export function groupRelationSeries(c: GroupComparison): GroupRelationSeries[] {
  return c.groups.map((g) => {
    const r = c.perGroup[g.label];
    const boot = r.layers?.bootstrap?.relation;
    return {
      label: g.label,
      relation: boot ? boot.map((x) => ({ estimate: x.estimate, lower: x.lower, upper: x.upper })) : r.relation.map((x) => ({ estimate: x })),
    };
  });
}

/** A number for a CSV cell, or an empty cell when it is not finite (an undefined statistic, e.g. S_trend of a group whose relations all tie). */
function finiteOrEmpty(x: number): CsvCell {
  return Number.isFinite(x) ? x : "";
}
