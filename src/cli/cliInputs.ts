import { relative, resolve, join, isAbsolute } from "node:path";
import { existsSync } from "node:fs";
import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { defaultModel } from "../model/model.js";
import { loadModel } from "../io/loadModel.js";
import { readSurveyFile } from "../io/readSurveyFile.js";
import type { AnalyzeOptions } from "../pipeline/analyzeSurvey.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { type CommandLine, type OptionSpec, choiceOption, numberOption, rangeOption, stringOption } from "./parseCommandLine.js";
import { packageRoot } from "./packageRoot.js";
import { UsageError } from "./usageError.js";

/** Options shared by commands that read a survey. */
export const SURVEY_OPTIONS: Record<string, OptionSpec> = {
  model: { type: "string", short: "m" },
  scale: { type: "string" },
  impute: { type: "string" },
};

/** Options of the DEMATEL method shared by analyze and layers. */
export const METHOD_OPTIONS: Record<string, OptionSpec> = {
  aggregation: { type: "string" },
  normalization: { type: "string" },
  epsilon: { type: "string" },
  threshold: { type: "string" },
  k: { type: "string" },
  sd: { type: "string" },
  q: { type: "string" },
  "threshold-value": { type: "string" },
  "threshold-entries": { type: "string" },
  bootstrap: { type: "string" },
  seed: { type: "string" },
};

/** The shipped example panel, relative to the package root. */
export const EXAMPLE_PANEL = join("data", "surveys", "example-panel.csv");

/** The model named by --model, or the embedded CXM model.
 * Every command needs at least two components (DEMATEL rates influence between components),
 * so a one-component model is refused here, located at the model file, before any survey is read.
 * @throws {InputError} when the model file is unreadable or invalid, or has fewer than two components.
 * @example
 * cliModel(parseCommandLine(["--model", "m.json"], SURVEY_OPTIONS, 1, "check")).model; */
export function cliModel(cl: CommandLine): { model: Model; path?: string } {
  const path = stringOption(cl, "model");
  if (path === undefined) return { model: defaultModel() };
  const model = loadModel(path);
  if (model.components.length < 2) {
    throw new InputError({
      file: path,
      column: "components",
      message: "DEMATEL needs at least two components: a single component has no influence to give or receive",
      expected: "a model with two or more components",
      found: `${model.components.length} component`,
    });
  }
  return { model, path };
}

/**
 * The survey to read: the positional argument, or the shipped example panel.
 * `synthetic` is true for the example panel and for any file in the
 * package's data/surveys folder (the shipped synthetic panels).
 * @throws {InputError} when no survey is given and the example panel cannot be found.
 * @example
 * cliSurveyPath(parseCommandLine([], SURVEY_OPTIONS, 1, "analyze")).label; // "data/surveys/example-panel.csv"
 */
export function cliSurveyPath(cl: CommandLine): { path: string; synthetic: boolean; isDefault: boolean; label: string } {
  const root = packageRoot();
  const given = cl.positionals[0];
  if (given !== undefined) {
    let synthetic = false;
    if (root) {
      const rel = relative(join(root, "data", "surveys"), resolve(given));
      synthetic = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
    }
    return { path: given, synthetic, isDefault: false, label: given };
  }
  const path = root ? join(root, EXAMPLE_PANEL) : undefined;
  if (!path || !existsSync(path)) {
    throw new InputError({
      file: path ?? EXAMPLE_PANEL,
      message: "the shipped example panel was not found; give a survey file instead",
      expected: "cxm-dematel analyze your-survey.csv",
    });
  }
  // Label the shipped panel by its package-relative path, so outputs do not embed this machine's folders.
  return { path, synthetic: true, isDefault: true, label: EXAMPLE_PANEL.split("\\").join("/") };
}

/**
 * Read the survey (a CSV file or an .xlsx workbook, told apart by its content) with the --scale and --impute options.
 * @throws {UsageError} on an unreadable option; {@link InputError} on a bad survey.
 * @example
 * (await cliSurvey(parseCommandLine(["s.csv", "--scale", "1:7"], SURVEY_OPTIONS, 1, "check"), model, "check")).survey.scale; // { min: 1, max: 7 }
 */
