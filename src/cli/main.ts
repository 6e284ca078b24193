#!/usr/bin/env node
/**
 * The cxm-dematel command line (the package's `bin`): runs {@link runCli}
 * on the process arguments and sets the exit status. Commands: analyze,
 * check, template, layers, power; `--help`, `--version`.
 */
import { runCli } from "./runCli.js";
import { fileErrorWords } from "../io/fileErrorWords.js";

// Output that cannot be written (stdout closed by `| head`, a full disk, /dev/full) must not end in Node's
// "Unhandled 'error' event" stack trace: a closed pipe ends quietly, anything else is a plain exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        const words = fileErrorWords(e.code, "syscall");
        process.stderr.write(`cxm-dematel: cannot write the output: ${e.code ?? e.message}${words ? ` (${words})` : ""}\n`);
      } catch {
        /* stderr is gone too */
      }
    }
    process.exit(1);
  });
}

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`cxm-dematel: internal error: ${e instanceof Error ? e.message : String(e)}; please report it.\n`);
    process.exitCode = 3;
  },
);
