import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { sameFile } from "./sameFile.js";

/** Options of {@link checkOutputFolder}. */
export interface CheckOutputFolderOptions {
  /** Files that must never be overwritten (the survey and model read). */
  inputs?: readonly string[];
  /** The option that named the folder, for the messages (default "--out"). */
  option?: string;
  /** How the messages call the folder (default "the output folder given with " + option). */
  folder?: string;
}

/**
 * Check, before any work is done or anything written, that `files` can be
 * written into the folder `outDir`: no output is one of the `inputs` (so a
 * survey or model is never overwritten), `outDir` is a folder or does not
 * exist yet (then its nearest existing parent must be a folder), and no
 * output name is taken by a folder. Writes nothing.
 * @returns the output paths, `join(outDir, file)` for each file.
 * @throws {InputError} naming the path, what was expected and what was found.
 * @example
 * checkOutputFolder("out", ["results.json"], { inputs: ["survey.csv"] }); // ["out/results.json"]
 */
export function checkOutputFolder(outDir: string, files: readonly string[], options: CheckOutputFolderOptions = {}): string[] {
  const option = options.option ?? "--out";
  const folder = options.folder ?? `the output folder given with ${option}`;
  const paths = files.map((f) => join(outDir, f));
  for (const p of paths)
    for (const input of options.inputs ?? [])
      if (sameFile(p, input))
        throw new InputError({
          file: p,
          message: `refusing to write an output over an input file; choose another ${option} folder`,
          expected: "an output path different from the survey and model files",
          found: input,
        });
  const kind = (p: string): "folder" | "file" | "none" => {
    try {
      return statSync(p).isDirectory() ? "folder" : "file";
    } catch {
      return "none";
    }
  };
  const k = kind(outDir);
  if (k === "file")
    throw new InputError({ file: outDir, message: `${folder} is a file`, expected: "a folder, or a name that does not exist yet", found: "an existing file" });
  if (k === "none") {
    let parent = resolve(outDir);
    while (kind(parent) === "none" && dirname(parent) !== parent) parent = dirname(parent);
    if (kind(parent) === "file")
      throw new InputError({
        file: outDir,
        message: `${folder} cannot be created: a part of its path is a file`,
        expected: "a path whose parents are folders",
        found: `${parent} is a file`,
      });
  }
  for (const p of paths)
    if (kind(p) === "folder")
      throw new InputError({
        file: p,
        message: "an output file's name is taken by a folder",
        expected: "a file name that is free or an earlier output file",
        found: "a folder",
      });
  return paths;
}
