import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InfeasibleError, InputError, formatProblem } from "../errors.js";
import { TOOL } from "../tool.js";
import { closestMatch } from "../io/closestMatch.js";
import { fileErrorWords } from "../io/fileErrorWords.js";
import { USAGE } from "./usage.js";
import { UsageError } from "./usageError.js";
import { packageRoot } from "./packageRoot.js";
import type { CommandIo } from "./commandIo.js";
import { terminalSafe } from "./terminalSafe.js";
import { analyzeCommand } from "./analyzeCommand.js";
import { checkCommand } from "./checkCommand.js";
import { templateCommand } from "./templateCommand.js";
import { layersCommand } from "./layersCommand.js";
import { powerCommand } from "./powerCommand.js";
import { ismCommand } from "./ismCommand.js";
import { readinessCommand } from "./readinessCommand.js";
import { compareCommand } from "./compareCommand.js";

/** The commands of the CLI by name. */
export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  check: checkCommand,
  template: templateCommand,
  layers: layersCommand,
  power: powerCommand,
  ism: ismCommand,
  readiness: readinessCommand,
  compare: compareCommand,
};

function version(): string {
  const root = packageRoot();
  try {
    if (root) return String((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: unknown }).version ?? TOOL.version);
  } catch {
    /* fall back to the compiled-in version */
  }
  return TOOL.version;
}

/** A command: its arguments (after the command name) and where to write; returns the exit status. */
export type Command = (args: readonly string[], io: CommandIo) => number | Promise<number>;

/**
 * Run the cxm-dematel command line and return the exit status (it never calls
 * process.exit, so output is flushed by the caller). Exit status: 0 success;
 * 1 bad input — an InputError's problems one per line, or an
 * InfeasibleError's or a file-system error's message, on stderr, no stack
 * trace; 2 wrong usage — the message and the command's usage on stderr;
 * 3 an unexpected internal error — a short message and "please report", the
 * stack only with `--debug`.
 * @param argv the arguments after `node main.js`, e.g. `["analyze", "survey.csv"]`.
 * @param io where to write (default: process stdout/stderr).
 * @param commands the commands by name (default {@link COMMANDS}; tests inject others).
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], io: CommandIo = defaultIo(), commands: Record<string, Command> = COMMANDS): Promise<number> {
  const debug = argv.includes("--debug");
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      if (command === undefined) {
        io.stderr(USAGE.main + "\n");
        return 2;
      }
      return io.help("main");
    }
    if (command === "--version" || command === "-v") {
      io.stdout(version() + "\n");
      return 0;
    }
    const run = commands[command];
    if (!run) {
      const guess = closestMatch(command, Object.keys(commands), { maxDistance: 3 });
      throw new UsageError(
        command.startsWith("-")
          ? `unknown option ${command} (give a command first)`
          : `unknown command "${command}"${guess ? ` (did you mean ${guess}?)` : ""}`,
      );
    }
    return await run(rest, io);
  } catch (e) {
    return reportError(e, io, debug);
  }
}

/**
 * Report an error thrown by a command on stderr and return the exit status: 2 for wrong usage (with the
 * command's usage), 1 for bad input (an InputError's problems one per line, an InfeasibleError's or a
 * failed system call's message), 3 for anything else (an internal error: "please report"); the stack
 * only with `--debug`.
 */
function reportError(e: unknown, io: CommandIo, debug: boolean): number {
  if (e instanceof UsageError) {
    io.stderr(`cxm-dematel: ${e.message}\n\n${USAGE[e.command ?? "main"] ?? USAGE.main}\n`);
    return 2;
  }
  if (e instanceof InputError) {
    const list = e.problems.map(formatProblem);
    io.stderr(
      `cxm-dematel: ${list.length + e.truncated === 1 ? "1 problem" : `${list.length + e.truncated} problems`} in the input:\n` +
        list.map((l) => `  ${l}\n`).join("") +
        (e.truncated ? `  … and ${e.truncated} more\n` : ""),
    );
    if (debug) io.stderr((e.stack ?? "") + "\n");
    return 1;
  }
  if (e instanceof InfeasibleError) {
    io.stderr(`cxm-dematel: ${e.message}\n`);
    if (debug) io.stderr((e.stack ?? "") + "\n");
    return 1;
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code) && (e as NodeJS.ErrnoException).syscall) {
    const err = e as NodeJS.ErrnoException;
    const words = fileErrorWords(code, "syscall");
    io.stderr(`cxm-dematel: cannot ${err.syscall} ${err.path ?? ""}: ${code}${words ? ` (${words})` : ""}\n`);
    if (debug) io.stderr((err.stack ?? "") + "\n");
    return 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr(
    `cxm-dematel: internal error: ${msg}\nThis is a bug in cxm-dematel ${TOOL.version}; please report it with the command you ran${debug ? "" : " (add --debug to see the stack trace)"}.\n`,
  );
  if (debug && e instanceof Error) io.stderr((e.stack ?? "") + "\n");
  return 3;
}

/** Standard output and error of the process, with control characters from users' labels escaped
 * ({@link terminalSafe}); `help` prints usage on stdout.
 * @example
 * await runCli(["--version"], defaultIo()); // prints the version, returns 0 */
export function defaultIo(): CommandIo {
  return {
    stdout: (t) => void process.stdout.write(terminalSafe(t)),
    stderr: (t) => void process.stderr.write(terminalSafe(t)),
    help(command) {
      process.stdout.write((USAGE[command] ?? USAGE.main) + "\n");
      return 0;
    },
  };
}
