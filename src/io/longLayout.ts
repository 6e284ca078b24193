import { shown } from "../errors.js";
import type { ComponentResolver } from "./componentResolver.js";
import { BAD, type ExpertRatings } from "./expertRatings.js";
import type { ProblemLog } from "./problemLog.js";
import type { SurveyLayoutReader } from "./readRatingRows.js";
import type { SurveyHeader } from "./surveyHeader.js";

/**
 * The reader of the **long** survey layout, `expert,from,to,value[,weight]`
 * (docs/methods.md §1.3): one rating per row; a second row for the same expert and
 * ordered pair is a duplicate (both rows named), its value not read.
 * @example
 * const layout = createLongLayout(header, ratings, resolver, log); // then readRatingRows(rows, { layout, … })
 */
export function createLongLayout(h: SurveyHeader, ratings: ExpertRatings, resolver: ComponentResolver, log: ProblemLog): SurveyLayoutReader {
  const ids = ratings.ids;
  const n = ids.length;
  return {
    markUnreadable(e, _label, i, cell, line): void {
      const j = resolver.resolveQuietly(cell(h.to));
      if (j >= 0) {
        e.state[i * n + j] = BAD;
        e.line[i * n + j] = line;
      }
    },
    read(e, label, i, cell, line): void {
      const j = resolver.resolve(cell(h.to), line, h.names[h.to]);
      if (i < 0 || j < 0) return;
      const prior = e.line[i * n + j];
      if (i !== j && prior > 0) {
        log.add({
          file: log.file,
          row: line,
          column: h.names[h.value],
          message: `duplicate rating ${ids[i]}→${ids[j]} of expert ${label} (rows ${prior} and ${line})`,
          expected: "one rating per expert and pair of components",
          found: shown(cell(h.value)),
        });
        return;
      }
      ratings.rate(e, i, j, cell(h.value), line, h.names[h.value]);
    },
  };
}
