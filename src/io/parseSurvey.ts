import type { ExpertMatrix, InputWarning, Model, Survey } from "../types.js";
import { InputError, type InputProblem, shown } from "../errors.js";
import { componentMatcher } from "./componentMatcher.js";
import { readCsvRows } from "./csvRows.js";
import { parseLocaleNumber } from "./parseLocaleNumber.js";
import { classifySurveyHeader } from "./surveyHeader.js";
import { unguardCsvCell } from "./surveyCsvCell.js";

/** Options of {@link parseSurvey} and `readSurvey`. */
export interface SurveyOptions {
  /** File name or label used in messages and as `Survey.source`. Default `"survey"` (`readSurvey`: the path). */
  source?: string;
  /** The rating scale; every off-diagonal rating must lie in [min, max]. Default `{ min: 0, max: 4 }` (METHODS §1). */
  scale?: { min: number; max: number };
  /**
   * What to do with a missing rating. `"none"` (default): it is an error.
   * `"mean"`: fill it with the plain mean of the other experts' ratings of that
   * cell, list it in `ExpertMatrix.imputed` and add a warning; a cell no other
   * expert rated is still an error.
   */
  impute?: "none" | "mean";
  /** Most problems listed in the error; the rest are counted ("… and N more"). Default 50. */
  maxProblems?: number;
}

/** Cell states while reading. */
const ABSENT = 0, BLANK = 1, BAD = 2, RATED = 3;

interface ExpertState {
  label: string;
  firstLine: number;
  weight?: number;
  weightLine?: number;
  value: Float64Array;
  state: Uint8Array;
  /** Line that addressed each cell (0 = none), for duplicate detection and locating missing cells. */
  line: Int32Array;
  /** Column name where each blank cell sits, for messages. */
  blankColumn: Map<number, string>;
}

/** A list of cells for a message, at most `max` shown. */
function cellList(cells: string[], max = 12): string {
  return cells.length <= max ? cells.join(", ") : `${cells.slice(0, max).join(", ")} and ${cells.length - max} more`;
}

/**
 * Parse a survey of expert direct-influence ratings (METHODS §1) into one
 * n×n matrix per expert, in model component order, with a zero diagonal.
 *
 * Layouts, detected from the header: **long** `expert,from,to,value[,weight]`
 * (one row per rating) and **matrix blocks** `expert,from,<one column per
 * component>[,weight]` (one row per expert and "from" component). Components
 * may be named by id (any case), English name or Persian name (`name_fa`), in
 * cells and in block column headers. Header names are trimmed and
 * case-insensitive; `rater`/`respondent`/`participant` = expert,
 * `source` = from, `target` = to, `rating`/`score` = value.
 *
 * Forgiving: a byte-order mark; `,` `;` or tab delimiters (decided from the
 * header, so `3,5` in a `;` file is 3.5); Persian/Arabic-Indic digits, the
 * Arabic decimal separator and a decimal comma; spaces around cells; CRLF;
 * blank lines; trailing empty columns. Fractional ratings inside the scale are
 * kept as given (a published average matrix read as one expert reproduces it).
 * The optional `weight` (positive, default 1) may be left blank on some of an
 * expert's rows (or left out, when it is the last column) but must not differ
 * between them.
 *
 * Strict: every problem is collected in one pass and thrown together as an
 * {@link InputError} (at most `maxProblems`, then "… and N more"), each with
 * file, row (1-based file line, header = 1), column, expected and found: a
 * rating outside the scale or not a number; a duplicate rating (both rows
 * named); a missing rating (the expert and the exact cells, e.g.
 * `expert E3 has no rating for LEAD→GOV, CUL→INS`); an unknown component
 * (with the closest id or name suggested); model components the survey never
 * rates and survey components not in the model; an empty file; a header that
 * fits neither layout; a missing or duplicate component column; a row with the
 * wrong number of cells; an invalid or inconsistent weight; zero experts.
 * Diagonal cells (from = to) are not rated: a value there is ignored with a
 * located warning (zeros, the usual filler, get one summary warning at the
 * first), an empty or `-` diagonal cell silently. Plausibility warnings: an
 * expert who rated every pair at the bottom of the scale, and an expert whose
 * ratings are identical to an earlier expert's (a copied block). Warnings are
 * sorted by row.
 *
 * Experts appear in the order of their first row. The model is not modified.
 * @throws {InputError} listing every problem found in the text.
 * @throws {RangeError} when an option is invalid (scale min ≥ max, maxProblems < 1).
 * @example
 * const s = parseSurvey("expert,from,to,value\nE1,A,B,3\nE1,B,A,1", { components: [{ id: "A", name: "a" }, { id: "B", name: "b" }] });
 * s.experts[0].matrix; // [[0, 3], [1, 0]]
 */
