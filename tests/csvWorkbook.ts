/**
 * A CSV text as a one-sheet .xlsx workbook, as a survey tool's "download as Excel" gives it
 * (docs/methods.md §1.8): each CSV line on its sheet row, each cell in its column, whole numbers
 * stored as numbers and everything else as text. Built with ExcelJS itself.
 */
import ExcelJS from "exceljs";
import { readCsvRows } from "../src/io/csvRows.js";

/** The bytes of a workbook whose sheet `sheet` (then the `extra` sheets, one text cell each) holds the CSV text's cells. */
export async function csvWorkbook(text: string, sheet = "Responses", extra: readonly string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const { line, cells } of readCsvRows(body).rows)
    cells.forEach((c, k) => {
      if (c !== "") ws.getCell(line, k + 1).value = /^\d{1,9}$/.test(c) ? Number(c) : c;
    });
  for (const name of extra) wb.addWorksheet(name).getCell("A1").value = `${name}: not ratings`;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
