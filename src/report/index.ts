// Public exports of src/report/: the HTML report, safe CSV/JSON output and the analysis that feeds them.
export * from "./tool.js";
export * from "./escapeHtml.js";
export * from "./inlineScript.js";
export * from "./htmlPage.js";
export * from "./renderPowerReport.js";
export * from "./toCsv.js";
export * from "./writeFileAtomic.js";
export * from "./writeFilesAtomic.js";
export * from "./sameFile.js";
export * from "./checkOutputFolder.js";
export * from "./resultTables.js";
export * from "./formatPValue.js";
export * from "./plainReading.js";
export * from "./layeringVerdict.js";
export * from "./renderReport.js";
export * from "./writeResultFiles.js";
export * from "../analysis.js";
