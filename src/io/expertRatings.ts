import type { ExpertMatrix, InputWarning } from "../types.js";
import { shown } from "../errors.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";
import type { ProblemLog } from "./problemLog.js";
import type { TermReader } from "./linguisticTerms.js";

/** States of a rating cell while a survey is read. */
export const ABSENT = 0,
  BLANK = 1,
  BAD = 2,
  RATED = 3;

/** One expert's ratings while a survey is read, row-major n×n. */
export interface ExpertState {
  label: string;
  firstLine: number;
  weight?: number;
  weightLine?: number;
  /** The expert's group (optional group column, docs/methods.md §12.1) and the row it was first read in. */
  group?: string;
  groupLine?: number;
  value: Float64Array;
  /** ABSENT, BLANK, BAD or RATED per cell. */
  state: Uint8Array;
  /** Line that addressed each cell (0 = none, −1 = imputed), for duplicate detection and locating missing cells. */
  line: Int32Array;
  /** Column name where each blank cell sits, for messages. */
  blankColumn: Map<number, string>;
}

/** The experts of a survey being read, and the reading of one rating cell. */
export interface ExpertRatings {
  /** The model's component ids, in model order. */
  readonly ids: readonly string[];
  /** The experts in the order of their first row. */
  readonly experts: Map<string, ExpertState>;
  /** The expert labelled `label`, added (first seen at `line`) when new. */
  expertOf(label: string, line: number): ExpertState;
  /**
   * Read one rating cell into expert e at (i, j): off the diagonal a number on
   * the scale is RATED, "" BLANK, anything else BAD with a logged problem; on
   * the diagonal a value is ignored with a warning (0s: one summary warning,
   * see `warnDiagonalZeros`), "" and "-" silently.
   */
  rate(e: ExpertState, i: number, j: number, raw: string, line: number, column: string): void;
  /** After the last row: the one summary warning for the diagonal 0s, if any. */
  warnDiagonalZeros(): void;
}

/** The scale as messages state it: "a number from 0 to 4". */
export const scaleText = (scale: { min: number; max: number }): string => `a number from ${scale.min} to ${scale.max}`;

/** A rating like 3/4 where "/" may have been meant as a decimal point. */
const SLASH_DECIMAL = /^\s*[\d\u06F0-\u06F9\u0660-\u0669]+\/[\d\u06F0-\u06F9\u0660-\u0669]+\s*$/;

/**
 * Make the expert ratings of one survey (docs/methods.md §1.2, §1.4) for the model's
 * components `ids` on `scale`; problems go to `log`, warnings to `warnings`.
 * With `terms` (a linguistic scale, §2.11) a rating cell is read as a term of
 * it (code, English or Persian label) instead of a number, and a cell that names
 * no term is a problem listing the scale's terms.
 * @example
 * const r = createExpertRatings(["A", "B"], { min: 0, max: 4 }, log, warnings);
 * r.rate(r.expertOf("E1", 2), 0, 1, "3", 2, "value");
 */
// ~65 lines: one factory whose three short methods share the experts and the diagonal-zero tally; rate, the longest, is one table of cell cases.
export function createExpertRatings(
  ids: readonly string[],
  scale: { min: number; max: number },
  log: ProblemLog,
  warnings: InputWarning[],
  terms?: TermReader,
): ExpertRatings {
  const n = ids.length;
  const file = log.file;
  const expected = terms ? `a term of the scale: ${terms.list}` : scaleText(scale);
  const readCell = (raw: string): number | undefined => (terms ? terms.read(raw) : parseLocaleNumber(raw));
  const experts = new Map<string, ExpertState>();
  const diagonalZeros: { count: number; row?: number; column?: string } = { count: 0 };
  return {
    ids,
    experts,
    expertOf(label: string, line: number): ExpertState {
      let e = experts.get(label);
      if (!e) {
        e = { label, firstLine: line, value: new Float64Array(n * n), state: new Uint8Array(n * n), line: new Int32Array(n * n), blankColumn: new Map() };
        experts.set(label, e);
      }
      return e;
    },
    rate(e: ExpertState, i: number, j: number, raw: string, line: number, column: string): void {
      if (i === j) {
        if (raw === "" || raw === "-") return;
        const x = readCell(raw);
        if (x === 0) {
          // The conventional 0 on the diagonal: one summary warning, not one per cell.
          if (diagonalZeros.count++ === 0) Object.assign(diagonalZeros, { row: line, column });
          return;
        }
        const note =
          x === undefined
            ? `; it is not ${terms ? "a term of the scale" : "a number"} either`
            : x < scale.min || x > scale.max
              ? "; it is outside the scale too"
              : "";
        warnings.push({
          file,
          row: line,
          column,
          message: `diagonal rating ${ids[i]}→${ids[j]} of expert ${e.label} ignored: a component's influence on itself is not rated${note} (found ${shown(raw)})`,
        });
        return;
      }
      const cell = i * n + j;
      e.line[cell] = line;
      if (raw === "") {
        e.state[cell] = BLANK;
        e.blankColumn.set(cell, column);
        return;
      }
      const x = readCell(raw);
      if (x === undefined) {
        e.state[cell] = BAD;
        if (terms) {
          log.add({ file, row: line, column, message: `rating ${ids[i]}→${ids[j]} of expert ${e.label} is no term of the scale`, expected, found: shown(raw) });
          return;
        }
        const hint = SLASH_DECIMAL.test(raw) ? ` (if "/" is meant as a decimal point, write ${raw.trim().replace("/", ".")})` : "";
        log.add({ file, row: line, column, message: `rating ${ids[i]}→${ids[j]} of expert ${e.label} is not a number${hint}`, expected, found: shown(raw) });
      } else if (x < scale.min || x > scale.max) {
        e.state[cell] = BAD;
        log.add({ file, row: line, column, message: `rating ${ids[i]}→${ids[j]} of expert ${e.label} is outside the scale`, expected, found: shown(raw) });
      } else {
        e.state[cell] = RATED;
        e.value[cell] = x;
      }
    },
    warnDiagonalZeros(): void {
      if (diagonalZeros.count === 0) return;
      const { count, row, column } = diagonalZeros;
      warnings.push({
        file,
        row,
        column,
        message: `${count} diagonal rating${count > 1 ? "s" : ""} of 0 ignored (first in row ${row}): a component's influence on itself is not rated`,
      });
    },
  };
}

/** Expert e's ratings as the survey gives them: an n×n matrix with a zero diagonal, its weight (default 1) and its imputed cells (line −1). */
export function toExpertMatrix(e: ExpertState, n: number): ExpertMatrix {
  const matrix: number[][] = [];
  const imputed: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      row.push(i === j ? 0 : e.value[i * n + j]);
      if (e.line[i * n + j] === -1) imputed.push([i, j]);
    }
    matrix.push(row);
  }
  return { expert: e.label, weight: e.weight ?? 1, matrix, imputed, ...(e.group !== undefined ? { group: e.group } : {}) };
}
