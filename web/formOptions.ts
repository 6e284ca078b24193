/**
 * The browser app's options, read as `cxm-dematel analyze` reads its command line: the same option
 * names (`method`, `aggregation`, `threshold`, `bootstrap`, `seed`, …), the same defaults (an option
 * not given is left to the library, exactly as the CLI leaves it) and the same checks and messages
 * as src/cli/cliInputs.ts (`cliMethod`, `cliSurvey`, `cliAnalyzeOptions`), which run on Node only
 * (they read option files). tests/webOptions.test.ts checks that both give the same options for the
 * same arguments. Not here: `--scale file.json` (a linguistic scale file) and `--mapping`.
 * Persian (۰–۹) and Arabic-Indic (٠–٩) digits and the Arabic decimal separator ٫ are read as 0–9 and `.`.
 */
import { InputError } from "../src/errors.js";
import { closestMatch } from "../src/io/closestMatch.js";
import type { SurveyOptions } from "../src/io/parseSurvey.js";
import type { AnalyzeOptions } from "../src/pipeline/analyzeSurvey.js";
import type { ThresholdOptions } from "../src/core/thresholdTypes.js";
import type { VariantSettingsInput } from "../src/core/dematelSettings.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";

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

/** Eastern digits and the Arabic decimal separator written as ASCII, so `۵۰۰۰` reads as `5000`. */
export function westernDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10)).replace(/\u066B/g, ".");
}

/** A bad option value, located at the option (`--k: …`), as the page lists it. */
function optionError(name: string, message: string): InputError {
  return new InputError({ file: `--${name}`, message });
}

function text(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return v === undefined ? undefined : westernDigits(v);
}

function choice<T extends string>(values: OptionValues, name: string, choices: readonly T[]): T | undefined {
  const raw = text(values, name);
  if (raw === undefined) return undefined;
  const hit = choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase());
  if (hit) return hit;
  const guess = closestMatch(raw.trim().toLowerCase(), choices as readonly string[]);
  throw optionError(name, `--${name} must be one of ${choices.join(", ")}; got "${raw}"${guess ? ` (did you mean ${guess}?)` : ""}`);
}

function numberValue(values: OptionValues, name: string, check: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  const raw = text(values, name);
  if (raw === undefined) return undefined;
  const x = Number(raw.trim());
  const what = check.integer ? "an integer" : "a number";
  const bounds = [check.min !== undefined ? `≥ ${check.min}` : "", check.max !== undefined ? `≤ ${check.max}` : ""].filter((s) => s !== "").join(" and ");
  const bad =
    raw.trim() === "" ||
    !Number.isFinite(x) ||
    (check.integer === true && !Number.isInteger(x)) ||
    (check.min !== undefined && x < check.min) ||
    (check.max !== undefined && x > check.max);
  if (bad) throw optionError(name, `--${name} must be ${what}${bounds ? " " + bounds : ""}, got "${values[name]}"`);
  return x;
}

/** `--scale min:max` (classic ratings), checked as `cliSurvey` checks it. */
function scaleValue(values: OptionValues): { min: number; max: number } | undefined {
  const raw = text(values, "scale");
  if (raw === undefined) return undefined;
  const parts = raw.split(":").map((s) => s.trim());
  const xs = parts.map(Number);
  if (xs.length !== 2 || !xs.every((x, k) => parts[k] !== "" && Number.isFinite(x)))
    throw optionError("scale", `--scale must look like 0:4 (min:max), got "${values.scale}"`);
  if (!(xs[0] < xs[1])) throw optionError("scale", `--scale min must be below max, got "${values.scale}"`);
  if (xs[0] < 0) throw optionError("scale", `--scale must start at 0 or above (DEMATEL influence is never negative), got "${values.scale}"`);
  return { min: xs[0], max: xs[1] };
}

/** The method and its variant settings, as `cliMethod` (without a scale file: the built-in five-term scale). */
function methodValue(values: OptionValues): { method: FormOptions["method"]; variant?: VariantSettingsInput } {
  const method = choice(values, "method", ["classic", "fuzzy", "grey"] as const) ?? "classic";
  const fuzzyOrder = choice(values, "fuzzy-order", ["defuzzify-first", "defuzzify-last"] as const);
  const greyOrder = choice(values, "grey-order", ["whiten-last", "whiten-first"] as const);
  const range = choice(values, "cfcs", ["global", "per-matrix"] as const);
  const diagonal = choice(values, "t-diagonal", ["include", "exclude"] as const);
  if (method === "classic") {
    const stray = ["fuzzy-order", "grey-order", "cfcs", "t-diagonal"].find((o) => values[o] !== undefined);
    if (stray) throw optionError(stray, `--${stray} goes with --method fuzzy or grey`);
    return { method };
  }
  if (values.scale !== undefined) throw optionError("scale", `--scale min:max is for classic ratings; a ${method} scale is a JSON file (--scale scale.json)`);
  if (method === "fuzzy" && greyOrder) throw optionError("grey-order", "--grey-order goes with --method grey; use --fuzzy-order");
  if (method === "grey" && fuzzyOrder) throw optionError("fuzzy-order", "--fuzzy-order goes with --method fuzzy; use --grey-order");
  if (text(values, "impute")?.trim().toLowerCase() === "mean")
    throw optionError("impute", `--impute mean does not go with --method ${method}: the mean of two terms is no term`);
  const scale = method === "fuzzy" ? FUZZY_FIVE_TERM_SCALE : GREY_FIVE_TERM_SCALE;
  const order = fuzzyOrder ?? greyOrder;
  return {
    method,
    variant: { ...(order ? { order } : {}), ...(range ? { range } : {}), ...(diagonal ? { diagonal: diagonal === "include" } : {}), scale },
  };
}