export function parseSurvey(text: string, model: Model, options: SurveyOptions = {}): Survey {
  const file = options.source ?? "survey";
  const scale = options.scale ?? { min: 0, max: 4 };
  const impute = options.impute ?? "none";
  const maxProblems = options.maxProblems ?? 50;
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max)) throw new RangeError(`parseSurvey: scale must have finite min < max, got ${scale.min}..${scale.max}`);
  if (impute !== "none" && impute !== "mean") throw new RangeError(`parseSurvey: impute must be "none" or "mean", got ${String(impute)}`);
  if (!(Number.isInteger(maxProblems) && maxProblems >= 1)) throw new RangeError(`parseSurvey: maxProblems must be an integer >= 1, got ${maxProblems}`);
  if (typeof text !== "string") throw new TypeError("parseSurvey: text must be a string");
  if (!model || !Array.isArray(model.components) || model.components.length === 0) throw new TypeError("parseSurvey: model must have a non-empty components list");

  const ids = model.components.map((c) => c.id);
  const n = ids.length;
  const scaleText = `a number from ${scale.min} to ${scale.max}`;
  const problems: InputProblem[] = [];
  const warnings: InputWarning[] = [];
  const fail = (): never => {
    throw new InputError(problems.slice(0, maxProblems), Math.max(0, problems.length - maxProblems));
  };

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { rows, problems: csvProblems } = readCsvRows(body, file);
  if (rows.length === 0) {
    problems.push({ file, message: "the survey file is empty", expected: "a header line such as expert,from,to,value, then one row per rating", found: body === "" ? "an empty file" : "only blank lines" });
    fail();
  }
  problems.push(...csvProblems);
  const matcher = componentMatcher(model);
  const h = classifySurveyHeader(rows[0].cells, rows[0].line, matcher, ids, problems, file);
  if (!h) return fail();
  const width = h.names.length;

  // Unknown component labels, one problem per distinct label (first occurrence), counted.
  const unknownSeen = new Map<string, { problem: InputProblem; count: number; hint: string }>();
  const mentioned = new Uint8Array(n);
  if (h.layout === "blocks") h.componentColumn.forEach((col, c) => col >= 0 && (mentioned[c] = 1));
  const resolve = (label: string, line: number, column: string): number => {
    if (label === "") {
      problems.push({ file, row: line, column, message: "no component given", expected: `a component id or name: ${ids.join(", ")}`, found: '""' });
      return -1;
    }
    const c = matcher.match(label);
    if (c >= 0) {
      mentioned[c] = 1;
      return c;
    }
    if (c === -2) {
      problems.push({ file, row: line, column, message: "this name belongs to more than one component; use the component id", expected: `one of ${ids.join(", ")}`, found: shown(label) });
      return -1;
    }
    const key = label.toLowerCase();
    const seen = unknownSeen.get(key);
    const message = (count: number, hint: string): string => `unknown component${count > 1 ? ` (in ${count} rows)` : ""}${hint ? `; ${hint}` : ""}`;
    if (seen) {
      seen.count++;
      seen.problem.message = message(seen.count, seen.hint);
    } else {
      const hint = matcher.suggest(label);
      const problem: InputProblem = { file, row: line, column, message: message(1, hint), expected: `a component id or name: ${ids.join(", ")}`, found: shown(label) };
      problems.push(problem);
      unknownSeen.set(key, { problem, count: 1, hint });
    }
    return -1;
  };

  // A problem that repeats on every row of an expert (a bad weight, no label) is reported once, at its first
  // row, with the number of rows: "weight of expert E1 must be a positive number (in 10 rows)".
  const repeated = new Map<string, { problem: InputProblem; count: number; base: string }>();
  const pushOnce = (key: string, problem: InputProblem): void => {
    const seen = repeated.get(key);
    if (seen) {
      seen.count++;
      seen.problem.message = `${seen.base} (in ${seen.count} rows)`;
      return;
    }
    repeated.set(key, { problem, count: 1, base: problem.message });
    problems.push(problem);
  };

  const experts = new Map<string, ExpertState>();
  const expertOf = (label: string, line: number): ExpertState => {
    let e = experts.get(label);
    if (!e) {
      e = { label, firstLine: line, value: new Float64Array(n * n), state: new Uint8Array(n * n), line: new Int32Array(n * n), blankColumn: new Map() };
      experts.set(label, e);
    }
    return e;
  };
  const blockRows = new Map<string, number>();
  const diagonalZeros: { count: number; row?: number; column?: string } = { count: 0 };

  /** Read one rating cell into expert e at (i, j). */
  const rate = (e: ExpertState, i: number, j: number, raw: string, line: number, column: string): void => {
    if (i === j) {
      if (raw === "" || raw === "-") return;
      const x = parseLocaleNumber(raw);
      if (x === 0) {
        // The conventional 0 on the diagonal: one summary warning, not one per cell.
        if (diagonalZeros.count++ === 0) Object.assign(diagonalZeros, { row: line, column });
        return;
      }
      const note = x === undefined ? "; it is not a number either" : x < scale.min || x > scale.max ? "; it is outside the scale too" : "";
      warnings.push({ file, row: line, column, message: `diagonal rating ${ids[i]}→${ids[j]} of expert ${e.label} ignored: a component's influence on itself is not rated${note} (found ${shown(raw)})` });
      return;
    }
    const cell = i * n + j;
    e.line[cell] = line;
    if (raw === "") {
      e.state[cell] = BLANK;
      e.blankColumn.set(cell, column);
      return;
    }
    const x = parseLocaleNumber(raw);
    if (x === undefined) {
      e.state[cell] = BAD;
      const hint = /^\s*[\d\u06F0-\u06F9\u0660-\u0669]+\/[\d\u06F0-\u06F9\u0660-\u0669]+\s*$/.test(raw) ? ` (if "/" is meant as a decimal point, write ${raw.trim().replace("/", ".")})` : "";
      problems.push({ file, row: line, column, message: `rating ${ids[i]}→${ids[j]} of expert ${e.label} is not a number${hint}`, expected: scaleText, found: shown(raw) });
    } else if (x < scale.min || x > scale.max) {
      e.state[cell] = BAD;
      problems.push({ file, row: line, column, message: `rating ${ids[i]}→${ids[j]} of expert ${e.label} is outside the scale`, expected: scaleText, found: shown(raw) });
    } else {
      e.state[cell] = RATED;
      e.value[cell] = x;
    }
  };

  for (let r = 1; r < rows.length; r++) {
    const { line, cells } = rows[r];
    const extra = cells.slice(width).some((c) => c !== "");
    // A row may leave out only a trailing weight cell (hand-written files often do).
    const short = cells.length < width && !(cells.length === width - 1 && h.weight === width - 1);
    const cell = (col: number): string => (col >= 0 && col < cells.length ? cells[col] : "");
    const label = unguardCsvCell(cell(h.expert));
    if (extra || short) {
      problems.push({ file, row: line, message: "wrong number of cells", expected: `${width} cells, as in the header (${h.names.join(",")})`, found: `${cells.length} cells` + (extra ? ` (${shown(cells.slice(width).filter((c) => c !== "").join(","))} beyond the last column; is a decimal comma unquoted in a comma-separated file?)` : "") });
      // Mark what the row addressed so it is not also reported as missing.
      if (label !== "") {
        const e = expertOf(label, line);
        const i = matcher.match(cell(h.from));
        if (i >= 0) {
          mentioned[i] = 1;
          if (h.layout === "long") {
            const j = matcher.match(cell(h.to));
            if (j >= 0) (mentioned[j] = 1), (e.state[i * n + j] = BAD), (e.line[i * n + j] = line);
          } else {
            blockRows.set(`${label}\u0000${i}`, line);
            for (let j = 0; j < n; j++) if (i !== j) (e.state[i * n + j] = BAD), (e.line[i * n + j] = line);
          }
        }
      }
      continue;
    }
    if (label === "") {
      pushOnce("no-label", { file, row: line, column: h.names[h.expert], message: "no expert label", expected: "the expert's label, e.g. E1", found: '""' });
      continue;
    }
    const e = expertOf(label, line);
    if (h.weight >= 0 && cell(h.weight) !== "") {
      const raw = cell(h.weight);
      const w = parseLocaleNumber(raw);
      if (w === undefined || !(w > 0)) {
        pushOnce(`weight\u0000${label}\u0000${raw}`, { file, row: line, column: h.names[h.weight], message: `weight of expert ${label} must be a positive number`, expected: "a positive number, e.g. 1", found: shown(raw) });
      } else if (e.weight === undefined) {
        e.weight = w;
        e.weightLine = line;
      } else if (e.weight !== w) {
        pushOnce(`weights\u0000${label}\u0000${w}`, { file, row: line, column: h.names[h.weight], message: `expert ${label} has weight ${w} here but ${e.weight} in row ${e.weightLine}`, expected: "the same weight on every row of an expert", found: shown(raw) });
      }
    }
    const i = resolve(cell(h.from), line, h.names[h.from]);
    if (h.layout === "long") {
      const j = resolve(cell(h.to), line, h.names[h.to]);
      if (i < 0 || j < 0) continue;
      const prior = e.line[i * n + j];
      if (i !== j && prior > 0) {
        problems.push({ file, row: line, column: h.names[h.value], message: `duplicate rating ${ids[i]}→${ids[j]} of expert ${label} (rows ${prior} and ${line})`, expected: "one rating per expert and pair of components", found: shown(cell(h.value)) });
        continue;
      }
      rate(e, i, j, cell(h.value), line, h.names[h.value]);
    } else {
      if (i < 0) continue;
      const key = `${label}\u0000${i}`;
      const prior = blockRows.get(key);
      if (prior !== undefined) {
        problems.push({ file, row: line, column: h.names[h.from], message: `duplicate row for expert ${label}, from ${ids[i]} (rows ${prior} and ${line})`, expected: "one row per expert and from component", found: shown(cell(h.from)) });
        continue;
      }
      blockRows.set(key, line);
      for (let j = 0; j < n; j++) {
        const col = h.componentColumn[j];
        if (col >= 0) rate(e, i, j, cell(col), line, h.names[col]);
      }
    }
  }

  if (diagonalZeros.count > 0) {
    const { count, row, column } = diagonalZeros;
    warnings.push({ file, row, column, message: `${count} diagonal rating${count > 1 ? "s" : ""} of 0 ignored (first in row ${row}): a component's influence on itself is not rated` });
  }
  if (experts.size === 0) {
    problems.push({ file, row: rows.length > 1 ? rows[1].line : rows[0].line, message: "the survey has no experts", expected: "at least one row of ratings under the header", found: rows.length > 1 ? "no row with an expert label" : "only a header" });
    fail();
  }

  // Components the survey never mentions (and labels not in the model).
  const never = ids.filter((_, c) => !mentioned[c]);
  if (never.length > 0) {
    const extra = [...unknownSeen.values()].map((u) => u.problem.found as string);
    problems.push({ file, message: "the survey's components do not match the model", expected: `the model's ${n} components: ${ids.join(", ")}`, found: `never rated: ${never.join(", ")}` + (extra.length ? `; not in the model: ${extra.join(", ")}` : "") });
  }
  const skipTo = new Uint8Array(n);
  const skipFrom = new Uint8Array(n);
  ids.forEach((_, c) => {
    if (!mentioned[c]) skipTo[c] = skipFrom[c] = 1;
    if (h.layout === "blocks" && h.componentColumn[c] < 0) skipTo[c] = 1;
  });

  // Missing ratings: report, or impute the mean of the other experts.
  const list = [...experts.values()];
  for (const e of list) {
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      if (skipFrom[i]) continue;
      for (let j = 0; j < n; j++) if (i !== j && !skipTo[j] && e.state[i * n + j] <= BLANK) missing.push(i * n + j);
    }
    if (missing.length === 0) continue;
    const names = missing.map((m) => `${ids[Math.floor(m / n)]}→${ids[m % n]}`);
    const firstBlank = missing.find((m) => e.state[m] === BLANK);
    const where = firstBlank !== undefined ? { row: e.line[firstBlank], column: e.blankColumn.get(firstBlank) } : { row: e.firstLine };
    const expected = `${scaleText} for every ordered pair of different components (${n * (n - 1)} per expert)`;
    const found = `${missing.length} missing` + (firstBlank !== undefined ? ` (${missing.filter((m) => e.state[m] === BLANK).length} left blank)` : "");
    if (impute === "none") {
      problems.push({ file, ...where, message: `expert ${e.label} has no rating for ${cellList(names)}`, expected, found });
      continue;
    }
    const imputed: string[] = [];
    const impossible: string[] = [];
    missing.forEach((m, k) => {
      let sum = 0, count = 0;
      for (const o of list) if (o !== e && o.state[m] === RATED) (sum += o.value[m]), count++;
      if (count === 0) impossible.push(names[k]);
      else {
        e.value[m] = sum / count;
        e.state[m] = RATED;
        e.line[m] = -1; // imputed marker
        imputed.push(`${names[k]} = ${Number((sum / count).toFixed(4))}`);
      }
    });
    if (impossible.length) problems.push({ file, ...where, message: `expert ${e.label} has no rating for ${cellList(impossible)}, and no other expert rated ${impossible.length > 1 ? "these cells" : "this cell"}, so the mean cannot be imputed`, expected, found: `${impossible.length} missing` });
    if (imputed.length) warnings.push({ file, ...where, message: `expert ${e.label}: ${imputed.length} missing rating${imputed.length > 1 ? "s" : ""} imputed with the mean of the other experts: ${cellList(imputed)}` });
  }
  if (problems.length > 0) fail();

  const out: ExpertMatrix[] = list.map((e) => {
    const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : e.value[i * n + j])));
    const imputed: Array<[number, number]> = [];
    for (let m = 0; m < n * n; m++) if (e.line[m] === -1) imputed.push([Math.floor(m / n), m % n]);
    return { expert: e.label, weight: e.weight ?? 1, matrix, imputed };
  });
  // Plausibility warnings, not errors (the data may be genuine): an expert who put the bottom of the scale
  // everywhere (a template filled with zeros?), and an expert whose ratings repeat another's exactly (a block
  // pasted under a second label?). Both would silently pull the average and the panel statistics.
  if (n > 1) {
    const firstWith = new Map<string, ExpertState>();
    for (const e of list) {
      let key = "";
      let allMin = true;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) (key += `${e.value[i * n + j]},`), (allMin &&= e.value[i * n + j] === scale.min);
      const where = { file, row: e.firstLine, column: h.names[h.expert] };
      if (allMin) warnings.push({ ...where, message: `expert ${e.label} rated every pair ${scale.min} (no influence anywhere): check that these ratings were entered` });
      const same = firstWith.get(key);
      if (same) warnings.push({ ...where, message: `expert ${e.label} gave exactly the same ${n * (n - 1)} ratings as expert ${same.label} (row ${same.firstLine}): a copied block? Each copy counts as another expert` });
      else firstWith.set(key, e);
    }
  }
  warnings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { source: file, components: ids, experts: out, scale: { min: scale.min, max: scale.max }, warnings };
}
