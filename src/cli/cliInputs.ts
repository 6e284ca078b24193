import { relative, resolve, join, isAbsolute } from "node:path";
import { existsSync } from "node:fs";
import type { Model, Survey } from "../types.js";
import { InputError } from "../errors.js";
import { defaultModel } from "../model/model.js";
import { loadModel } from "../io/loadModel.js";
import { readSurveyFile } from "../io/readSurveyFile.js";
import { readSurveyMapping } from "../io/readSurveyMapping.js";
import type { AnalyzeOptions } from "../pipeline/analyzeSurvey.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import { type CommandLine, type OptionSpec, choiceOption, numberOption, rangeOption, stringOption } from "./parseCommandLine.js";
import { packageRoot } from "./packageRoot.js";
import { readScaleFile, type ScaleKind } from "../io/readScaleFile.js";
import type { LinguisticScale } from "../io/linguisticScaleRules.js";
import type { VariantSettingsInput } from "../core/dematelSettings.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../core/linguisticScale.js";
import { UsageError } from "./usageError.js";

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

/** The DEMATEL method and its linguistic scale from the command line (docs/methods.md §2.9–2.11). */
export interface CliMethod {
  method: "classic" | ScaleKind;
  /** The fuzzy or grey settings given (the scale read from --scale file.json, or the built-in one when absent). */
  variant?: VariantSettingsInput;
  /** The scale survey cells are read by (fuzzy and grey only). */
  terms?: LinguisticScale;
}

/** A --scale value that names a file rather than a min:max range. */
const isScaleFile = (raw: string | undefined): raw is string => raw !== undefined && !/^\s*[-+\d.\s]*:[-+\d.\s]*$/.test(raw);

/**
 * The method options: `--method classic|fuzzy|grey` (default classic; with `--scale file.json` and no
 * --method, the kind the file's terms declare), `--fuzzy-order defuzzify-first|defuzzify-last`,
 * `--grey-order whiten-last|whiten-first`, `--cfcs global|per-matrix`, `--t-diagonal include|exclude`;
 * a scale file is read (every problem located in it) before any survey.
 * @throws {UsageError} on an option that does not fit the method; {@link InputError} on a bad scale file.
 * @example
 * cliMethod(parseCommandLine(["--method", "fuzzy"], SURVEY_OPTIONS, 1, "analyze"), "analyze").method; // "fuzzy"
 */
export function cliMethod(cl: CommandLine, command: string): CliMethod {
  const known = chosenMethods.get(cl);
  if (known) return known;
  const chosen = readCliMethod(cl, command);
  chosenMethods.set(cl, chosen);
  return chosen;
}

/** Each command line's method, read once (its scale file too) however many inputs ask for it. */
const chosenMethods = new WeakMap<CommandLine, CliMethod>();

function readCliMethod(cl: CommandLine, command: string): CliMethod {
  const given = choiceOption(cl, "method", ["classic", "fuzzy", "grey"] as const, command);
  const scaleRaw = stringOption(cl, "scale");
  const file = isScaleFile(scaleRaw) ? scaleRaw : undefined;
  if (given === "classic" && file)
    throw new UsageError(`--scale ${file} is a linguistic scale file, for --method fuzzy or grey; classic takes --scale min:max`, command);
  const read = file ? readScaleFile(file, given === "fuzzy" || given === "grey" ? given : undefined) : undefined;
  const method = given ?? read?.kind ?? "classic";
  const fuzzyOrder = choiceOption(cl, "fuzzy-order", ["defuzzify-first", "defuzzify-last"] as const, command);
  const greyOrder = choiceOption(cl, "grey-order", ["whiten-last", "whiten-first"] as const, command);
  const range = choiceOption(cl, "cfcs", ["global", "per-matrix"] as const, command);
  const diagonal = choiceOption(cl, "t-diagonal", ["include", "exclude"] as const, command);
  if (method === "classic") {
    const stray = ["fuzzy-order", "grey-order", "cfcs", "t-diagonal"].find((o) => stringOption(cl, o) !== undefined);
    if (stray) throw new UsageError(`--${stray} goes with --method fuzzy or grey`, command);
    return { method };
  }
  if (scaleRaw !== undefined && !file)
    throw new UsageError(`--scale min:max is for classic ratings; a ${method} scale is a JSON file (--scale scale.json)`, command);
  if (method === "fuzzy" && greyOrder) throw new UsageError("--grey-order goes with --method grey; use --fuzzy-order", command);
  if (method === "grey" && fuzzyOrder) throw new UsageError("--fuzzy-order goes with --method fuzzy; use --grey-order", command);
  if (stringOption(cl, "impute") === "mean")
    throw new UsageError(`--impute mean does not go with --method ${method}: the mean of two terms is no term`, command);
  const scale = read?.scale ?? (method === "fuzzy" ? FUZZY_FIVE_TERM_SCALE : GREY_FIVE_TERM_SCALE);
  const order = fuzzyOrder ?? greyOrder;
  const variant: VariantSettingsInput = {
    ...(order ? { order } : {}),
    ...(range ? { range } : {}),
    ...(diagonal ? { diagonal: diagonal === "include" } : {}),
    scale,
  };
  return { method, variant, terms: scale };
}

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
 * Read the survey (a CSV file, a survey-tool export or an .xlsx workbook, told apart by its content) with the --scale,
 * --impute, --mapping file.json, --weight-column and --group-column options (docs/methods.md §1.8);
 * for a fuzzy or grey method ({@link cliMethod}) its cells are read as terms of the method's scale.
 * @throws {UsageError} on an unreadable option; {@link InputError} on a bad survey.
 * @example
 * (await cliSurvey(parseCommandLine(["s.csv", "--scale", "1:7"], SURVEY_OPTIONS, 1, "check"), model, "check")).survey.scale; // { min: 1, max: 7 }
 */
export async function cliSurvey(cl: CommandLine, model: Model, command: string): Promise<{ survey: Survey; path: string; isDefault: boolean; label: string }> {
  const terms = cliMethod(cl, command).terms;
  const { path, synthetic, isDefault, label } = cliSurveyPath(cl);
  const range = terms ? undefined : rangeOption(cl, "scale", 2, command);
  if (range && !(range[0] < range[1])) throw new UsageError(`--scale min must be below max, got "${stringOption(cl, "scale")}"`, command);
  if (range && range[0] < 0)
    throw new UsageError(`--scale must start at 0 or above (DEMATEL influence is never negative), got "${stringOption(cl, "scale")}"`, command);
  const impute = choiceOption(cl, "impute", ["none", "mean"] as const, command);
  const mappingPath = stringOption(cl, "mapping");
  const weightColumn = stringOption(cl, "weight-column");
  const groupColumn = stringOption(cl, "group-column");
  const survey = await readSurveyFile(path, model, {
    ...(mappingPath !== undefined ? { mapping: readSurveyMapping(mappingPath) } : {}),
    ...(weightColumn !== undefined ? { weightColumn } : {}),
    ...(groupColumn !== undefined ? { groupColumn } : {}),
    source: label,
    ...(range ? { scale: { min: range[0], max: range[1] } } : {}),
    ...(impute ? { impute } : {}),
    ...(terms ? { terms } : {}),
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
  const chosen = cliMethod(cl, command);
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
      ...(chosen.method !== "classic" ? { method: chosen.method, variant: chosen.variant } : {}),
      ...(aggregation ? { aggregation } : {}),
      ...(normalization ? { normalization } : {}),
      ...(epsilon !== undefined ? { epsilon } : {}),
      threshold,
    },
    ...(bootstrap !== undefined ? { bootstrap } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}
