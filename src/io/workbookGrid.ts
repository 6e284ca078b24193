import type { Model } from "../types.js";
import { type InputProblem, shown } from "../errors.js";
import type { ComponentMatcher } from "./componentMatcher.js";
import type { CsvRow } from "./csvRows.js";
import { columnLetter, headerRow, type Placement, type SheetText } from "./workbookSheets.js";

/** Synthetic line of row r of grid sheet s (1-based): s·LINE_STRIDE + r (Excel has at most 1,048,576 rows). */
const LINE_STRIDE = 10_000_000;

/** What every grid sheet is read against: the model's ids in order, its matcher, the file, and the problem log. */
interface GridContext {
  ids: string[];
  matcher: ComponentMatcher;
  file: string;
  problems: InputProblem[];
}

/**
 * Grid sheets (one per expert) as the rows of one blocks survey: header
 * `expert,from,<model ids>`, then per sheet and grid row `[sheet name, from
 * label, the ratings in model order]` at line s·LINE_STRIDE + row. Problems of
 * the grids' column labels (unknown, shared, duplicate, missing, values under
 * no label) are logged here, located at their cells.
 * @example
 * const problems: InputProblem[] = [];
 * const { rows, placement } = gridRows(await loadSheets(bytes, "survey.xlsx", problems), model, componentMatcher(model), "survey.xlsx", problems);
 * parseSurveyRows(rows, model); // one blocks survey, its problems moved to their cells through `placement`
 */
export function gridRows(
  sheets: readonly SheetText[],
  model: Model,
  matcher: ComponentMatcher,
  file: string,
  problems: InputProblem[],
): { rows: CsvRow[]; placement: Placement } {
  const ids = model.components.map((c) => c.id);
  const rows: CsvRow[] = [{ line: 1, cells: ["expert", "from", ...ids] }];
  const letters = sheets.map((sheet, s) => gridSheetRows(sheet, s, { ids, matcher, file, problems }, rows));
  return {
    rows,
    placement: {
      lineAt: (line) => {
        const s = Math.floor(line / LINE_STRIDE) - 1;
        return s >= 0 && s < sheets.length ? { sheet: sheets[s].name, row: line % LINE_STRIDE, index: s } : undefined;
      },
      columnAt: (index, column) => letters[index]?.get(column),
      synthetic: new Set(["expert"]),
    },
  };
}

/** A grid's row of "to" components: the first row naming a component after its first column (rows above it are titles), else {@link headerRow}. */
function gridHeaderRow(sheet: SheetText, matcher: ComponentMatcher): number | undefined {
  for (const [r, cells] of sheet.rows) if (cells.slice(sheet.firstCol).some((c) => c !== "" && matcher.match(c) >= 0)) return r;
  return headerRow(sheet);
}

/**
 * A grid's column of "from" components, below its header row `h`: the sheet's first filled column,
 * unless columns of titles stand left of it (a component's full name, as the workbook template
 * writes them): then the leftmost column, left of the first header cell naming a component, in which
 * a row below the header names one. Columns left of it are titles and skipped.
 */
function gridLabelColumn(sheet: SheetText, h: number, matcher: ComponentMatcher): number {
  const header = sheet.rows.get(h) as string[];
  let firstNamed = sheet.firstCol + 1;
  while (firstNamed <= sheet.lastCol && !((header[firstNamed - 1] ?? "") !== "" && matcher.match(header[firstNamed - 1]) >= 0)) firstNamed++;
  if (firstNamed > sheet.lastCol) return sheet.firstCol;
  for (let c = sheet.firstCol; c < firstNamed; c++)
    for (const [r, cells] of sheet.rows) if (r > h && (cells[c - 1] ?? "") !== "" && matcher.match(cells[c - 1]) >= 0) return c;
  return sheet.firstCol;
}

/** Grid sheet `s` (0-based): its rating rows appended to `rows`; returns the column letter of "from" and of each component id found. */
function gridSheetRows(sheet: SheetText, s: number, ctx: GridContext, rows: CsvRow[]): Map<string, string> {
  const h = gridHeaderRow(sheet, ctx.matcher);
  const from = h === undefined ? sheet.firstCol : gridLabelColumn(sheet, h, ctx.matcher);
  const at = new Map<string, string>([["from", columnLetter(from)]]);
  if (h === undefined) {
    ctx.problems.push({
      file: ctx.file,
      sheet: sheet.name,
      message: "the sheet holds no grid of ratings",
      expected: "a first row naming the components, a first column naming them again, the ratings between",
      found: "a single filled cell",
    });
    return at;
  }
  gridRatingRows(sheet, s, { h, from, ...gridColumns(sheet, h, from, ctx, at) }, ctx, rows);
  return at;
}

