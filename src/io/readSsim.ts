import type { Model, SsimCode } from "../types.js";
import { shown } from "../errors.js";
import { readCsvRows, type CsvRow } from "./csvRows.js";
import { createProblemLog, type ProblemLog } from "./problemLog.js";
import { componentMatcher, normalizeLabel } from "./componentMatcher.js";
import { readInputFile } from "./readInputFile.js";
import { decodeSurveyBytes } from "./readSurvey.js";

/** One expert's SSIM as read: codes above the diagonal (null elsewhere), in the header's component order. */
export interface SsimExpert {
  expert: string;
  codes: Array<Array<SsimCode | null>>;
}

/** What {@link readSsim} read: one or several experts' SSIMs, or one 0/1 reachability matrix. */
export type IsmInput = { kind: "ssim"; components: string[]; experts: SsimExpert[] } | { kind: "reachability"; components: string[]; matrix: number[][] };

/** Most problems listed in one error. */
const MAX_PROBLEMS = 50;
const SSIM_CELL = /^[VAXO]$/i;
const REACH_CELL = /^(0|1|1\*)$/;
/** Cells accepted on an SSIM's diagonal (a component with itself). */
const SSIM_DIAGONAL = /^(|-|–|—|x|1)$/i;
const MIRROR: Record<SsimCode, SsimCode> = { V: "A", A: "V", X: "X", O: "O" };

/**
 * Read an ISM input file (docs/methods.md §6.7): a matrix whose header row and
 * first column name the components (`,A,B,C` then `A,,V,O` …), either
 * - an SSIM: for each pair the cell above the diagonal (row i, column j, i
 *   before j in the header) holds V, A, X or O; the diagonal may be blank,
 *   `-`, `X` or `1`; a cell below the diagonal may be blank or repeat the
 *   pair seen from the other side (A for V, V for A, X, O). Several experts
 *   are blocks of rows with a first column `expert` (`expert,,A,B,C`), or
 * - a 0/1 reachability matrix, every cell 0 or 1 (`1*`, a transitive entry
 *   as papers print it, reads as 1), the diagonal 1.
 * Which of the two the file is follows from its cells: a reachability matrix
 * when more off-diagonal cells read as 0/1 than as V/A/X/O. Component names
 * are matched to a model's ids, names or Persian names when a model is given.
 * Every problem (a cell that is not V/A/X/O, or not 0/1; a missing,
 * repeated or unknown component; a missing label) is collected and thrown
 * at once, located by file, line and column.
 * @throws {InputError} listing every problem.
 * @example
 * readSsim(",A,B\nA,,V\nB,,\n", "ssim.csv").kind; // "ssim"
 */
export function readSsim(text: string, file: string, model?: Model): IsmInput {
  const log = createProblemLog(file, MAX_PROBLEMS);
  const { rows, problems } = readCsvRows(text.replace(/^\uFEFF/, ""), file);
  problems.forEach((p) => log.add(p));
  if (rows.length === 0) {
    log.add({ file, message: "the file is empty", expected: "a header row naming the components, then one row per component" });
    log.stop();
  }
  const header = rows[0];
  const expertColumn = normalizeLabel(header.cells[0] ?? "") === "expert";
  const offset = expertColumn ? 2 : 1;
  const names = trimTrailing(header.cells.slice(offset));
  const components = headerComponents(names, header.line, offset, log, model);
  const blocks = expertBlocks(rows.slice(1), expertColumn, log);
  const matcher = model ? componentMatcher(model) : undefined;
  const labelKey = (label: string): string => (matcher ? String(matcher.match(label)) : normalizeLabel(label));
  const columnOf = new Map(names.map((nm, k) => [labelKey(nm), k] as const));
  const grids = blocks.map((b) => ({ expert: b.expert, grid: blockGrid(b, names, offset, columnOf, labelKey, log) }));
  // Cells of the rows that were read are checked too, so a missing row and a bad cell are reported together.
  const kind = countKind(grids.map((g) => g.grid));
  if (kind === "reachability") {
    if (expertColumn)
      log.add({
        file,
        row: header.line,
        column: header.cells[0],
        message: "a reachability matrix is read once, for the whole panel",
        expected: "no expert column (several experts give SSIMs)",
        found: `${blocks.length} expert block${blocks.length === 1 ? "" : "s"}`,
      });
    const matrix = reachabilityCells(grids[0].grid, names, log);
    log.throwIfAny();
    return { kind, components, matrix };
  }
  const experts = grids.map((g) => ({ expert: g.expert, codes: ssimCells(g.grid, names, log) }));
  log.throwIfAny();
  return { kind, components, experts };
}

