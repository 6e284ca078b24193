import { mkdirSync } from "node:fs";
import type { Model } from "../types.js";
import { InputError } from "../errors.js";
import type { AnalysisResult } from "../pipeline/analyzeSurvey.js";
import { toCsv } from "../io/toCsv.js";
import { fileErrorWords } from "../io/fileErrorWords.js";
import { componentTable, edgeTable, totalRelationTable } from "./resultTables.js";
import { renderReport, type ReportInput } from "./renderReport.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { resultsJsonChunks } from "./resultsJson.js";

/** The files {@link writeResultFiles} writes, in this order. */
export const RESULT_FILES = ["total-relation.csv", "components.csv", "edges.csv", "results.json", "report.html"] as const;

/** The results workbook `analyze --xlsx` writes beside them (`resultsWorkbook`). */
export const RESULT_WORKBOOK = "results.xlsx";

/** Options of {@link writeResultFiles}. */
export interface WriteResultFilesOptions {
  /** The text of plotly.min.js, inlined once into report.html. */
  plotlyJs: string;
  /** Files that must never be overwritten (the survey and model read): writing refuses when an output is one of them. */
  inputs?: readonly string[];
  /** The bytes of the results workbook (`resultsWorkbook`), written as results.xlsx with the other files. */
  workbook?: Uint8Array;
}

/**
 * Write an analysis to a folder (created if missing): total-relation.csv (T
 * with a header row and row labels), components.csv (id, name, layer, D, R,
 * prominence, relation, role, weight), edges.csv (from, to, value),
 * results.json (the whole results object, NaN written as null; `resultsJsonText`'s text, written in pieces) and
 * report.html ({@link renderReport}), and results.xlsx when `options.workbook` holds one. CSV cells can never start a
 * spreadsheet formula (`toCsv`). Refuses, before writing anything, when an output path is
 * one of `inputs` (so a survey or model file is never overwritten) or the
 * folder cannot hold the files (`checkOutputFolder`); the five files are
 * renamed into place only once all are complete (`writeFilesAtomic`).
 * @returns the paths written.
 * @throws {InputError} when an output would overwrite an input, or the folder cannot be created.
 * @example
 * writeResultFiles(result, model, "out", { plotlyJs, inputs: ["survey.csv"] });
 */
export function writeResultFiles(result: AnalysisResult & ReportInput, model: Model, outDir: string, options: WriteResultFilesOptions): string[] {
  const names = options.workbook ? [...RESULT_FILES, RESULT_WORKBOOK] : [...RESULT_FILES];
  const paths = checkOutputFolder(outDir, names, { inputs: options.inputs });
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file: outDir,
      message: `cannot create the output folder: ${fileErrorWords(code, "mkdir") ?? (e as Error).message}`,
      expected: "a folder that can be created",
      found: code ?? "an error",
    });
  }
  const contents = [
    toCsv(totalRelationTable(result)),
    toCsv(componentTable(result, model)),
    toCsv(edgeTable(result)),
    resultsJsonChunks(result),
    renderReport(result, model, { plotlyJs: options.plotlyJs }),
    ...(options.workbook ? [options.workbook] : []),
  ];
  writeFilesAtomic(paths.map((p, k) => [p, contents[k]] as const));
  return paths;
}
