/**
 * The results workbook (`analyze --xlsx`, `resultsWorkbook`): the same tables as the CSV files, cell for cell
 * and bit for bit, every cell a value and never a formula (hostile labels included), SYNTHETIC said first,
 * Persian names laid out right to left; and the two new tables (layer tests, bootstrap) against the results
 * object they are read from.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { defaultModel } from "../src/model/model.js";
import { modelInLanguage } from "../src/model/modelInLanguage.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { analyzeSurvey, type AnalysisResult } from "../src/pipeline/analyzeSurvey.js";
import { RESULT_SHEETS, resultsWorkbook } from "../src/report/resultsWorkbook.js";
import { bootstrapTable, componentTable, edgeTable, layerTestTable, totalRelationTable } from "../src/report/resultTables.js";
import { RESULT_FILES, RESULT_WORKBOOK } from "../src/report/writeResultFiles.js";
import type { CsvCell } from "../src/io/toCsv.js";
import type { Model } from "../src/types.js";
import { runCli } from "../src/cli/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "cxm-results-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = defaultModel();
const survey = readSurvey("data/surveys/example-panel.csv", model);
survey.synthetic = true;
const result = analyzeSurvey(survey, model, { bootstrap: 300, seed: 3, date: "2026-01-01T00:00:00.000Z" });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's cells as the tables write them: null cells as "" (an empty CSV cell), trailing empties kept to the width. */
function sheetRows(ws: ExcelJS.Worksheet, width: number): CsvCell[][] {
  const rows: CsvCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: CsvCell[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? "" : (v as CsvCell));
    }
    rows.push(cells);
  });
  return rows;
}

/** Every cell of the workbook that is a formula (none may be). */
function formulaCells(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined) found.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return found;
}

describe("resultsWorkbook: the CSV tables as one workbook", () => {
  it("has the six sheets in order, and each table equals the CSV table cell for cell, numbers to the bit", async () => {
    const wb = await load(await resultsWorkbook(result, model));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...RESULT_SHEETS]);
    const same = (name: string, table: CsvCell[][]): void => expect(sheetRows(wb.getWorksheet(name)!, table[0].length)).toEqual(table);
    same("Components", componentTable(result, model));
    same("Total relation", totalRelationTable(result));
    same("IRM edges", edgeTable(result));
    same("Layer tests", layerTestTable(result.layers!));
    same("Bootstrap", bootstrapTable(result.layers!.bootstrap!, result.components));
    expect(formulaCells(wb)).toEqual([]);
  });

  it("says SYNTHETIC in its first cell, and records survey, settings, version and bootstrap on the About sheet", async () => {
    const about = (await load(await resultsWorkbook(result, model))).getWorksheet("About")!;
    expect(String(about.getCell("A1").value)).toMatch(/^SYNTHETIC EXAMPLE DATA/);
    const pairs = new Map(sheetRows(about, 2).map(([k, v]) => [k, v] as const));
    expect(pairs.get("survey")).toBe("data/surveys/example-panel.csv");
    expect(pairs.get("experts")).toBe(14);
    expect(pairs.get("normalization")).toBe("max");
    expect(pairs.get("lambda")).toBe(result.lambda);
    expect(pairs.get("bootstrap")).toBe("300 replicates, seed 3");
    expect(pairs.get("date")).toBe("2026-01-01T00:00:00.000Z");
  });

  it("without layers (a model with one layer) it has the four table sheets only", async () => {
    const flat: Model = { ...model, layers: undefined };
    const r = analyzeSurvey(survey, flat, { bootstrap: 0 });
    const wb = await load(await resultsWorkbook(r, flat));
    expect(wb.worksheets.map((w) => w.name)).toEqual(RESULT_SHEETS.slice(0, 4));
  });

  it("writes hostile labels as text values: no cell is a formula, and the label reads back guarded", async () => {
    const hostile: Model = {
      ...model,
      components: model.components.map((c, i) =>
        i === 0 ? { ...c, name: '=HYPERLINK("http://x","y")' } : i === 1 ? { ...c, name: "<script>alert(1)</script>" } : c,
      ),
    };
    const r = analyzeSurvey(survey, hostile, { bootstrap: 0 });
    const wb = await load(await resultsWorkbook(r, hostile));
    expect(formulaCells(wb)).toEqual([]);
    const comp = wb.getWorksheet("Components")!;
    expect(comp.getCell("B2").value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(comp.getCell("B3").value).toBe("<script>alert(1)</script>");
  });

  it("lays the Components sheet out right to left when the names are Persian (modelInLanguage(model, 'fa'))", async () => {
    const fa = modelInLanguage(model, "fa");
    const wb = await load(await resultsWorkbook(result, fa));
    expect(wb.getWorksheet("Components")!.views[0].rightToLeft).toBe(true);
    expect(wb.getWorksheet("Components")!.getCell("B2").value).toBe(model.components[0].name_fa);
    expect((await load(await resultsWorkbook(result, model))).getWorksheet("Components")!.views[0].rightToLeft).toBe(false);
  });

  it("writes NaN as an empty cell", async () => {
    const r = { ...result, given: result.given.map((x, i) => (i === 0 ? NaN : x)) } as AnalysisResult;
    const wb = await load(await resultsWorkbook(r, model));
    expect(wb.getWorksheet("Components")!.getCell("D2").value).toBeNull();
  });
});

