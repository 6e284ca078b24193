import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { InputError } from "../errors.js";
import { surveyTemplate } from "../io/surveyTemplate.js";
import { surveyWorkbookTemplate } from "../io/surveyWorkbookTemplate.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { sameFile } from "../io/sameFile.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { choiceOption, numberOption, parseCommandLine, stringOption } from "./parseCommandLine.js";
import { cliModel } from "./cliInputs.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";

/**
 * `cxm-dematel template --out file.csv [--model] [--experts N] [--layout long|blocks] [--format csv|xlsx] [--force]`:
 * write a blank survey (atomically): a CSV file, or with `--format xlsx` an
 * Excel workbook with one grid sheet per expert (`surveyWorkbookTemplate`). An existing file is not overwritten
 * without --force, and never when it is the model file.
 * @returns the exit status (0).
 * @throws {UsageError} without --out or with a bad option; {@link InputError} when the file exists.
 * @example
 * await templateCommand(["--out", "blank.csv", "--experts", "12"], io); // 0, blank.csv written
 */
export async function templateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    {
      model: { type: "string", short: "m" },
      experts: { type: "string" },
      layout: { type: "string" },
      format: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    0,
    "template",
  );
  if (cl.values.help) return io.help("template");
  const out = stringOption(cl, "out");
  if (out === undefined || out.trim() === "") throw new UsageError("template needs --out <file.csv>", "template");
  const expertCount = numberOption(cl, "experts", "template", { integer: true, min: 1 }) ?? 3;
  const layout = choiceOption(cl, "layout", ["blocks", "long"] as const, "template") ?? "blocks";
  const format = choiceOption(cl, "format", ["csv", "xlsx"] as const, "template") ?? "csv";
  if (format === "xlsx" && stringOption(cl, "layout") !== undefined)
    throw new UsageError("--layout goes with --format csv; a workbook has one grid sheet per expert", "template");
  const { model, path: modelPath } = cliModel(cl);
  if (modelPath && sameFile(out, modelPath))
    throw new InputError({ file: out, message: "refusing to write the template over the model file", expected: "another --out path" });
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new InputError({ file: out, message: "--out names a folder; give a file name such as survey.csv" });
    if (cl.values.force !== true)
      throw new InputError({ file: out, message: "the file already exists and may hold ratings; refusing to overwrite it (use --force to replace it)" });
  }
  checkOutputFolder(dirname(out), [basename(out)], { inputs: modelPath ? [modelPath] : [], folder: "the folder of the --out file" });
  mkdirSync(dirname(out), { recursive: true });
  if (format === "xlsx") {
    writeFileAtomic(out, await surveyWorkbookTemplate(model, { expertCount }));
    io.stdout(
      `Wrote a blank workbook survey (one sheet per expert) for ${expertCount} expert${expertCount === 1 ? "" : "s"} × ${model.components.length} components to ${out}\n`,
    );
    return 0;
  }
  writeFileAtomic(out, surveyTemplate(model, { expertCount, layout }));
  io.stdout(`Wrote a blank ${layout} survey for ${expertCount} expert${expertCount === 1 ? "" : "s"} × ${model.components.length} components to ${out}\n`);
  return 0;
}
