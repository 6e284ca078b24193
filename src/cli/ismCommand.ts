import { mkdirSync } from "node:fs";
import { InputError } from "../errors.js";
import type { Model } from "../types.js";
import { loadModel } from "../io/loadModel.js";
import { readSsimFile } from "../io/readSsim.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { toCsv } from "../io/toCsv.js";
import { ismAnalysis, type IsmAnalysis } from "../structure/ismAnalysis.js";
import { renderIsmReport } from "../report/renderIsmReport.js";
import { parseCommandLine, stringOption } from "./parseCommandLine.js";
import { plotlyScript } from "./plotlyScript.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";

/** The files `ism --out` writes, in this order. */
export const ISM_FILES = ["ism.json", "reachability.csv", "report.html"] as const;

/**
 * `cxm-dematel ism <file.csv> [--model m.json] [--json] [--out dir] [--close]`:
 * ISM from experts' SSIMs or from a reachability matrix (docs/methods.md §6.7):
 * prints the levels, the partition's iterations and MICMAC (text), or with
 * `--json` the {@link IsmAnalysis} object; with `--out` also writes
 * ism.json, reachability.csv (1* marking the closure's entries) and
 * report.html, all or none. A given matrix that is not transitive is
 * partitioned as given, with its missing entries listed on stderr.
 * @returns the exit status (0).
 * @throws {UsageError} without a file; {@link InputError} on bad input (every problem, located), or when the level partition of a non-transitive matrix stops.
 * @example
 * ismCommand(["ssim.csv", "--out", "res"], io); // 0, files in res/
 */
export function ismCommand(args: readonly string[], io: CommandIo): number {
  const cl = parseCommandLine(
    args,
    { model: { type: "string", short: "m" }, out: { type: "string", short: "o" }, json: { type: "boolean" }, close: { type: "boolean" } },
    1,
    "ism",
  );
  if (cl.values.help) return io.help("ism");
  const file = cl.positionals[0];
  if (file === undefined) throw new UsageError("give the SSIM or reachability matrix file", "ism");
  const modelPath = stringOption(cl, "model");
  const out = stringOption(cl, "out");
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a folder name", "ism");
  const model: Model | undefined = modelPath !== undefined ? loadModel(modelPath) : undefined;
  const inputs = [file, ...(modelPath ? [modelPath] : [])];
  const paths = out !== undefined ? checkOutputFolder(out, ISM_FILES, { inputs }) : [];
  const ism = ismAnalysis(readSsimFile(file, model), { close: cl.values.close === true });
  if (ism.stoppedAt !== undefined)
    throw new InputError({
      file,
      message: `the level partition stops at iteration ${ism.stoppedAt}: no remaining component's reachability set lies within its antecedent set, because the matrix is not transitive; rerun with --close`,
      expected: "a transitive reachability matrix",
      found: `${ism.missing.length} missing entr${ism.missing.length === 1 ? "y" : "ies"}: ${ism.missing
        .slice(0, 10)
        .map((l) => `${l.from} → ${l.to}`)
        .join(", ")}${ism.missing.length > 10 ? ", …" : ""}`,
    });
  if (!ism.transitive)
    io.stderr(
      `cxm-dematel: warning: the reachability matrix is not transitive; it is partitioned as given (--close closes it first). Missing entries: ${ism.missing.map((l) => `${l.from} → ${l.to}`).join(", ")}\n`,
    );
  if (out !== undefined) writeIsmFiles(out, paths, ism, file, model);
  io.stdout(
    cl.values.json === true
      ? JSON.stringify(ism, null, 2) + "\n"
      : ismText(ism, file) + (out !== undefined ? `\nWrote ${paths.length} files to ${out}/\n` : "\n"),
  );
  return 0;
}

/** ism.json, reachability.csv and report.html into `out` (paths from checkOutputFolder), all or none. */
function writeIsmFiles(out: string, paths: readonly string[], ism: IsmAnalysis, source: string, model: Model | undefined): void {
  const starred = new Set(ism.added.map((l) => `${l.from}\u0000${l.to}`));
  const csv = toCsv([
    ["", ...ism.components],
    ...ism.reachability.map((row, i) => [ism.components[i], ...row.map((v, j) => (starred.has(`${ism.components[i]}\u0000${ism.components[j]}`) ? "1*" : v))]),
  ]);
  mkdirSync(out, { recursive: true });
  writeFilesAtomic([
    [paths[0], JSON.stringify(ism, null, 2) + "\n"],
    [paths[1], csv],
    [paths[2], renderIsmReport(ism, { plotlyJs: plotlyScript(), source, ...(model ? { model } : {}) })],
  ]);
}

/** The text output: source, ties, levels, every iteration's sets, MICMAC. */
function ismText(ism: IsmAnalysis, file: string): string {
  const lines = [
    `ISM of ${file}: ${ism.components.length} components, ${ism.source === "ssim" ? `SSIM of ${ism.experts} expert${ism.experts === 1 ? "" : "s"}` : "reachability matrix as given"}${ism.closed ? `, closed transitively (${ism.added.length} entries added, 1*)` : ""}`,
  ];
  for (const t of ism.ties)
    lines.push(
      `  tie ${t.from} – ${t.to}: ${Object.entries(t.votes)
        .filter(([, v]) => v > 0)
        .map(([c, v]) => `${c} ×${v}`)
        .join(", ")} → ${t.chosen} (union of the tied codes)`,
    );
  lines.push("", "Levels (1 = top):");
  ism.levels.forEach((l, k) => lines.push(`  ${k + 1}: ${l.join(", ")}`));
  for (const it of ism.iterations) {
    lines.push("", `Iteration ${it.level}:`);
    for (const r of it.rows)
      lines.push(
        `  ${r.id}  R = {${r.reachability.join(", ")}}  A = {${r.antecedent.join(", ")}}  R∩A = {${r.intersection.join(", ")}}${r.intersection.length === r.reachability.length ? `  → level ${it.level}` : ""}`,
      );
  }
  lines.push("", `MICMAC (high = above n/2 = ${ism.midpoint}):`);
  for (const m of ism.micmac) lines.push(`  ${m.id}  driving ${m.driving}  dependence ${m.dependence}  ${m.quadrant}`);
  return lines.join("\n");
}
