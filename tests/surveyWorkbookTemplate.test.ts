/**
 * surveyWorkbookTemplate (docs/methods.md §1.7): the blank workbook for experts, read back by
 * parseSurveyWorkbook; no cell is a formula, hostile labels are written as text. Built and inspected
 * with ExcelJS itself.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "../src/errors.js";
import { parseSurveyWorkbook } from "../src/io/parseSurveyWorkbook.js";
import { surveyWorkbookTemplate } from "../src/io/surveyWorkbookTemplate.js";
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

describe("surveyWorkbookTemplate(model, options)", () => {
  it("writes an instructions sheet and one grid sheet per expert: ids on the first row and column, a grey diagonal, ratings validated to the scale", async () => {
    const wb = await load(await surveyWorkbookTemplate(tiny, { expertCount: 2, scale: { min: 1, max: 7 } }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Instructions", "E1", "E2"]);
    const e1 = wb.getWorksheet("E1") as ExcelJS.Worksheet;
    expect([1, 2, 3, 4].map((c) => e1.getCell(1, c).value)).toEqual(["", "A", "B", "C"]);
    expect([2, 3, 4].map((r) => e1.getCell(r, 1).value)).toEqual(["A", "B", "C"]);
    expect(e1.getCell("B2").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFD9D9D9" } });
    expect(e1.getCell("C2").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [1, 7] });
    expect(e1.getCell("B2").dataValidation).toBeUndefined();
    const info = wb.getWorksheet("Instructions") as ExcelJS.Worksheet;
    const texts: string[] = [];
    info.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("آلفا");
    expect(texts.some((t) => t.includes("from 1 to 7"))).toBe(true);
    expect(texts.some((t) => t.includes("از 1 تا 7"))).toBe(true);
  });

  it("filled in, it reads back as the ratings; unfilled, every blank is a missing rating at its sheet and cell", async () => {
    const bytes = await surveyWorkbookTemplate(tiny, { expertCount: 2 });
    try {
      await parseSurveyWorkbook(bytes, tiny, { source: "t.xlsx" });
      throw new Error("expected an InputError");
    } catch (e) {
      expect((e as InputError).problems.map(formatProblem)).toEqual([
        "t.xlsx › E1 › C2: expert E1 has no rating for A→B, A→C, B→A, B→C, C→A, C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 6 missing (6 left blank))",
        "t.xlsx › E2 › C2: expert E2 has no rating for A→B, A→C, B→A, B→C, C→A, C→B (expected a number from 0 to 4 for every ordered pair of different components (6 per expert), found 6 missing (6 left blank))",
      ]);
    }
    const wb = await load(bytes);
    for (const name of ["E1", "E2"]) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      TINY_E1.forEach((row, i) => row.forEach((x, j) => i !== j && (ws.getCell(i + 2, j + 2).value = name === "E1" ? x : String(x))));
    }
    const s = await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), tiny);
    expect(s.experts.map((e) => [e.expert, e.matrix])).toEqual([
      ["E1", TINY_E1],
      ["E2", TINY_E1],
    ]);
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
    expect(values.every((v) => typeof v === "string")).toBe(true);
    expect(values).toContain("'=A1");
    expect(values).toContain('\'=HYPERLINK("http://x","y")');
    expect(values).toContain("'@SUM(1)");
    const ws = wb.getWorksheet("E1") as ExcelJS.Worksheet;
    ws.getCell("C2").value = 3;
    ws.getCell("B3").value = 1;
    const s = await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), hostile);
    expect(s.experts[0].matrix).toEqual([
      [0, 3],
      [1, 0],
    ]);
  });

  it("refuses a bad expert count or scale", async () => {
    await expect(surveyWorkbookTemplate(tiny, { expertCount: 0 })).rejects.toThrow(RangeError);
    await expect(surveyWorkbookTemplate(tiny, { scale: { min: 4, max: 0 } })).rejects.toThrow(RangeError);
  });
});
