/**
 * The options of a survey analysis, read from a parsed command line with the CLI's rules and messages:
 * the method and its variant settings, how the survey's cells are read, and the DEMATEL settings with
 * the bootstrap. Pure (no file is read here: a scale file is read by the caller's `readScale`), so
 * `cxm-dematel analyze` (src/cli/cliInputs.ts) and the browser app (web/formOptions.ts) read the same
 * `--name value` pairs into the same options, each rule written once.
 */
import type { AnalyzeOptions } from "../pipeline/analyzeSurvey.js";
import type { ThresholdOptions } from "../core/thresholdTypes.js";
import type { VariantSettingsInput } from "../core/dematelSettings.js";
import type { LinguisticScale } from "../io/linguisticScaleRules.js";
import type { ScaleKind } from "../io/readScaleFile.js";
import type { SurveyOptions } from "../io/surveyOptions.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../core/linguisticScale.js";
import { type CommandLine, choiceOption, numberOption, rangeOption, stringOption } from "./optionReaders.js";
import { UsageError } from "./usageError.js";

/** The DEMATEL method and its linguistic scale (docs/methods.md §2.9–2.11). */
export interface CliMethod {
  method: "classic" | ScaleKind;
  /** The fuzzy or grey settings given (the scale read from --scale file.json, or the built-in one when absent). */
  variant?: VariantSettingsInput;
  /** The scale survey cells are read by (fuzzy and grey only). */
  terms?: LinguisticScale;
}

/** Reads a `--scale file.json`; `kind` is the method given, if any. The CLI reads the file; the page has none. */
export type ScaleFileReader = (path: string, kind: ScaleKind | undefined) => { kind: ScaleKind; scale: LinguisticScale };

/** A --scale value that names a file rather than a min:max range. */
export const isScaleFile = (raw: string | undefined): raw is string =>
  raw !== undefined && !/^\s*[-+\d.\s\u0660-\u066c\u06f0-\u06f9]*:[-+\d.\s\u0660-\u066c\u06f0-\u06f9]*$/.test(raw);

/**
 * The method options: `--method classic|fuzzy|grey` (default classic; with `--scale file.json` and no
 * --method, the kind the file's terms declare), `--fuzzy-order defuzzify-first|defuzzify-last`,
 * `--grey-order whiten-last|whiten-first`, `--cfcs global|per-matrix`, `--t-diagonal include|exclude`.
 * @throws {UsageError} on an option that does not fit the method.
 * @example
 * methodOptions({ values: { method: "fuzzy" }, positionals: [] }, "analyze", readScaleFile).method; // "fuzzy"
 */