export async function cliSurvey(cl: CommandLine, model: Model, command: string): Promise<{ survey: Survey; path: string; isDefault: boolean; label: string }> {
  const { path, synthetic, isDefault, label } = cliSurveyPath(cl);
  const range = rangeOption(cl, "scale", 2, command);
  if (range && !(range[0] < range[1])) throw new UsageError(`--scale min must be below max, got "${stringOption(cl, "scale")}"`, command);
  if (range && range[0] < 0)
    throw new UsageError(`--scale must start at 0 or above (DEMATEL influence is never negative), got "${stringOption(cl, "scale")}"`, command);
  const impute = choiceOption(cl, "impute", ["none", "mean"] as const, command);
  const survey = await readSurveyFile(path, model, {
    source: label,
    ...(range ? { scale: { min: range[0], max: range[1] } } : {}),
    ...(impute ? { impute } : {}),
  });
  if (synthetic) survey.synthetic = true;
  return { survey, path, isDefault, label };
}

/**
 * The analysis options from the command line: the DEMATEL settings as given
 * (checked here with the command line's own messages; the survey's scale and
 * weights and every other default are filled in by {@link analyzeSurvey}),
 * the bootstrap size and seed.
 * @throws {UsageError} on an unreadable or inconsistent option.
 * @example
 * cliAnalyzeOptions(parseCommandLine(["--threshold-value", "0.2"], METHOD_OPTIONS, 1, "analyze"), "analyze").settings?.threshold;
 * // { method: "fixed", value: 0.2 }
 */
export function cliAnalyzeOptions(cl: CommandLine, command: string): AnalyzeOptions {
  const aggregation = choiceOption(cl, "aggregation", ["mean", "median"] as const, command);
  const normalization = choiceOption(cl, "normalization", ["max", "row", "column"] as const, command);
  const epsilon = numberOption(cl, "epsilon", command, { min: 0 });
  const fixedValue = numberOption(cl, "threshold-value", command);
  let method = choiceOption(cl, "threshold", ["mean", "mean+sd", "quantile", "fixed", "mmde"] as const, command);
  if (fixedValue !== undefined) {
    if (method !== undefined && method !== "fixed") throw new UsageError(`--threshold-value goes with --threshold fixed, not --threshold ${method}`, command);
    method = "fixed";
  }
  if (method === "fixed" && fixedValue === undefined) throw new UsageError("--threshold fixed needs --threshold-value <v>", command);
  const k = numberOption(cl, "k", command);
  const sd = choiceOption(cl, "sd", ["population", "sample"] as const, command);
  const q = numberOption(cl, "q", command, { min: 0, max: 1 });
  const entries = choiceOption(cl, "threshold-entries", ["all", "off-diagonal"] as const, command);
  if ((k !== undefined || sd !== undefined) && method !== "mean+sd") throw new UsageError("--k and --sd go with --threshold mean+sd", command);
  if (q !== undefined && method !== "quantile") throw new UsageError("--q goes with --threshold quantile", command);
  const threshold: ThresholdOptions = {
    method: method ?? "mean",
    ...(entries ? { entries: entries === "off-diagonal" ? ("offDiagonal" as const) : ("all" as const) } : {}),
    ...(k !== undefined ? { k } : {}),
    ...(sd ? { sd } : {}),
    ...(q !== undefined ? { q } : {}),
    ...(fixedValue !== undefined ? { value: fixedValue } : {}),
  };
  const bootstrap = numberOption(cl, "bootstrap", command, { integer: true, min: 0, max: 1_000_000 });
  const seed = numberOption(cl, "seed", command, { integer: true });
  return {
    settings: {
      ...(aggregation ? { aggregation } : {}),
      ...(normalization ? { normalization } : {}),
      ...(epsilon !== undefined ? { epsilon } : {}),
      threshold,
    },
    ...(bootstrap !== undefined ? { bootstrap } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}