describe("layerTestTable and bootstrapTable read the results object", () => {
  it("layerTestTable: trend with its maximum, share and attainable size; flow without them", () => {
    const L = result.layers!;
    const t = layerTestTable(L);
    expect(t[1]).toEqual([
      "trend",
      L.trend.statistic,
      L.trend.p,
      "exact",
      25200,
      25200,
      L.trend.maximum,
      L.trend.shareOfMaximum,
      0.05,
      L.trend.attainableSize!.size,
      "", // draws and standard error: Monte Carlo tests only (docs/methods.md §5.5)
      "",
    ]);
    // √(37/45): the largest S_trend for layer sizes 2, 3, 2, 3 (docs/methods.md §5.2), and 4/25,200 on the example.
    expect(t[1][6]).toBeCloseTo(Math.sqrt(37 / 45), 12);
    expect(t[2].slice(0, 6)).toEqual(["flow", L.flow.statistic, L.flow.p, "exact", 25200, 25200]);
  });

  it("bootstrapTable: relation rows carry P(cause), prominence rows none, then S_trend and S_flow", () => {
    const b = result.layers!.bootstrap!;
    const t = bootstrapTable(b, result.components);
    expect(t.length).toBe(1 + 2 * 10 + 2);
    expect(t[1]).toEqual([
      "relation",
      "LEAD",
      b.relation[0].estimate,
      b.relation[0].lower,
      b.relation[0].upper,
      b.relation[0].bca?.lower ?? "",
      b.relation[0].bca?.upper ?? "",
      b.pCause[0],
    ]);
    expect(t[11][0]).toBe("prominence");
    expect(t[11][7]).toBe("");
    expect(t[21].slice(0, 5)).toEqual(["S_trend", "", b.trend.estimate, b.trend.lower, b.trend.upper]);
    expect(t[22][0]).toBe("S_flow");
  });
});

describe("cxm-dematel analyze --xlsx", () => {
  const io = (): { stdout(t: string): void; stderr(t: string): void; help(c: string): number; err: string[] } => {
    const err: string[] = [];
    return { stdout: () => undefined, stderr: (t) => void err.push(t), help: () => 0, err };
  };

  it("writes results.xlsx beside the five other files", async () => {
    const out = join(dir, "cli");
    expect(await runCli(["analyze", "--xlsx", "--out", out, "--bootstrap", "100", "--quiet"], io())).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...RESULT_FILES, RESULT_WORKBOOK].sort());
  });

  it("refuses --xlsx with --json and no --out (exit 2): there would be nowhere to write it", async () => {
    const c = io();
    expect(await runCli(["analyze", "--xlsx", "--json"], c)).toBe(2);
    expect(c.err.join("")).toContain("--xlsx writes results.xlsx into the output folder");
    expect(existsSync("out/results.xlsx")).toBe(false);
  });
});
