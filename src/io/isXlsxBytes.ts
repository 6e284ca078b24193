/**
 * Whether a file's bytes are an Excel workbook (.xlsx): a ZIP archive (first
 * bytes `PK\x03\x04`) that holds the workbook part `xl/workbook.xml` (ZIP
 * stores entry names uncompressed). An OpenDocument spreadsheet or any other
 * ZIP archive is not one.
 * Source: ECMA-376 Part 2 (Open Packaging Conventions), PKWARE APPNOTE 4.3.7.
 * @example
 * isXlsxBytes(new TextEncoder().encode("expert,from,to,value")); // false
 */
export function isXlsxBytes(bytes: Uint8Array): boolean {
  if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return false;
  return indexOfBytes(bytes, WORKBOOK_PART) >= 0;
}

/** The ZIP entry name of the workbook part, as bytes (entry names are stored uncompressed). */
const WORKBOOK_PART = Uint8Array.from("xl/workbook.xml", (c) => c.charCodeAt(0));

/** The first index of `needle` in `haystack`, or −1: a plain scan that runs the same in Node and in a browser (no Buffer). */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