/** The threshold options, as `cliAnalyzeOptions` reads them. */
function thresholdValue(values: OptionValues): ThresholdOptions {
  const fixedValue = numberValue(values, "threshold-value");
  let method = choice(values, "threshold", ["mean", "mean+sd", "quantile", "fixed", "mmde"] as const);
  if (fixedValue !== undefined) {
    if (method !== undefined && method !== "fixed")
      throw optionError("threshold-value", `--threshold-value goes with --threshold fixed, not --threshold ${method}`);
    method = "fixed";
  }
  if (method === "fixed" && fixedValue === undefined) throw optionError("threshold-value", "--threshold fixed needs --threshold-value <v>");
  const k = numberValue(values, "k");
  const sd = choice(values, "sd", ["population", "sample"] as const);
  const q = numberValue(values, "q", { min: 0, max: 1 });
  const entries = choice(values, "threshold-entries", ["all", "off-diagonal"] as const);
  if ((k !== undefined || sd !== undefined) && method !== "mean+sd")
    throw optionError(k !== undefined ? "k" : "sd", "--k and --sd go with --threshold mean+sd");
  if (q !== undefined && method !== "quantile") throw optionError("q", "--q goes with --threshold quantile");
  return {
    method: method ?? "mean",
    ...(entries ? { entries: entries === "off-diagonal" ? ("offDiagonal" as const) : ("all" as const) } : {}),
    ...(k !== undefined ? { k } : {}),
    ...(sd ? { sd } : {}),
    ...(q !== undefined ? { q } : {}),
    ...(fixedValue !== undefined ? { value: fixedValue } : {}),
  };
}

/**
 * The page's options as the library's survey and analysis options, read as `cxm-dematel analyze`
 * reads the same `--name value` arguments (docs/methods.md §2.9–2.11 for the methods).
 * @throws {InputError} on the first option that cannot be read, located at the option (`--k`).
 * @example
 * formOptions({ threshold: "mean+sd", k: "۱٫۵" }).analyzeOptions.settings?.threshold; // { method: "mean+sd", k: 1.5 }
 */
export function formOptions(values: OptionValues): FormOptions {
  const { method, variant } = methodValue(values);
  const scale = method === "classic" ? scaleValue(values) : undefined;
  const impute = choice(values, "impute", ["none", "mean"] as const);
  const weightColumn = values["weight-column"];
  const aggregation = choice(values, "aggregation", ["mean", "median"] as const);
  const normalization = choice(values, "normalization", ["max", "row", "column"] as const);
  const epsilon = numberValue(values, "epsilon", { min: 0 });
  const threshold = thresholdValue(values);
  const bootstrap = numberValue(values, "bootstrap", { integer: true, min: 0, max: 1_000_000 });
  const seed = numberValue(values, "seed", { integer: true });
  const terms = method === "fuzzy" ? FUZZY_FIVE_TERM_SCALE : method === "grey" ? GREY_FIVE_TERM_SCALE : undefined;
  return {
    method,
    surveyOptions: {
      ...(weightColumn !== undefined ? { weightColumn } : {}),
      ...(scale ? { scale } : {}),
      ...(impute ? { impute } : {}),
      ...(terms ? { terms } : {}),
    },
    analyzeOptions: {
      settings: {
        ...(method !== "classic" ? { method, variant } : {}),
        ...(aggregation ? { aggregation } : {}),
        ...(normalization ? { normalization } : {}),
        ...(epsilon !== undefined ? { epsilon } : {}),
        threshold,
      },
      ...(bootstrap !== undefined ? { bootstrap } : {}),
      ...(seed !== undefined ? { seed } : {}),
    },
  };
}

/** The command line that runs the same analysis: `cxm-dematel analyze <survey> --name value …` (values with spaces quoted). */
export function equivalentCommand(survey: string, values: OptionValues): string {
  const quote = (s: string): string => (/^[\w.:+\-/]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const args = FORM_OPTION_NAMES.filter((n) => values[n] !== undefined).flatMap((n) => [`--${n}`, quote(values[n])]);
  return ["cxm-dematel", "analyze", quote(survey), ...args].join(" ");
}
