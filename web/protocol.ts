/**
 * The messages between the browser app's page (web/app.ts) and its Web Worker (web/worker.ts).
 * The worker runs the library's own pipeline: parseSurveyBytes → surveyBaseline for a check (as
 * `cxm-dematel check`), parseSurveyBytes → analyzeSurvey → resultsJsonText, renderReport and the result
 * tables for a run (as `cxm-dematel analyze`), then the results workbook (as `analyze --xlsx`).
 */
import type { InputProblem } from "../src/errors.js";
import type { OptionValues } from "./formOptions.js";
import type { NameLanguage } from "../src/model/modelInLanguage.js";
import type { Task } from "./optionFields.js";

/** The inputs of a check or a run. */
export interface SurveyRequest {
  /** The survey file's bytes (decoded as the CLI decodes them: UTF-8 or UTF-16, binary files refused). */
  surveyBytes: Uint8Array;
  /** The survey's label (meta.source), e.g. the file name. */
  source: string;
  /** True for the shipped synthetic example (the report shows the SYNTHETIC banner). */
  synthetic: boolean;
  /** The model file's text (JSON), or undefined for the embedded CXM model. */
  modelText?: string;
  /** The model file's name, for located messages. */
  modelSource?: string;
  /** The options given, by their CLI names (web/formOptions.ts reads them as the CLI does). */
  options: OptionValues;
  /** ExcelJS's browser build (exceljs.min.js), evaluated in the worker the first time a workbook is read or written. */
  excelJs?: string;
}

/** Check the survey as `cxm-dematel check` does (and, for a comparison, that it holds two groups). */
export interface CheckRequest extends SurveyRequest {
  type: "check";
  /** The task the survey is checked for (default analyze). */
  task?: Task;
}

/** One analysis to run. */
export interface RunRequest extends SurveyRequest {
  type: "run";
  /** `analyze` (default) or `compare` (the survey's two groups, docs/methods.md §12). */
  task?: Exclude<Task, "power">;
  /** Which run this is: the workbook reply, posted after "done", names it, so the page ignores one of an earlier run. */
  runId: number;
  /** plotly.min.js, inlined once into the report as the CLI does. */
  plotlyJs: string;
  /** Fixed meta.date (tests); default now. */
  date?: string;
  /** The interface language: the report names components and layers in it (modelInLanguage); results.json and the CSV tables do not change. */
  language?: NameLanguage;
}

/** A power study, as `cxm-dematel power` runs it (no survey; docs/methods.md §8.4–8.5). */
export interface PowerRequest {
  type: "power";
  runId: number;
  /** The model file's text (JSON), or undefined for the embedded CXM model. */
  modelText?: string;
  modelSource?: string;
  /** The options given, by their CLI names (`experts`, `delta`, `omega`, `sims`, …). */
  options: OptionValues;
  plotlyJs: string;
  /** Fixed date of the report (tests); default now. */
  date?: string;
  language?: NameLanguage;
}

/** What `check` found in a survey that can be read. */
export interface CheckSummary {
  experts: string[];
  components: string[];
  /** The scale, e.g. "0–4" or the linguistic scale's name. */
  scale: string;
  imputed: number;
  /** Each warning formatted by the library's formatProblem. */
  warnings: string[];
  /** Why the analysis with these options would stop (a well-formed but unanalysable survey), if it would. */
  stops?: string;
}

/** What the worker sends back. */
export type WorkerReply =
  | { type: "progress"; done: number; total: number }
  | { type: "checked"; summary: CheckSummary }
  | {
      type: "done";
      /** Which command's output this is. */
      task: Task;
      /** The results file's name: results.json, compare.json or power.json. */
      jsonName: string;
      /** The report's name: report.html, compare.html or power.html. */
      reportName: string;
      /** The text of the results file, as the command's `--json` prints it (resultsJsonText). */
      json: string;
      /** layersResultsJson(result): the text of `layers --json` (layers.json), when the model has layers to test. */
      layersJson?: string;
      /** renderReport(result, model, { plotlyJs }): the text of report.html. */
      report: string;
      /** The CSV tables, by file name (total-relation.csv, components.csv, edges.csv; compare-overall.csv, compare-components.csv; power.csv). */
      tables: Record<string, string>;
      /** Milliseconds spent in the analysis (analyzeSurvey, compareGroups or the power simulations). */
      analysisMs: number;
      /** Milliseconds spent writing results.json, report.html and the tables. */
      renderMs: number;
    }
  | {
      type: "workbook";
      runId: number;
      /** results.xlsx (resultsWorkbook), posted after "done" so that it never delays the report. */
      bytes: Uint8Array;
    }
  | { type: "problems"; problems: InputProblem[]; truncated: number }
  | { type: "failed"; message: string };
