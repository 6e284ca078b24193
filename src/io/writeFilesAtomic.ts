import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Write several files all-or-nothing as far as a file system allows: every
 * content first goes to a temporary file beside its target
 * (`.<name>.<pid>.<n>.tmp`); only when all of them are complete are they
 * renamed over their targets (each rename an atomic replace on POSIX file
 * systems). A failure while writing (disk full, permission, a target folder
 * missing) removes every temporary file and leaves every target untouched,
 * so a failed run never leaves a mix of new and old outputs. No fsync:
 * durability against power loss is not promised, completeness is.
 * @param files `[path, data]` pairs; each folder must exist; strings are written as UTF-8.
 * @throws {Error} the file-system error (e.g. ENOENT when a folder is missing, EISDIR when a target is a folder).
 * @example
 * writeFilesAtomic([["out/results.json", json], ["out/report.html", html]]);
 */
export function writeFilesAtomic(files: ReadonlyArray<readonly [string, string | Uint8Array]>): void {
  const temps: string[] = [];
  try {
    for (const [path, data] of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
      const fd = openSync(tmp, "wx", 0o644);
      temps.push(tmp);
      try {
        const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      } finally {
        closeSync(fd);
      }
    }
    files.forEach(([path], k) => {
      renameSync(temps[k], path);
      temps[k] = "";
    });
  } catch (e) {
    for (const tmp of temps) if (tmp) rmSync(tmp, { force: true });
    throw e;
  }
}
