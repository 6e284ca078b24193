/**
 * The one CSV formula guard (src/io/guardFormula.ts): its predicate, the guard both CSV writers
 * (toCsv's csvCell for result tables, surveyCsvCell for templates and exported surveys) apply, and
 * the reader's inverse (unguardCsvCell). Writer-specific cases: tests/csv.test.ts, tests/survey.test.ts.
 */
import { describe, expect, it } from "vitest";
import { guardFormula, startsLikeFormula } from "../src/io/guardFormula.js";
import { csvCell } from "../src/io/toCsv.js";
import { surveyCsvCell, unguardCsvCell } from "../src/io/surveyCsvCell.js";

// OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell starting
// with =, +, -, @, tab (0x09) or carriage return (0x0D) can be read as a formula; prefix a single quote.
const OWASP = ["=1+1", "+A", "-A", "@SUM(A1)", "\tTAB", "\r=1", '=HYPERLINK("http://x","y")', "-2+3", "+1e3x", "=", "-"];
const HARMLESS = ["LEAD", "a=b", "E1", "رهبری", " =x", "'quoted", "", "１", "＝1"];
const NUMBERS = ["-1.5", "+2e-3", "-1", "+7", ".5", "-0.000001", "3E+8"];

describe("startsLikeFormula(text)", () => {
  it("is true for the OWASP formula starters", () => {
    for (const t of OWASP) expect(startsLikeFormula(t)).toBe(true);
  });

  it("is false for other text, the empty string and the full-width look-alikes", () => {
    for (const t of HARMLESS) expect(startsLikeFormula(t)).toBe(false);
  });
});

describe("guardFormula(text)", () => {
  it("prefixes a single quote to every OWASP formula starter", () => {
    for (const t of OWASP) expect(guardFormula(t)).toBe("'" + t);
  });

  it("leaves plain decimal numbers and other text unchanged", () => {
    for (const t of [...NUMBERS, ...HARMLESS]) expect(guardFormula(t)).toBe(t);
    expect(guardFormula("-1.5x")).toBe("'-1.5x");
  });
});

describe("both CSV writers apply guardFormula, and unguardCsvCell undoes it", () => {
  it("csvCell and surveyCsvCell guard the same cells the same way (before their own quoting)", () => {
    const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
    for (const t of [...OWASP, ...NUMBERS, ...HARMLESS]) {
      expect(unquote(csvCell(t))).toBe(guardFormula(t));
      expect(unquote(surveyCsvCell(t))).toBe(guardFormula(t));
    }
  });

  it("unguardCsvCell(guardFormula(text)) is the text again", () => {
    for (const t of [...OWASP, ...NUMBERS, ...HARMLESS]) expect(unguardCsvCell(guardFormula(t))).toBe(t);
  });

  it("unguardCsvCell strips the quote only before a formula starter, also before a number an older writer guarded", () => {
    expect(unguardCsvCell("'=E1")).toBe("=E1");
    expect(unguardCsvCell("'\tX")).toBe("\tX");
    expect(unguardCsvCell("'-1")).toBe("-1");
    expect(unguardCsvCell("'x")).toBe("'x");
    expect(unguardCsvCell("'")).toBe("'");
    expect(unguardCsvCell("")).toBe("");
  });
});
