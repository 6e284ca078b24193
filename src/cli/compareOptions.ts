import type { AnalyzeOptions } from "../pipeline/analyzeSurvey.js";
import type { CompareOptions } from "../compare/compareGroups.js";
import { UsageError } from "./usageError.js";
import { numberOption, stringOption, type CommandLine } from "./optionReaders.js";

/** Default bootstrap replicates of each group's own analysis in a comparison (the plot's intervals). */
export const COMPARE_BOOTSTRAP = 2000;

/** The options `compare` adds to the analysis options: the permutation plan (docs/methods.md §12.3). */
export const COMPARE_ONLY_OPTIONS = ["permutations", "max-exact"] as const;

/**
 * The options of a group comparison (docs/methods.md §12.6) from a command line whose analysis options
 * were already read (`analysis`, as `analyze` reads them): the settings, each group's bootstrap
 * (`--bootstrap`, default {@link COMPARE_BOOTSTRAP}), the seed of both the splits and the bootstraps
 * (`--seed`, default 1), `--permutations` and `--max-exact`. Pure: the command line and the browser app
 * read a comparison's options with this one function.
 * @throws {UsageError} for a method or aggregation the permutation test cannot run (it keeps running sums of
 *   classic ratings), or a bad `--permutations` / `--max-exact`.
 * @example
 * compareOptions({ values: { "max-exact": "1000" }, positionals: [] }, {}).permutation; // { seed: 1, maxExact: 1000 }
 */
export function compareOptions(cl: CommandLine, analysis: Omit<AnalyzeOptions, "onProgress">, command = "compare"): CompareOptions {
  const settings = analysis.settings ?? {};
  if ("method" in settings && settings.method !== undefined && settings.method !== "classic")
    throw new UsageError(`compare supports the classic method only (each group's classic DEMATEL), got --method ${settings.method}`, command, "method");
  if (settings.aggregation !== undefined && settings.aggregation !== "mean")
    throw new UsageError(`compare supports --aggregation mean only (the permutation keeps running sums), got ${settings.aggregation}`, command, "aggregation");
  const samples = numberOption(cl, "permutations", command, { integer: true, min: 1 });
  const maxExact = numberOption(cl, "max-exact", command, { integer: true, min: 0 });
  const seed = analysis.seed ?? 1;
  return {
    settings,
    bootstrap: stringOption(cl, "bootstrap") === undefined ? COMPARE_BOOTSTRAP : (analysis.bootstrap ?? COMPARE_BOOTSTRAP),
    seed,
    permutation: { seed, ...(samples !== undefined ? { samples } : {}), ...(maxExact !== undefined ? { maxExact } : {}) },
    ...(analysis.date !== undefined ? { date: analysis.date } : {}),
  };
}