export function methodOptions(cl: CommandLine, command: string, readScale: ScaleFileReader): CliMethod {
  const given = choiceOption(cl, "method", ["classic", "fuzzy", "grey"] as const, command);
  const scaleRaw = stringOption(cl, "scale");
  const file = isScaleFile(scaleRaw) ? scaleRaw : undefined;
  if (given === "classic" && file)
    throw new UsageError(`--scale ${file} is a linguistic scale file, for --method fuzzy or grey; classic takes --scale min:max`, command, "scale");
  const read = file ? readScale(file, given === "fuzzy" || given === "grey" ? given : undefined) : undefined;
  const method = given ?? read?.kind ?? "classic";
  const fuzzyOrder = choiceOption(cl, "fuzzy-order", ["defuzzify-first", "defuzzify-last"] as const, command);
  const greyOrder = choiceOption(cl, "grey-order", ["whiten-last", "whiten-first"] as const, command);
  const range = choiceOption(cl, "cfcs", ["global", "per-matrix"] as const, command);
  const diagonal = choiceOption(cl, "t-diagonal", ["include", "exclude"] as const, command);
  if (method === "classic") {
    const stray = ["fuzzy-order", "grey-order", "cfcs", "t-diagonal"].find((o) => stringOption(cl, o) !== undefined);
    if (stray) throw new UsageError(`--${stray} goes with --method fuzzy or grey`, command, stray);
    return { method };
  }
  if (scaleRaw !== undefined && !file)
    throw new UsageError(`--scale min:max is for classic ratings; a ${method} scale is a JSON file (--scale scale.json)`, command, "scale");
  if (method === "fuzzy" && greyOrder) throw new UsageError("--grey-order goes with --method grey; use --fuzzy-order", command, "grey-order");
  if (method === "grey" && fuzzyOrder) throw new UsageError("--fuzzy-order goes with --method fuzzy; use --grey-order", command, "fuzzy-order");
  if (stringOption(cl, "impute")?.trim().toLowerCase() === "mean")
    throw new UsageError(`--impute mean does not go with --method ${method}: the mean of two terms is no term`, command, "impute");
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

/**
 * How the survey's cells are read: `--scale min:max` (classic), `--impute none|mean`, `--weight-column`,
 * `--group-column`, and the method's terms (docs/methods.md §1.2–1.8). `--mapping file.json` is read by the CLI.
 * @throws {UsageError} on an unreadable or impossible scale.
 * @example
 * surveyReadOptions({ values: { scale: "1:7" }, positionals: [] }, "check", { method: "classic" }).scale; // { min: 1, max: 7 }
 */
export function surveyReadOptions(cl: CommandLine, command: string, chosen: CliMethod): Omit<SurveyOptions, "source" | "mapping"> {
  const terms = chosen.terms;
  const range = terms ? undefined : rangeOption(cl, "scale", 2, command);
  const raw = stringOption(cl, "scale");
  if (range && !(range[0] < range[1])) throw new UsageError(`--scale min must be below max, got "${raw}"`, command, "scale");
  if (range && range[0] < 0) throw new UsageError(`--scale must start at 0 or above (DEMATEL influence is never negative), got "${raw}"`, command, "scale");
  const impute = choiceOption(cl, "impute", ["none", "mean"] as const, command);
  const weightColumn = stringOption(cl, "weight-column");
  const groupColumn = stringOption(cl, "group-column");
  return {
    ...(weightColumn !== undefined ? { weightColumn } : {}),
    ...(groupColumn !== undefined ? { groupColumn } : {}),
    ...(range ? { scale: { min: range[0], max: range[1] } } : {}),
    ...(impute ? { impute } : {}),
    ...(terms ? { terms } : {}),
  };
}

/** The threshold options: `--threshold`, `--threshold-value`, `--k`, `--sd`, `--q`, `--threshold-entries` (docs/methods.md §2.5–2.6). */
function thresholdOptions(cl: CommandLine, command: string): ThresholdOptions {
  const fixedValue = numberOption(cl, "threshold-value", command);
  let method = choiceOption(cl, "threshold", ["mean", "mean+sd", "quantile", "fixed", "mmde"] as const, command);
  if (fixedValue !== undefined) {
    if (method !== undefined && method !== "fixed")
      throw new UsageError(`--threshold-value goes with --threshold fixed, not --threshold ${method}`, command, "threshold-value");
    method = "fixed";
  }
  if (method === "fixed" && fixedValue === undefined) throw new UsageError("--threshold fixed needs --threshold-value <v>", command, "threshold");
  const k = numberOption(cl, "k", command);
  const sd = choiceOption(cl, "sd", ["population", "sample"] as const, command);
  const q = numberOption(cl, "q", command, { min: 0, max: 1 });
  const entries = choiceOption(cl, "threshold-entries", ["all", "off-diagonal"] as const, command);
  if ((k !== undefined || sd !== undefined) && method !== "mean+sd")
    throw new UsageError("--k and --sd go with --threshold mean+sd", command, k !== undefined ? "k" : "sd");
  if (q !== undefined && method !== "quantile") throw new UsageError("--q goes with --threshold quantile", command, "q");
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
 * The analysis options: the DEMATEL settings as given (the survey's scale and weights and every other
 * default are filled in by analyzeSurvey), the bootstrap size and seed.
 * @throws {UsageError} on an unreadable or inconsistent option.
 * @example
 * analysisOptions({ values: { "threshold-value": "0.2" }, positionals: [] }, "analyze", { method: "classic" }).settings?.threshold;
 * // { method: "fixed", value: 0.2 }
 */
export function analysisOptions(cl: CommandLine, command: string, chosen: CliMethod): AnalyzeOptions {
  const aggregation = choiceOption(cl, "aggregation", ["mean", "median"] as const, command);
  const normalization = choiceOption(cl, "normalization", ["max", "row", "column"] as const, command);
  const epsilon = numberOption(cl, "epsilon", command, { min: 0 });
  const threshold = thresholdOptions(cl, command);
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
