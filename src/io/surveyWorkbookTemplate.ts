import { newExcelWorkbook } from "./newExcelWorkbook.js";
import type { Worksheet } from "exceljs";
import type { Component, Model } from "../types.js";
import { componentMatcher } from "./componentMatcher.js";
import { guardFormula } from "./guardFormula.js";
import { isSkippedSheetName } from "./workbookSheets.js";
import type { LinguisticScale } from "./linguisticScaleRules.js";
import { workbookScale, type WorkbookScale } from "./workbookScale.js";

/** Options of {@link surveyWorkbookTemplate}. */
export interface SurveyWorkbookTemplateOptions {
  /** Number of experts, one sheet each (named `E1`, `E2`, …). Default 3. Ignored when `experts` is given. */
  expertCount?: number;
  /** The expert sheets' names (the expert labels when read back), in order; overrides `expertCount` and `expertPrefix`. */
  experts?: readonly string[];
  /** The numeric rating scale the grid's data validation allows. Default `{ min: 0, max: 4 }`. */
  scale?: { min: number; max: number };
  /** Whole numbers only (default: when both scale ends are integers); `false` allows any number between. */
  whole?: boolean;
  /** A linguistic scale (docs/methods.md §2.11): the cells then take a term's code from a list, and `scale` is not used. */
  terms?: LinguisticScale;
  /** Prefix of the expert sheet names. Default `"E"`. */
  expertPrefix?: string;
  /** A line shown first on both instruction sheets, e.g. that the data are synthetic. */
  note?: string;
  /** The workbook's created and modified dates (docProps); default now. A fixed date makes the content reproducible. */
  date?: Date;
}

/** Where the grid's first rating cell sits on an expert sheet (1-based): row 1 and column A hold the bilingual names, row 2 and column B the ids. */
export const SURVEY_WORKBOOK_GRID = Object.freeze({ row: 3, column: 3 });

/** Sheet names of the template besides the experts' (the reader skips them by name). */
const SHEETS = Object.freeze({ instructions: "Instructions", persian: "راهنما", scale: "Scale" });
/** Grey fill of the diagonal cells, which are not rated. */
const DIAGONAL_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } } as const;
/** Pale fill of the name and id cells. */
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } as const;
/** Alignment of Persian text: right-aligned, read right to left, wrapped. */
const RTL = { horizontal: "right", vertical: "top", readingOrder: "rtl", wrapText: true } as const;
/** Sheet protection without a password: the rating cells are unlocked; rows and columns may still be resized. */
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true } as const;
/** About how many characters of instructions fit on one line of the merged columns A–C (widths 14 + 40 + 40). */
const LINE_CHARACTERS = 85;
/** Width (characters) of an expert sheet's column of row titles and of its grid columns. */
const ROW_TITLE_WIDTH = 34;
const GRID_WIDTH = 16;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;
/** Characters Excel refuses in a sheet name. */
const BAD_SHEET_NAME = /[[\]:*?/\\]/;

type Texts = ReturnType<typeof instructionTexts>;

/**
 * A blank Excel workbook survey to hand to experts (docs/methods.md §1.7), in the grid layout that
 * `parseSurveyWorkbook` reads. Sheets: `Instructions` (English, with the Persian lines right-to-left,
 * and every component's id, name and Persian name), `راهنما` (the Persian instructions on a
 * right-to-left sheet), `Scale` (every value or term with its English and Persian label; see
 * `workbookScale`) — all three skipped when the workbook is read — then one sheet per expert: row 2
 * and column B hold the component ids (what the reader matches), row 1 and column A each component's
 * English and Persian name (titles the reader skips), and the ratings fill the grid from C3
 * ({@link SURVEY_WORKBOOK_GRID}). The diagonal (a component's influence on itself) is greyed; every
 * other rating cell is restricted by data validation to the scale (whole numbers on an integer scale,
 * a drop-down of term codes on a linguistic one) and is the only unlocked cell of a sheet protected
 * without a password (Review › Unprotect Sheet lifts it). Every cell written is a value, never a
 * formula: text goes through `guardFormula`, so a label such as `=A1` is written `'=A1` and read back
 * as the label. Read back unfilled, every blank is reported as a missing rating. Asynchronous because
 * the workbook writer is (ExcelJS, loaded only here).
 * @throws {RangeError} when `expertCount` is not a positive integer, an expert sheet name is not a valid, distinct sheet name or is one the reader skips (`Notes`, `Help`…), or the scale is not finite min < max.
 * @example
 * writeFileSync("survey.xlsx", await surveyWorkbookTemplate(defaultModel(), { expertCount: 12 }));
 */
