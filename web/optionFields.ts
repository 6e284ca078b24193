/**
 * The option fields of the browser app's form: each is a `cxm-dematel analyze` option, with the
 * CLI's name, choices and default (as `cxm-dematel analyze --help` states them), and when it
 * applies. An empty field is an option not given, left to the library's default as on the command line.
 */
import type { OptionValues } from "./formOptions.js";

/** One field of the form. */
export interface OptionField {
  /** The CLI name without `--`. */
  name: string;
  /** The choices of a choice option (the default first); a text field when absent. */
  choices?: readonly string[];
  /** The default, as shown beside the field. */
  defaultText: string;
  /** Whether the field applies given the other fields' values (default: always). */
  when?: (values: OptionValues) => boolean;
}

const method = (v: OptionValues): string => v.method ?? "classic";
const threshold = (v: OptionValues): string => v.threshold ?? "mean";

/** The fields, in the order of `cxm-dematel analyze --help`. */
export const OPTION_FIELDS: readonly OptionField[] = [
  { name: "method", choices: ["classic", "fuzzy", "grey"], defaultText: "classic" },
  { name: "scale", defaultText: "0:4", when: (v) => method(v) === "classic" },
  { name: "impute", choices: ["none", "mean"], defaultText: "none", when: (v) => method(v) === "classic" },
  { name: "weight-column", defaultText: "none" },
  { name: "fuzzy-order", choices: ["defuzzify-first", "defuzzify-last"], defaultText: "defuzzify-first", when: (v) => method(v) === "fuzzy" },
  { name: "grey-order", choices: ["whiten-last", "whiten-first"], defaultText: "whiten-last", when: (v) => method(v) === "grey" },
  { name: "cfcs", choices: ["global", "per-matrix"], defaultText: "global", when: (v) => method(v) !== "classic" },
  { name: "t-diagonal", choices: ["include", "exclude"], defaultText: "include", when: (v) => method(v) !== "classic" },
  { name: "aggregation", choices: ["mean", "median"], defaultText: "mean" },
  { name: "normalization", choices: ["max", "row", "column"], defaultText: "max" },
  { name: "epsilon", defaultText: "0" },
  { name: "threshold", choices: ["mean", "mean+sd", "quantile", "fixed", "mmde"], defaultText: "mean" },
  { name: "k", defaultText: "1", when: (v) => threshold(v) === "mean+sd" },
  { name: "sd", choices: ["population", "sample"], defaultText: "population", when: (v) => threshold(v) === "mean+sd" },
  { name: "q", defaultText: "0.75", when: (v) => threshold(v) === "quantile" },
  { name: "threshold-value", defaultText: "none", when: (v) => threshold(v) === "fixed" },
  { name: "threshold-entries", choices: ["all", "off-diagonal"], defaultText: "all" },
  { name: "bootstrap", defaultText: "5000" },
  { name: "seed", defaultText: "1" },
];
