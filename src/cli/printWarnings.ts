import { formatProblem } from "../errors.js";
import type { InputWarning } from "../types.js";
import type { CommandIo } from "./commandIo.js";

/**
 * Print a survey's warnings (diagonal ratings ignored, imputed cells, …) on
 * stderr, one per line, at most `max` (default 10) and a count of the rest,
 * so they are seen even when stdout carries JSON. Prints nothing when there
 * are none. Also prints an analysis's own warnings (the conditioning warning,
 * docs/methods.md §2.13), given as `{ warnings }`.
 * @example
 * printWarnings(survey, io); // "cxm-dematel: 2 warnings:\n  s.csv:3, column "LEAD": diagonal rating ignored\n…"
 */
export function printWarnings(survey: { readonly warnings: readonly InputWarning[] }, io: CommandIo, max = 10): void {
  const w = survey.warnings;
  if (w.length === 0) return;
  const shown = w
    .slice(0, max)
    .map((x) => `  ${formatProblem(x)}\n`)
    .join("");
  io.stderr(
    `cxm-dematel: ${w.length} warning${w.length === 1 ? "" : "s"}:\n${shown}${w.length > max ? `  … and ${w.length - max} more (all are listed in results.json and the report)\n` : ""}`,
  );
}
