/**
 * The command line on Excel workbook surveys (docs/methods.md §1.3): `check`, `analyze` and `layers` read a
 * workbook in either layout and give the results of the equivalent CSV file; a bad workbook exits 1 with
 * every problem located at file › sheet › cell and writes nothing. The workbooks are built here with ExcelJS
 * from the shipped synthetic example panel. The round trip of issue 8 (docs/methods.md §1.7): the workbook
 * template filled from that panel, the panel as a long CSV and as the shipped Google Forms export give the same
 * `analyze --json`; the shipped SYNTHETIC workbook reads back to the panel and is its generator's output.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModel } from "../src/model/model.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { parseSurveyWorkbook } from "../src/io/parseSurveyWorkbook.js";
import { surveyToCsv } from "../src/io/surveyToCsv.js";
import { SURVEY_WORKBOOK_GRID as GRID, surveyWorkbookTemplate } from "../src/io/surveyWorkbookTemplate.js";
import { cliHarness, ROOT, sha256, STACK_LINE } from "./cliHarness.js";
import { csvWorkbook } from "./csvWorkbook.js";
import { compoundFile, sheetXml, xlsxParts, zipArchive } from "./hostileFiles.js";

const cli = cliHarness("cli-xlsx");
const PANEL = "data/surveys/example-panel.csv";
let work: string;
/** A sheet's protection settings as ExcelJS reads them (not in its type declarations). */
const protectionOf = (ws: ExcelJS.Worksheet): Record<string, unknown> => (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;

/** The example panel as one grid sheet per expert (with an instructions sheet first), and as one blocks-layout sheet. */
async function writeWorkbooks(dir: string): Promise<void> {
  const model = defaultModel();
  const survey = readSurvey(PANEL, model);
  const ids = survey.components;
  const grid = new ExcelJS.Workbook();
  grid.addWorksheet("Instructions").getCell("A1").value = "Rate how strongly the row component influences the column component (0–4).";
  for (const e of survey.experts) {
    const ws = grid.addWorksheet(e.expert);
    ws.addRow(["", ...model.components.map((c, k) => (k % 2 ? c.name_fa : c.id))]);
    e.matrix.forEach((row, i) => ws.addRow([model.components[i].name, ...row.map((x, j) => (i === j ? null : k3(x, i + j)))]));
  }
  writeFileSync(join(dir, "grid.xlsx"), new Uint8Array(await grid.xlsx.writeBuffer()));
  const blocks = new ExcelJS.Workbook();
  const ws = blocks.addWorksheet("ratings");
  ws.addRow(["expert", "from", ...ids]);
  for (const e of survey.experts) e.matrix.forEach((row, i) => ws.addRow([e.expert, ids[i], ...row.map((x, j) => (i === j ? null : x))]));
  writeFileSync(join(dir, "blocks.xlsx"), new Uint8Array(await blocks.xlsx.writeBuffer()));
}

/** Some ratings as numbers, some as text, some as text with Persian digits: all read alike. */
function k3(x: number, k: number): number | string {
  return k % 3 === 0 ? x : k % 3 === 1 ? String(x) : String(x).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
}

beforeAll(async () => {
  cli.build();
  work = mkdtempSync(join(tmpdir(), "cxm-xlsx-"));
  copyFileSync(PANEL, join(work, "panel.csv"));
  await writeWorkbooks(work);
}, 120_000);
afterAll(() => {
  cli.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** results.json of `analyze <survey>` without the fields that name the input or the time. */
function results(survey: string, out: string): Record<string, unknown> {
  const r = cli.run(["analyze", survey, "--out", out, "--bootstrap", "200", "--seed", "3"], work);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("bootstrap: 200 replicates (seed 3)\n");
  const json = JSON.parse(readFileSync(join(work, out, "results.json"), "utf8"));
  delete json.meta.source;
  delete json.meta.date;
  return json;
}

describe("cxm-dematel on an .xlsx survey", () => {
  it("analyze gives the CSV file's results.json (apart from meta.source and meta.date), for both workbook layouts", () => {
    const csv = results("panel.csv", "out-csv");
    expect(results("grid.xlsx", "out-grid")).toEqual(csv);
    expect(results("blocks.xlsx", "out-blocks")).toEqual(csv);
  });

  it("check and layers --json give the CSV file's output", () => {
    const check = (f: string): string => cli.run(["check", f], work).stdout.replace(f, "<survey>");
    expect(check("grid.xlsx")).toBe(check("panel.csv"));
    expect(check("grid.xlsx")).toMatch(/^OK: <survey>\n {2}experts: {4}14 /);
    const layers = (f: string): unknown => {
      const json = JSON.parse(cli.run(["layers", f, "--json", "--bootstrap", "200", "--seed", "3"], work).stdout);
      expect(json.meta.source).toBe(f);
      delete json.meta.source;
      delete json.meta.date;
      return json;
    };
    expect(layers("grid.xlsx")).toEqual(layers("panel.csv"));
  });

  it("template --format xlsx writes the workbook for experts, which check reads back (blank: every rating missing; filled: OK)", async () => {
    const t = cli.run(["template", "--format", "xlsx", "--experts", "2", "--out", "forms/blank.xlsx"], work);
    expect(t.status).toBe(0);
    expect(t.stdout).toBe("Wrote a blank workbook survey (one sheet per expert) for 2 experts × 10 components to forms/blank.xlsx\n");
    const blank = cli.run(["check", "forms/blank.xlsx"], work);
    expect(blank.status).toBe(1);
    expect(blank.stderr).toContain("forms/blank.xlsx › E1 › D3: expert E1 has no rating for LEAD→CUL");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, "forms/blank.xlsx"));
    const survey = readSurvey(PANEL, defaultModel());
    for (const k of [0, 1]) {
      const ws = wb.getWorksheet(`E${k + 1}`)!;
      survey.experts[k].matrix.forEach((row, i) => row.forEach((x, j) => i !== j && (ws.getCell(GRID.row + i, GRID.column + j).value = x)));
    }
    writeFileSync(join(work, "forms/filled.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(cli.run(["check", "forms/filled.xlsx"], work).stdout).toMatch(/^OK: forms\/filled\.xlsx\n {2}experts: {4}2 \(E1, E2\)/);
    const again = cli.run(["template", "--format", "xlsx", "--out", "forms/blank.xlsx"], work);
    expect(again.status).toBe(1);
    const usage = cli.run(["template", "--format", "xlsx", "--layout", "long", "--out", "forms/other.xlsx"], work);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--layout goes with --format csv");
    expect(existsSync(join(work, "forms/other.xlsx"))).toBe(false);
  });

  it("template --format xlsx --scale 1:7 or --method fuzzy sets the Scale sheet and the cells' validation; check reads the fuzzy one back with --method fuzzy", async () => {
    expect(cli.run(["template", "--format", "xlsx", "--experts", "1", "--scale", "1:7", "--out", "scaled/s17.xlsx"], work).status).toBe(0);
    const s17 = new ExcelJS.Workbook();
    await s17.xlsx.readFile(join(work, "scaled/s17.xlsx"));
    expect(s17.getWorksheet("E1")!.getCell("D3").dataValidation).toMatchObject({ type: "whole", formulae: [1, 7] });
    expect(s17.getWorksheet("Scale")!.getColumn(1).values.slice(2)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cli.run(["template", "--format", "xlsx", "--experts", "1", "--method", "fuzzy", "--out", "scaled/fuzzy.xlsx"], work).status).toBe(0);
    const fuzzy = new ExcelJS.Workbook();
    await fuzzy.xlsx.readFile(join(work, "scaled/fuzzy.xlsx"));
    const ws = fuzzy.getWorksheet("E1")!;
    expect(ws.getCell("D3").dataValidation).toMatchObject({ type: "list", formulae: ['"0,1,2,3,4"'] });
    readSurvey(PANEL, defaultModel()).experts[0].matrix.forEach((row, i) =>
      row.forEach((x, j) => i !== j && (ws.getCell(GRID.row + i, GRID.column + j).value = String(x))),
    );
    writeFileSync(join(work, "scaled/fuzzy-filled.xlsx"), new Uint8Array(await fuzzy.xlsx.writeBuffer()));
    const checked = cli.run(["check", "scaled/fuzzy-filled.xlsx", "--method", "fuzzy"], work);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/scale: {6}five-term fuzzy scale/);
    const usage = cli.run(["template", "--scale", "1:7", "--out", "scaled/s17.csv"], work);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--scale goes with --format xlsx");
    expect(cli.run(["template", "--format", "xlsx", "--method", "fuzzy", "--scale", "0:4", "--out", "scaled/bad.xlsx"], work).status).toBe(2);
    expect(existsSync(join(work, "scaled/s17.csv")) || existsSync(join(work, "scaled/bad.xlsx"))).toBe(false);
  });

  it("a bad workbook: exit 1, every problem at file › sheet › cell, nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, "grid.xlsx"));
    wb.getWorksheet("E03")!.getCell("D7").value = 5;
    wb.getWorksheet("E05")!.getCell("C2").value = { formula: "B2+1" } as ExcelJS.CellFormulaValue;
    writeFileSync(join(work, "bad.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = cli.run(["analyze", "bad.xlsx", "--out", "out-bad"], work);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toContain("bad.xlsx › E05 › C2: a formula without a saved result (expected a rating, or a formula whose result the workbook saved");
    expect(r.stderr).toContain('bad.xlsx › E03 › D7: rating PRC→GOV of expert E03 is outside the scale (expected a number from 0 to 4, found "5")');
    expect(existsSync(join(work, "out-bad"))).toBe(false);
  });
});

/** `analyze <survey> --json` (run in the repository, so the shipped data/surveys files count as synthetic), with meta.source and meta.date set aside. */
function analyzeJson(survey: string): { text: string; source: string; synthetic: boolean } {
  const r = cli.run(["analyze", survey, "--json", "--bootstrap", "200", "--seed", "3"], ROOT);
  expect(r.status, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  const { source, synthetic } = json.meta;
  json.meta.source = "<input>";
  json.meta.date = "<date>";
  return { text: JSON.stringify(json), source, synthetic };
}

describe("round trip (issue 8, item 5): the filled workbook template, the long CSV and the Google Forms export of the same ratings", () => {
  it("give the same results.json from analyze --json, apart from meta.source and meta.date (and meta.synthetic, set for the shipped files only)", async () => {
    const model = defaultModel();
    const panel = readSurvey(PANEL, model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await surveyWorkbookTemplate(model, { experts: panel.experts.map((e) => e.expert) })) as unknown as ArrayBuffer);
    for (const e of panel.experts) {
      const ws = wb.getWorksheet(e.expert)!;
      e.matrix.forEach((row, i) => row.forEach((x, j) => i !== j && (ws.getCell(GRID.row + i, GRID.column + j).value = x)));
    }
    const filled = join(work, "filled-template.xlsx");
    writeFileSync(filled, new Uint8Array(await wb.xlsx.writeBuffer()));
    const long = join(work, "panel-long.csv");
    writeFileSync(long, surveyToCsv(panel, "long"));
    const fromLong = analyzeJson(long);
    const fromWorkbook = analyzeJson(filled);
    expect([fromLong.source, fromWorkbook.source, fromLong.synthetic, fromWorkbook.synthetic]).toEqual([long, filled, false, false]);
    expect(fromWorkbook.text).toBe(fromLong.text);
    const fromExport = analyzeJson("data/surveys/example-forms-export.csv");
    const fromShipped = analyzeJson("data/surveys/example-panel.xlsx");
    expect([fromExport.synthetic, fromShipped.synthetic]).toEqual([true, true]);
    expect(fromShipped.text).toBe(fromExport.text);
    expect(fromExport.text).toBe(fromLong.text.replace('"synthetic":false', '"synthetic":true'));
    expect(fromShipped.text).toBe(analyzeJson(PANEL).text);
  }, 120_000);
});

describe("a survey-tool export downloaded as a workbook (issue 8, items 1 and 3; docs/methods.md §1.8)", () => {
  it("the shipped Google Forms export as a one-sheet .xlsx gives the CSV file's analyze --json (apart from meta.source and meta.synthetic)", async () => {
    const FORMS = "data/surveys/example-forms-export.csv";
    const xlsx = join(work, "forms-export.xlsx");
    writeFileSync(xlsx, await csvWorkbook(readFileSync(FORMS, "utf8"), "Form Responses 1"));
    const fromCsv = analyzeJson(FORMS);
    const fromXlsx = analyzeJson(xlsx);
    expect([fromCsv.synthetic, fromXlsx.synthetic]).toEqual([true, false]);
    expect(fromXlsx.text).toBe(fromCsv.text.replace('"synthetic":true', '"synthetic":false'));
  }, 120_000);
});

describe("hostile and broken workbooks on the command line (issue 8, item 6; docs/methods.md §1.3)", () => {
  it("a zip bomb, a sheet of 10⁶ rows, a password-protected workbook, a cut-off file and an old .xls: exit 1 within seconds, one clear message, no stack trace, nothing written", async () => {
    const ok = readFileSync(join(work, "grid.xlsx"));
    const files: Record<string, [Uint8Array, string]> = {
      "bomb.xlsx": [
        zipArchive(xlsxParts([["E01", sheetXml(2)]], [{ name: "xl/sharedStrings.xml", data: new Uint8Array(50_000_000), declare: 1000 }])),
        "bomb.xlsx: the workbook is a zip bomb (a part inflates beyond its declared size)",
      ],
      "million.xlsx": [zipArchive(xlsxParts([["Responses", sheetXml(1_000_000)]])), 'million.xlsx: the sheet "Responses" has too many rows to read'],
      "locked.xlsx": [
        compoundFile(["EncryptionInfo", "EncryptedPackage"]),
        "locked.xlsx: the workbook is protected by a password (encrypted), so it cannot be read",
      ],
      "cut.xlsx": [new Uint8Array(ok.subarray(0, ok.length - 100)), "cut.xlsx: the workbook cannot be read (damaged, or not an Excel .xlsx workbook)"],
      "old.xls": [compoundFile(["Workbook"]), "old.xls: the file is an old Excel 97–2003 workbook (.xls), which is not read"],
    };
    for (const [name, [bytes, message]] of Object.entries(files)) {
      writeFileSync(join(work, name), bytes);
      const before = sha256(join(work, name));
      const t0 = performance.now();
      const r = cli.run(["analyze", name, "--out", `out-${name}`], work);
      const seconds = (performance.now() - t0) / 1000;
      expect([name, r.status, r.stdout]).toEqual([name, 1, ""]);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(existsSync(join(work, `out-${name}`))).toBe(false);
      expect(sha256(join(work, name))).toBe(before);
      expect(seconds, name).toBeLessThan(10); // about 1 s each here, most of it Node's start-up
    }
  }, 120_000);
});

describe("the shipped SYNTHETIC workbook data/surveys/example-panel.xlsx", () => {
  const SHIPPED = "data/surveys/example-panel.xlsx";
  it("reads back to exactly the example panel: the same experts, in order, and the same matrices", async () => {
    const model = defaultModel();
    const panel = readSurvey(PANEL, model);
    const s = await parseSurveyWorkbook(readFileSync(SHIPPED), model, { source: SHIPPED });
    expect(s.experts.map((e) => e.expert)).toEqual(panel.experts.map((e) => e.expert));
    expect(s.experts.map((e) => e.matrix)).toEqual(panel.experts.map((e) => e.matrix));
    expect(s.warnings).toEqual([]);
  });

  it("is the template workbook (instructions, Scale, protected expert sheets) with SYNTHETIC first on both instruction sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SHIPPED) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["Instructions", "راهنما", "Scale", "E01"]);
    for (const name of ["Instructions", "راهنما"]) expect(String(wb.getWorksheet(name)!.getCell("A1").value)).toMatch(/^SYNTHETIC: simulated ratings/);
    expect(protectionOf(wb.getWorksheet("E14")!)).toMatchObject({ sheet: true });
    expect(wb.created.toISOString()).toBe("2026-01-05T00:00:00.000Z");
  });

  it("is what scripts/generate-example-workbook.mjs writes from example-panel.csv, byte for byte", () => {
    const out = join(work, "regenerated.xlsx");
    const r = spawnSync(process.execPath, ["scripts/generate-example-workbook.mjs", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CXM_DIST: dirname(dirname(cli.main)) },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(out), readFileSync(SHIPPED))).toBe(0);
  }, 60_000);
});
