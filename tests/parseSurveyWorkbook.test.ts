/**
 * Excel workbook surveys (docs/methods.md §1.3): both layouts, the cells a person leaves (numbers stored as
 * text, Persian digits, decimal commas, formulas, merged cells, empty trailing rows and columns), every
 * problem located as file › sheet › cell. Every workbook is built here with ExcelJS itself; no binary
 * fixture is committed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "../src/errors.js";
import { parseSurvey } from "../src/io/parseSurvey.js";
import { isXlsxBytes } from "../src/io/isXlsxBytes.js";
import { parseSurveyWorkbook } from "../src/io/parseSurveyWorkbook.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { readSurveyFile } from "../src/io/readSurveyFile.js";
import { SURVEY_FIXTURES as FIX, TINY_MODEL as tiny } from "./helpers.js";

/** Cells of a sheet, row by row from A1; `undefined` leaves a cell empty. */
type Sheet = { name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean };

/** A workbook with these sheets, as the bytes of an .xlsx file. */
async function workbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Expert matrices of tests/fixtures/surveys/tiny-long.csv. */
const TINY_E1 = [
  [0, 3, 2],
  [1, 0, 4],
  [0, 2, 0],
];
const TINY_E2 = [
  [0, 4, 1],
  [0, 0, 3],
  [1, 2, 0],
];
const INSTRUCTIONS: Sheet = { name: "Instructions", rows: [["Rate how strongly the row influences the column, 0–4"], ["1", "2", "3"]] };

