/**
 * Safety and limits of the workbook reader (issue 8, item 6; docs/methods.md §1.3): a zip bomb (sizes
 * declared honestly or lied about), a sheet of 10⁶ rows, too many cells, a cut-off or broken file, a
 * password-protected workbook and an old .xls each give one clear located InputError within seconds,
 * before ExcelJS holds the file in memory. Every hostile file is built here (tests/hostileFiles.ts);
 * the ordinary workbooks with ExcelJS itself. Expected sizes come from the builders' own arithmetic.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "../src/errors.js";
import { checkWorkbookArchive, MAX_SHEET_ROWS, MAX_WORKBOOK_CELLS } from "../src/io/checkWorkbookArchive.js";
import { compoundFileKind } from "../src/io/compoundFileKind.js";
import { parseSurveyBytes } from "../src/io/parseSurveyBytes.js";
import { isXlsxBytes } from "../src/io/isXlsxBytes.js";
import { decodeSurveyBytes } from "../src/io/readSurvey.js";
import { readZipDirectory } from "../src/io/zipDirectory.js";
import { TINY_MODEL as tiny } from "./helpers.js";
import { compoundFile, sheetXml, xlsxParts, zipArchive } from "./hostileFiles.js";

/** The lines of the InputError that `run` rejects with (fails on any other outcome), and how long it took. */
async function refusal(run: () => Promise<unknown>): Promise<{ lines: string[]; ms: number }> {
  const t0 = performance.now();
  try {
    await run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { lines: e.problems.map(formatProblem), ms: performance.now() - t0 };
  }
  throw new Error("expected an InputError");
}

const checked = (bytes: Uint8Array): Promise<{ lines: string[]; ms: number }> => refusal(() => checkWorkbookArchive(bytes, "s.xlsx"));
const parsed = (bytes: Uint8Array): Promise<{ lines: string[]; ms: number }> => refusal(() => parseSurveyBytes(bytes, tiny, { source: "s.xlsx" }));

async function excelWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("E1");
  ws.addRow([undefined, "A", "B", "C"]);
  for (let r = 0; r < rows; r++) ws.addRow(["A", r % 5, 1, 2]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readZipDirectory(bytes): the central directory, without inflating", () => {
  it("lists an ExcelJS workbook's entries with their true sizes (the hand-written archive's sizes are known)", async () => {
    const dir = readZipDirectory(await excelWorkbook(3));
    expect("entries" in dir && dir.entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    const mine = readZipDirectory(
      zipArchive([
        { name: "a.xml", data: "x".repeat(1000) },
        { name: "b.bin", data: "yz", stored: true },
      ]),
    );
    expect("entries" in mine && mine.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["a.xml", 8, 1000],
      ["b.bin", 0, 2],
    ]);
  });

  it("reads the sizes of a ZIP64 extra field when the directory's 32-bit fields say 0xFFFFFFFF", () => {
    const dir = readZipDirectory(zipArchive([{ name: "big.xml", data: "x".repeat(5000), zip64: true, declare: 6_000_000_000 }]));
    expect("entries" in dir && dir.entries.map((e) => [e.name, e.uncompressedSize, e.compressedSize > 0])).toEqual([["big.xml", 6_000_000_000, true]]);
  });

  it("a ZIP64 extra field that declares more bytes than the entry has is read no further than its region: no raw error", () => {
    const bytes = Uint8Array.from(zipArchive([{ name: "big.xml", data: "x".repeat(50), zip64: true, declare: 6_000_000_000 }]));
    // The central directory's extra field: id 0x0001, length 16; claim 0xFFF0 bytes instead.
    let at = bytes.length - 1;
    while (!(bytes[at] === 0x01 && bytes[at + 1] === 0x00 && bytes[at + 2] === 0x10 && bytes[at + 3] === 0x00)) at--;
    bytes[at + 2] = 0xf0;
    bytes[at + 3] = 0xff;
    expect(() => readZipDirectory(bytes)).not.toThrow();
    // Every 64-bit size still lies inside the 16 bytes of the region, so the sizes read as declared.
    const dir = readZipDirectory(bytes);
    expect("entries" in dir ? dir.entries[0].uncompressedSize : dir.damaged).toBe(6_000_000_000);
  });

  it("a record that points outside the file is damaged, not a RangeError", () => {
    const bytes = Uint8Array.from(zipArchive([{ name: "a.xml", data: "<a/>" }]));
    // The end record's directory size: claim a directory that ends beyond the end record.
    const eocd = bytes.length - 22;
    bytes[eocd + 12] = 0xff;
    expect(readZipDirectory(bytes)).toEqual({ damaged: expect.any(String) });
  });

  it("a cut-off file is damaged, wherever it is cut; so is a file with no ZIP at all", async () => {
    const bytes = await excelWorkbook(3);
    for (const keep of [bytes.length - 1, bytes.length - 30, Math.floor(bytes.length / 2), 100])
      expect(readZipDirectory(bytes.subarray(0, keep))).toEqual({ damaged: expect.stringMatching(/cut off|missing/) });
    expect(readZipDirectory(new Uint8Array(10))).toEqual({ damaged: expect.stringMatching(/end-of-directory record is missing/) });
  });
});

