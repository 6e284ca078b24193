/**
 * The option fields of the browser app's form: each is an option of `cxm-dematel analyze`, `compare` or
 * `power`, with the CLI's name, choices and default (as the command's `--help` states them), the tasks it
 * belongs to, and when it applies. An empty field is an option not given, left to the library's default
 * as on the command line.
 */
import type { OptionValues } from "./formOptions.js";

/** What the page runs: the `analyze`, `compare` or `power` command. */
export type Task = "analyze" | "compare" | "power";

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
  /** The tasks (commands) the option belongs to. */
  tasks: readonly Task[];
  /** A task's own default, where it differs from `defaultText` (compare bootstraps each group 2,000 times). */
  defaultFor?: Partial<Record<Task, string>>;
}

const A: readonly Task[] = ["analyze"];
const AC: readonly Task[] = ["analyze", "compare"];
const P: readonly Task[] = ["power"];

const method = (v: OptionValues): string => v.method ?? "classic";
const threshold = (v: OptionValues): string => v.threshold ?? "mean";

/** The fields, in the order of the commands' `--help`: analyze's (compare shares the classic ones), compare's own, power's. */
export const OPTION_FIELDS: readonly OptionField[] = [
  { name: "method", choices: ["classic", "fuzzy", "grey"], defaultText: "classic", tasks: A },
  { name: "scale", defaultText: "0:4", when: (v) => method(v) === "classic", tasks: AC },
  { name: "impute", choices: ["none", "mean"], defaultText: "none", when: (v) => method(v) === "classic", tasks: AC },
  { name: "weight-column", defaultText: "none", tasks: AC },
  { name: "fuzzy-order", choices: ["defuzzify-first", "defuzzify-last"], defaultText: "defuzzify-first", when: (v) => method(v) === "fuzzy", tasks: A },
  { name: "grey-order", choices: ["whiten-last", "whiten-first"], defaultText: "whiten-last", when: (v) => method(v) === "grey", tasks: A },
  { name: "cfcs", choices: ["global", "per-matrix"], defaultText: "global", when: (v) => method(v) !== "classic", tasks: A },
  { name: "t-diagonal", choices: ["include", "exclude"], defaultText: "include", when: (v) => method(v) !== "classic", tasks: A },
  { name: "aggregation", choices: ["mean", "median"], defaultText: "mean", tasks: A },
  { name: "normalization", choices: ["max", "row", "column"], defaultText: "max", tasks: AC },
  { name: "epsilon", defaultText: "0", tasks: AC },
  { name: "threshold", choices: ["mean", "mean+sd", "quantile", "fixed", "mmde"], defaultText: "mean", tasks: AC },
  { name: "k", defaultText: "1", when: (v) => threshold(v) === "mean+sd", tasks: AC },
  { name: "sd", choices: ["population", "sample"], defaultText: "population", when: (v) => threshold(v) === "mean+sd", tasks: AC },
  { name: "q", defaultText: "0.75", when: (v) => threshold(v) === "quantile", tasks: AC },
  { name: "threshold-value", defaultText: "none", when: (v) => threshold(v) === "fixed", tasks: AC },
  { name: "threshold-entries", choices: ["all", "off-diagonal"], defaultText: "all", tasks: AC },
  { name: "bootstrap", defaultText: "5000", tasks: AC, defaultFor: { compare: "2000" } },
  { name: "permutations", defaultText: "10000", tasks: ["compare"] },
  { name: "max-exact", defaultText: "100000", tasks: ["compare"] },
  { name: "experts", defaultText: "5:40:5", tasks: P },
  { name: "delta", defaultText: "0.025,0.05,0.1,0.5", tasks: P },
  { name: "omega", defaultText: "0.3", tasks: P },
  { name: "sigma", defaultText: "0.8", tasks: P },
  { name: "tau", defaultText: "0.3", tasks: P },
  { name: "sims", defaultText: "1000", tasks: P },
  { name: "alpha", defaultText: "0.05", tasks: P },
  { name: "seed", defaultText: "1", tasks: ["analyze", "compare", "power"] },
];

/** The fields of `task`, in form order. */
export function taskFields(task: Task): OptionField[] {
  return OPTION_FIELDS.filter((f) => f.tasks.includes(task));
}
