/**
 * Helpers for tests that run the command line in-process (`runCli(args, io)`, as main.js runs it): an `io` that
 * captures stdout and stderr, and the check that no CSV cell we wrote can be read as a spreadsheet formula.
 */
import Papa from "papaparse";

/** The captured output of in-process CLI runs: `io` to pass to runCli, and what it wrote (`--help` writes "help <command>"). */
export interface CapturedIo {
  io: { stdout(t: string): void; stderr(t: string): void; help(c: string): number };
  out: string[];
  err: string[];
}

/** A fresh {@link CapturedIo}. */
export function capture(): CapturedIo {
  const out: string[] = [],
    err: string[] = [];
  return { io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), help: (c) => (out.push(`help ${c}`), 0) }, out, err };
}

/** Every text cell of a CSV file that a spreadsheet would read as a formula (a plain number is not one; OWASP, "CSV Injection"). */
export function formulaCells(csv: string): string[] {
  const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  return rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(c));
}
