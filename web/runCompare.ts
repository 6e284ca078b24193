/**
 * The browser app's group comparison, the same path as `cxm-dematel compare <survey>`: the survey's two
 * groups (groupsFromSurvey: its group column), compareGroups with the options compare reads, then
 * compare.json (resultsJsonText), compare.html (renderCompareReport) and the two CSV tables, as the
 * command writes them. Pure: no DOM, no file system; run by web/worker.ts.
 */
import { formatProblem } from "../src/errors.js";
import { groupsFromSurvey } from "../src/compare/groupedPanel.js";
import { compareGroups } from "../src/compare/compareGroups.js";
import { modelInLanguage } from "../src/model/modelInLanguage.js";
import { resultsJsonText } from "../src/report/resultsJson.js";
import { renderCompareReport } from "../src/report/renderCompareReport.js";
import { compareComponentRows, compareOverallRows } from "../src/report/compareTables.js";
import { toCsv } from "../src/io/toCsv.js";
import { compareFormOptions } from "./formOptions.js";
import { requestModel, requestSurvey } from "./runAnalysis.js";
import type { CheckRequest, CheckSummary, RunRequest, SurveyRequest, WorkerReply } from "./protocol.js";

/** The comparison's options, model, survey and groups (every problem located: no group column, one group, a group of one). */
async function compareInputs(request: SurveyRequest) {
  const { surveyOptions, compare } = compareFormOptions(request.options);
  const model = requestModel(request.modelText, request.modelSource);
  const survey = await requestSurvey(request, model, surveyOptions);
  return { compare, model, survey, panel: groupsFromSurvey(survey) };
}

/** Check a survey for `compare`: read as `check` reads it, and split into its two groups. */
export async function checkGroups(request: CheckRequest): Promise<CheckSummary> {
  const { survey, panel } = await compareInputs(request);
  return {
    experts: panel.groups.flatMap((g) => g.survey.experts.map((e) => `${e.expert} (${g.label})`)),
    components: survey.components,
    scale: `${survey.scale.min}–${survey.scale.max}`,
    imputed: survey.experts.reduce((s, e) => s + e.imputed.length, 0),
    warnings: survey.warnings.map(formatProblem),
  };
}

/** Compare the survey's two groups as `cxm-dematel compare` does; the reply holds compare.json, compare.html and the tables. */
export async function runCompare(request: RunRequest): Promise<Extract<WorkerReply, { type: "done" }>> {
  const { compare, model, panel } = await compareInputs(request);
  const started = performance.now();
  const result = compareGroups(panel, model, { ...compare, ...(request.date !== undefined ? { date: request.date } : {}) });
  const analysisMs = performance.now() - started;
  const reply: Extract<WorkerReply, { type: "done" }> = {
    type: "done",
    task: "compare",
    jsonName: "compare.json",
    reportName: "compare.html",
    json: resultsJsonText(result),
    report: renderCompareReport(result, modelInLanguage(model, request.language ?? "en"), { plotlyJs: request.plotlyJs }),
    tables: { "compare-overall.csv": toCsv(compareOverallRows(result)), "compare-components.csv": toCsv(compareComponentRows(result)) },
    analysisMs,
    renderMs: 0,
  };
  reply.renderMs = performance.now() - started - analysisMs;
  return reply;
}
