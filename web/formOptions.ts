/**
 * The browser app's options, read as `cxm-dematel analyze` reads its command line, by the same code
 * (src/cli/analysisOptions.ts): the same option names (`method`, `aggregation`, `threshold`,
 * `bootstrap`, `seed`, …), the same defaults (an option not given is left to the library) and the same
 * checks and messages; numbers in Persian (۰–۹) or Arabic-Indic (٠–٩) digits with ٫ are read as the CLI
 * reads them. Not here: `--scale file.json` (a linguistic scale file), `--mapping` and `--group-column`.
 */
import { InputError } from "../src/errors.js";
import type { SurveyOptions } from "../src/io/surveyOptions.js";
import type { AnalyzeOptions } from "../src/pipeline/analyzeSurvey.js";
import { analysisOptions, methodOptions, surveyReadOptions } from "../src/cli/analysisOptions.js";
import { UsageError } from "../src/cli/usageError.js";

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
  const cl = { values: { ...values }, positionals: [] };
  try {
    const chosen = methodOptions(cl, "analyze", noScaleFile);
    return { method: chosen.method, surveyOptions: surveyReadOptions(cl, "analyze", chosen), analyzeOptions: analysisOptions(cl, "analyze", chosen) };
  } catch (e) {
    if (e instanceof UsageError) throw new InputError({ file: e.option !== undefined ? `--${e.option}` : "options", message: e.message });
    throw e;
  }
}

/**
 * The command line that runs the same analysis: `cxm-dematel analyze <survey> --name value …`. A value is
 * quoted for a POSIX shell unless it holds only characters no shell treats specially: ASCII word
 * characters, `.:+-/`, and Persian and Arabic-Indic digits with the Arabic decimal and thousands separators
 * (U+0660–U+066C, U+06F0–U+06F9), which the CLI reads as numbers too.
 */
export function equivalentCommand(survey: string, values: OptionValues): string {
  const quote = (s: string): string => (/^[\w.:+\-/\u0660-\u066c\u06f0-\u06f9]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const args = FORM_OPTION_NAMES.filter((n) => values[n] !== undefined).flatMap((n) => [`--${n}`, quote(values[n])]);
  return ["cxm-dematel", "analyze", quote(survey), ...args].join(" ");
}