async function problemsOf(bytes: Uint8Array, source = "survey.xlsx"): Promise<string[]> {
  try {
    await parseSurveyWorkbook(bytes, tiny, { source });
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("isXlsxBytes(bytes): a ZIP archive holding xl/workbook.xml", () => {
  it("is true for a workbook, false for CSV text, other ZIP archives and an old .xls", async () => {
    expect(isXlsxBytes(await workbook([{ name: "E1", rows: [["x"]] }]))).toBe(true);
    expect(isXlsxBytes(new TextEncoder().encode("expert,from,to,value\n"))).toBe(false);
    expect(isXlsxBytes(readFileSync("tests/fixtures/adversarial/workbook.xlsx.csv"))).toBe(false);
    expect(isXlsxBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(false);
  });
});

describe("parseSurveyWorkbook(bytes, model): one grid sheet per expert", () => {
  it("reads the grids by id, English and Persian name, the sheet names as experts, skipping an instructions sheet and a hidden sheet", async () => {
    const bytes = await workbook([
      INSTRUCTIONS,
      {
        name: "E1",
        rows: [
          [undefined, "A", "B", "C"],
          ["A", undefined, 3, 2],
          ["B", 1, undefined, 4],
          ["C", 0, 2, undefined],
        ],
      },
      {
        name: "E2",
        rows: [
          ["from \\ to", "Gamma", "alpha", "بتا"],
          ["بتا", 3, 0, undefined],
          ["alpha", 1, undefined, 4],
          ["Gamma", undefined, 1, 2],
        ],
      },
      { name: "lists", hidden: true, rows: [["0", "1", "2", "3", "4"]] },
    ]);
    const s = await parseSurveyWorkbook(bytes, tiny, { source: "survey.xlsx" });
    expect(s.source).toBe("survey.xlsx");
    expect(s.experts.map((e) => e.expert)).toEqual(["E1", "E2"]);
    expect(s.experts.map((e) => e.matrix)).toEqual([TINY_E1, TINY_E2]);
    expect(s.warnings).toEqual([]);
  });

  it("reads numbers stored as text, Persian digits, decimal commas, formulas' saved results, a merged title, an empty leading column and empty trailing rows and columns", async () => {
    const bytes = await workbook([
      {
        name: "E1",
        rows: [
          [undefined, "Expert 1: how strongly does the row influence the column?"],
          [],
          [undefined, undefined, "A", "B", "C", "", undefined],
          [undefined, "A", undefined, " 3 ", { formula: "1+1", result: 2 }],
          [undefined, "B", "۱", undefined, "3,5"],
          [undefined, "C", 0, { formula: "B1", result: "2" }, undefined, ""],
          [undefined, "", "", ""],
        ],
        merges: ["B1:E1"],
      },
    ]);
    const s = await parseSurveyWorkbook(bytes, tiny);
    expect(s.experts[0].matrix).toEqual([
      [0, 3, 2],
      [1, 0, 3.5],
      [0, 2, 0],
    ]);
  });

  it("skips a column of full names left of the column of ids (as surveyWorkbookTemplate writes them), and locates problems beside it", async () => {
    const titled = (cell: unknown): Sheet => ({
      name: "E1",
      rows: [
        ["row → column", undefined, "Alpha\nآلفا", "Beta\nبتا", "Gamma\nگاما"],
        [undefined, undefined, "A", "B", "C"],
        ["Alpha\nآلفا", "A", undefined, 3, 2],
        ["Beta\nبتا", "B", 1, undefined, 4],
        ["Gamma\nگاما", cell, 0, 2, undefined],
      ],
    });
    expect((await parseSurveyWorkbook(await workbook([titled("C")]), tiny)).experts[0].matrix).toEqual(TINY_E1);
    expect(await problemsOf(await workbook([titled("Gama")]))).toEqual([
      'survey.xlsx › E1 › B5: unknown component; did you mean "Gamma" (C)? (expected a component id or name: A, B, C, found "Gama")',
      "survey.xlsx › E1 › row 3: expert E1 has no rating for C→A, C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 2 missing)",
    ]);
  });

  it("reads merged header cells (a title over the grid, the corner merged down), skips a Persian guide sheet, and locates a diagonal value's warning and a formula's saved error", async () => {
    const bytes = await workbook([
      { name: "راهنما", rows: [["به هر خانه عددی از ۰ تا ۴ بدهید"], ["0", "1"]] },
      {
        name: "E1",
        rows: [
          ["from ↓", "to →"],
          [undefined, "A", "B", "C"],
          ["A", 4, 3, 2],
          ["B", 1, undefined, 4],
          ["C", 0, 2, undefined],
        ],
        merges: ["A1:A2", "B1:D1"],
      },
    ]);
    const s = await parseSurveyWorkbook(bytes, tiny, { source: "s.xlsx" });
    expect(s.experts.map((e) => e.expert)).toEqual(["E1"]);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.warnings.map(formatProblem)).toEqual([
      's.xlsx › E1 › B3: diagonal rating A→A of expert E1 ignored: a component\'s influence on itself is not rated (found "4")',
    ]);
    const errorResult = await workbook([
      {
        name: "E1",
        rows: [
          [undefined, "A", "B", "C"],
          ["A", undefined, 3, { formula: "1/0", result: { error: "#DIV/0!" } }],
          ["B", 1, undefined, 4],
          ["C", 0, 2, undefined],
        ],
      },
    ]);
    expect(await problemsOf(errorResult)).toEqual([
      'survey.xlsx › E1 › D2: rating A→C of expert E1 is not a number (expected a number from 0 to 4, found "#DIV/0!")',
    ]);
  });

  it("locates every problem at file › sheet › cell, all at once", async () => {
    const bytes = await workbook([
      {
        name: "E1",
        rows: [
          [undefined, "A", "B", "C"],
          ["A", undefined, 3, 2],
          ["B", 1, undefined, 4],
          ["C", 0, 2, undefined],
        ],
      },
      {
        name: "E03",
        rows: [
          [undefined, "A", "Betta", "C"],
          ["A", undefined, 3, { formula: "Z9*2" }],
          ["B", "x", undefined, 4, 9],
          ["C", 0, 2, "5"],
        ],
      },
    ]);
    expect(await problemsOf(bytes)).toEqual([
      'survey.xlsx › E03 › D2: a formula without a saved result (expected a rating, or a formula whose result the workbook saved (open and save the file in Excel or LibreOffice), found "=Z9*2")',
      'survey.xlsx › E03 › C1: unknown component; did you mean "Beta" (B)? (expected a component id or name: A, B, C, found "Betta")',
      'survey.xlsx › E03 › row 1: the grid has no column for component B (expected one column per model component: A, B, C, found "A,Betta,C")',
      'survey.xlsx › E03 › E3: a rating outside the grid (no component named above it) (expected ratings only under the components named in the grid\'s first row, found "9")',
      'survey.xlsx › E03 › B3: rating B→A of expert E03 is not a number (expected a number from 0 to 4, found "x")',
    ]);
  });

  it("a value off the scale: survey.xlsx › E03 › D4", async () => {
    const bytes = await workbook([
      {
        name: "E03",
        rows: [
          [undefined, "A", "B", "C"],
          ["A", undefined, 3, 2],
          ["B", 1, undefined, 4],
          ["C", 0, 5, undefined],
        ],
      },
    ]);
    expect(await problemsOf(bytes)).toEqual([
      'survey.xlsx › E03 › C4: rating C→B of expert E03 is outside the scale (expected a number from 0 to 4, found "5")',
    ]);
  });

  it("duplicate rows, missing ratings and a copied sheet name their rows in sheet terms", async () => {
    const grid = (extra: unknown[][] = []): unknown[][] => [
      [undefined, "A", "B", "C"],
      ["A", undefined, 3, 2],
      ["B", 1, undefined, 4],
      ["C", 0, 2, undefined],
      ...extra,
    ];
    const dup = await workbook([{ name: "E1", rows: grid([["A", undefined, 1, 1]]) }]);
    expect(await problemsOf(dup)).toEqual([
      'survey.xlsx › E1 › A5: duplicate row for expert E1, from A (rows 2 and 5) (expected one row per expert and from component, found "A")',
    ]);
    const missing = await workbook([
      {
        name: "E1",
        rows: [
          [undefined, "A", "B", "C"],
          ["A", undefined, 3, 2],
          ["B", 1, undefined, 4],
          ["C", 0, undefined, undefined],
        ],
      },
    ]);
    expect(await problemsOf(missing)).toEqual([
      "survey.xlsx › E1 › C4: expert E1 has no rating for C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 1 missing (1 left blank))",
    ]);
    const copied = await parseSurveyWorkbook(
      await workbook([
        { name: "E1", rows: grid() },
        { name: "E2", rows: grid() },
      ]),
      tiny,
      { source: "s.xlsx" },
    );
    expect(copied.warnings.map(formatProblem)).toEqual([
      's.xlsx › E2 › row 2: expert E2 gave exactly the same 6 ratings as expert E1 (row 2 of sheet "E1"): a copied block? Each copy counts as another expert',
    ]);
  });

  it("a workbook with only skipped or empty sheets, and one that mixes layouts, are refused", async () => {
    expect(await problemsOf(await workbook([INSTRUCTIONS, { name: "Scale", rows: [["0", "none"]] }, { name: "Sheet3", rows: [] }]))).toEqual([
      "survey.xlsx: the workbook has no sheet of ratings (expected one sheet per expert with a grid of ratings, or one sheet in the long or blocks layout, found only empty or skipped sheets (instructions, scale, hidden))",
    ]);
    const mixed = await workbook([
      { name: "data", rows: [["expert", "from", "to", "value"]] },
      { name: "E1", rows: [[undefined, "A", "B"]] },
    ]);
    expect((await problemsOf(mixed))[0]).toMatch(/^survey\.xlsx › data: the workbook mixes a sheet in a CSV layout with other sheets of ratings/);
  });

  it("a damaged workbook is a clear error, not a stack trace", async () => {
    const bytes = await workbook([{ name: "E1", rows: [["x", "y"]] }]);
    const broken = bytes.slice(0, Math.floor(bytes.length / 2));
    if (!isXlsxBytes(broken)) return; // the workbook part's name must survive the cut for this check
    expect((await problemsOf(broken))[0]).toMatch(/^survey\.xlsx: the workbook cannot be read \(damaged, or not an Excel \.xlsx workbook\)/);
  });
});

describe("parseSurveyWorkbook(bytes, model): one sheet in a CSV layout", () => {
  const longCsv = readFileSync(`${FIX}/tiny-long.csv`, "utf8");
  const longRows = longCsv
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));

  it("a long-layout sheet gives the survey the CSV file gives, numbers as numbers or text", async () => {
    const rows = longRows.map((r, k) => (k === 0 ? r : [r[0], r[1], r[2], k % 2 ? Number(r[3]) : r[3]]));
    const s = await parseSurveyWorkbook(await workbook([INSTRUCTIONS, { name: "ratings", rows }]), tiny, { source: "s.xlsx" });
    const csv = parseSurvey(longCsv, tiny, { source: "s.xlsx" });
    expect(s).toEqual(csv);
  });

  it("a blocks sheet with the expert label merged down its rows and a weight column", async () => {
    const bytes = await workbook([
      {
        name: "Sheet1",
        rows: [
          ["expert", "from", "A", "B", "C", "weight"],
          ["E1", "A", undefined, 3, 2, 2],
          [undefined, "B", 1, undefined, 4],
          [undefined, "C", 0, 2, undefined],
          ["E2", "A", undefined, 4, 1, "1,5"],
          [undefined, "B", 0, undefined, 3],
          [undefined, "C", 1, 2, undefined],
        ],
        merges: ["A2:A4", "A5:A7"],
      },
    ]);
    const s = await parseSurveyWorkbook(bytes, tiny);
    expect(s.experts.map((e) => [e.expert, e.weight])).toEqual([
      ["E1", 2],
      ["E2", 1.5],
    ]);
    expect(s.experts.map((e) => e.matrix)).toEqual([TINY_E1, TINY_E2]);
  });

  it("locates the CSV steps' problems at sheet cells (the header on row 2, from column B): an off-scale value, an unknown component, a missing rating", async () => {
    const rows = longRows.map((r) => [...r]);
    rows[3][3] = "5";
    rows[5][2] = "D";
    const bytes = await workbook([{ name: "ratings", rows: [[], ...rows.map((r) => [undefined, ...r])] }]);
    expect(await problemsOf(bytes)).toEqual([
      'survey.xlsx › ratings › E5: rating B→A of expert E1 is outside the scale (expected a number from 0 to 4, found "5")',
      'survey.xlsx › ratings › D7: unknown component; did you mean "A"? (expected a component id or name: A, B, C, found "D")',
      "survey.xlsx › ratings › row 3: expert E1 has no rating for C→A (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 1 missing)",
    ]);
  });
});

