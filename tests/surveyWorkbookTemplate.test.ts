/**
 * surveyWorkbookTemplate and workbookScale (docs/methods.md §1.7): the blank workbook for experts — instructions
 * in English and Persian (a right-to-left sheet), a Scale sheet, expert sheets with bilingual names, a locked grey
 * diagonal on a sheet protected without a password, every rating cell validated to the scale — read back by
 * parseSurveyWorkbook; no cell is a formula, hostile labels are written as text. Built and inspected with ExcelJS
 * itself; the expected labels are those of DEFAULT_ANSWER_LABELS and FUZZY_FIVE_TERM_SCALE (Li 1999; Lin & Wu 2008).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "../src/errors.js";
import { FUZZY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { parseSurveyWorkbook } from "../src/io/parseSurveyWorkbook.js";
import { SURVEY_WORKBOOK_GRID as GRID, surveyWorkbookTemplate } from "../src/io/surveyWorkbookTemplate.js";
import { workbookScale } from "../src/io/workbookScale.js";
import type { Model } from "../src/types.js";
import { TINY_MODEL as tiny } from "./helpers.js";

const TINY_E1 = [
  [0, 3, 2],
  [1, 0, 4],
  [0, 2, 0],
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => wb.getWorksheet(name) as ExcelJS.Worksheet;
/** A sheet's protection settings as ExcelJS reads them (`true` = allowed; not in its type declarations). */
const protectionOf = (ws: ExcelJS.Worksheet): Record<string, unknown> => (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;

/** Every cell value of a sheet, row by row (rows as arrays from column A). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Fill a template's expert sheets with `matrix` (numbers, or text for the sheets in `asText`). */
function fill(wb: ExcelJS.Workbook, names: readonly string[], matrix: number[][], asText: readonly string[] = []): void {
  for (const name of names) {
    const ws = sheet(wb, name);
    matrix.forEach((row, i) => row.forEach((x, j) => i !== j && (ws.getCell(GRID.row + i, GRID.column + j).value = asText.includes(name) ? String(x) : x)));
  }
}

describe("surveyWorkbookTemplate(model, options)", () => {
  it("writes the instruction sheets, the Scale sheet and one sheet per expert: names in row 1 and column A, ids in row 2 and column B, the grid from C3", async () => {
    const wb = await load(await surveyWorkbookTemplate(tiny, { expertCount: 2, scale: { min: 1, max: 7 } }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Instructions", "راهنما", "Scale", "E1", "E2"]);
    const e1 = sheet(wb, "E1");
    expect(GRID).toEqual({ row: 3, column: 3 });
    expect([3, 4, 5].map((c) => e1.getCell(2, c).value)).toEqual(["A", "B", "C"]);
    expect([3, 4, 5].map((r) => e1.getCell(r, 2).value)).toEqual(["A", "B", "C"]);
    expect([3, 4, 5].map((c) => e1.getCell(1, c).value)).toEqual(["Alpha\nآلفا", "Beta\nبتا", "Gamma\nگاما"]);
    expect([3, 4, 5].map((r) => e1.getCell(r, 1).value)).toEqual(["Alpha\nآلفا", "Beta\nبتا", "Gamma\nگاما"]);
    expect(e1.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 2 });
  });

  it("greys and locks the diagonal; every other rating cell is unlocked and takes whole numbers on the scale; the sheet is protected without a password", async () => {
    const wb = await load(await surveyWorkbookTemplate(tiny, { expertCount: 1, scale: { min: 1, max: 7 } }));
    const e1 = sheet(wb, "E1");
    expect(e1.getCell("C3").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFD9D9D9" } });
    expect(e1.getCell("C3").dataValidation).toBeUndefined();
    expect(e1.getCell("C3").protection?.locked).not.toBe(false);
    expect(e1.getCell("B3").protection?.locked).not.toBe(false);
    for (const address of ["D3", "E3", "C4", "E4", "C5", "D5"]) {
      expect(e1.getCell(address).dataValidation, address).toMatchObject({ type: "whole", operator: "between", formulae: [1, 7], showErrorMessage: true });
      expect(e1.getCell(address).protection, address).toMatchObject({ locked: false });
    }
    expect(protectionOf(e1)).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(protectionOf(e1).selectUnlockedCells).not.toBe(false);
    expect(protectionOf(e1)).not.toHaveProperty("hashValue");
    expect(protectionOf(e1)).not.toHaveProperty("password");
  });

  it("a continuous scale (whole: false, or non-integer ends) takes any number between", async () => {
    const ws = sheet(await load(await surveyWorkbookTemplate(tiny, { expertCount: 1, whole: false })), "E1");
    expect(ws.getCell("D3").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 4] });
    const half = sheet(await load(await surveyWorkbookTemplate(tiny, { expertCount: 1, scale: { min: 0, max: 2.5 } })), "E1");
    expect(half.getCell("D3").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 2.5] });
  });

  it("instructions in English and Persian, the Persian ones right to left, and the components' ids and names", async () => {
    const wb = await load(await surveyWorkbookTemplate(tiny, { expertCount: 1, scale: { min: 1, max: 7 }, note: "SYNTHETIC: simulated ratings" }));
    const info = sheet(wb, "Instructions");
    const texts = rowsOf(info).flat().map(String);
    expect(texts[0]).toBe("SYNTHETIC: simulated ratings");
    expect(texts).toContain("آلفا");
    expect(texts.some((t) => t.includes("enter a whole number from 1 to 7"))).toBe(true);
    expect(texts.some((t) => t.includes("عددی صحیح از 1 تا 7"))).toBe(true);
    const persianRow = rowsOf(info).findIndex((r) => String(r[0]).startsWith("راهنمای"));
    expect(info.getCell(persianRow + 1, 1).alignment).toMatchObject({ horizontal: "right", readingOrder: "rtl" });
    const fa = sheet(wb, "راهنما");
    expect(fa.views[0]).toMatchObject({ rightToLeft: true });
    expect(rowsOf(fa)[0][0]).toBe("SYNTHETIC: simulated ratings");
    expect(rowsOf(fa).slice(-3)).toEqual([
      ["A", "آلفا", "Alpha"],
      ["B", "بتا", "Beta"],
      ["C", "گاما", "Gamma"],
    ]);
  });

  it("the Scale sheet lists each value of 0–4 with its English and Persian label (DEFAULT_ANSWER_LABELS)", async () => {
    const wb = await load(await surveyWorkbookTemplate(tiny, { expertCount: 1 }));
    expect(rowsOf(sheet(wb, "Scale"))).toEqual([
      ["value", "English", "فارسی"],
      [0, "No influence", "بدون تأثیر"],
      [1, "Very low influence", "تأثیر خیلی کم"],
      [2, "Low influence", "تأثیر کم"],
      [3, "High influence", "تأثیر زیاد"],
      [4, "Very high influence", "تأثیر خیلی زیاد"],
    ]);
  });

  it("with a linguistic scale: the Scale sheet lists its terms and fuzzy numbers, the cells take a code from a list, and read back with the scale", async () => {
    const bytes = await surveyWorkbookTemplate(tiny, { expertCount: 1, terms: FUZZY_FIVE_TERM_SCALE });
    const wb = await load(bytes);
    expect(rowsOf(sheet(wb, "Scale"))).toEqual([
      ["code", "English", "فارسی", "value", "number"],
      ["0", "No influence", "بدون تأثیر", 0, "(0, 0, 0.25)"],
      ["1", "Very low influence", "تأثیر خیلی کم", 1, "(0, 0.25, 0.5)"],
      ["2", "Low influence", "تأثیر کم", 2, "(0.25, 0.5, 0.75)"],
      ["3", "High influence", "تأثیر زیاد", 3, "(0.5, 0.75, 1)"],
      ["4", "Very high influence", "تأثیر خیلی زیاد", 4, "(0.75, 1, 1)"],
    ]);
    expect(sheet(wb, "E1").getCell("D3").dataValidation).toMatchObject({ type: "list", formulae: ['"0,1,2,3,4"'] });
    expect(rowsOf(sheet(wb, "Instructions")).flat().map(String).join("\n")).toContain("enter the code of a term of the Scale sheet (0, 1, 2, 3, 4)");
    fill(wb, ["E1"], TINY_E1, ["E1"]);
    const s = await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), tiny, { terms: FUZZY_FIVE_TERM_SCALE });
    expect(s.experts[0].matrix).toEqual(TINY_E1);
  });

  it("filled in (protected as written), it reads back as the ratings; unfilled, every blank is a missing rating at its sheet and cell", async () => {
    const bytes = await surveyWorkbookTemplate(tiny, { expertCount: 2 });
    try {
      await parseSurveyWorkbook(bytes, tiny, { source: "t.xlsx" });
      throw new Error("expected an InputError");
    } catch (e) {
      expect((e as InputError).problems.map(formatProblem)).toEqual([
        "t.xlsx › E1 › D3: expert E1 has no rating for A→B, A→C, B→A, B→C, C→A, C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 6 missing (6 left blank))",
        "t.xlsx › E2 › D3: expert E2 has no rating for A→B, A→C, B→A, B→C, C→A, C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 6 missing (6 left blank))",
      ]);
    }
    const wb = await load(bytes);
    fill(wb, ["E1", "E2"], TINY_E1, ["E2"]);
    const filled = await load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(protectionOf(sheet(filled, "E2"))).toMatchObject({ sheet: true });
    const s = await parseSurveyWorkbook(new Uint8Array(await filled.xlsx.writeBuffer()), tiny);
    expect(s.experts.map((e) => [e.expert, e.matrix])).toEqual([
      ["E1", TINY_E1],
      ["E2", TINY_E1],
    ]);
  });

  it("names the expert sheets as asked and stamps the given date, so the same call gives the same workbook content", async () => {
    const date = new Date("2026-01-05T00:00:00.000Z");
    const wb = await load(await surveyWorkbookTemplate(tiny, { experts: ["E01", "E02"], date }));
    expect(wb.worksheets.map((s) => s.name).slice(3)).toEqual(["E01", "E02"]);
    expect(wb.created.toISOString()).toBe(date.toISOString());
    expect(wb.modified.toISOString()).toBe(date.toISOString());
  });

  it("never writes a formula: a hostile id or name is text, guarded with an apostrophe, and still read back as its component", async () => {
    const hostile: Model = {
      components: [
        { id: "=A1", name: '=HYPERLINK("http://x","y")', name_fa: "@SUM(1)" },
        { id: "B", name: "+cmd", name_fa: "<script>" },
      ],
    };
    const bytes = await surveyWorkbookTemplate(hostile, { expertCount: 1 });
    const wb = await load(bytes);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values.every((v) => typeof v === "string" || typeof v === "number")).toBe(true);
    expect(values).toContain("'=A1");
    expect(values).toContain('\'=HYPERLINK("http://x","y")');
    expect(values).toContain('\'=HYPERLINK("http://x","y")\n@SUM(1)');
    expect(values).toContain("'@SUM(1)");
    const ws = sheet(wb, "E1");
    ws.getCell("D3").value = 3;
    ws.getCell("C4").value = 1;
    const s = await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), hostile);
    expect(s.experts[0].matrix).toEqual([
      [0, 3],
      [1, 0],
    ]);
  });

  it("a title that would itself name a component gets the id in brackets, so the reader still skips it", async () => {
    const bare: Model = {
      components: [
        { id: "A", name: "Alpha" },
        { id: "B", name: "Beta" },
      ],
    };
    const wb = await load(await surveyWorkbookTemplate(bare, { expertCount: 1 }));
    const ws = sheet(wb, "E1");
    expect([ws.getCell("C1").value, ws.getCell("A4").value]).toEqual(["Alpha (A)", "Beta (B)"]);
    ws.getCell("D3").value = 2;
    ws.getCell("C4").value = 4;
    expect((await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), bare)).experts[0].matrix).toEqual([
      [0, 2],
      [4, 0],
    ]);
  });

  it("refuses a bad expert count, sheet name or scale", async () => {
    await expect(surveyWorkbookTemplate(tiny, { expertCount: 0 })).rejects.toThrow(RangeError);
    await expect(surveyWorkbookTemplate(tiny, { experts: [] })).rejects.toThrow(RangeError);
    await expect(surveyWorkbookTemplate(tiny, { experts: ["E1", "e1"] })).rejects.toThrow(/used twice or is reserved/);
    await expect(surveyWorkbookTemplate(tiny, { experts: ["Scale"] })).rejects.toThrow(/reserved/);
    await expect(surveyWorkbookTemplate(tiny, { experts: ["a/b"] })).rejects.toThrow(/not a sheet name/);
    await expect(surveyWorkbookTemplate(tiny, { experts: ["E1", "Help desk"] })).rejects.toThrow(/which the reader skips/);
    await expect(surveyWorkbookTemplate(tiny, { expertPrefix: "Note" })).rejects.toThrow(/which the reader skips/);
    await expect(surveyWorkbookTemplate(tiny, { scale: { min: 4, max: 0 } })).rejects.toThrow(RangeError);
    await expect(surveyWorkbookTemplate(tiny, { scale: { min: 0, max: 2.5 }, whole: true })).rejects.toThrow(RangeError);
  });
});

