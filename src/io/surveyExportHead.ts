import type { Model } from "../types.js";
import { componentMatcher, normalizeLabel } from "./componentMatcher.js";
import { type CsvRow, readCsvRows } from "./csvRows.js";
import { SURVEY_COLUMN_NAMES } from "./surveyHeader.js";
import { surveyExportLayout } from "./surveyExportLayout.js";
import type { SurveyOptions } from "./surveyOptions.js";

/** The names of a CSV layout's from column: a header with one is never read as a survey-tool export. */
const FROM_NAMES = new Set(SURVEY_COLUMN_NAMES.from.map(normalizeLabel));

/**
 * Whether a survey text whose first rows are `head` is a survey-tool export (docs/methods.md §1.8):
 * always with a mapping file, else when its header rows have a column a tool's header pattern names
 * a component in and no from column.
 * @example
 * isSurveyExportHead(headRowsOf("expert,from,to,value\nE1,A,B,3", true) ?? [], model, {}); // false
 */
export function isSurveyExportHead(head: readonly CsvRow[], model: Model, options: SurveyOptions): boolean {
  if (head.length === 0) return false;
  if (options.mapping) return true;
  if (head[0].cells.some((c) => FROM_NAMES.has(normalizeLabel(c)))) return false;
  return !!surveyExportLayout(head as CsvRow[], model, componentMatcher(model), { weightColumn: options.weightColumn, groupColumn: options.groupColumn });
}

/**
 * The first three rows of a survey text (the most header rows an export has), split from a prefix long
 * enough to hold them (64 Ki characters, else four times more, and so on). `text` may be only the start of
 * the text (`complete` false, a large file read in chunks): then undefined when more of it is needed to
 * tell, else the rows the whole text gives.
 * @example
 * headRowsOf("a,b\n1,2", true); // [{ line: 1, cells: ["a", "b"] }, { line: 2, cells: ["1", "2"] }]
 */
export function headRowsOf(text: string, complete: boolean): CsvRow[] | undefined {
  for (let size = 65_536; ; size *= 4) {
    if (!complete && size > text.length) return undefined;
    const rows = readCsvRows(text.slice(0, size)).rows;
    if (rows.length > 3 || (complete && size >= text.length)) return rows.slice(0, 3);
  }
}
