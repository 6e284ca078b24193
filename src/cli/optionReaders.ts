/**
 * Reading one option's value from a parsed command line: a string, a number in a range, one of a set of
 * choices, a `min:max` range. Pure (no Node module), so the browser app reads its form with the same
 * rules and messages as the CLI reads its arguments. Numbers are read by {@link parseLocaleNumber}, as
 * survey cells are: Persian and Arabic-Indic digits and the Arabic decimal separator count.
 */
import { closestMatch } from "../io/closestMatch.js";
import { parseLocaleNumber } from "../io/parseLocaleNumber.js";
import { UsageError } from "./usageError.js";

/** The parsed command line of one command. */
export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A string option's value, or undefined.
 * @example
 * stringOption(parseCommandLine(["--out", "res"], { out: { type: "string" } }, 0, "x"), "out"); // "res" */
export function stringOption(cl: CommandLine, name: string): string | undefined {
  const v = cl.values[name];
  return typeof v === "string" ? v : undefined;
}

/** The range of every command's `--workers`: a whole number of threads from 1 to 256. */
export const WORKERS_RANGE = { integer: true, min: 1, max: 256 } as const;

/**
 * A number option (e.g. `--epsilon 0.01`), checked against a range.
 * @throws {UsageError} when it is not a number or out of range.
 * @example
 * numberOption(cl, "bootstrap", "analyze", { integer: true, min: 0 }); // 5000 for --bootstrap 5000
 */
export function numberOption(
  cl: CommandLine,
  name: string,
  command: string,
  check: { integer?: boolean; min?: number; max?: number; minExclusive?: boolean } = {},
): number | undefined {
  const raw = stringOption(cl, name);
  if (raw === undefined) return undefined;
  const x = parseLocaleNumber(raw) ?? NaN;
  const what = check.integer ? "an integer" : "a number";
  const range =
    check.min !== undefined || check.max !== undefined
      ? ` ${check.min !== undefined ? (check.minExclusive ? "> " : "≥ ") + check.min : ""}${check.min !== undefined && check.max !== undefined ? " and " : ""}${check.max !== undefined ? "≤ " + check.max : ""}`
      : "";
  if (
    !Number.isFinite(x) ||
    (check.integer && !Number.isInteger(x)) ||
    (check.min !== undefined && (check.minExclusive ? x <= check.min : x < check.min)) ||
    (check.max !== undefined && x > check.max)
  ) {
    throw new UsageError(`--${name} must be ${what}${range}, got "${raw}"`, command, name);
  }
  return x;
}

/**
 * A choice option (e.g. `--aggregation median`), suggesting the closest choice when it is none of them.
 * @throws {UsageError} when the value is not one of the choices.
 * @example
 * choiceOption(cl, "aggregation", ["mean", "median"], "analyze"); // "median" for --aggregation Median
 */
export function choiceOption<T extends string>(cl: CommandLine, name: string, choices: readonly T[], command: string): T | undefined {
  const raw = stringOption(cl, name);
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === v);
  if (hit) return hit;
  const guess = closestMatch(v, choices as readonly string[]);
  throw new UsageError(`--${name} must be one of ${choices.join(", ")}; got "${raw}"${guess ? ` (did you mean ${guess}?)` : ""}`, command, name);
}

/**
 * A `min:max` (or `min:max:step`) option such as `--scale 0:4` or `--experts 5:40:5`.
 * @throws {UsageError} when it cannot be read.
 * @example
 * rangeOption(cl, "experts", 3, "power"); // [5, 40, 5] for --experts 5:40:5
 */
export function rangeOption(cl: CommandLine, name: string, parts: 2 | 3, command: string): number[] | undefined {
  const raw = stringOption(cl, name);
  if (raw === undefined) return undefined;
  const texts = raw.split(":").map((s) => s.trim());
  const xs = texts.map((t) => parseLocaleNumber(t) ?? NaN);
  const ok = (xs.length === parts || (parts === 3 && xs.length === 2)) && xs.every((x) => Number.isFinite(x));
  if (!ok) throw new UsageError(`--${name} must look like ${parts === 2 ? "0:4 (min:max)" : "5:40:5 (from:to:step)"}, got "${raw}"`, command, name);
  return xs;
}
