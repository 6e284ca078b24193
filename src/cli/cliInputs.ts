import { relative, resolve, join, isAbsolute } from "node:path";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { defaultModel } from "../model/model.js";
import { loadModel } from "../io/loadModel.js";
import { requireTwoComponents } from "../model/requireTwoComponents.js";
import { readSurveyFile } from "../io/readSurveyFile.js";
import type { StreamReadOptions } from "../io/streamSurveyFile.js";
import { readSurveyMapping } from "../io/readSurveyMapping.js";
import type { AnalyzeOptions } from "../pipeline/analyzeSurvey.js";
import type { OptionSpec } from "./parseCommandLine.js";
import { type CommandLine, WORKERS_RANGE, numberOption, stringOption } from "./optionReaders.js";
import { packageRoot } from "./packageRoot.js";
import { readScaleFile } from "../io/readScaleFile.js";
import { type CliMethod, analysisOptions, methodOptions, surveyReadOptions } from "./analysisOptions.js";

export type { CliMethod } from "./analysisOptions.js";

/** Options shared by commands that read a survey. */
export const SURVEY_OPTIONS: Record<string, OptionSpec> = {
  model: { type: "string", short: "m" },
  scale: { type: "string" },
  impute: { type: "string" },
  method: { type: "string" },
  "fuzzy-order": { type: "string" },
  "grey-order": { type: "string" },
  cfcs: { type: "string" },
  "t-diagonal": { type: "string" },
  mapping: { type: "string" },
  "weight-column": { type: "string" },
  "group-column": { type: "string" },
};

/**
 * The method options (see {@link methodOptions}); a `--scale file.json` is read (every problem located
 * in it) before any survey.
 * @throws {UsageError} on an option that does not fit the method; {@link InputError} on a bad scale file.
 * @example
 * cliMethod(parseCommandLine(["--method", "fuzzy"], SURVEY_OPTIONS, 1, "analyze"), "analyze").method; // "fuzzy"
 */
export function cliMethod(cl: CommandLine, command: string): CliMethod {
  const known = chosenMethods.get(cl);
  if (known) return known;
  const chosen = methodOptions(cl, command, readScaleFile);
  chosenMethods.set(cl, chosen);
  return chosen;
}

/** Each command line's method, read once (its scale file too) however many inputs ask for it. */
const chosenMethods = new WeakMap<CommandLine, CliMethod>();

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

/** `--workers`: threads of `analyze` and `layers` (the commands whose analysis uses worker threads). */
export const WORKERS_OPTION: Record<string, OptionSpec> = { workers: { type: "string" } };

/** The commands' default number of threads: all cores, at most this many (each worker holds its own copy of the panel). */
export const MAX_DEFAULT_WORKERS = 4;

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
  const model = requireTwoComponents(loadModel(path), path);
  return { model, path };
}

/**
 * The survey to read: the positional argument, or the shipped example panel (`example`, a package-relative path;
 * default {@link EXAMPLE_PANEL}).
 * `synthetic` is true for the example panel and for any file in the
 * package's data/surveys folder (the shipped synthetic panels).
 * @throws {InputError} when no survey is given and the example panel cannot be found.
 * @example
 * cliSurveyPath(parseCommandLine([], SURVEY_OPTIONS, 1, "analyze")).label; // "data/surveys/example-panel.csv"
 */
export function cliSurveyPath(cl: CommandLine, example = EXAMPLE_PANEL): { path: string; synthetic: boolean; isDefault: boolean; label: string } {
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
  const path = root ? join(root, example) : undefined;
  if (!path || !existsSync(path)) {
    throw new InputError({
      file: path ?? example,
      message: "the shipped example panel was not found; give a survey file instead",
      expected: "cxm-dematel analyze your-survey.csv",
    });
  }
  // Label the shipped panel by its package-relative path, so outputs do not embed this machine's folders.
  return { path, synthetic: true, isDefault: true, label: example.split("\\").join("/") };
}

/**
 * Read the survey (a CSV file, a survey-tool export or an .xlsx workbook, told apart by its content) with the --scale,
 * --impute, --mapping file.json, --weight-column and --group-column options (docs/methods.md §1.8);
 * for a fuzzy or grey method ({@link cliMethod}) its cells are read as terms of the method's scale.
 * A large file is read in chunks, its progress reported to `progress.onProgress`.
 * @throws {UsageError} on an unreadable option; {@link InputError} on a bad survey.
 * @example
 * (await cliSurvey(parseCommandLine(["s.csv", "--scale", "1:7"], SURVEY_OPTIONS, 1, "check"), model, "check")).survey.scale; // { min: 1, max: 7 }
 */
export async function cliSurvey(
  cl: CommandLine,
  model: Model,
  command: string,
  example = EXAMPLE_PANEL,
  progress: StreamReadOptions = {},
): Promise<{ survey: Survey; path: string; isDefault: boolean; label: string }> {
  const read = surveyReadOptions(cl, command, cliMethod(cl, command));
  const { path, synthetic, isDefault, label } = cliSurveyPath(cl, example);
  const mappingPath = stringOption(cl, "mapping");
  const options = { ...read, ...(mappingPath !== undefined ? { mapping: readSurveyMapping(mappingPath) } : {}), source: label };
  const survey = await readSurveyFile(path, model, options, progress);
  if (synthetic) survey.synthetic = true;
  return { survey, path, isDefault, label };
}

/**
 * The analysis options from the command line ({@link analysisOptions}, with the method of {@link cliMethod}),
 * and `--workers` when given (threads; the numbers do not depend on it; the commands' default is {@link withCliWorkers}'s).
 * @throws {UsageError} on an unreadable or inconsistent option.
 * @example
 * cliAnalyzeOptions(parseCommandLine(["--threshold-value", "0.2"], METHOD_OPTIONS, 1, "analyze"), "analyze").settings?.threshold;
 * // { method: "fixed", value: 0.2 }
 */
export function cliAnalyzeOptions(cl: CommandLine, command: string): AnalyzeOptions {
  const workers = numberOption(cl, "workers", command, WORKERS_RANGE);
  return { ...analysisOptions(cl, command, cliMethod(cl, command)), ...(workers !== undefined ? { workers } : {}) };
}

/** The options with the command line's default for `workers`: all cores, at most {@link MAX_DEFAULT_WORKERS} (the library's default is 1). */
export function withCliWorkers(options: AnalyzeOptions): AnalyzeOptions {
  return { ...options, workers: options.workers ?? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS) };
}
