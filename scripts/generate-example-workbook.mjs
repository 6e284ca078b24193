// Regenerate the SYNTHETIC example workbook data/surveys/example-panel.xlsx from the compiled package:
//   npm run build && node scripts/generate-example-workbook.mjs [out.xlsx]
// (or CXM_DIST=<folder of a compiled copy> node scripts/generate-example-workbook.mjs, without touching dist/).
// It is the workbook of `cxm-dematel template --format xlsx` (surveyWorkbookTemplate: Instructions, راهنما and
// Scale sheets, one sheet per expert) with the expert sheets named like the panel's experts, a SYNTHETIC note
// on both instruction sheets, and every rating of data/surveys/example-panel.csv (itself simulated with a fixed
// seed) filled into the grid as a number. No randomness of its own, and every date is fixed (the workbook's
// docProps dates, and the ZIP entries' timestamps through the defaults of JSZip, the ZIP writer ExcelJS uses),
// so every run writes the same bytes. tests/cliXlsx.test.ts checks the committed file equals this output byte
// for byte, reads back to the panel's matrices and gives the panel's results.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.env.CXM_DIST ?? root + "dist");
const { defaultModel, readSurvey, surveyWorkbookTemplate } = await import(pathToFileURL(resolve(dist, "index.js")).href);
const { SURVEY_WORKBOOK_GRID: GRID } = await import(pathToFileURL(resolve(dist, "io/surveyWorkbookTemplate.js")).href);

/** The workbook's created and modified date (docProps): fixed, so every run writes the same content. */
const DATE = new Date("2026-01-05T00:00:00.000Z");
// ExcelJS stamps each ZIP entry with the time it is written (JSZip's default date, when none is given): fix it.
createRequire(createRequire(import.meta.url).resolve("exceljs"))("jszip").defaults.date = DATE;
const NOTE =
  "SYNTHETIC: simulated ratings (data/surveys/example-panel.csv), not collected from any expert (cxm-dematel example data) · " +
  "داده‌های ساختگی: امتیازهای شبیه‌سازی‌شده، گردآوری‌نشده از هیچ خبره‌ای";

const out = resolve(process.argv[2] ?? root + "data/surveys/example-panel.xlsx");
const model = defaultModel();
const panel = readSurvey(root + "data/surveys/example-panel.csv", model);
const template = await surveyWorkbookTemplate(model, { experts: panel.experts.map((e) => e.expert), note: NOTE, date: DATE });
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(template));
for (const e of panel.experts) {
  const ws = wb.getWorksheet(e.expert);
  e.matrix.forEach((row, i) =>
    row.forEach((x, j) => {
      if (i !== j) ws.getCell(GRID.row + i, GRID.column + j).value = x;
    }),
  );
}
wb.created = DATE;
wb.modified = DATE;
writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
console.log(`wrote ${out}: ${panel.experts.length} SYNTHETIC expert sheets × ${model.components.length} components`);