describe("readSurveyFile(path, model): CSV or workbook, told by content", () => {
  it("reads a workbook saved under any name, a CSV file as readSurvey does, and refuses a ZIP that is no workbook as before", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
    const grid = (m: number[][]): unknown[][] => [
      [undefined, "A", "B", "C"],
      ...m.map((row, i) => [["A", "B", "C"][i], ...row.map((x, j) => (i === j ? undefined : x))]),
    ];
    writeFileSync(
      join(dir, "survey.csv"),
      await workbook([
        { name: "E1", rows: grid(TINY_E1) },
        { name: "E2", rows: grid(TINY_E2) },
      ]),
    );
    const s = await readSurveyFile(join(dir, "survey.csv"), tiny, { source: "survey.csv" });
    expect(s.experts.map((e) => e.matrix)).toEqual([TINY_E1, TINY_E2]);
    expect(await readSurveyFile(`${FIX}/tiny-long.csv`, tiny)).toEqual(readSurvey(`${FIX}/tiny-long.csv`, tiny));
    await expect(readSurveyFile("tests/fixtures/adversarial/workbook.xlsx.csv", tiny)).rejects.toThrow(
      /the file is not a text file \(.*found a ZIP archive — an Excel workbook/,
    );
    // The synchronous CSV reader still refuses a workbook, naming it.
    expect(() => readSurvey(join(dir, "survey.csv"), tiny)).toThrow(/found a ZIP archive — an Excel workbook \(\.xlsx\)/);
  });
});
