/**
 * The one table of words for file-system errors (src/io/fileErrorWords.ts) and the messages its
 * users print, which must stay byte-identical: readInputFile ("read"), writeResultFiles ("mkdir"),
 * the command line's last-resort report of a failed system call and its stdout handler ("syscall").
 * Codes are the POSIX errno names (errno.h) that Node puts in error.code.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileErrorWords } from "../src/io/fileErrorWords.js";
import { readInputFile } from "../src/io/readInputFile.js";
import { runCli, type Command } from "../src/cli/runCli.js";
import { InputError } from "../src/index.js";

describe("fileErrorWords(code, context)", () => {
  it("reading an input file: no such file, it is a directory, permission denied (EACCES and EPERM)", () => {
    expect(fileErrorWords("ENOENT", "read")).toBe("no such file");
    expect(fileErrorWords("EISDIR", "read")).toBe("it is a directory");
    expect(fileErrorWords("EACCES", "read")).toBe("permission denied");
    expect(fileErrorWords("EPERM", "read")).toBe("permission denied");
    expect(fileErrorWords("ENOSPC", "read")).toBeUndefined();
  });

  it("creating the output folder: permission denied (EACCES and EPERM), disk full", () => {
    expect(fileErrorWords("EACCES", "mkdir")).toBe("permission denied");
    expect(fileErrorWords("EPERM", "mkdir")).toBe("permission denied");
    expect(fileErrorWords("ENOSPC", "mkdir")).toBe("disk full");
    expect(fileErrorWords("ENOENT", "mkdir")).toBeUndefined();
    expect(fileErrorWords("EISDIR", "mkdir")).toBeUndefined();
  });

  it("any other system call: permission denied (EACCES only), disk full, no such file or folder", () => {
    expect(fileErrorWords("EACCES", "syscall")).toBe("permission denied");
    expect(fileErrorWords("ENOSPC", "syscall")).toBe("disk full");
    expect(fileErrorWords("ENOENT", "syscall")).toBe("no such file or folder");
    expect(fileErrorWords("EPERM", "syscall")).toBeUndefined();
    expect(fileErrorWords("EISDIR", "syscall")).toBeUndefined();
  });

  it("has no words for other codes, a missing code, a non-string or an inherited property name", () => {
    for (const context of ["read", "mkdir", "syscall"] as const) {
      expect(fileErrorWords("EXDEV", context)).toBeUndefined();
      expect(fileErrorWords(undefined, context)).toBeUndefined();
      expect(fileErrorWords(2, context)).toBeUndefined();
      expect(fileErrorWords("constructor", context)).toBeUndefined();
      expect(fileErrorWords("", context)).toBeUndefined();
    }
  });
});

describe("the messages built from it are unchanged", () => {
  const dir = mkdtempSync(join(tmpdir(), "cxm-fserr-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const messageOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof InputError) return e.problems[0].message;
      throw e;
    }
    throw new Error("no error");
  };

  it("readInputFile: 'cannot read the <what>: no such file | it is a directory'", () => {
    const options = { what: "survey file", expected: "a readable CSV file" };
    expect(messageOf(() => readInputFile(join(dir, "missing.csv"), options))).toBe("cannot read the survey file: no such file");
    expect(messageOf(() => readInputFile(dir, options))).toBe("cannot read the survey file: it is a directory");
  });

  it("runCli: 'cannot <syscall> <path>: <code>' with the words in parentheses where there are any", async () => {
    const fail =
      (code: string): Command =>
      () => {
        throw Object.assign(new Error(`${code}: failed, rename 'out/x'`), { code, syscall: "rename", path: "out/x" });
      };
    const commands: Record<string, Command> = {
      enoent: fail("ENOENT"),
      eacces: fail("EACCES"),
      enospc: fail("ENOSPC"),
      eperm: fail("EPERM"),
      eisdir: fail("EISDIR"),
      exdev: fail("EXDEV"),
    };
    const expected: Record<string, string> = {
      enoent: "cxm-dematel: cannot rename out/x: ENOENT (no such file or folder)\n",
      eacces: "cxm-dematel: cannot rename out/x: EACCES (permission denied)\n",
      enospc: "cxm-dematel: cannot rename out/x: ENOSPC (disk full)\n",
      eperm: "cxm-dematel: cannot rename out/x: EPERM\n",
      eisdir: "cxm-dematel: cannot rename out/x: EISDIR\n",
      exdev: "cxm-dematel: cannot rename out/x: EXDEV\n",
    };
    for (const [name, text] of Object.entries(expected)) {
      const err: string[] = [];
      const io = { stdout: () => undefined, stderr: (t: string) => void err.push(t), help: () => 0 };
      expect(await runCli([name], io, commands)).toBe(1);
      expect(err.join("")).toBe(text);
    }
  });
});
