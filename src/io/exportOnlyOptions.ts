import { type InputProblem, shown } from "../errors.js";
import { normalizeLabel } from "./componentMatcher.js";
import { SURVEY_COLUMN_NAMES } from "./surveyHeader.js";
import type { SurveyOptions } from "./surveyOptions.js";

/** The columns of a survey in one of the tool's own layouts that the export-only options could name. */
export interface OwnLayoutColumns {
  /** The layout, as messages name it: "long", "blocks", or "grid" (one workbook sheet per expert, which has no such columns). */
  layout: string;
  /** The header's cells (empty for a grid). */
  names: readonly string[];
  /** The header's weight and group columns (−1 or undefined: none). */
  weight: number;
  group?: number;
}

/**
 * The problems of naming a weight or group column (`weightColumn`, `groupColumn`; the command line's
 * `--weight-column`, `--group-column`) for a survey in one of the tool's own layouts (long, blocks, or
 * a workbook's grid sheets), where those options do not apply (docs/methods.md §1.8): such a layout
 * reads its weights and groups only from the columns headed `weight` and `group` (§1.3, §1.5). An
 * option that names the header's own weight or group column (compared as header names are) is
 * consistent and passes; any other is a problem at the header row, so that an analysis the user
 * meant to weight or group never runs silently without it.
 * @param line the header's row (for a workbook, the parse line the caller places).
 * @example
 * exportOnlyOptionProblems({ layout: "long", names: ["expert", "from", "to", "value"], weight: -1 }, { weightColumn: "Share" }, "s.csv", 1).length; // 1
 */
export function exportOnlyOptionProblems(header: OwnLayoutColumns, options: SurveyOptions, file: string, line?: number): InputProblem[] {
  const problems: InputProblem[] = [];
  const check = (role: "weight" | "group", given: string | undefined, col: number | undefined): void => {
    if (given === undefined) return;
    const own = col !== undefined && col >= 0 ? header.names[col] : undefined;
    if (own !== undefined && normalizeLabel(own) === normalizeLabel(given)) return;
    const canonical = SURVEY_COLUMN_NAMES[role][0];
    const where =
      header.layout === "grid"
        ? "one grid sheet per expert has no weight or group column (every expert weighs 1); use one sheet in the long or blocks layout"
        : `in the ${header.layout} layout, a column headed ${canonical}; rename the column, or leave the option out`;
    problems.push({
      file,
      ...(line !== undefined ? { row: line } : {}),
      message: `the ${role} column ${shown(given)} was named (--${role}-column), but that option applies to survey-tool exports only and this survey is in the ${header.layout} layout`,
      expected: where,
      found: own !== undefined ? `its ${role} column headed ${shown(own)}` : `no column headed ${canonical}`,
    });
  };
  check("weight", options.weightColumn, header.weight);
  check("group", options.groupColumn, header.group);
  return problems;
}
