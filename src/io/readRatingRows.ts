import { shown } from "../errors.js";
import type { CsvRow } from "./csvRows.js";
import type { ComponentResolver } from "./componentResolver.js";
import type { ExpertRatings, ExpertState } from "./expertRatings.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";
import type { ProblemLog } from "./problemLog.js";
import type { SurveyHeader } from "./surveyHeader.js";
import { unguardCsvCell } from "./surveyCsvCell.js";

/** A row's cell in column `col` ("" when the row is shorter). */
export type RowCell = (col: number) => string;

/** How the rows of one survey layout (long or matrix blocks) carry their ratings. */
export interface SurveyLayoutReader {
  /**
   * A row with the wrong number of cells (already reported) of expert e, from
   * component i: mark the cells it addressed as BAD, so that they are not also
   * reported as missing.
   */
  markUnreadable(e: ExpertState, label: string, i: number, cell: RowCell, line: number): void;
  /** Read the ratings of one well-formed row of expert e from component i (−1: the from label named none, already reported). */
  read(e: ExpertState, label: string, i: number, cell: RowCell, line: number): void;
}

/** What {@link readRatingRows} reads into and reports to. */
export interface RatingRowsReading {
  header: SurveyHeader;
  layout: SurveyLayoutReader;
  ratings: ExpertRatings;
  resolver: ComponentResolver;
  log: ProblemLog;
}

/**
 * Read the rows under the header (docs/methods.md §1.3, §1.5): check each row's width (a row
 * may leave out only a trailing weight cell), its expert label and weight,
 * resolve its from component and hand it to the layout's reader. Every
 * problem goes to the log; nothing is thrown.
 * @example
 * readRatingRows(rows, { header, layout: createLongLayout(header, ratings, resolver, log), ratings, resolver, log });
 */
export function readRatingRows(rows: readonly CsvRow[], reading: RatingRowsReading): void {
  const readRow = ratingRowReader(reading);
  for (let r = 1; r < rows.length; r++) readRow(rows[r]);
}

/**
 * The reader of one row under the header, as {@link readRatingRows} reads each: for a survey read in
 * chunks, whose rows are handed over one at a time and never held together.
 * @example
 * const readRow = ratingRowReader({ header, layout, ratings, resolver, log });
 * readRow({ line: 2, cells: ["E1", "A", "B", "3"] });
 */
export function ratingRowReader(reading: RatingRowsReading): (row: CsvRow) => void {
  const { header: h, layout, ratings, resolver, log } = reading;
  const file = log.file;
  const width = h.names.length;
  return ({ line, cells }) => {
    const extra = hasCellBeyond(cells, width);
    // A row may leave out only a trailing weight cell (hand-written files often do).
    const short = cells.length < width && !(cells.length === width - 1 && h.weight === width - 1);
    const cell: RowCell = (col) => (col >= 0 && col < cells.length ? cells[col] : "");
    const label = unguardCsvCell(cell(h.expert));
    if (extra || short) {
      log.add({
        file,
        row: line,
        message: "wrong number of cells",
        expected: `${width} cells, as in the header (${h.names.join(",")})`,
        found:
          `${cells.length} cells` +
          (extra
            ? ` (${shown(
                cells
                  .slice(width)
                  .filter((c) => c !== "")
                  .join(","),
              )} beyond the last column; is a decimal comma unquoted in a comma-separated file?)`
            : ""),
      });
      // Mark what the row addressed so it is not also reported as missing.
      if (label !== "") {
        const e = ratings.expertOf(label, line);
        const i = resolver.resolveQuietly(cell(h.from));
        if (i >= 0) layout.markUnreadable(e, label, i, cell, line);
      }
      return;
    }
    if (label === "") {
      log.addRepeated("no-label", {
        file,
        row: line,
        column: h.names[h.expert],
        message: "no expert label",
        expected: "the expert's label, e.g. E1",
        found: '""',
      });
      return;
    }
    const e = ratings.expertOf(label, line);
    if (h.weight >= 0 && cell(h.weight) !== "") readWeight(e, cell(h.weight), line, h.names[h.weight], log);
    if (h.group !== undefined && h.group >= 0) readGroup(e, unguardCsvCell(cell(h.group)).trim(), line, h.names[h.group], log);
    layout.read(e, label, resolver.resolve(cell(h.from), line, h.names[h.from]), cell, line);
  };
}

/** Read a row's weight cell `raw` of expert e: positive, and the same on every row of the expert. */
function readWeight(e: ExpertState, raw: string, line: number, column: string, log: ProblemLog): void {
  const label = e.label;
  const w = parseLocaleNumber(raw);
  if (w === undefined || !(w > 0)) {
    log.addRepeated(`weight\u0000${label}\u0000${raw}`, {
      file: log.file,
      row: line,
      column,
      message: `weight of expert ${label} must be a positive number`,
      expected: "a positive number, e.g. 1",
      found: shown(raw),
    });
  } else if (e.weight === undefined) {
    e.weight = w;
    e.weightLine = line;
  } else if (e.weight !== w) {
    log.addRepeated(`weights\u0000${label}\u0000${w}`, {
      file: log.file,
      row: line,
      column,
      message: `expert ${label} has weight ${w} here but ${e.weight} in row ${e.weightLine}`,
      expected: "the same weight on every row of an expert",
      found: shown(raw),
    });
  }
}

/** Read a row's group cell `raw` of expert e (docs/methods.md §12.1): not empty, and the same on every row of the expert. */
function readGroup(e: ExpertState, raw: string, line: number, column: string, log: ProblemLog): void {
  if (raw === "") {
    log.addRepeated(`group\u0000${e.label}`, {
      file: log.file,
      row: line,
      column,
      message: `no group for expert ${e.label}`,
      expected: "the expert's group label, e.g. managers",
      found: '""',
    });
  } else if (e.group === undefined) {
    e.group = raw;
    e.groupLine = line;
  } else if (e.group !== raw) {
    log.addRepeated(`groups\u0000${e.label}\u0000${raw}`, {
      file: log.file,
      row: line,
      column,
      message: `expert ${e.label} is in group ${shown(raw)} here but ${shown(e.group)} in row ${e.groupLine}`,
      expected: "the same group on every row of an expert",
      found: shown(raw),
    });
  }
}

/** True when a cell at `width` or beyond is not empty. */
function hasCellBeyond(cells: readonly string[], width: number): boolean {
  for (let k = width; k < cells.length; k++) if (cells[k] !== "") return true;
  return false;
}
