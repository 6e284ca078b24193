import { formatProblem } from "../errors.js";
import { parseCommandLine } from "./parseCommandLine.js";
import { SURVEY_OPTIONS, cliModel, cliSurvey } from "./cliInputs.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";

/**
 * `cxm-dematel check <survey> [--model] [--scale] [--impute]`: validation
 * only. Prints a summary (experts, components, scale, warnings) on stdout;
 * a bad survey throws the InputError that main prints, one problem a line.
 * @returns the exit status (0).
 * @throws {UsageError} when no survey is given.
 * @example
 * checkCommand(["survey.csv"], io); // 0 and a summary, or throws InputError
 */
export function checkCommand(args: readonly string[], io: CommandIo): number {
  const cl = parseCommandLine(args, { ...SURVEY_OPTIONS }, 1, "check");
  if (cl.values.help) return io.help("check");
  if (cl.positionals.length === 0) throw new UsageError("check needs a survey file", "check");
  const { model } = cliModel(cl);
  const { survey, label: path } = cliSurvey(cl, model, "check");
  const imputed = survey.experts.reduce((s, e) => s + e.imputed.length, 0);
  io.stdout(
    `OK: ${path}\n` +
      `  experts:    ${survey.experts.length} (${survey.experts.map((e) => e.expert + (e.weight !== 1 ? ` w=${e.weight}` : "")).join(", ")})\n` +
      `  components: ${survey.components.length} (${survey.components.join(", ")})\n` +
      `  scale:      ${survey.scale.min}–${survey.scale.max}\n` +
      `  imputed:    ${imputed} rating${imputed === 1 ? "" : "s"}\n` +
      `  warnings:   ${survey.warnings.length}\n` +
      survey.warnings.map((w) => `    - ${formatProblem(w)}\n`).join(""),
  );
  return 0;
}
