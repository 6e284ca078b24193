import { mkdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Model } from "../types.js";
import { UsageError } from "./usageError.js";
import { parseCommandLine, stringOption, type CommandLine } from "./parseCommandLine.js";
import { METHOD_OPTIONS, SURVEY_OPTIONS, cliAnalyzeOptions, cliModel, cliSurvey } from "./cliInputs.js";
import { plotlyScript } from "./plotlyScript.js";
import { printWarnings } from "./printWarnings.js";
import type { CommandIo } from "./commandIo.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { toCsv } from "../io/toCsv.js";
import { groupsFromSurvey, groupsFromSurveys, type GroupedPanel } from "../compare/groupedPanel.js";
import { compareGroups, type GroupComparison } from "../compare/compareGroups.js";
import { compareOptions } from "./compareOptions.js";
import { resultsJsonText } from "../report/resultsJson.js";
import { compareComponentRows, compareOverallRows } from "../report/compareTables.js";
import { renderCompareReport } from "../report/renderCompareReport.js";
import { compareReading } from "../interpret/compareReading.js";
import { formatPValue } from "../interpret/formatPValue.js";

/** The files `compare --out` writes, in this order (docs/methods.md §12.6). */
export const COMPARE_FILES = ["compare.json", "compare-overall.csv", "compare-components.csv", "compare.html"] as const;

/** The shipped SYNTHETIC two-group panel, relative to the package root: the default of `compare`. */
export const EXAMPLE_GROUPS = join("data", "surveys", "example-groups.csv");

/**
 * `cxm-dematel compare [survey] [--by group] [options]` or `cxm-dematel compare <a> <b> [--labels a,b]`
 * (docs/methods.md §12): do two groups of experts see a different influence structure? A permutation
 * test over the group labels (exact when the distinct splits are at most --max-exact, else --permutations
 * seeded random splits), per-component differences with Westfall–Young adjusted p-values, each group's own
 * analysis. Prints the reading (text) or, with `--json`, the {@link GroupComparison} (perGroup included);
 * `--out dir` writes compare.json, the two CSV tables and compare.html, all or none. With no survey, the
 * shipped SYNTHETIC two-group panel is compared.
 * @returns the exit status (0).
 * @throws {UsageError} on a bad option or a method the comparison does not support; {@link InputError} on bad input.
 * @example
 * await compareCommand(["panel.csv", "--by", "group", "--out", "cmp"], io); // 0, four files in cmp/
 */
export async function compareCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    {
      ...SURVEY_OPTIONS,
      ...METHOD_OPTIONS,
      by: { type: "string" },
      labels: { type: "string" },
      permutations: { type: "string" },
      "max-exact": { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
    },
    2,
    "compare",
  );
  if (cl.values.help) return io.help("compare");
  const options = compareOptions(cl, cliAnalyzeOptions(cl, "compare"));
  const out = stringOption(cl, "out");
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a folder name", "compare");
  const { model, path: modelPath } = cliModel(cl);
  const { panel, paths } = await groupedPanel(cl, model, io);
  const files = out !== undefined ? checkOutputFolder(out, COMPARE_FILES, { inputs: [...paths, ...(modelPath ? [modelPath] : [])] }) : [];
  const result = compareGroups(panel, model, options);
  if (out !== undefined) {
    mkdirSync(out, { recursive: true });
    writeFilesAtomic([
      [files[0], resultsJsonText(result)],
      [files[1], toCsv(compareOverallRows(result))],
      [files[2], toCsv(compareComponentRows(result))],
      [files[3], renderCompareReport(result, model, { plotlyJs: plotlyScript() })],
    ]);
  }
  if (cl.values.json === true) io.stdout(resultsJsonText(result));
  else if (cl.values.quiet !== true)
    io.stdout(compareText(result, model) + (out !== undefined ? `\nWrote ${files.length} files to ${out}/\nReport: ${join(out, "compare.html")}\n` : "\n"));
  return 0;
}

/** The two groups: one survey's group column (--by), or two surveys (--labels). */
async function groupedPanel(cl: CommandLine, model: Model, io: CommandIo): Promise<{ panel: GroupedPanel; paths: string[] }> {
  const by = stringOption(cl, "by");
  const labels = stringOption(cl, "labels");
  const quiet = cl.values.quiet === true || cl.values.json === true;
  if (cl.positionals.length === 2) {
    if (by !== undefined)
      throw new UsageError("--by reads the group column of one survey; with two surveys each file is a group (name them with --labels)", "compare", "by");
    const read = async (p: string): Promise<Awaited<ReturnType<typeof cliSurvey>>> => {
      const r = await cliSurvey({ values: cl.values, positionals: [p] }, model, "compare");
      if (!quiet) printWarnings(r.survey, io);
      return r;
    };
    const [a, b] = [await read(cl.positionals[0]), await read(cl.positionals[1])];
    return { panel: groupsFromSurveys(a.survey, b.survey, groupLabels(labels, a.label, b.label)), paths: [a.path, b.path] };
  }
  if (labels !== undefined)
    throw new UsageError("--labels names the groups of two surveys; one survey's groups are named by its group column", "compare", "labels");
  const withBy: CommandLine = by !== undefined && stringOption(cl, "group-column") === undefined ? { ...cl, values: { ...cl.values, "group-column": by } } : cl;
  const r = await cliSurvey(withBy, model, "compare", EXAMPLE_GROUPS);
  if (!quiet) printWarnings(r.survey, io);
  return { panel: groupsFromSurvey(r.survey), paths: [r.path] };
}

/** --labels "a,b", or the two files' names without their extension (their paths when the names are equal). */
function groupLabels(given: string | undefined, first: string, second: string): [string, string] {
  if (given !== undefined) {
    const parts = given.split(",").map((s) => s.trim());
    if (parts.length !== 2 || parts.some((s) => s === ""))
      throw new UsageError(`--labels needs two names separated by a comma, got "${given}"`, "compare", "labels");
    return [parts[0], parts[1]];
  }
  const short = (p: string): string => basename(p, extname(p));
  return short(first) !== short(second) ? [short(first), short(second)] : [first, second];
}

/** The text output: the SYNTHETIC note, the reading, then the overall tests. */
function compareText(c: GroupComparison, model: Model): string {
  const lines = [
    ...(c.meta.synthetic ? ["Note: SYNTHETIC example data (see data/README.md); the results are not evidence about the model or any group."] : []),
    `Compared ${c.groups.map((g) => `${g.label} (${g.experts.length} experts)`).join(" with ")}`,
    "",
    ...compareReading(c, model).map((s) => `- ${s}`),
    "",
    "Overall tests (docs/methods.md §12.2–12.3):",
    ...c.overall.map((o) => `  ${o.statistic.padEnd(18)} ${(Number.isFinite(o.value) ? o.value.toFixed(4) : "n/a").padStart(9)}   p = ${formatPValue(o.p)}`),
  ];
  return lines.join("\n");
}