describe("checkWorkbookArchive(bytes, file): refused before ExcelJS, within a second", () => {
  it("an ordinary workbook passes", async () => {
    await expect(checkWorkbookArchive(await excelWorkbook(50), "s.xlsx")).resolves.toBeUndefined();
  });

  it("a zip bomb that declares gigabytes: refused from its directory alone", async () => {
    const parts = xlsxParts([["E1", sheetXml(2)]], [{ name: "xl/sharedStrings.xml", data: new Uint8Array(1000), declare: 0xf0000000 }]);
    const { lines, ms } = await checked(zipArchive(parts));
    expect(lines).toEqual([
      's.xlsx: the workbook is a zip bomb (a part inflates far beyond its size) (expected a workbook whose parts inflate at most 200 times (a sheet of Excel\'s: 5 to 30 times), found ZIP entry "xl/sharedStrings.xml" of 11 bytes declares 4,026.5 MB, 366,048,349 times more)',
    ]);
    expect(ms).toBeLessThan(1000);
    // Many parts of honest ratio that add up to more than 200 MB.
    const many = xlsxParts(
      [["E1", sheetXml(2)]],
      [1, 2, 3].map((k) => ({ name: `xl/media/image${k}.bin`, data: new Uint8Array(1000), declare: 90_000_000 })),
    );
    expect((await checked(zipArchive(many.map((p) => (p.declare ? { ...p, raw: new Uint8Array(500_000) } : p))))).lines[0]).toMatch(
      /^s\.xlsx: the workbook is too large to read \(expected at most 200 MB inflated .*, found parts that inflate to 270 MB\)$/,
    );
  });

  it("a zip bomb of honest sizes (20 MB of zeros in 20 kB): refused by its ratio", async () => {
    const parts = xlsxParts([["E1", sheetXml(2)]], [{ name: "xl/sharedStrings.xml", data: new Uint8Array(20_000_000) }]);
    const { lines, ms } = await checked(zipArchive(parts));
    expect(lines[0]).toMatch(
      /^s\.xlsx: the workbook is a zip bomb \(a part inflates far beyond its size\) .*found ZIP entry "xl\/sharedStrings\.xml" of [\d,]+ bytes declares 20 MB/,
    );
    expect(ms).toBeLessThan(1000);
  });

  it("a zip bomb that lies (declares 1 kB, inflates to 50 MB): stopped as soon as it outgrows its declared size", async () => {
    const parts = xlsxParts([["E1", sheetXml(2)]], [{ name: "xl/sharedStrings.xml", data: new Uint8Array(50_000_000), declare: 1000 }]);
    const { lines, ms } = await checked(zipArchive(parts));
    expect(lines).toEqual([
      's.xlsx: the workbook is a zip bomb (a part inflates beyond its declared size) (expected a workbook whose parts inflate to the sizes they declare, found ZIP entry "xl/sharedStrings.xml" inflates to more than the 1,000 bytes it declares)',
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it("a sheet of 10⁶ rows: refused, naming the sheet and the limit, after reading about a tenth of it", async () => {
    const bytes = zipArchive(xlsxParts([["Responses & more", sheetXml(1_000_000)]]));
    const { lines, ms } = await checked(bytes);
    expect(lines).toEqual([
      's.xlsx: the sheet "Responses & more" has too many rows to read (expected at most 100,000 rows in a sheet; delete empty or unused rows, or split the respondents, found more than 100,000 rows)',
    ]);
    expect(MAX_SHEET_ROWS).toBe(100_000);
    expect(ms).toBeLessThan(2000);
  }, 20_000);

  it("sheets of more than 1,000,000 cells together: refused, though no sheet has too many rows", async () => {
    const sheets: Array<[string, string]> = [1, 2, 3].map((k) => [`E${k}`, sheetXml(40_000, 10)]);
    const { lines } = await checked(zipArchive(xlsxParts(sheets)));
    expect(lines[0]).toMatch(
      /^s\.xlsx: the workbook has too many cells to read \(expected at most 1,000,000 cells in all sheets .*found more than 1,000,000 cells \(the limit was passed in sheet "E3"\)\)$/,
    );
    expect(MAX_WORKBOOK_CELLS).toBe(1_000_000);
  }, 20_000);

  it("broken deflate data, an encrypted entry and an unknown method are refused as damaged", async () => {
    const broken = xlsxParts([["E1", sheetXml(2)]], [{ name: "xl/styles.xml", data: "<styleSheet/>", raw: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]) }]);
    expect((await checked(zipArchive(broken))).lines).toEqual([
      's.xlsx: the workbook cannot be read (damaged, or not an Excel .xlsx workbook) (expected an Excel workbook (.xlsx) as saved by Excel or LibreOffice, or a CSV file, found ZIP entry "xl/styles.xml" holds broken deflate data)',
    ]);
    const bytes = zipArchive(xlsxParts([["E1", sheetXml(2)]]));
    const central = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 6, true); // the end record's directory offset
    const encrypted = bytes.slice();
    encrypted[central + 8] = 1; // the first entry's flags: encrypted
    expect((await checked(encrypted)).lines[0]).toMatch(/found an encrypted ZIP entry "\[Content_Types\]\.xml"\)$/);
    const method = bytes.slice();
    method[central + 10] = 14; // LZMA
    expect((await checked(method)).lines[0]).toMatch(/found ZIP entry "\[Content_Types\]\.xml" compressed with method 14 \(Excel uses deflate, 8\)\)$/);
  });
});

