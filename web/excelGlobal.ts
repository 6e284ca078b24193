/**
 * What `import("exceljs")` gives inside the browser app's bundle (scripts/build-web.mjs resolves "exceljs"
 * here): the global ExcelJS that web/excelInWorker.ts loads, read when the library first uses it, so that
 * the bundle holds no copy of ExcelJS and it is evaluated only when a workbook is read or written.
 */
function excel(): { Workbook: unknown } {
  const X = (globalThis as { ExcelJS?: { Workbook: unknown } }).ExcelJS;
  if (X === undefined) throw new Error("ExcelJS is not loaded in this page (web/excelInWorker.ts loads it before a workbook is read or written)");
  return X;
}

export default {
  get Workbook(): unknown {
    return excel().Workbook;
  },
};
