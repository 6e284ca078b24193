import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { fileErrorWords } from "./fileErrorWords.js";

/** Options of {@link readInputFile}. */
export interface ReadInputFileOptions {
  /** What the file is, for the message (e.g. "survey file"). */
  what: string;
  /** What a readable file would be (e.g. "a readable CSV file"). */
  expected: string;
}

/**
 * The bytes of a user's input file (a survey or a model), read without
 * modifying it. Internal: shared by `readSurvey` and `loadModel` so both say
 * the same plain thing when the path is missing, a folder or unreadable
 * (the words of {@link fileErrorWords}, context "read").
 * @throws {InputError} `cannot read the <what>: no such file | it is a directory | permission denied | <system message>`, located at the path.
 * @example
 * readInputFile("survey.csv", { what: "survey file", expected: "a readable CSV file" }).length;
 */
export function readInputFile(path: string, options: ReadInputFileOptions): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = fileErrorWords(code, "read") ?? (e as Error).message;
    throw new InputError({ file: path, message: `cannot read the ${options.what}: ${why}`, expected: options.expected, found: JSON.stringify(path) });
  }
}
