/**
 * Where a file-system error is said in words, which decides the words:
 * - `"read"`: reading an input file the user named (a survey or a model);
 *   the words replace the error code in the message.
 * - `"mkdir"`: creating the output folder; the words replace the code.
 * - `"syscall"`: any other failed system call (writing results or a
 *   template, writing to stdout); the words follow the code in parentheses.
 */
export type FileErrorContext = "read" | "mkdir" | "syscall";

/**
 * The one table of plain words for file-system error codes (POSIX errno
 * names, as Node's `error.code`). A code has words only in the contexts
 * listed; the contexts differ where the command line's messages always have
 * (ENOENT is "no such file" for an input file, "no such file or folder" for
 * any other call; EPERM and EISDIR have words only when reading an input;
 * ENOSPC only where a write can fill the disk), so that every message it
 * prints stays as it was.
 */
const WORDS: ReadonlyMap<string, Readonly<Partial<Record<FileErrorContext, string>>>> = new Map([
  ["ENOENT", { read: "no such file", syscall: "no such file or folder" }],
  ["EISDIR", { read: "it is a directory" }],
  ["EACCES", { read: "permission denied", mkdir: "permission denied", syscall: "permission denied" }],
  ["EPERM", { read: "permission denied", mkdir: "permission denied" }],
  ["ENOSPC", { mkdir: "disk full", syscall: "disk full" }],
]);

/**
 * Plain words for a file-system error code in a context, or undefined when
 * the code has none there (the caller then shows the system's message or the
 * bare code). Used by `readInputFile` (context "read"), `writeResultFiles`
 * ("mkdir") and the command line's last-resort error report and stdout
 * handler ("syscall").
 * Source: the POSIX error names (errno.h; Node's `error.code`).
 * @param code the error's `code` (anything: a non-string has no words).
 * @throws nothing.
 * @example
 * fileErrorWords("ENOENT", "read"); // "no such file"
 * fileErrorWords("ENOENT", "syscall"); // "no such file or folder"
 * fileErrorWords("EPERM", "syscall"); // undefined
 */
export function fileErrorWords(code: unknown, context: FileErrorContext): string | undefined {
  return typeof code === "string" ? WORDS.get(code)?.[context] : undefined;
}