describe("workbookScale(scale, options)", () => {
  it("lists a whole-number scale point by point, labelled at its ends off 0–4", () => {
    expect(workbookScale({ min: 1, max: 7 }).rows.map((r) => [r.entry, r.label, r.label_fa])).toEqual([
      [1, "No influence", "بدون تأثیر"],
      [2, "", ""],
      [3, "", ""],
      [4, "", ""],
      [5, "", ""],
      [6, "", ""],
      [7, "Very high influence", "تأثیر خیلی زیاد"],
    ]);
  });
  it("lists only the ends of a long or continuous scale, with a footnote", () => {
    const long = workbookScale({ min: 0, max: 100 });
    expect(long.rows.map((r) => r.entry)).toEqual([0, 100]);
    expect(long.footnote).toBe("Any whole number from 0 to 100 · عددی صحیح از 0 تا 100");
    expect(workbookScale({ min: 0, max: 1 }, { whole: false }).validation).toMatchObject({ type: "decimal", formulae: [0, 1] });
  });
  it("a linguistic scale whose codes hold a comma takes its list from the Scale sheet's codes", () => {
    const terms = {
      name: "s",
      terms: [
        { term: "a,b", grey: [0, 0] as const },
        { term: "c", grey: [0, 1] as const },
      ],
    };
    const s = workbookScale({ min: 0, max: 4 }, { terms });
    expect(s.validation.formulae).toEqual(["'Scale'!$A$2:$A$3"]);
    expect(s.rows.map((r) => [r.entry, r.value, r.number])).toEqual([
      ["a,b", 0, "[0, 0]"],
      ["c", 1, "[0, 1]"],
    ]);
  });
});
