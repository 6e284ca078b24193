/**
 * The browser app's check and analysis, the same path as `cxm-dematel check` and
 * `cxm-dematel analyze`: the model (parseModel of the file's JSON, or the embedded
 * CXM model), the survey (parseSurveyBytes of the file's bytes: a CSV file or an
 * .xlsx workbook, told apart by content), then surveyBaseline (check) or analyzeSurvey
 * followed by results.json (resultsJsonText), report.html (renderReport) and the CSV
 * tables (toCsv of the result tables, as writeResultFiles writes them), and the
 * results workbook (resultsWorkbook, as `analyze --xlsx`). Pure: no DOM, no file
 * system; run by web/worker.ts.
 */
import type { Model, Survey } from "../src/types.js";
import { InfeasibleError, InputError, formatProblem } from "../src/errors.js";
import { defaultModel } from "../src/model/model.js";
import { parseModelText } from "../src/io/parseModelText.js";
import { requireTwoComponents } from "../src/model/requireTwoComponents.js";
import { modelInLanguage } from "../src/model/modelInLanguage.js";
import { parseSurveyBytes } from "../src/io/parseSurveyBytes.js";
import { isXlsxBytes } from "../src/io/isXlsxBytes.js";
import { analyzeSurvey, surveyBaseline } from "../src/pipeline/analyzeSurvey.js";
import { resultsJsonText } from "../src/report/resultsJson.js";
import { layersResultsJson } from "../src/report/layersResultsJson.js";
import { renderReport } from "../src/report/renderReport.js";
import { componentTable, edgeTable, totalRelationTable } from "../src/report/resultTables.js";
import { toCsv } from "../src/io/toCsv.js";
import { resultsWorkbook } from "../src/report/resultsWorkbook.js";
import type { AnalysisResult } from "../src/pipeline/analyzeSurvey.js";
import { loadExcelJs } from "./excelInWorker.js";
import { formOptions, type FormOptions } from "./formOptions.js";
import type { CheckRequest, CheckSummary, RunRequest, SurveyRequest, WorkerReply } from "./protocol.js";

/** The model a request names: its JSON file (read as `--model` reads one), or the embedded CXM model. */
export function requestModel(modelText: string | undefined, modelSource = "model.json"): Model {
  return modelText === undefined ? defaultModel() : requireTwoComponents(parseModelText(modelText, modelSource), modelSource);
}

/** A request's survey, read by the library with the reader's options (every problem located); ExcelJS loaded first for a workbook. */
export async function requestSurvey(request: SurveyRequest, model: Model, surveyOptions: FormOptions["surveyOptions"]): Promise<Survey> {
  if (isXlsxBytes(request.surveyBytes)) loadExcelJs(request.excelJs);
  const survey = await parseSurveyBytes(request.surveyBytes, model, { ...surveyOptions, source: request.source });
  if (request.synthetic) survey.synthetic = true;
  return survey;
}

/** The options, model and survey of a request, read by the library (every problem located). */
export async function requestInputs(request: SurveyRequest): Promise<{ options: FormOptions; model: Model; survey: Survey }> {
  const options = formOptions(request.options);
  const model = requestModel(request.modelText, request.modelSource);
  return { options, model, survey: await requestSurvey(request, model, options.surveyOptions) };
}

/** Check a survey as `cxm-dematel check` does: read it, then the baseline DEMATEL `analyze` starts from. */
export async function checkSurvey(request: CheckRequest): Promise<CheckSummary> {
  const { options, model, survey } = await requestInputs(request);
  let stops: string | undefined;
  try {
    surveyBaseline(survey, model, options.analyzeOptions.settings);
  } catch (e) {
    if (e instanceof InputError) stops = e.problems.map(formatProblem).join("; ");
    else if (e instanceof InfeasibleError) stops = e.message;
    else throw e;
  }
  const terms = options.surveyOptions.terms;
  return {
    experts: survey.experts.map((e) => e.expert + (e.weight !== 1 ? ` w=${e.weight}` : "")),
    components: survey.components,
    scale: terms ? `${terms.name} (${terms.terms.length} terms, method ${options.method})` : `${survey.scale.min}–${survey.scale.max}`,
    imputed: survey.experts.reduce((s, e) => s + e.imputed.length, 0),
    warnings: survey.warnings.map(formatProblem),
    ...(stops !== undefined ? { stops } : {}),
  };
}

/** A finished run: the reply for the page, and what the results workbook is made from. */
export interface FinishedRun {
  reply: Extract<WorkerReply, { type: "done" }>;
  result: AnalysisResult;
  model: Model;
}

/** Run one request; `progress` is called now and then with bootstrap replicates done. */
export async function runAnalysis(request: RunRequest, progress: (done: number, total: number) => void): Promise<FinishedRun> {
  const { options, model, survey } = await requestInputs(request);
  const started = performance.now();
  const result = analyzeSurvey(survey, model, {
    ...options.analyzeOptions,
    ...(request.date !== undefined ? { date: request.date } : {}),
    onProgress: progress,
  });
  const analysisMs = performance.now() - started;
  const layers = layersResultsJson(result);
  const reply: FinishedRun["reply"] = {
    type: "done",
    task: "analyze",
    jsonName: "results.json",
    reportName: "report.html",
    json: resultsJsonText(result),
    ...(layers !== undefined ? { layersJson: layers } : {}),
    report: renderReport(result, modelInLanguage(model, request.language ?? "en"), { plotlyJs: request.plotlyJs }),
    tables: {
      "total-relation.csv": toCsv(totalRelationTable(result)),
      "components.csv": toCsv(componentTable(result, model)),
      "edges.csv": toCsv(edgeTable(result)),
    },
    analysisMs,
    renderMs: 0,
  };
  reply.renderMs = performance.now() - started - analysisMs;
  return { reply, result, model };
}

/** results.xlsx of a finished run, as `analyze --xlsx` writes it (ExcelJS loaded from the request on first use). */
export async function runWorkbook(run: FinishedRun, request: RunRequest): Promise<Extract<WorkerReply, { type: "workbook" }>> {
  loadExcelJs(request.excelJs);
  return { type: "workbook", runId: request.runId, bytes: await resultsWorkbook(run.result, run.model) };
}
