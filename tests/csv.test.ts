import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../src/io/toCsv.js";
import { sameFile } from "../src/io/sameFile.js";
import { writeFileAtomic } from "../src/io/writeFileAtomic.js";

// Cases from OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection):
// cells starting with =, +, -, @, tab (0x09) or carriage return (0x0D) are prefixed with a single quote.
describe("toCsv(rows): formula-injection protection (OWASP CSV Injection)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+A", "'+A"],
    ["-A", "'-A"],
    ["@x", "'@x"],
    ["\tTAB", "'\tTAB"],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
  ])("a text cell %j is written as %j", (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it("a text cell starting with CR is prefixed and then quoted (it holds a line break)", () => {
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("negative NUMBERS stay numbers, as numbers and as plain-number text", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell("-1.5")).toBe("-1.5");
    expect(csvCell("+2e-3")).toBe("+2e-3");
    expect(csvCell(-0.000001)).toBe("-0.000001");
    expect(csvCell("-1.5x")).toBe("'-1.5x");
  });

  it("ordinary text and ids are untouched", () => {
    expect(csvCell("LEAD")).toBe("LEAD");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("رهبری")).toBe("رهبری");
  });

  it("refuses a non-finite number with a RangeError (never writes NaN silently)", () => {
    expect(() => csvCell(NaN)).toThrow(RangeError);
    expect(() => toCsv([[Infinity]])).toThrow(RangeError);
  });
});

// RFC 4180 §2: fields with commas, double quotes or line breaks are enclosed in double quotes; quotes are doubled; records end in CRLF.
describe("toCsv(rows): RFC 4180 quoting", () => {
  it("quotes commas, quotes and line breaks, doubles quotes, ends records with CRLF", () => {
    expect(
      toCsv([
        ["a,b", 'say "hi"', "two\nlines"],
        [1, 2.5, "x"],
      ]),
    ).toBe('"a,b","say ""hi""","two\nlines"\r\n1,2.5,x\r\n');
  });

  it("writes numbers at full precision (round-trip)", () => {
    const x = 0.1 + 0.2;
    expect(Number(toCsv([[x]]).trim())).toBe(x);
  });

  it("an empty table is an empty string; an empty cell stays empty", () => {
    expect(toCsv([])).toBe("");
    expect(toCsv([["", "a"]])).toBe(",a\r\n");
  });
});

describe("writeFileAtomic(path, data)", () => {
  const dir = mkdtempSync(join(tmpdir(), "cxm-atomic-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the whole content and leaves no temporary file", () => {
    const p = join(dir, "a.txt");
    writeFileAtomic(p, "hello ✓");
    expect(readFileSync(p, "utf8")).toBe("hello ✓");
    expect(readdirSync(dir)).toEqual(["a.txt"]);
  });

  it("replaces an existing file completely", () => {
    const p = join(dir, "b.txt");
    writeFileSync(p, "x".repeat(10000));
    writeFileAtomic(p, "short");
    expect(readFileSync(p, "utf8")).toBe("short");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt"]);
  });

  it("writes bytes as given", () => {
    const p = join(dir, "c.bin");
    writeFileAtomic(p, new Uint8Array([0, 255, 10]));
    expect([...readFileSync(p)]).toEqual([0, 255, 10]);
  });

  it("on failure (target is a folder) throws, keeps the folder and leaves no temporary file", () => {
    const sub = join(dir, "folder");
    mkdirSync(sub);
    expect(() => writeFileAtomic(sub, "data")).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(sub)).toEqual([]);
  });

  it("throws when the folder does not exist, creating nothing", () => {
    expect(() => writeFileAtomic(join(dir, "missing", "x.txt"), "data")).toThrow(/ENOENT/);
  });
});

describe("sameFile(a, b)", () => {
  const dir = mkdtempSync(join(tmpdir(), "cxm-same-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is true for two spellings of one path, and for a hard link (same device and inode)", () => {
    const a = join(dir, "survey.csv");
    writeFileSync(a, "x");
    expect(sameFile(join(dir, "sub", "..", "survey.csv"), a)).toBe(true);
    const link = join(dir, "link.csv");
    linkSync(a, link);
    expect(sameFile(link, a)).toBe(true);
  });

  it("is false for different files, and for a path that does not exist", () => {
    const b = join(dir, "other.csv");
    writeFileSync(b, "x");
    expect(sameFile(b, join(dir, "survey.csv"))).toBe(false);
    expect(sameFile(join(dir, "missing.csv"), b)).toBe(false);
  });
});
