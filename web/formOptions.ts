/**
 * The browser app's options, read as `cxm-dematel analyze` reads its command line, by the same code
 * (src/cli/analysisOptions.ts): the same option names (`method`, `aggregation`, `threshold`,
 * `bootstrap`, `seed`, …), the same defaults (an option not given is left to the library) and the same
 * checks and messages; numbers in Persian (۰–۹) or Arabic-Indic (٠–٩) digits with ٫ are read as the CLI
 * reads them; a comparison's and a power study's options as `compare` and `power` read theirs. Not here:
 * `--scale file.json` (a linguistic scale file), `--mapping`, `--group-column`, `--by` and `power --pilot`.
 */
import { InputError } from "../src/errors.js";
import type { SurveyOptions } from "../src/io/surveyOptions.js";
import type { AnalyzeOptions } from "../src/pipeline/analyzeSurvey.js";
import { analysisOptions, methodOptions, surveyReadOptions } from "../src/cli/analysisOptions.js";
import { UsageError } from "../src/cli/usageError.js";
import { compareOptions } from "../src/cli/compareOptions.js";
import { POWER_COMMAND_DELTAS, deltaList, panelSizes, simulationOptions } from "../src/cli/powerOptions.js";
import { stringOption } from "../src/cli/optionReaders.js";
import type { CompareOptions } from "../src/compare/compareGroups.js";
import type { PowerOptions } from "../src/simulate/powerCurveCore.js";
import { taskFields, type Task } from "./optionFields.js";

/** Option name (as on the command line, without `--`) → the text given. Options not given are absent. */
export type OptionValues = Readonly<Record<string, string>>;

/** What {@link formOptions} reads: the survey reader's options and the analysis options. */
export interface FormOptions {
  method: "classic" | "fuzzy" | "grey";
  surveyOptions: Omit<SurveyOptions, "source">;
  analyzeOptions: Omit<AnalyzeOptions, "onProgress">;
}

/** Every option the page offers, in the order of `cxm-dematel analyze --help`. */
export const FORM_OPTION_NAMES = [
  "scale",
  "impute",
  "weight-column",
  "method",
  "fuzzy-order",
  "grey-order",
  "cfcs",
  "t-diagonal",
  "aggregation",
  "normalization",
  "epsilon",
  "threshold",
  "k",
  "sd",
  "q",
  "threshold-value",
  "threshold-entries",
  "bootstrap",
  "seed",
] as const;

/** The page has no file system: a linguistic scale file works on the command line only. */
function noScaleFile(path: string): never {
  throw new UsageError(`--scale ${path}: the page uses the built-in five-term scale; a scale file works with the command line`, "analyze", "scale");
}

/**
 * The page's options as the library's survey and analysis options, read by the CLI's own readers
 * (src/cli/analysisOptions.ts) from the same `--name value` pairs (docs/methods.md §2.9–2.11 for the methods).
 * @throws {InputError} on the first option that cannot be read, located at the option (`--k`).
 * @example
 * formOptions({ threshold: "mean+sd", k: "۱٫۵" }).analyzeOptions.settings?.threshold; // { method: "mean+sd", k: 1.5 }
 */
export function formOptions(values: OptionValues): FormOptions {
  return located(() => {
    const cl = { values: { ...values }, positionals: [] };
    const chosen = methodOptions(cl, "analyze", noScaleFile);
    return { method: chosen.method, surveyOptions: surveyReadOptions(cl, "analyze", chosen), analyzeOptions: analysisOptions(cl, "analyze", chosen) };
  });
}

/** `read()`, with a usage error turned into a problem located at its option (`--k`), as the page lists problems. */
function located<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof UsageError) throw new InputError({ file: e.option !== undefined ? `--${e.option}` : "options", message: e.message });
    throw e;
  }
}

/**
 * The options of a group comparison, read as `cxm-dematel compare` reads them (src/cli/compareOptions.ts): the
 * survey reader's options and the comparison's (classic method, mean aggregation; docs/methods.md §12.6).
 * @throws {InputError} located at the first option that cannot be read.
 * @example
 * compareFormOptions({ "max-exact": "1000" }).compare.permutation?.maxExact; // 1000
 */
export function compareFormOptions(values: OptionValues): { surveyOptions: Omit<SurveyOptions, "source">; compare: CompareOptions } {
  return located(() => {
    const cl = { values: { ...values }, positionals: [] };
    const chosen = methodOptions(cl, "compare", noScaleFile);
    return { surveyOptions: surveyReadOptions(cl, "compare", chosen), compare: compareOptions(cl, analysisOptions(cl, "compare", chosen)) };
  });
}

/** What the page's power task runs: the panel sizes, the δ list and the simulation settings of `cxm-dematel power`. */
export interface PowerFormOptions {
  panelSizes: number[];
  deltas: number[];
  deltasGiven: boolean;
  simulation: Omit<PowerOptions, "panelSizes" | "delta" | "onProgress">;
}

/**
 * The options of a power study, read as `cxm-dematel power` reads them (src/cli/powerOptions.ts; docs/methods.md §8.4–8.5),
 * in one worker (the page's Web Worker runs the simulations in-process: the numbers do not depend on it).
 * @throws {InputError} located at the first option that cannot be read.
 * @example
 * powerFormOptions({ experts: "5:20:5", delta: "0.1" }).panelSizes; // [5, 10, 15, 20]
 */
export function powerFormOptions(values: OptionValues): PowerFormOptions {
  return located(() => {
    const cl = { values: { ...values }, positionals: [] };
    const given = deltaList(stringOption(cl, "delta"));
    return {
      panelSizes: panelSizes(cl),
      deltas: given ?? [...POWER_COMMAND_DELTAS],
      deltasGiven: given !== undefined,
      simulation: { ...simulationOptions(cl), workers: 1 },
    };
  });
}

/**
 * The command line that runs the same analysis: `cxm-dematel analyze <survey> --name value …` (or `compare <survey>`,
 * or `power` without a survey). A value is
 * quoted for a POSIX shell unless it holds only characters no shell treats specially: ASCII word
 * characters, `.,:+-/`, and Persian and Arabic-Indic digits with the Arabic decimal and thousands separators
 * (U+0660–U+066C, U+06F0–U+06F9), which the CLI reads as numbers too.
 */
export function equivalentCommand(survey: string, values: OptionValues, task: Task = "analyze"): string {
  const quote = (s: string): string => (/^[\w.,:+\-/\u0660-\u066c\u06f0-\u06f9]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const names: readonly string[] = task === "analyze" ? FORM_OPTION_NAMES : taskFields(task).map((f) => f.name);
  const args = names.filter((n) => values[n] !== undefined).flatMap((n) => [`--${n}`, quote(values[n])]);
  return ["cxm-dematel", task, ...(task === "power" ? [] : [quote(survey)]), ...args].join(" ");
}