/**
 * Read an ISM input file from disk ({@link readSsim}); the bytes are decoded as a survey's are (UTF-8 or UTF-16).
 * @throws {InputError} when the file cannot be read or has problems.
 * @example
 * readSsimFile("ssim.csv").components;
 */
export function readSsimFile(path: string, model?: Model): IsmInput {
  const bytes = readInputFile(path, { what: "ISM file", expected: "a readable CSV file" });
  return readSsim(decodeSurveyBytes(bytes, path), path, model);
}

/** One cell as located for messages. */
interface GridCell {
  text: string;
  line: number;
  column: string;
}

function trimTrailing(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end);
}

/** The component ids of the header: the names as given, or the model's ids; problems for empty, repeated or unknown names. */
function headerComponents(names: readonly string[], line: number, offset: number, log: ProblemLog, model?: Model): string[] {
  const file = log.file;
  if (names.length < 2) {
    log.add({
      file,
      row: line,
      message: "the header row must name the components",
      expected: "at least two component names after the first cell",
      found: `${names.length}`,
    });
    log.stop();
  }
  const matcher = model ? componentMatcher(model) : undefined;
  const ids = model?.components.map((c) => c.id) ?? [];
  const seen = new Map<string, number>();
  const out = names.map((nm, k) => {
    const column = String(offset + k + 1);
    if (nm === "") {
      log.add({ file, row: line, column, message: "a column has no component name", expected: "a component name in every header cell", found: '""' });
      return "";
    }
    let id = nm;
    if (matcher) {
      const c = matcher.match(nm);
      if (c < 0) {
        const hint = c === -1 ? matcher.suggest(nm) : "this name belongs to more than one component; use the id";
        log.add({
          file,
          row: line,
          column,
          message: `unknown component${hint ? `; ${hint}` : ""}`,
          expected: `a component id or name: ${ids.join(", ")}`,
          found: shown(nm),
        });
        return "";
      }
      id = ids[c];
    }
    const key = normalizeLabel(id);
    if (seen.has(key)) log.add({ file, row: line, column, message: `component named twice in the header (also column ${seen.get(key)})`, found: shown(nm) });
    else seen.set(key, offset + k + 1);
    return id;
  });
  log.throwIfAny();
  return out;
}

/** The data rows by expert, in order of first appearance (one block without an expert column). */
function expertBlocks(rows: readonly CsvRow[], expertColumn: boolean, log: ProblemLog): Array<{ expert: string; rows: CsvRow[] }> {
  if (!expertColumn) return [{ expert: "", rows: [...rows] }];
  const blocks = new Map<string, CsvRow[]>();
  for (const r of rows) {
    const e = r.cells[0] ?? "";
    if (e === "") {
      log.addRepeated("no-expert", {
        file: log.file,
        row: r.line,
        column: "expert",
        message: "no expert label",
        expected: "the expert's label in the first column",
      });
      continue;
    }
    blocks.set(e, [...(blocks.get(e) ?? []), r]);
  }
  return [...blocks.entries()].map(([expert, rs]) => ({ expert, rows: rs }));
}

/** One expert block as an n×n grid of located cells in header order; problems for unlabelled, unknown, repeated or missing rows and extra cells. */
function blockGrid(
  block: { expert: string; rows: CsvRow[] },
  names: readonly string[],
  offset: number,
  columnOf: ReadonlyMap<string, number>,
  labelKey: (label: string) => string,
  log: ProblemLog,
): GridCell[][] {
  const file = log.file;
  const n = names.length;
  const who = block.expert ? ` for expert ${shown(block.expert)}` : "";
  const grid: Array<GridCell[] | undefined> = new Array(n);
  for (const r of block.rows) {
    const label = r.cells[offset - 1] ?? "";
    const column = String(offset);
    if (label === "") {
      log.add({ file, row: r.line, column, message: "a row has no component name", expected: `one of ${names.join(", ")}` });
      continue;
    }
    const i = columnOf.get(labelKey(label));
    if (i === undefined) {
      log.add({
        file,
        row: r.line,
        column,
        message: `this row names no column of the header${who}`,
        expected: `one of ${names.join(", ")} (the matrix must be square)`,
        found: shown(label),
      });
      continue;
    }
    if (grid[i]) {
      log.add({
        file,
        row: r.line,
        column,
        message: `component ${shown(names[i])} has a second row${who}`,
        expected: "one row per component",
        found: shown(label),
      });
      continue;
    }
    const extra = trimTrailing(r.cells.slice(offset)).length - n;
    if (extra > 0)
      log.add({
        file,
        row: r.line,
        message: `the row has ${extra} more cell${extra === 1 ? "" : "s"} than the header names components (the matrix must be square)`,
        expected: `${n} cells after the row name`,
        found: `${n + extra}`,
      });
    grid[i] = names.map((nm, j) => ({ text: r.cells[offset + j] ?? "", line: r.line, column: nm }));
  }
  names.forEach((nm, i) => {
    if (!grid[i])
      log.add({
        file,
        row: block.rows[0]?.line,
        message: `no row for component ${shown(nm)}${who} (the matrix must be square)`,
        expected: `one row for each of ${names.join(", ")}`,
      });
  });
  return Array.from(grid, (g) => g ?? []);
}