export async function surveyWorkbookTemplate(model: Model, options: SurveyWorkbookTemplateOptions = {}): Promise<Uint8Array> {
  const experts = expertSheetNames(options);
  const scale = workbookScale(options.scale ?? { min: 0, max: 4 }, { whole: options.whole, terms: options.terms, scaleSheet: SHEETS.scale });
  const wb = await newExcelWorkbook();
  wb.creator = "cxm-dematel";
  if (options.date) wb.created = wb.modified = options.date;
  const texts = instructionTexts(scale, options);
  writeInstructions(wb.addWorksheet(SHEETS.instructions), model, texts, options.note);
  writePersianInstructions(wb.addWorksheet(SHEETS.persian, { views: [{ rightToLeft: true }] }), model, texts, options.note);
  writeScaleSheet(wb.addWorksheet(SHEETS.scale), scale, options.terms !== undefined);
  const titles = componentTitles(model);
  for (const name of experts) {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 2, ySplit: 2 }] });
    writeGrid(ws, model, titles, scale);
    await ws.protect("", PROTECTION);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The expert sheets' names: `options.experts`, else prefix + 1…expertCount; checked as Excel sheet names. */
function expertSheetNames(options: SurveyWorkbookTemplateOptions): string[] {
  const count = options.expertCount ?? 3;
  if (!options.experts && !(Number.isInteger(count) && count >= 1))
    throw new RangeError(`surveyWorkbookTemplate: expertCount must be a positive integer, got ${count}`);
  const names = options.experts ? [...options.experts] : Array.from({ length: count }, (_, k) => `${options.expertPrefix ?? "E"}${k + 1}`);
  if (names.length === 0) throw new RangeError("surveyWorkbookTemplate: experts must name at least one sheet");
  const seen = new Set<string>(Object.values(SHEETS).map((s) => s.toLowerCase()));
  for (const name of names) {
    if (name.trim() === "" || name.length > 31 || BAD_SHEET_NAME.test(name) || /^'|'$/.test(name))
      throw new RangeError(`surveyWorkbookTemplate: "${name}" is not a sheet name (1–31 characters, none of [ ] : * ? / \\, no leading or trailing ')`);
    if (seen.has(name.toLowerCase())) throw new RangeError(`surveyWorkbookTemplate: sheet name "${name}" is used twice or is reserved`);
    if (isSkippedSheetName(name))
      throw new RangeError(`surveyWorkbookTemplate: sheet name "${name}" reads like an instructions or scale sheet, which the reader skips`);
    seen.add(name.toLowerCase());
  }
  return names;
}

/** The instructions in English and Persian, for the scale. */
function instructionTexts(scale: WorkbookScale, options: SurveyWorkbookTemplateOptions) {
  const ends = options.terms ? undefined : { min: scale.rows[0].entry, max: scale.rows[scale.rows.length - 1].entry };
  return {
    en: [
      "How to fill in this survey",
      `On each expert's sheet, rate how strongly the component of the ROW influences the component of the COLUMN: enter ${scale.entry}.`,
      ends
        ? `${ends.min} = no influence … ${ends.max} = very high influence; the Scale sheet lists what each value means.`
        : "The Scale sheet lists what each term means.",
      "The grey diagonal (a component's influence on itself) is not rated and is locked, as are the component names and ids. The sheets are protected without a password only to keep the grid intact (Review › Unprotect Sheet lifts it). Do not rename the sheets or change the component ids.",
    ],
    fa: [
      "راهنمای تکمیل پرسش‌نامه",
      `در برگهٔ هر خبره، میزان تأثیر مؤلفهٔ سطر بر مؤلفهٔ ستون را وارد کنید: ${scale.entry_fa}.`,
      ends
        ? `${ends.min} = بدون تأثیر … ${ends.max} = تأثیر خیلی زیاد؛ برگهٔ مقیاس (Scale) معنای هر مقدار را نشان می‌دهد.`
        : "برگهٔ مقیاس (Scale) معنای هر گزینه را نشان می‌دهد.",
      "قطر خاکستری (تأثیر هر مؤلفه بر خودش) امتیاز ندارد و قفل است؛ نام و شناسهٔ مؤلفه‌ها نیز قفل‌اند. برگه‌ها بدون گذرواژه و فقط برای حفظ جدول محافظت شده‌اند. نام برگه‌ها و شناسهٔ مؤلفه‌ها را تغییر ندهید.",
    ],
  };
}

/** Add a row of text cells (each through `guardFormula`) and return it. */
function addTextRow(ws: Worksheet, cells: readonly string[]) {
  return ws.addRow(cells.map((s) => guardFormula(s)));
}

/** The height (points) a wrapped cell needs for `text` at about `perLine` characters a line (Excel does not fit it on opening). */
function lineHeight(text: string, perLine: number): number {
  const lines = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return Math.min(MAX_ROW_HEIGHT, 15 * lines);
}

/** Add a line of instructions across columns A–C (merged, wrapped, its height for the text's length), right to left when Persian. */
function addLine(ws: Worksheet, text: string, options: { persian?: boolean; bold?: boolean } = {}): void {
  const row = addTextRow(ws, [text]);
  ws.mergeCells(row.number, 1, row.number, 3);
  row.getCell(1).alignment = options.persian ? RTL : { vertical: "top", wrapText: true };
  if (options.bold) row.font = { bold: true };
  row.height = lineHeight(text, LINE_CHARACTERS);
}