describe("parseSurveyBytes on hostile and broken files: one located InputError, never a crash", () => {
  it("a cut-off workbook: damaged, from its directory", async () => {
    const bytes = await excelWorkbook(3);
    const cut = bytes.subarray(0, bytes.length - 40);
    expect(isXlsxBytes(cut)).toBe(true);
    expect((await parsed(cut)).lines).toEqual([
      "s.xlsx: the workbook cannot be read (damaged, or not an Excel .xlsx workbook) (expected an Excel workbook (.xlsx) as saved by Excel or LibreOffice, or a CSV file, found a ZIP archive whose end-of-directory record is missing (the file is cut off, or is not a ZIP archive))",
    ]);
  });

  it("a password-protected workbook (an OLE compound file holding EncryptedPackage): save it without a password", async () => {
    const bytes = compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);
    expect(compoundFileKind(bytes)).toBe("encrypted");
    expect((await parsed(bytes)).lines).toEqual([
      "s.xlsx: the workbook is protected by a password (encrypted), so it cannot be read (expected the workbook saved without a password (in Excel: File › Info › Protect Workbook › Encrypt with Password, clear it, save), or a CSV file, found an encrypted Office file (an OLE compound file holding an EncryptedPackage stream))",
    ]);
  });

  it("an old .xls (an OLE compound file holding a Workbook or Book stream): save it as .xlsx", async () => {
    for (const stream of ["Workbook", "Book"]) {
      const bytes = compoundFile(["\u0005SummaryInformation", stream]);
      expect(compoundFileKind(bytes)).toBe("xls");
      expect((await parsed(bytes)).lines).toEqual([
        "s.xlsx: the file is an old Excel 97–2003 workbook (.xls), which is not read (expected the workbook saved as .xlsx (in Excel or LibreOffice: Save As › Excel Workbook (.xlsx)), or as CSV UTF-8, found an OLE compound file holding a Workbook stream (.xls))",
      ]);
    }
  });

  it("the CSV-only readers name each kind of compound file (a 4096-byte-sector file too); other bytes are no compound file", () => {
    const found = (bytes: Uint8Array): string | undefined => {
      try {
        decodeSurveyBytes(bytes, "s.csv");
      } catch (e) {
        return (e as InputError).problems[0].found;
      }
      return undefined;
    };
    expect(found(compoundFile(["EncryptedPackage"]))).toBe("a password-protected (encrypted) Excel or Office file, not a CSV file");
    expect(found(compoundFile(["Workbook"]))).toBe("an old Excel workbook (.xls), not a CSV file");
    expect(found(compoundFile(["WordDocument"]))).toBe("a Word document (.doc), not a CSV file");
    expect(found(compoundFile(["Something"]))).toBe("an old Microsoft Office file (an OLE compound file), not a CSV file");
    const big = new Uint8Array(8192);
    big.set(compoundFile(["PowerPoint Document"]).subarray(0, 512));
    big[0x1e] = 12;
    big.set(compoundFile(["PowerPoint Document"]).subarray(512, 768), 4096);
    expect(compoundFileKind(big)).toBe("powerpoint");
    expect(compoundFileKind(new TextEncoder().encode("expert,from,to,value\n".repeat(40)))).toBeUndefined();
  });
});
