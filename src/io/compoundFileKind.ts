/** What an OLE compound file holds, as far as a survey reader needs to say: see {@link compoundFileKind}. */
export type CompoundFileKind = "encrypted" | "xls" | "word" | "powerpoint" | "other";

/** The first eight bytes of every OLE compound file (Microsoft's Compound File Binary format). */
const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What an OLE compound file (first bytes `D0 CF 11 E0 A1 B1 1A E1`) is, from the names of the streams
 * in its directory: `encrypted` when it holds an `EncryptedPackage` or `EncryptionInfo` stream (an
 * .xlsx, .docx or .pptx saved with a password to open: Office wraps the encrypted package in a compound
 * file), `xls` for an Excel 97–2003 workbook (a `Workbook` stream, or `Book` for Excel 5/95), `word`
 * (`WordDocument`), `powerpoint` (`PowerPoint Document`), else `other`; undefined when the bytes are
 * not a compound file. The directory entries (128 bytes each, name in UTF-16LE with its byte length
 * at offset 64 and the object type at 66) are looked for in every 128-byte slot of every sector, so no
 * allocation chain is followed and a damaged file still says what it is. Reads only; linear in the size.
 * Source: [MS-CFB] §2.2 (header: sector shift at 0x1E), §2.6 (directory entry); [MS-OFFCRYPTO] §2.3.4.4
 * (EncryptedPackage, EncryptionInfo); [MS-XLS] §2.1.2 (the Workbook stream).
 * @example
 * compoundFileKind(new TextEncoder().encode("expert,from")); // undefined
 */
export function compoundFileKind(bytes: Uint8Array): CompoundFileKind | undefined {
  if (bytes.length < 512 || !MAGIC.every((b, k) => bytes[k] === b)) return undefined;
  const shift = bytes[0x1e] | (bytes[0x1f] << 8);
  const sector = shift === 12 ? 4096 : 512;
  const names = new Set<string>();
  for (let at = sector; at + 128 <= bytes.length; at += 128) {
    const name = entryName(bytes, at);
    if (name !== undefined) names.add(name);
  }
  if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  if (names.has("WordDocument")) return "word";
  if (names.has("PowerPoint Document")) return "powerpoint";
  return "other";
}

/** The name of the directory entry at `at`, or undefined when the slot holds none (a valid length, type, and name characters). */
function entryName(bytes: Uint8Array, at: number): string | undefined {
  const length = bytes[at + 64] | (bytes[at + 65] << 8);
  const type = bytes[at + 66];
  if (length < 4 || length > 64 || length % 2 !== 0 || !(type === 1 || type === 2 || type === 5)) return undefined;
  let name = "";
  for (let k = 0; k < length - 2; k += 2) {
    const c = bytes[at + k] | (bytes[at + k + 1] << 8);
    if (c < 0x20 && !(k === 0 && c >= 1 && c <= 6)) return undefined; // \u0005SummaryInformation, \u0006DataSpaces
    name += String.fromCharCode(c);
  }
  return bytes[at + length - 2] === 0 && bytes[at + length - 1] === 0 ? name : undefined;
}
