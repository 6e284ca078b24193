import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/** A file's content: text (written as UTF-8), bytes, or text in pieces written one after another (a large JSON file). */
export type FileContent = string | Uint8Array | Iterable<string>;

/** Text pieces are joined into blocks of about this many characters before they are written. */
const BLOCK_CHARS = 1 << 20;

/** The content as blocks of bytes: the text or bytes as they are, pieces joined up to {@link BLOCK_CHARS}. */
function* byteBlocks(data: FileContent): Generator<Uint8Array> {
  if (typeof data === "string") return yield Buffer.from(data, "utf8");
  if (data instanceof Uint8Array) return yield data;
  let pending: string[] = [];
  let size = 0;
  for (const piece of data) {
    pending.push(piece);
    size += piece.length;
    if (size < BLOCK_CHARS) continue;
    yield Buffer.from(pending.join(""), "utf8");
    pending = [];
    size = 0;
  }
  if (size > 0) yield Buffer.from(pending.join(""), "utf8");
}

/**
 * Write several files all-or-nothing as far as a file system allows: every
 * content first goes to a temporary file beside its target
 * (`.<name>.<pid>.<n>.tmp`); only when all of them are complete are they
 * renamed over their targets (each rename an atomic replace on POSIX file
 * systems). A failure while writing (disk full, permission, a target folder
 * missing) removes every temporary file and leaves every target untouched,
 * so a failed run never leaves a mix of new and old outputs. No fsync:
 * durability against power loss is not promised, completeness is.
 * @param files `[path, data]` pairs; each folder must exist; strings (and pieces of text, one after another) are written as UTF-8.
 * @throws {Error} the file-system error (e.g. ENOENT when a folder is missing, EISDIR when a target is a folder).
 * @example
 * writeFilesAtomic([["out/results.json", json], ["out/report.html", html]]);
 */
export function writeFilesAtomic(files: ReadonlyArray<readonly [string, FileContent]>): void {
  const temps: string[] = [];
  try {
    for (const [path, data] of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
      const fd = openSync(tmp, "wx", 0o644);
      temps.push(tmp);
      try {
        for (const bytes of byteBlocks(data)) {
          let off = 0;
          while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
        }
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
