import { parseArgs } from "node:util";
import { closestMatch } from "../io/closestMatch.js";
import { UsageError } from "./usageError.js";
import type { CommandLine } from "./optionReaders.js";

export { type CommandLine, choiceOption, numberOption, rangeOption, stringOption } from "./optionReaders.js";

/** One option a command accepts: `--name value` (string) or `--name` (boolean). */
export interface OptionSpec {
  type: "string" | "boolean";
  /** One-letter alias, e.g. `o` for `--out`. */
  short?: string;
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
