import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Write a file so that readers see either the old content or the whole new
 * content, never a partial file: write to a temporary file in the same
 * folder (`.<name>.<pid>.<n>.tmp`), then rename it over the target (an
 * atomic replace on POSIX file systems). On any failure the temporary file is
 * removed and the error re-thrown. No fsync: durability against power loss
 * is not promised, completeness is.
 * @param path the target file; its folder must exist.
 * @param data the content (strings are written as UTF-8).
 * @throws {Error} the file-system error (e.g. ENOENT when the folder is missing, EISDIR when the target is a folder).
 * @example
 * writeFileAtomic("out/results.json", JSON.stringify(results));
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing; the original error matters */
      }
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}
