/**
 * The messages between the browser app's page (web/app.ts) and its Web Worker (web/worker.ts).
 * The worker runs the library's own pipeline: parseSurveyBytes → surveyBaseline for a check (as
 * `cxm-dematel check`), parseSurveyBytes → analyzeSurvey → resultsJsonText, renderReport and the result
 * tables for a run (as `cxm-dematel analyze`), then the results workbook (as `analyze --xlsx`).
 */
import type { InputProblem } from "../src/errors.js";
import type { OptionValues } from "./formOptions.js";
import type { NameLanguage } from "../src/model/modelInLanguage.js";

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

/** Check the survey as `cxm-dematel check` does. */
export interface CheckRequest extends SurveyRequest {
  type: "check";
}

/** One analysis to run. */
export interface RunRequest extends SurveyRequest {
  type: "run";
  /** Which run this is: the workbook reply, posted after "done", names it, so the page ignores one of an earlier run. */
  runId: number;
  /** plotly.min.js, inlined once into the report as the CLI does. */
  plotlyJs: string;
  /** Fixed meta.date (tests); default now. */
  date?: string;
  /** The interface language: the report names components and layers in it (modelInLanguage); results.json and the CSV tables do not change. */
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
      /** resultsJsonText(result): the text of results.json and of `analyze --json`. */
      json: string;
      /** layersResultsJson(result): the text of `layers --json` (layers.json), when the model has layers to test. */
      layersJson?: string;
      /** renderReport(result, model, { plotlyJs }): the text of report.html. */
      report: string;
      /** The CSV tables, by file name (total-relation.csv, components.csv, edges.csv). */
      tables: Record<string, string>;
      /** Milliseconds spent in analyzeSurvey. */
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
