import type { Model } from "../types.js";
import { guardFormula } from "./guardFormula.js";

/** Options of {@link surveyWorkbookTemplate}. */
export interface SurveyWorkbookTemplateOptions {
  /** Number of experts, one sheet each (named `E1`, `E2`, …). Default 3. */
  expertCount?: number;
  /** The rating scale the grid's data validation allows. Default `{ min: 0, max: 4 }`. */
  scale?: { min: number; max: number };
  /** Prefix of the expert sheet names. Default `"E"`. */
  expertPrefix?: string;
}

/** Grey fill of the diagonal cells, which are not rated. */
const DIAGONAL_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } } as const;

/**
 * A blank Excel workbook survey to hand to experts (docs/methods.md §1.7), in
 * the grid layout that `parseSurveyWorkbook` reads: an `Instructions` sheet
 * (English and Persian, with each component's id, name and Persian name;
 * skipped when the workbook is read), then one sheet per expert whose first
 * row and first column hold the component ids and whose cells take the
 * ratings; the diagonal (a component's influence on itself) is greyed; every
 * other rating cell accepts only a number on the scale (data validation, with
 * an error message). Every cell written is a value, never a formula: text
 * goes through `guardFormula`, so a label such as `=A1` is written `'=A1` and
 * read back as the label. Read back unfilled, every blank is reported as a
 * missing rating. Asynchronous because the workbook writer is (ExcelJS,
 * loaded only here).
 * @throws {RangeError} when `expertCount` is not a positive integer or the scale is not finite min < max.
 * @example
 * writeFileSync("survey.xlsx", await surveyWorkbookTemplate(defaultModel(), { expertCount: 12 }));
 */
export async function surveyWorkbookTemplate(model: Model, options: SurveyWorkbookTemplateOptions = {}): Promise<Uint8Array> {
  const expertCount = options.expertCount ?? 3;
  const scale = options.scale ?? { min: 0, max: 4 };
  const prefix = options.expertPrefix ?? "E";
  if (!(Number.isInteger(expertCount) && expertCount >= 1))
    throw new RangeError(`surveyWorkbookTemplate: expertCount must be a positive integer, got ${expertCount}`);
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max))
    throw new RangeError(`surveyWorkbookTemplate: scale must have finite min < max, got ${scale.min}..${scale.max}`);
  const exceljs = await import("exceljs");
  const Workbook = (exceljs.default ?? exceljs).Workbook;
  const wb = new Workbook();
  const text = (s: string): string => guardFormula(s);
  const ids = model.components.map((c) => text(c.id));
  const n = ids.length;

  const info = wb.addWorksheet("Instructions");
  const lines: string[][] = [
    ["How to fill in this survey"],
    [
      `On each expert's sheet, rate how strongly the component of the ROW influences the component of the COLUMN, with a number from ${scale.min} to ${scale.max}.`,
    ],
    [`${scale.min} = no influence … ${scale.max} = very high influence. Leave the grey diagonal empty. Do not rename the sheets or change the component ids.`],
    ["راهنمای تکمیل پرسش‌نامه"],
    [`در برگهٔ هر خبره، میزان تأثیر مؤلفهٔ سطر بر مؤلفهٔ ستون را با عددی از ${scale.min} تا ${scale.max} وارد کنید.`],
    [`${scale.min} = بدون تأثیر … ${scale.max} = تأثیر بسیار زیاد. قطر خاکستری را خالی بگذارید. نام برگه‌ها و شناسهٔ مؤلفه‌ها را تغییر ندهید.`],
    [],
    ["id", "name", "نام"],
    ...model.components.map((c) => [c.id, c.name, c.name_fa ?? ""]),
  ];
  for (const row of lines) info.addRow(row.map(text));
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 40;
  info.getColumn(3).width = 40;
  for (const r of [4, 5, 6]) info.getRow(r).getCell(1).alignment = { horizontal: "right", readingOrder: "rtl" };

  for (let k = 1; k <= expertCount; k++) {
    const ws = wb.addWorksheet(`${prefix}${k}`, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
    ws.addRow(["", ...ids]);
    for (let i = 0; i < n; i++) ws.addRow([ids[i]]);
    ws.getColumn(1).width = 14;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const cell = ws.getCell(i + 2, j + 2);
        if (i === j) {
          cell.fill = DIAGONAL_FILL;
          continue;
        }
        cell.dataValidation = {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [scale.min, scale.max],
          showErrorMessage: true,
          errorTitle: "Rating",
          error: `A number from ${scale.min} to ${scale.max}`,
        };
      }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
