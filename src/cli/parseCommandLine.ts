import { parseArgs } from "node:util";
import { closestMatch } from "../io/closestMatch.js";
import { UsageError } from "./usageError.js";

/** One option a command accepts: `--name value` (string) or `--name` (boolean). */
export interface OptionSpec {
  type: "string" | "boolean";
  /** One-letter alias, e.g. `o` for `--out`. */
  short?: string;
}

/** The parsed command line of one command. */
export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parse a command's arguments with `node:util` parseArgs (strict), turning
 * its errors into {@link UsageError}s a user can act on: an unknown option
 * names the closest known one ("did you mean --out?"), a missing value says
 * which option needs one, extra positional arguments are refused.
 * @param args the arguments after the command name.
 * @param options the command's options (help, version, debug are always added).
 * @param maxPositionals how many positional arguments the command takes.
 * @throws {UsageError} on any misuse.
 * @example
 * parseCommandLine(["x.csv", "--out", "res"], { out: { type: "string" } }, 1, "analyze");
 */
export function parseCommandLine(args: readonly string[], options: Record<string, OptionSpec>, maxPositionals: number, command: string): CommandLine {
  const all: Record<string, OptionSpec> = { help: { type: "boolean", short: "h" }, debug: { type: "boolean" }, ...options };
  const names = Object.keys(all);
  const shorts = new Map(
    Object.entries(all)
      .filter(([, s]) => s.short)
      .map(([k, s]) => [s.short as string, k] as const),
  );
  for (const a of args) {
    if (a === "--") break;
    if (a.startsWith("--")) {
      const name = a.slice(2).split("=")[0];
      if (!names.includes(name)) {
        const guess = closestMatch(name, names, { maxDistance: Math.max(2, Math.round(0.5 * name.length)) });
        throw new UsageError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ""}`, command);
      }
    } else if (/^-[A-Za-z]/.test(a) && !shorts.has(a[1])) {
      throw new UsageError(`unknown option ${a}`, command);
    }
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: all, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'(-[^' ]+)/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (/missing/.test(err.message)) throw new UsageError(`option ${opt ?? ""} needs a value`, command);
      if (/ambiguous/.test(err.message))
        throw new UsageError(`option ${opt ?? ""} needs a value; to give one that starts with a dash, write ${opt ?? "--option"}=-0.5`, command);
      throw new UsageError(err.message.split("\n")[0], command);
    }
    throw new UsageError(err.message.split("\n")[0], command);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(
      maxPositionals === 0
        ? `unexpected argument "${parsed.positionals[0]}"`
        : `too many arguments: ${parsed.positionals.map((p) => `"${p}"`).join(" ")} (at most ${maxPositionals})`,
      command,
    );
  }
  return parsed;
}

/** A string option's value, or undefined.
 * @example
 * stringOption(parseCommandLine(["--out", "res"], { out: { type: "string" } }, 0, "x"), "out"); // "res" */
export function stringOption(cl: CommandLine, name: string): string | undefined {
  const v = cl.values[name];
  return typeof v === "string" ? v : undefined;
}

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
  const x = Number(raw.trim());
  const what = check.integer ? "an integer" : "a number";
  const range =
    check.min !== undefined || check.max !== undefined
      ? ` ${check.min !== undefined ? (check.minExclusive ? "> " : "≥ ") + check.min : ""}${check.min !== undefined && check.max !== undefined ? " and " : ""}${check.max !== undefined ? "≤ " + check.max : ""}`
      : "";
  if (
    raw.trim() === "" ||
    !Number.isFinite(x) ||
    (check.integer && !Number.isInteger(x)) ||
    (check.min !== undefined && (check.minExclusive ? x <= check.min : x < check.min)) ||
    (check.max !== undefined && x > check.max)
  ) {
    throw new UsageError(`--${name} must be ${what}${range}, got "${raw}"`, command);
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
  throw new UsageError(`--${name} must be one of ${choices.join(", ")}; got "${raw}"${guess ? ` (did you mean ${guess}?)` : ""}`, command);
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
  const xs = texts.map(Number);
  const ok = (xs.length === parts || (parts === 3 && xs.length === 2)) && xs.every((x, k) => texts[k] !== "" && Number.isFinite(x));
  if (!ok) throw new UsageError(`--${name} must look like ${parts === 2 ? "0:4 (min:max)" : "5:40:5 (from:to:step)"}, got "${raw}"`, command);
  return xs;
}
