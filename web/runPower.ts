/**
 * The browser app's power study, the same path as `cxm-dematel power` (without `--pilot`): the options read by
 * the command's own readers, one curve per δ with the same seeds (powerStudy), power.json (resultsJsonText),
 * power.html (renderPowerReport) and power.csv. The simulations run in the page's Web Worker, in-process
 * (powerCurveWith with no worker threads): every count equals the command's, whatever its number of workers.
 */
import { powerCurveWith } from "../src/simulate/powerCurveCore.js";
import { powerStudy } from "../src/simulate/powerStudy.js";
import { assertLayeredModel } from "../src/model/assertLayeredModel.js";
import { modelInLanguage } from "../src/model/modelInLanguage.js";
import { resultsJsonText } from "../src/report/resultsJson.js";
import { renderPowerReport } from "../src/report/renderPowerReport.js";
import { powerTableRows } from "../src/report/powerTable.js";
import { toCsv } from "../src/io/toCsv.js";
import { powerFormOptions } from "./formOptions.js";
import { requestModel } from "./runAnalysis.js";
import type { PowerRequest, WorkerReply } from "./protocol.js";

/** Run the power study of a request; `progress` is called now and then with simulated panels done and their total. */
export async function runPower(request: PowerRequest, progress: (done: number, total: number) => void): Promise<Extract<WorkerReply, { type: "done" }>> {
  const o = powerFormOptions(request.options);
  const model = requestModel(request.modelText, request.modelSource);
  assertLayeredModel(model, { file: request.modelSource ?? "the embedded model" });
  const started = performance.now();
  const study = await powerStudy(model, o.panelSizes, o.deltas, o.deltasGiven, o.simulation, progress, (m, options) => powerCurveWith(m, options, 1));
  const analysisMs = performance.now() - started;
  const date = request.date ?? new Date().toISOString();
  const reply: Extract<WorkerReply, { type: "done" }> = {
    type: "done",
    task: "power",
    jsonName: "power.json",
    reportName: "power.html",
    json: resultsJsonText(study),
    report: renderPowerReport(study, modelInLanguage(model, request.language ?? "en"), { plotlyJs: request.plotlyJs, date }),
    tables: { "power.csv": toCsv(powerTableRows(study)) },
    analysisMs,
    renderMs: 0,
  };
  reply.renderMs = performance.now() - started - analysisMs;
  return reply;
}
