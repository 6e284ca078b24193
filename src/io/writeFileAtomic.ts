import { writeFilesAtomic } from "./writeFilesAtomic.js";

/**
 * Write a file so that readers see either the old content or the whole new
 * content, never a partial file: write to a temporary file in the same
 * folder (`.<name>.<pid>.<n>.tmp`), then rename it over the target (an
 * atomic replace on POSIX file systems). On any failure the temporary file is
 * removed and the error re-thrown. No fsync: durability against power loss
 * is not promised, completeness is. (One file of {@link writeFilesAtomic}.)
 * @param path the target file; its folder must exist.
 * @param data the content (strings are written as UTF-8).
 * @throws {Error} the file-system error (e.g. ENOENT when the folder is missing, EISDIR when the target is a folder).
 * @example
 * writeFileAtomic("out/results.json", JSON.stringify(results));
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([[path, data]]);
}
