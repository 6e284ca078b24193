import type { Model } from "../types.js";
import { shown, type InputProblem } from "../errors.js";
import { readCsvRows, type CsvRow } from "./csvRows.js";
import { componentMatcher } from "./componentMatcher.js";
import { createComponentResolver } from "./componentResolver.js";
import { createProblemLog, type ProblemLog } from "./problemLog.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";
import { closestMatch } from "./closestMatch.js";
import { readInputFile } from "./readInputFile.js";
import { decodeSurveyBytes } from "./readSurvey.js";

/** A scale of performance scores: `min` is the worst level, `max` the best. */
export interface ScoreScale {
  min: number;
  max: number;
}

/** One organisation's scores as read from a scores file, in model component order. */
export interface ReadinessScores {
  /** The file (or label) the scores came from. */
  source: string;
  /** Component ids, in model order. */
  components: string[];
  /** Current performance p_j on the scale, model order. */
  scores: number[];
  /** Aspiration level a_j on the scale (the scale's max where the file gives none), model order. */
  aspirations: number[];
  /** Whether the file gave the aspiration of component j (false: the scale's max was taken). */
  aspirationGiven: boolean[];
  /** The declared scale. */
  scale: ScoreScale;
  /** Where the scale was declared: the file's `scale_min`/`scale_max` columns or the caller's option. */
  scaleFrom: "file" | "option";
}

/** Options of {@link readReadinessScores}. */
export interface ReadReadinessScoresOptions {
  /** The file name, for messages (default "scores"). */
  file?: string;
  /** The scale given outside the file (`--scale-min/--scale-max`); when the file also declares one, both must agree. */
  scale?: ScoreScale;
}

/** The columns a scores file may hold, by their canonical name; `target` is read as `aspiration`. */
const COLUMNS = ["component", "score", "aspiration", "scale_min", "scale_max"] as const;
type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = { target: "aspiration" };
const MAX_PROBLEMS = 50;

/**
 * Read one organisation's readiness scores (docs/methods.md §13.1): a small CSV
 * with a header and one row per model component, columns `component` (id,
 * English or Persian name), `score` (current performance), optionally
 * `aspiration` (or `target`: the level aimed at; default the scale's max) and
 * `scale_min`, `scale_max` (the declared scale, one value for the file: every
 * non-blank cell of the column must hold it). The scale is declared by those
 * columns or by `options.scale` (both: they must agree). Numbers may use
 * Persian digits and decimal commas ({@link parseLocaleNumber}); the
 * delimiter is detected (`,`, `;` or tab). Every problem is reported at once,
 * located by file, row and column: an unknown column (with the closest
 * name), a missing or unknown component (with the closest match), a
 * component given twice, a missing or unreadable number, a score or
 * aspiration off the scale, an aspiration at the scale's minimum (no room to
 * improve, so the normalised gap is undefined), and a bad scale declaration
 * (none at all, only one of the two columns, a cell that is not a number,
 * rows that declare different scales, a max not above the min, a scale that
 * differs from `options.scale`). Without a usable scale the scores are still
 * checked for being numbers, so one run lists every problem.
 * @throws {InputError} listing every problem found.
 * @example
 * readReadinessScores("component,score,scale_min,scale_max\nLEAD,2,1,5\n...", defaultModel()).scores[0]; // 2
 */
export function readReadinessScores(text: string, model: Model, options: ReadReadinessScoresOptions = {}): ReadinessScores {
  const file = options.file ?? "scores";
  const log = createProblemLog(file, MAX_PROBLEMS);
  const split = readCsvRows(text.replace(/^\uFEFF/, ""), file);
  for (const p of split.problems) log.add(p);
  const [header, ...rows] = split.rows;
  if (!header) {
    log.add({ file, message: "the scores file is empty", expected: "a header row: component,score[,aspiration][,scale_min,scale_max]", found: "no rows" });
    log.stop();
  }
  const columns = headerColumns(header, log);
  if (columns.component === undefined || columns.score === undefined) log.stop();
  const scale = declaredScale(rows, columns, options.scale, log);
  const cells = componentRows(rows, columns, model, log);
  // The numbers are always checked, so their problems come in the same error as the components' and the scale's;
  // without a usable scale only whether they are numbers (the range check needs the scale).
  const s = scale ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  const n = model.components.length;
  const scores = new Array<number>(n).fill(Number.NaN);
  const aspirations = new Array<number>(n).fill(s.max);
  const aspirationGiven = new Array<boolean>(n).fill(false);
  const range = scale ? `a number from ${scale.min} to ${scale.max}` : "a number (on the declared scale)";
  for (const c of cells) checkCell(c, s, range, { scores, aspirations, given: aspirationGiven }, log);
  log.throwIfAny();
  return {
    source: file,
    components: model.components.map((c) => c.id),
    scores,
    aspirations,
    aspirationGiven,
    scale: s as ScoreScale,
    scaleFrom: columnsDeclareScale(columns) ? "file" : "option",
  };
}