/** Where a grid sits in its sheet: header row `h`, "from" column, each component's column (−1 when none), last labelled column. */
interface GridLayout {
  h: number;
  from: number;
  colOf: readonly number[];
  lastLabel: number;
}

/** The problem location of cell (column c, row r) of a sheet, message to be filled in. */
function cellAt(file: string, sheet: SheetText, c: number, r: number): InputProblem {
  return { file, sheet: sheet.name, cell: `${columnLetter(c)}${r}`, row: r, message: "" };
}

/**
 * A grid's header row `h`, right of its "from" column: the sheet column of each component (index in model order,
 * −1 when none; letters recorded in `at`) and its last labelled column; unknown, shared, duplicate and missing labels logged.
 */
function gridColumns(sheet: SheetText, h: number, from: number, ctx: GridContext, at: Map<string, string>): { colOf: number[]; lastLabel: number } {
  const { ids, matcher, file, problems } = ctx;
  const header = sheet.rows.get(h) as string[];
  const colOf = ids.map(() => -1);
  let lastLabel = from;
  for (let c = from + 1; c <= sheet.lastCol; c++) {
    const label = header[c - 1] ?? "";
    if (label === "") continue;
    lastLabel = c;
    const j = matcher.match(label);
    const base = { ...cellAt(file, sheet, c, h), expected: `a component id or name: ${ids.join(", ")}`, found: shown(label) };
    if (j === -1) {
      const hint = matcher.suggest(label);
      problems.push({ ...base, message: `unknown component${hint ? `; ${hint}` : ""}` });
    } else if (j === -2) problems.push({ ...base, message: "this name belongs to more than one component; use the component id" });
    else if (colOf[j] >= 0)
      problems.push({
        ...base,
        message: `duplicate column for component ${ids[j]} (also column ${columnLetter(colOf[j])})`,
        expected: "one column per component",
      });
    else {
      colOf[j] = c;
      at.set(ids[j], columnLetter(c));
    }
  }
  const missing = ids.filter((_, j) => colOf[j] < 0);
  if (missing.length > 0)
    problems.push({
      file,
      sheet: sheet.name,
      row: h,
      message: `the grid has no column for component${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
      expected: `one column per model component: ${ids.join(", ")}`,
      found: shown(
        header
          .slice(from)
          .filter((x) => x !== "")
          .join(","),
        120,
      ),
    });
  return { colOf, lastLabel };
}

/** The rows of grid sheet `s` below its header row, appended to `rows` at line (s + 1)·LINE_STRIDE + row; ratings under no label and a grid without rows logged. */
function gridRatingRows(sheet: SheetText, s: number, grid: GridLayout, ctx: GridContext, rows: CsvRow[]): void {
  const { h, from, colOf, lastLabel } = grid;
  const header = sheet.rows.get(h) as string[];
  let rated = 0;
  for (const [r, cells] of sheet.rows) {
    if (r <= h) continue;
    for (let c = from + 1; c <= sheet.lastCol; c++) {
      const text = cells[c - 1] ?? "";
      if (text === "" || (c <= lastLabel && (header[c - 1] ?? "") !== "")) continue;
      ctx.problems.push({
        ...cellAt(ctx.file, sheet, c, r),
        message: c > lastLabel ? "a rating outside the grid (no component named above it)" : "a rating in a column with no component named above it",
        expected: "ratings only under the components named in the grid's first row",
        found: shown(text),
      });
    }
    rows.push({
      line: (s + 1) * LINE_STRIDE + r,
      cells: [sheet.name, cells[from - 1] ?? "", ...colOf.map((c) => (c >= 0 ? (cells[c - 1] ?? "") : ""))],
    });
    rated++;
  }
  if (rated === 0)
    ctx.problems.push({
      file: ctx.file,
      sheet: sheet.name,
      row: h,
      message: "the grid has no rows of ratings under its component names",
      expected: "one row per from component, named in the first column",
      found: "only the row of component names",
    });
}
