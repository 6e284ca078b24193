import { InfeasibleError, InputError, formatProblem } from "../errors.js";
import { surveyBaseline } from "../pipeline/analyzeSurvey.js";
import { parseCommandLine } from "./parseCommandLine.js";
import { SURVEY_OPTIONS, cliAnalyzeOptions, cliMethod, cliModel, cliSurvey } from "./cliInputs.js";
import { UsageError } from "./usageError.js";
import { readProgress } from "./readProgress.js";
import type { CommandIo } from "./commandIo.js";

/**
 * `cxm-dematel check <survey> [--model] [--scale] [--impute]`: validation
 * only. Prints a summary (experts, components, scale, warnings) on stdout;
 * a bad survey throws the InputError that main prints, one problem a line.
 * A well-formed survey on which the default analysis stops (all ratings 0,
 * or T does not exist) gets its summary and the reason on stderr, exit 1, so
 * that "OK" means `analyze` will run with default options. A large survey's read shows its progress on a
 * terminal's stderr once it takes a second ({@link readProgress}).
 * @returns the exit status (0, or 1 when the default analysis would stop).
 * @throws {UsageError} when no survey is given.
 * @example
 * await checkCommand(["survey.csv"], io); // 0 and a summary, or throws InputError
 */
export async function checkCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(args, { ...SURVEY_OPTIONS }, 1, "check");
  if (cl.values.help) return io.help("check");
  if (cl.positionals.length === 0) throw new UsageError("check needs a survey file", "check");
  const { settings } = cliAnalyzeOptions(cl, "check");
  const { terms } = cliMethod(cl, "check");
  const { model } = cliModel(cl);
  const progress = readProgress(cl.positionals[0]);
  const { survey, label: path } = await cliSurvey(cl, model, "check", undefined, progress).finally(() => progress.finish());
  const imputed = survey.experts.reduce((s, e) => s + e.imputed.length, 0);
  // A survey can be well formed and still give no analysis (every rating 0, or every row sum equal so that
  // T does not exist): compute the baseline `analyze` starts from (its later stages turn failures into notes),
  // so that "OK" means `analyze` with these options will run, without the cost of leave-one-out and the layer tests.
  let stops: string | undefined;
  try {
    surveyBaseline(survey, model, settings);
  } catch (e) {
    if (e instanceof InfeasibleError || e instanceof InputError) stops = e instanceof InputError ? e.problems.map(formatProblem).join("; ") : e.message;
    else throw e;
  }
  io.stdout(
    `${stops === undefined ? "OK" : "WELL FORMED, BUT NOT ANALYSABLE WITH DEFAULT OPTIONS"}: ${path}\n` +
      `  experts:    ${survey.experts.length} (${survey.experts.map((e) => e.expert + (e.weight !== 1 ? ` w=${e.weight}` : "")).join(", ")})\n` +
      `  components: ${survey.components.length} (${survey.components.join(", ")})\n` +
      `  scale:      ${terms ? `${terms.name} (${terms.terms.length} terms, method ${cliMethod(cl, "check").method})` : `${survey.scale.min}–${survey.scale.max}`}\n` +
      `  imputed:    ${imputed} rating${imputed === 1 ? "" : "s"}\n` +
      `  warnings:   ${survey.warnings.length}\n` +
      survey.warnings.map((w) => `    - ${formatProblem(w)}\n`).join(""),
  );
  if (stops !== undefined) {
    io.stderr(`cxm-dematel: analyze with default options would stop: ${stops}\n`);
    return 1;
  }
  return 0;
}