/** The English instructions sheet: the note, the English and Persian lines, the components' ids and names. */
function writeInstructions(ws: Worksheet, model: Model, texts: Texts, note: string | undefined): void {
  if (note !== undefined) addLine(ws, note, { bold: true });
  texts.en.forEach((line, k) => addLine(ws, line, { bold: k === 0 }));
  texts.fa.forEach((line, k) => addLine(ws, line, { bold: k === 0, persian: true }));
  ws.addRow([]);
  addTextRow(ws, ["id", "name", "نام"]).font = { bold: true };
  for (const c of model.components) addTextRow(ws, [c.id, c.name, c.name_fa ?? ""]).getCell(3).alignment = RTL;
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 40;
}

/** The Persian instructions on a right-to-left sheet: the note, the Persian lines, the components' Persian names, ids and names. */
function writePersianInstructions(ws: Worksheet, model: Model, texts: Texts, note: string | undefined): void {
  if (note !== undefined) addLine(ws, note, { bold: true, persian: true });
  texts.fa.forEach((line, k) => addLine(ws, line, { bold: k === 0, persian: true }));
  ws.addRow([]);
  addTextRow(ws, ["شناسه", "نام", "name"]).font = { bold: true };
  for (const c of model.components) addTextRow(ws, [c.id, c.name_fa ?? "", c.name]);
  ws.eachRow((row) => row.eachCell((cell) => (cell.alignment ??= RTL)));
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 40;
}

/** The Scale sheet: one row per value or term with its English and Persian label (and a term's value and fuzzy or grey number). */
function writeScaleSheet(ws: Worksheet, scale: WorkbookScale, linguistic: boolean): void {
  const header = linguistic ? ["code", "English", "فارسی", "value", "number"] : ["value", "English", "فارسی"];
  addTextRow(ws, header).font = { bold: true };
  for (const r of scale.rows) {
    const entry = typeof r.entry === "number" ? r.entry : guardFormula(r.entry);
    const row = ws.addRow([entry, guardFormula(r.label), guardFormula(r.label_fa), ...(linguistic ? [r.value, r.number ?? ""] : [])]);
    row.getCell(3).alignment = RTL;
  }
  if (scale.footnote !== undefined) addTextRow(ws, [scale.footnote]);
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 24;
}

/** Each component's title, `Name` and `نام` on two lines; with its id in brackets if the title alone would name a component (the reader must skip it). */
function componentTitles(model: Model): string[] {
  const matcher = componentMatcher(model);
  const titleOf = (c: Component): string => [c.name, c.name_fa].filter((x) => typeof x === "string" && x.trim() !== "").join("\n");
  return model.components.map((c) => {
    const title = titleOf(c);
    if (matcher.match(title) < 0) return guardFormula(title);
    const withId = `${title} (${c.id})`;
    return matcher.match(withId) < 0 ? guardFormula(withId) : "";
  });
}

/** One expert's sheet: names in row 1 and column A, ids in row 2 and column B, the grid from C3 (diagonal grey and locked, the rest unlocked and validated). */
function writeGrid(ws: Worksheet, model: Model, titles: readonly string[], scale: WorkbookScale): void {
  const ids = model.components.map((c) => guardFormula(c.id));
  const n = ids.length;
  const { row: r0, column: c0 } = SURVEY_WORKBOOK_GRID;
  const header = { font: { bold: true }, fill: HEADER_FILL };
  ws.getCell(1, 1).value = "Influence of the row on the column\nتأثیر سطر بر ستون";
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: "top" };
  for (let k = 0; k < n; k++) {
    Object.assign(ws.getCell(1, c0 + k), { value: titles[k], alignment: { wrapText: true, vertical: "bottom", horizontal: "center" } });
    Object.assign(ws.getCell(r0 + k, 1), { value: titles[k], alignment: { wrapText: true, vertical: "middle" } });
    Object.assign(ws.getCell(r0 - 1, c0 + k), { value: ids[k], alignment: { horizontal: "center" }, ...header });
    Object.assign(ws.getCell(r0 + k, c0 - 1), { value: ids[k], ...header });
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const cell = ws.getCell(r0 + i, c0 + j);
      if (i === j) cell.fill = DIAGONAL_FILL;
      else {
        cell.dataValidation = { ...scale.validation, formulae: [...scale.validation.formulae] };
        cell.protection = { locked: false };
        cell.alignment = { horizontal: "center" };
      }
    }
  ws.getColumn(1).width = ROW_TITLE_WIDTH;
  ws.getColumn(2).width = 10;
  for (let k = 0; k < n; k++) ws.getColumn(c0 + k).width = GRID_WIDTH;
  ws.getRow(1).height = Math.max(30, ...titles.map((t) => lineHeight(t, GRID_WIDTH - 2)));
  for (let k = 0; k < n; k++) ws.getRow(r0 + k).height = Math.max(15, lineHeight(titles[k], ROW_TITLE_WIDTH - 2));
}
