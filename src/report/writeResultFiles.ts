import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Model } from "../types.js";
import { InputError } from "../errors.js";
import type { AnalysisResult } from "../analysis.js";
import { toCsv } from "./toCsv.js";
import { componentTable, edgeTable, totalRelationTable } from "./resultTables.js";
import { renderReport, type ReportInput } from "./renderReport.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** The files {@link writeResultFiles} writes, in this order. */
export const RESULT_FILES = ["total-relation.csv", "components.csv", "edges.csv", "results.json", "report.html"] as const;

/** Options of {@link writeResultFiles}. */
export interface WriteResultFilesOptions {
  /** The text of plotly.min.js, inlined once into report.html. */
  plotlyJs: string;
  /** Files that must never be overwritten (the survey and model read): writing refuses when an output is one of them. */
  inputs?: readonly string[];
}

/** True when two paths name the same file: equal once resolved, or (both existing) the same device and inode (links).
 * @example
 * sameFile("out/../survey.csv", "survey.csv"); // true */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a), sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Write an analysis to a folder (created if missing): total-relation.csv (T
 * with a header row and row labels), components.csv (id, name, layer, D, R,
 * prominence, relation, role, weight), edges.csv (from, to, value),
 * results.json (the whole results object, NaN written as null) and
 * report.html ({@link renderReport}). Every file is written atomically
 * ({@link writeFileAtomic}); CSV cells can never start a spreadsheet formula
 * ({@link toCsv}). Refuses, before writing anything, when an output path is
 * one of `inputs` (so a survey or model file is never overwritten).
 * @returns the paths written.
 * @throws {InputError} when an output would overwrite an input, or the folder cannot be created.
 * @example
 * writeResultFiles(result, model, "out", { plotlyJs, inputs: ["survey.csv"] });
 */
export function writeResultFiles(result: AnalysisResult & ReportInput, model: Model, outDir: string, options: WriteResultFilesOptions): string[] {
  const paths = RESULT_FILES.map((f) => join(outDir, f));
  for (const p of paths)
    for (const input of options.inputs ?? [])
      if (sameFile(p, input)) throw new InputError({ file: p, message: "refusing to write an output over an input file; choose another --out folder", expected: "an output path different from the survey and model files", found: input });
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new InputError({ file: outDir, message: `cannot create the output folder: ${(e as Error).message}` });
  }
  const contents = [
    toCsv(totalRelationTable(result)),
    toCsv(componentTable(result, model)),
    toCsv(edgeTable(result)),
    JSON.stringify(result, null, 2) + "\n",
    renderReport(result, model, { plotlyJs: options.plotlyJs }),
  ];
  paths.forEach((p, k) => writeFileAtomic(p, contents[k]));
  return paths;
}
