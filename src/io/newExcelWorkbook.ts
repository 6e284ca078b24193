import type { Workbook } from "exceljs";

/**
 * A new, empty ExcelJS workbook, with ExcelJS imported only now: the one place that loads the library, so a CSV
 * survey never pays for it, and the one place that handles how its CommonJS export arrives (`default` under ESM
 * interop, the module itself otherwise; in the browser app, the global web/excelGlobal.ts hands out).
 * @example
 * const wb = await newExcelWorkbook(); wb.addWorksheet("Results");
 */
export async function newExcelWorkbook(): Promise<Workbook> {
  const exceljs = await import("exceljs");
  const WorkbookClass = (exceljs.default ?? exceljs).Workbook;
  return new WorkbookClass();
}
