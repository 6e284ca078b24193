/**
 * Builders of hostile and broken survey files for the safety tests (issue 8, item 6): a ZIP container
 * written by hand (so its declared sizes can lie), minimal .xlsx parts, and OLE compound files that
 * carry only what detection reads (the magic bytes, the sector shift and a directory sector).
 * Source: PKWARE APPNOTE.TXT 6.3.10 §4.3.7 (local header), §4.3.12 (central directory), §4.3.16 (end
 * record); [MS-CFB] §2.2 (header), §2.6 (directory entry).
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One entry of a hand-written ZIP archive. */
export interface ZipPart {
  name: string;
  /** The entry's content; deflated unless `stored`. */
  data: Uint8Array | string;
  stored?: boolean;
  /** The uncompressed size the directory declares (default: the true one). */
  declare?: number;
  /** Raw bytes written as the entry's compressed data instead of deflating `data` (broken deflate data). */
  raw?: Uint8Array;
  /** Write the directory's sizes as 0xFFFFFFFF and the true ones in a ZIP64 extra field (APPNOTE §4.5.3). */
  zip64?: boolean;
}

/** A ZIP archive of these entries: local headers and data, the central directory, the end record. */
export function zipArchive(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const content = typeof p.data === "string" ? Buffer.from(p.data, "utf8") : Buffer.from(p.data);
    const data = p.raw ? Buffer.from(p.raw) : p.stored ? content : deflateRawSync(content);
    const name = Buffer.from(p.name, "utf8");
    const crc = crc32(content);
    const size = p.declare ?? content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.zip64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(p.zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(p.stored ? 0 : 8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(p.zip64 ? 0xffffffff : data.length, 20);
    head.writeUInt32LE(p.zip64 ? 0xffffffff : size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    const extra = Buffer.alloc(p.zip64 ? 20 : 0);
    if (p.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      head.writeUInt16LE(extra.length, 30);
    }
    chunks.push(local, name, data);
    central.push(head, name, extra);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/** The parts of a minimal .xlsx workbook with these sheets (name → the sheet part's XML), before any entry of `extra`. */
export function xlsxParts(sheets: ReadonlyArray<[string, string]>, extra: readonly ZipPart[] = []): ZipPart[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, k) =>
              `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    ...extra,
    ...sheets.map(([, xml], k): ZipPart => ({ name: `xl/worksheets/sheet${k + 1}.xml`, data: xml })),
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${sheets.map(([name], k) => `<sheet name="${name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join("")}</Relationships>`,
    },
  ];
}

/** A worksheet part of `rows` rows, each of `columns` cells holding 1. */
export function sheetXml(rows: number, columns = 1): string {
  const letters = Array.from({ length: columns }, (_, c) => String.fromCharCode(65 + (c % 26)).repeat(1 + Math.floor(c / 26)));
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>1</v></c>`).join("")}</row>`);
  out.push("</sheetData></worksheet>");
  return out.join("");
}

/** An OLE compound file (version 3, 512-byte sectors) whose one directory sector names these streams after the root entry. */
export function compoundFile(streams: readonly string[], size = 4096): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 512 + 128 * (streams.length + 1)));
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 0x18); // minor, major version 3, byte order, sector shift 9
  ["Root Entry", ...streams].forEach((name, k) => {
    const at = 512 + 128 * k;
    for (let c = 0; c < name.length; c++) {
      bytes[at + 2 * c] = name.charCodeAt(c) & 0xff;
      bytes[at + 2 * c + 1] = name.charCodeAt(c) >> 8;
    }
    bytes[at + 64] = 2 * (name.length + 1);
    bytes[at + 66] = k === 0 ? 5 : 2;
  });
  return bytes;
}
