/**
 * ExcelJS in the browser app's worker. The page holds ExcelJS's browser build as inert text and sends it
 * with every request; the worker evaluates it (from a blob: URL, which the page's Content-Security-Policy
 * allows for scripts) only the first time a workbook is read or written: an .xlsx survey is read with it,
 * and results.xlsx is written with it after the report has been posted, so it never delays a report. The library imports "exceljs" as on Node; scripts/build-web.mjs resolves that import to
 * web/excelGlobal.ts, which hands out the global this file loads.
 */

interface ExcelScope {
  ExcelJS?: unknown;
  importScripts(url: string): void;
}

/**
 * Make `globalThis.ExcelJS` available in the worker: evaluate `source` once (later calls return at once).
 * @throws {Error} when no source was sent and ExcelJS is not loaded yet.
 * @example
 * loadExcelJs(request.excelJs); // then parseSurveyWorkbook and resultsWorkbook work
 */
export function loadExcelJs(source: string | undefined): void {
  const scope = self as unknown as ExcelScope;
  if (scope.ExcelJS !== undefined) return;
  if (source === undefined) throw new Error("ExcelJS is not available in this page");
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    scope.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
