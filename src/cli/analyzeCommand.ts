import { UsageError } from "./usageError.js";
import { analyzeSurvey } from "../pipeline/analyzeSurvey.js";
import { RESULT_FILES, RESULT_WORKBOOK, writeResultFiles } from "../report/writeResultFiles.js";
import { resultsWorkbook } from "../report/resultsWorkbook.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { join } from "node:path";
import { parseCommandLine, stringOption } from "./parseCommandLine.js";
import { METHOD_OPTIONS, SURVEY_OPTIONS, cliAnalyzeOptions, cliModel, cliSurvey, withCliWorkers, WORKERS_OPTION } from "./cliInputs.js";
import { plotlyScript } from "./plotlyScript.js";
import { progressLine } from "./progressLine.js";
import type { CommandIo } from "./commandIo.js";
import { printWarnings } from "./printWarnings.js";
import { resultsJsonText } from "../report/resultsJson.js";

/**
 * `cxm-dematel analyze [survey] [options]`: read, analyse, write
 * report.html, results.json and the CSV tables (and with `--xlsx` results.xlsx) to --out (default out/),
 * print where the report is; `--json` prints the results object on stdout
 * instead (and writes files only when --out is given).
 * @returns the exit status (0).
 * @throws {UsageError} / {InputError} / {InfeasibleError}, mapped to exit codes by main.
 * @example
 * await analyzeCommand(["survey.csv", "--out", "res"], io); // 0, files in res/
 */
export async function analyzeCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    {
      ...SURVEY_OPTIONS,
      ...METHOD_OPTIONS,
      ...WORKERS_OPTION,
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      xlsx: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
    },
    1,
    "analyze",
  );
  if (cl.values.help) return io.help("analyze");
  const json = cl.values.json === true;
  const quiet = cl.values.quiet === true || json;
  const options = cliAnalyzeOptions(cl, "analyze");
  const { model, path: modelPath } = cliModel(cl);
  const { survey, path, label } = await cliSurvey(cl, model, "analyze");
  const outGiven = stringOption(cl, "out");
  const writes = !json || outGiven !== undefined;
  const out = outGiven ?? "out";
  if (writes && out.trim() === "") throw new UsageError("--out needs a folder name", "analyze");
  const inputs = [path, ...(modelPath ? [modelPath] : [])];
  // Check the output folder before the analysis (which may bootstrap for a while), so a bad --out fails fast.
  const xlsx = cl.values.xlsx === true;
  if (xlsx && !writes) throw new UsageError("--xlsx writes results.xlsx into the output folder: with --json, give --out too", "analyze", "xlsx");
  if (writes) checkOutputFolder(out, xlsx ? [...RESULT_FILES, RESULT_WORKBOOK] : RESULT_FILES, { inputs });
  if (cl.values.quiet !== true) printWarnings(survey, io);
  const progress = progressLine("bootstrap", quiet);
  const result = analyzeSurvey(survey, model, { ...withCliWorkers(options), onProgress: (d, t) => progress.update(d, t) });
  if (result.layers?.bootstrap)
    progress.finish(`bootstrap: ${result.layers.bootstrap.B.toLocaleString("en-US")} replicates (seed ${result.layers.bootstrap.seed})`);
  // The analysis's own warning (docs/methods.md §2.13), after the survey's; it is also in meta.warnings and the report.
  if (cl.values.quiet !== true && result.conditioning.warning) printWarnings({ warnings: [{ message: result.conditioning.warning }] }, io);
  if (json) io.stdout(resultsJsonText(result));
  if (writes) {
    const workbook = xlsx ? await resultsWorkbook(result, model) : undefined;
    const written = writeResultFiles(result, model, out, { plotlyJs: plotlyScript(), inputs, ...(workbook ? { workbook } : {}) });
    if (!quiet) {
      if (survey.synthetic) io.stdout("Note: SYNTHETIC example data (see data/README.md); the results are not evidence about the model.\n");
      io.stdout(`Analysed ${survey.experts.length} experts × ${result.components.length} components from ${label}\n`);
      io.stdout(`Wrote ${written.length} files to ${out}/\nReport: ${join(out, "report.html")}\n`);
    }
  }
  return 0;
}
