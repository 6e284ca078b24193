import { mkdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "./usageError.js";
import { parseCommandLine, stringOption, numberOption, type CommandLine } from "./parseCommandLine.js";
import { METHOD_OPTIONS, SURVEY_OPTIONS, cliAnalyzeOptions, cliModel, cliSurvey } from "./cliInputs.js";
import { plotlyScript } from "./plotlyScript.js";
import { printWarnings } from "./printWarnings.js";
import { packageRoot } from "./packageRoot.js";
import type { CommandIo } from "./commandIo.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { toCsv } from "../io/toCsv.js";
import { readReadinessScoresFile, type ScoreScale } from "../io/readReadinessScores.js";
import { assessReadiness, type ReadinessResult } from "../readiness/assessReadiness.js";
import { readinessRows } from "../report/readinessTable.js";
import { renderReadinessReport } from "../report/renderReadinessReport.js";

/** The files `readiness --out` writes, in this order. */
export const READINESS_FILES = ["readiness.json", "readiness.csv", "readiness.html"] as const;

/** The method options that apply to the baseline (no bootstrap here). */
const { bootstrap: _bootstrap, seed: _seed, ...BASELINE_OPTIONS } = METHOD_OPTIONS;

/**
 * `cxm-dematel readiness <scores.csv> [survey] [options]` (docs/methods.md §13):
 * one organisation's scores against the influence structure of an expert
 * survey (default: the shipped SYNTHETIC example panel): gaps to the
 * aspiration, the weighted readiness index, the improvement order with a
 * reason per component. Prints the order (text) or, with `--json`, the
 * {@link ReadinessResult}; `--out dir` also writes readiness.json,
 * readiness.csv and readiness.html, all three or none. Every problem in the
 * scores file is reported at once (exit 1, nothing written).
 * @returns the exit status (0).
 * @throws {UsageError} without a scores file or on a bad option; {@link InputError} on bad input.
 * @example
 * await readinessCommand(["scores.csv", "--out", "res"], io); // 0, files in res/
 */
export async function readinessCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    {
      ...SURVEY_OPTIONS,
      ...BASELINE_OPTIONS,
      "scale-min": { type: "string" },
      "scale-max": { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
    },
    2,
    "readiness",
  );
  if (cl.values.help) return io.help("readiness");
  const scoresPath = cl.positionals[0];
  if (scoresPath === undefined) throw new UsageError("give the organisation's scores file (component,score[,aspiration])", "readiness");
  const scale = scoreScale(cl);
  const out = stringOption(cl, "out");
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a folder name", "readiness");
  const options = cliAnalyzeOptions(cl, "readiness");
  const { model, path: modelPath } = cliModel(cl);
  const surveyCl: CommandLine = { values: cl.values, positionals: cl.positionals.slice(1) };
  const inputs = [scoresPath, ...(cl.positionals[1] ? [cl.positionals[1]] : []), ...(modelPath ? [modelPath] : [])];
  const paths = out !== undefined ? checkOutputFolder(out, READINESS_FILES, { inputs }) : [];
  const scores = readReadinessScoresFile(scoresPath, model, scale ? { scale } : {});
  const { survey } = await cliSurvey(surveyCl, model, "readiness");
  if (cl.values.quiet !== true && cl.values.json !== true) printWarnings(survey, io);
  const result = assessReadiness(survey, model, scores, { ...(options.settings ? { settings: options.settings } : {}) });
  if (shippedExample(scoresPath)) result.meta.synthetic = true;
  if (out !== undefined) {
    mkdirSync(out, { recursive: true });
    writeFilesAtomic([
      [paths[0], JSON.stringify(result, null, 2) + "\n"],
      [paths[1], toCsv(readinessRows(result))],
      [paths[2], renderReadinessReport(result, { plotlyJs: plotlyScript() })],
    ]);
  }
  if (cl.values.json === true) io.stdout(JSON.stringify(result, null, 2) + "\n");
  else io.stdout(readinessText(result) + (out !== undefined ? `\nWrote ${paths.length} files to ${out}/\nReport: ${join(out, "readiness.html")}\n` : "\n"));
  return 0;
}

/** --scale-min and --scale-max together, or neither. */
function scoreScale(cl: CommandLine): ScoreScale | undefined {
  const min = numberOption(cl, "scale-min", "readiness");
  const max = numberOption(cl, "scale-max", "readiness");
  if (min === undefined && max === undefined) return undefined;
  if (min === undefined || max === undefined) throw new UsageError("--scale-min and --scale-max go together", "readiness");
  if (!(min < max)) throw new UsageError(`--scale-min must be below --scale-max, got ${min} and ${max}`, "readiness");
  return { min, max };
}

/** True for a scores file inside the package's data/readiness folder (the shipped SYNTHETIC examples). */
function shippedExample(path: string): boolean {
  const root = packageRoot();
  if (!root) return false;
  const rel = relative(join(root, "data", "readiness"), resolve(path));
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** The text output: the index, the weights, then the order with reasons. */
function readinessText(r: ReadinessResult): string {
  const lines = [
    ...(r.meta.synthetic ? ["Note: SYNTHETIC example data (see data/README.md); the results describe no real organisation."] : []),
    `Readiness of ${r.meta.scores} against ${r.meta.survey} (${r.meta.experts} experts): index ${r.index.toFixed(2)} (1 = every component at its aspiration), weighted gap ${r.weightedGap.toFixed(2)}`,
    `Weights: ${r.meta.weightsNote}`,
    `Order: ${r.meta.rule}`,
    "",
    ...r.components.map((c) => `  ${String(c.priority).padStart(2)}. ${c.id}: ${c.reason}`),
  ];
  return lines.join("\n");
}
