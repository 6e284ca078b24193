#!/usr/bin/env node
/**
 * The cxm-dematel command line (the package's `bin`): runs {@link runCli}
 * on the process arguments and sets the exit status. Commands: analyze,
 * check, template, layers, power; `--help`, `--version`.
 */
import { runCli } from "./runCli.js";

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`cxm-dematel: internal error: ${e instanceof Error ? e.message : String(e)}; please report it.\n`);
    process.exitCode = 3;
  },
);