/** "reachability" when more off-diagonal cells read as 0/1 than as V/A/X/O, else "ssim". */
function countKind(grids: readonly GridCell[][][]): IsmInput["kind"] {
  let ssim = 0,
    reach = 0;
  for (const g of grids)
    g.forEach((row, i) =>
      row.forEach((c, j) => {
        if (i === j) return;
        if (SSIM_CELL.test(c.text)) ssim++;
        else if (REACH_CELL.test(c.text)) reach++;
      }),
    );
  return reach > ssim ? "reachability" : "ssim";
}

/** The SSIM codes above the diagonal; problems for cells that are not V/A/X/O, bad diagonal cells and lower cells that contradict the upper ones. */
function ssimCells(grid: readonly GridCell[][], names: readonly string[], log: ProblemLog): Array<Array<SsimCode | null>> {
  const n = names.length;
  const codes: Array<Array<SsimCode | null>> = Array.from({ length: n }, () => new Array<SsimCode | null>(n).fill(null));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const c = grid[i][j];
      if (!c) continue;
      if (SSIM_CELL.test(c.text)) codes[i][j] = c.text.toUpperCase() as SsimCode;
      else
        log.add({
          file: log.file,
          row: c.line,
          column: c.column,
          message: `not an SSIM code for ${names[i]} → ${names[j]}`,
          expected: "V, A, X or O",
          found: shown(c.text),
        });
    }
  for (let i = 0; i < n; i++) {
    const d = grid[i][i];
    if (d && !SSIM_DIAGONAL.test(d.text))
      log.add({
        file: log.file,
        row: d.line,
        column: d.column,
        message: "a diagonal cell of an SSIM holds a code",
        expected: "blank, -, X or 1",
        found: shown(d.text),
      });
    for (let j = 0; j < i; j++) {
      const c = grid[i][j];
      if (!c || c.text === "" || c.text === "-") continue;
      const upper = codes[j][i];
      const code = c.text.toUpperCase() as SsimCode;
      if (!SSIM_CELL.test(c.text))
        log.add({
          file: log.file,
          row: c.line,
          column: c.column,
          message: `not an SSIM code for ${names[i]} → ${names[j]}`,
          expected: "V, A, X or O, or blank below the diagonal",
          found: shown(c.text),
        });
      else if (upper && MIRROR[upper] !== code)
        log.add({
          file: log.file,
          row: c.line,
          column: c.column,
          message: `contradicts the cell above the diagonal (${names[j]} → ${names[i]} is ${upper})`,
          expected: `${MIRROR[upper]} or blank`,
          found: shown(c.text),
        });
    }
  }
  return codes;
}

/** The 0/1 matrix; problems for cells that are not 0/1 and for a 0 on the diagonal. */
function reachabilityCells(grid: readonly GridCell[][], names: readonly string[], log: ProblemLog): number[][] {
  return names.map((_, i) =>
    names.map((__, j) => {
      const c = grid[i]?.[j];
      if (!c) return 0;
      if (!REACH_CELL.test(c.text)) {
        log.add({
          file: log.file,
          row: c.line,
          column: c.column,
          message: `not a reachability entry for ${names[i]} → ${names[j]}`,
          expected: "0 or 1",
          found: shown(c.text),
        });
        return 0;
      }
      if (i === j && c.text === "0")
        log.add({ file: log.file, row: c.line, column: c.column, message: "every component reaches itself", expected: "1 on the diagonal", found: '"0"' });
      return c.text === "0" ? 0 : 1;
    }),
  );
}
