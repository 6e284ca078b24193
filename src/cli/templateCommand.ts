import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { surveyTemplate } from "../io/surveyTemplate.js";
import { surveyWorkbookTemplate } from "../io/surveyWorkbookTemplate.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { formsTemplate } from "../io/formsTemplate.js";
import { sameFile } from "../io/sameFile.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { choiceOption, numberOption, parseCommandLine, stringOption } from "./parseCommandLine.js";
import { type CliMethod, cliMethod, cliModel } from "./cliInputs.js";
import { surveyReadOptions } from "./analysisOptions.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";

/**
 * `cxm-dematel template --out file.csv [--model] [--experts N] [--layout long|blocks] [--format csv|xlsx|forms] [--scale min:max|file.json] [--method classic|fuzzy|grey] [--force]`:
 * write a blank survey (atomically): a CSV file, or with `--format xlsx` an
 * Excel workbook with one grid sheet per expert (`surveyWorkbookTemplate`; `--scale min:max`, or
 * `--method fuzzy|grey` with the built-in or a `--scale file.json` linguistic scale, set its Scale
 * sheet and the cells' validation, docs/methods.md §1.7), or with `--format forms`
 * the bilingual questionnaire for a survey tool (`formsTemplate`, Markdown) and beside it
 * `<name>.mapping.json`, the mapping file that reads its export back. With `--method fuzzy|grey` or a
 * `--scale file.json` the questionnaire's grid columns are the linguistic scale's terms (its mapping reads
 * them back as the terms' codes), and a CSV survey's stdout lists the terms and the command that reads it;
 * `--scale min:max` sets a questionnaire's points as it does a workbook's. An existing file is not overwritten
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
      scale: { type: "string" },
      method: { type: "string" },
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
  const format = choiceOption(cl, "format", ["csv", "xlsx", "forms"] as const, "template") ?? "csv";
  if (format !== "csv" && stringOption(cl, "layout") !== undefined)
    throw new UsageError(
      `--layout goes with --format csv; ${format === "xlsx" ? "a workbook has one grid sheet per expert" : "a questionnaire has one grid question per component"}`,
      "template",
    );
  const chosen = cliMethod(cl, "template");
  const { scale } = surveyReadOptions(cl, "template", chosen);
  if (format === "csv" && scale)
    throw new UsageError(
      "--scale goes with --format xlsx or forms (a CSV survey lists no answers: give --scale min:max to check and analyze)",
      "template",
      "scale",
    );
  if (format === "forms" && scale && !(Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.max - scale.min <= 20))
    throw new UsageError(
      `--format forms needs whole-number scale ends at most 20 apart (one grid column per point), got "${stringOption(cl, "scale")}"`,
      "template",
      "scale",
    );
  if (format === "forms" && stringOption(cl, "experts") !== undefined)
    throw new UsageError("--experts goes with --format csv or xlsx; every expert fills in the same questionnaire", "template");
  const { model, path: modelPath } = cliModel(cl);
  if (modelPath && sameFile(out, modelPath))
    throw new InputError({ file: out, message: "refusing to write the template over the model file", expected: "another --out path" });
  const mappingOut = format === "forms" ? join(dirname(out), `${basename(out).replace(/\.(md|markdown|txt)$/i, "")}.mapping.json`) : undefined;
  for (const file of mappingOut ? [out, mappingOut] : [out])
    if (existsSync(file)) {
      if (statSync(file).isDirectory()) throw new InputError({ file, message: "--out names a folder; give a file name such as survey.csv" });
      if (cl.values.force !== true)
        throw new InputError({ file, message: "the file already exists and may hold ratings; refusing to overwrite it (use --force to replace it)" });
    }
  if (mappingOut && modelPath && sameFile(mappingOut, modelPath))
    throw new InputError({ file: mappingOut, message: "refusing to write the mapping file over the model file", expected: "another --out path" });
  checkOutputFolder(dirname(out), mappingOut ? [basename(out), basename(mappingOut)] : [basename(out)], {
    inputs: modelPath ? [modelPath] : [],
    folder: "the folder of the --out file",
  });
  mkdirSync(dirname(out), { recursive: true });
  if (mappingOut) {
    const { questionnaire, mapping } = formsTemplate(model, chosen.terms ? { terms: chosen.terms } : scale ? { scale } : {});
    writeFilesAtomic([
      [out, questionnaire],
      [mappingOut, JSON.stringify(mapping, null, 2) + "\n"],
    ]);
    io.stdout(
      `Wrote a bilingual questionnaire (${model.components.length} grid questions) to ${out} and the mapping file that reads its export back to ${mappingOut}\n` +
        termsNote(chosen, stringOption(cl, "scale"), `<export.csv> --mapping ${mappingOut}`),
    );
    return 0;
  }
  if (format === "xlsx") {
    writeFileAtomic(out, await surveyWorkbookTemplate(model, { expertCount, ...(scale ? { scale } : {}), ...(chosen.terms ? { terms: chosen.terms } : {}) }));
    io.stdout(
      `Wrote a blank workbook survey (one sheet per expert) for ${expertCount} expert${expertCount === 1 ? "" : "s"} × ${model.components.length} components to ${out}\n`,
    );
    return 0;
  }
  writeFileAtomic(out, surveyTemplate(model, { expertCount, layout }));
  io.stdout(
    `Wrote a blank ${layout} survey for ${expertCount} expert${expertCount === 1 ? "" : "s"} × ${model.components.length} components to ${out}\n` +
      termsNote(chosen, stringOption(cl, "scale"), out),
  );
  return 0;
}

/**
 * For a fuzzy or grey CSV survey or questionnaire (docs/methods.md §2.11): the terms a rating takes (code = English ·
 * Persian label, and its fuzzy or grey number) and the command that reads the filled survey; empty for classic.
 */
function termsNote(chosen: CliMethod, scaleFile: string | undefined, survey: string): string {
  const terms = chosen.terms;
  if (!terms) return "";
  const rows = terms.terms.map((t) => {
    const labels = [t.label, t.label_fa].filter((x) => x).join(" · ");
    const number = t.tfn ? `(${t.tfn.join(", ")})` : t.grey ? `[${t.grey.join(", ")}]` : "";
    return `  ${t.term}${labels ? ` = ${labels}` : ""}  ${number}`;
  });
  return (
    `Each rating takes one term of ${terms.name} (its code, or its English or Persian label, in any case):\n${rows.join("\n")}\n` +
    `Read the answers with: cxm-dematel analyze ${survey} --method ${chosen.method}${scaleFile ? ` --scale ${scaleFile}` : ""}\n`
  );
}