/**
 * Read a scores file from disk ({@link readReadinessScores}); the bytes are decoded as a survey's are (UTF-8 or UTF-16).
 * @throws {InputError} when the file cannot be read or has problems.
 * @example
 * readReadinessScoresFile("data/readiness/example-scores.csv", defaultModel()).scale; // { min: 1, max: 5 }
 */
export function readReadinessScoresFile(
  path: string,
  model: Model,
  options: Omit<ReadReadinessScoresOptions, "file"> & { label?: string } = {},
): ReadinessScores {
  const bytes = readInputFile(path, { what: "scores file", expected: "a readable CSV file" });
  const label = options.label ?? path;
  return readReadinessScores(decodeSurveyBytes(bytes, label), model, { file: label, ...(options.scale ? { scale: options.scale } : {}) });
}

/** Column positions by canonical name. */
type ColumnIndex = Partial<Record<Column, number>>;

const columnsDeclareScale = (c: ColumnIndex): boolean => c.scale_min !== undefined || c.scale_max !== undefined;

/** Map the header's cells to the known columns, logging unknown, duplicate and missing ones. */
function headerColumns(header: CsvRow, log: ProblemLog): ColumnIndex {
  const index: ColumnIndex = {};
  const names = [...COLUMNS, ...Object.keys(ALIASES)];
  header.cells.forEach((raw, k) => {
    const key = raw.trim().toLowerCase().replace(/\s+/g, "_");
    const col = (COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[key];
    const at: InputProblem = { file: log.file, row: header.line, column: String(k + 1), message: "" };
    if (col === undefined) {
      const guess = closestMatch(key, names);
      log.add({ ...at, message: `unknown column${guess ? `; did you mean "${guess}"?` : ""}`, expected: `one of ${names.join(", ")}`, found: shown(raw) });
    } else if (index[col] !== undefined) log.add({ ...at, message: `column ${col} appears twice`, expected: "each column once", found: shown(raw) });
    else index[col] = k;
  });
  for (const need of ["component", "score"] as const)
    if (index[need] === undefined)
      log.add({
        file: log.file,
        row: header.line,
        message: `no ${need} column`,
        expected: "a header with component and score columns",
        found: shown(header.cells.join(",")),
      });
  return index;
}

/** The scale declared by the file's scale_min/scale_max columns and/or the option; undefined after logging why there is none. */
function declaredScale(rows: readonly CsvRow[], columns: ColumnIndex, given: ScoreScale | undefined, log: ProblemLog): ScoreScale | undefined {
  if (!columnsDeclareScale(columns)) {
    if (given) return given;
    log.add({
      file: log.file,
      message: "the scores' scale is not declared",
      expected: "columns scale_min and scale_max in the file (e.g. 1 and 5), or --scale-min and --scale-max",
      found: "neither",
    });
    return undefined;
  }
  const min = fileConstant(rows, columns, "scale_min", log);
  const max = fileConstant(rows, columns, "scale_max", log);
  if (min === undefined || max === undefined) return undefined;
  if (!(min < max)) {
    log.add({ file: log.file, column: "scale_max", message: "the scale's max must be above its min", expected: `a number above ${min}`, found: String(max) });
    return undefined;
  }
  if (given && (given.min !== min || given.max !== max)) {
    log.add({
      file: log.file,
      column: "scale_min, scale_max",
      message: "the file's scale differs from the one given on the command line",
      expected: `${given.min}–${given.max}`,
      found: `${min}–${max}`,
    });
    return undefined;
  }
  return { min, max };
}

/** The one value of a file-level column (every non-blank cell equal); undefined after logging. */
function fileConstant(rows: readonly CsvRow[], columns: ColumnIndex, col: "scale_min" | "scale_max", log: ProblemLog): number | undefined {
  const k = columns[col];
  if (k === undefined) {
    log.add({
      file: log.file,
      column: col,
      message: `scale_${col === "scale_min" ? "max" : "min"} is given but ${col} is not`,
      expected: "both scale_min and scale_max",
      found: "one of them",
    });
    return undefined;
  }
  let value: number | undefined;
  let bad = false;
  for (const r of rows) {
    const text = r.cells[k] ?? "";
    if (text === "") continue;
    const x = parseLocaleNumber(text);
    if (x === undefined) {
      log.add({ file: log.file, row: r.line, column: col, message: "not a number", expected: "a number", found: shown(text) });
      bad = true;
    } else if (value === undefined) value = x;
    else if (x !== value) {
      log.add({
        file: log.file,
        row: r.line,
        column: col,
        message: `${col} differs from an earlier row`,
        expected: `${value} (one scale for the file)`,
        found: shown(text),
      });
      bad = true;
    }
  }
  if (value === undefined && !bad)
    log.add({ file: log.file, column: col, message: `${col} is empty in every row`, expected: "a number in at least one row", found: "blank cells" });
  return bad ? undefined : value;
}

/** One component's row, its component resolved. */
interface ComponentCell {
  index: number;
  line: number;
  score: string;
  aspiration: string;
}

/** Resolve each row's component, logging unknown, blank and repeated components and rows longer than the header; then the components no row names. */
function componentRows(rows: readonly CsvRow[], columns: ColumnIndex, model: Model, log: ProblemLog): ComponentCell[] {
  const ids = model.components.map((c) => c.id);
  const resolver = createComponentResolver(componentMatcher(model), ids, log);
  const firstRow = new Map<number, number>();
  const width = Math.max(...Object.values(columns).map((k) => (k as number) + 1));
  const out: ComponentCell[] = [];
  for (const r of rows) {
    if (r.cells.slice(width).some((c) => c !== ""))
      log.add({
        file: log.file,
        row: r.line,
        message: "more cells than the header has columns",
        expected: `at most ${width} cells`,
        found: `${r.cells.length} cells`,
      });
    const label = r.cells[columns.component as number] ?? "";
    const c = resolver.resolve(label, r.line, "component");
    if (c < 0) continue;
    const first = firstRow.get(c);
    if (first !== undefined) {
      log.add({
        file: log.file,
        row: r.line,
        column: "component",
        message: `${ids[c]} is given twice (first at row ${first})`,
        expected: "one row per component",
        found: shown(label),
      });
      continue;
    }
    firstRow.set(c, r.line);
    out.push({
      index: c,
      line: r.line,
      score: r.cells[columns.score as number] ?? "",
      aspiration: columns.aspiration === undefined ? "" : (r.cells[columns.aspiration] ?? ""),
    });
  }
  const missing = ids.filter((_, c) => resolver.mentioned[c] === 0);
  if (missing.length > 0)
    log.add({
      file: log.file,
      column: "component",
      message: `no row for ${missing.length === 1 ? "component" : `${missing.length} components`} ${missing.join(", ")}`,
      expected: `one row for each of the model's ${ids.length} components`,
      found: `${ids.length - missing.length} components`,
    });
  return out;
}

/** Where {@link checkCell} stores the values it accepts, model order. */
interface ScoreColumns {
  scores: number[];
  aspirations: number[];
  given: boolean[];
}

/** Check one row's score and aspiration against the scale (`range` says it in words) and store them. */
function checkCell(c: ComponentCell, s: ScoreScale, range: string, into: ScoreColumns, log: ProblemLog): void {
  const file = log.file;
  const score = onScale(c.score, "score", c.line, s, range, file, log);
  if (score !== undefined) into.scores[c.index] = score;
  if (c.aspiration === "") return;
  const a = onScale(c.aspiration, "aspiration", c.line, s, range, file, log);
  if (a === undefined) return;
  if (a <= s.min) {
    log.add({
      file,
      row: c.line,
      column: "aspiration",
      message: "an aspiration at the scale's worst level leaves nothing to aim for (the normalised gap divides by aspiration − worst)",
      expected: `a number above ${s.min}, up to ${s.max}`,
      found: shown(c.aspiration),
    });
    return;
  }
  into.aspirations[c.index] = a;
  into.given[c.index] = true;
}

/** A number on the scale, or undefined after logging a missing, unreadable or off-scale value. */
function onScale(text: string, column: string, row: number, s: ScoreScale, range: string, file: string, log: ProblemLog): number | undefined {
  if (text === "") {
    log.add({ file, row, column, message: `no ${column} given`, expected: range, found: '""' });
    return undefined;
  }
  const x = parseLocaleNumber(text);
  if (x === undefined) {
    log.add({ file, row, column, message: "not a number", expected: range, found: shown(text) });
    return undefined;
  }
  if (x < s.min || x > s.max) {
    log.add({ file, row, column, message: `${column} outside the declared scale ${s.min}–${s.max}`, expected: range, found: shown(text) });
    return undefined;
  }
  return x;
}
