/**
 * Writes a small .xlsx that unpacks to a great deal: a real workbook whose one sheet is padded with spaces, deflated
 * a chunk at a time so that making it never holds the unpacked bytes. A zip bomb for the tests of the unpacked-size
 * limit; `declaredSize` lets a test make the zip lie about how big the sheet is.
 */
import { writeFileSync } from 'node:fs';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Entry {
  readonly name: string;
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c></row>';
const SHEET_END = '</sheetData></worksheet>';

const SMALL_PARTS: Readonly<Record<string, string>> = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="staff" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

function smallEntry(name: string, text: string): Entry {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** The sheet: its XML with `padding` bytes of spaces inside sheetData, deflated chunk by chunk. */
async function paddedSheet(padding: number): Promise<Entry> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const start = Buffer.from(SHEET_START);
  const end = Buffer.from(SHEET_END);
  let crc = crc32(start);
  deflate.write(start);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = padding; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(end, crc);
  deflate.end(end);
  await ended;
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size: start.length + padding + end.length };
}

/** Writes the bomb to `path`; returns its size on disk and how many bytes it unpacks to. */
export async function writeZipBomb(path: string, options: { unpackedBytes: number; declaredSize?: number }): Promise<{ onDisk: number; unpacked: number }> {
  const entries = [...Object.entries(SMALL_PARTS).map(([name, text]) => smallEntry(name, text)), await paddedSheet(options.unpackedBytes)];
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.name.endsWith('sheet1.xml') && options.declaredSize !== undefined ? options.declaredSize : entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, centralBytes, end]);
  writeFileSync(path, zip);
  return { onDisk: zip.length, unpacked: entries.reduce((sum, e) => sum + e.size, 0) };
}
