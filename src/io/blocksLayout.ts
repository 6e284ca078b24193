import { shown } from "../errors.js";
import type { ComponentResolver } from "./componentResolver.js";
import { BAD, type ExpertRatings } from "./expertRatings.js";
import type { ProblemLog } from "./problemLog.js";
import type { SurveyLayoutReader } from "./readRatingRows.js";
import type { SurveyHeader } from "./surveyHeader.js";

/**
 * The reader of the **matrix blocks** survey layout, `expert,from,<one column
 * per component>[,weight]` (docs/methods.md §1.3): one row per expert and from
 * component, its cells the ratings of that row of the expert's matrix; a
 * second row for the same expert and from component is a duplicate (both rows
 * named), its cells not read. A component with a column in the header counts
 * as mentioned by the survey.
 * @example
 * const layout = createBlocksLayout(header, ratings, resolver, log); // then readRatingRows(rows, { layout, … })
 */
export function createBlocksLayout(h: SurveyHeader, ratings: ExpertRatings, resolver: ComponentResolver, log: ProblemLog): SurveyLayoutReader {
  const ids = ratings.ids;
  const n = ids.length;
  h.componentColumn.forEach((col, c) => col >= 0 && (resolver.mentioned[c] = 1));
  /** The row of each (expert, from component) seen, keyed `${label}\0${i}`. */
  const blockRows = new Map<string, number>();
  return {
    markUnreadable(e, label, i, _cell, line): void {
      blockRows.set(`${label}\u0000${i}`, line);
      for (let j = 0; j < n; j++)
        if (i !== j) {
          e.state[i * n + j] = BAD;
          e.line[i * n + j] = line;
        }
    },
    read(e, label, i, cell, line): void {
      if (i < 0) return;
      const key = `${label}\u0000${i}`;
      const prior = blockRows.get(key);
      if (prior !== undefined) {
        log.add({
          file: log.file,
          row: line,
          column: h.names[h.from],
          message: `duplicate row for expert ${label}, from ${ids[i]} (rows ${prior} and ${line})`,
          expected: "one row per expert and from component",
          found: shown(cell(h.from)),
        });
        return;
      }
      blockRows.set(key, line);
      for (let j = 0; j < n; j++) {
        const col = h.componentColumn[j];
        if (col >= 0) ratings.rate(e, i, j, cell(col), line, h.names[col]);
      }
    },
  };
}
