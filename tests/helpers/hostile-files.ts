/**
 * Files written to hurt a reader, built here (never committed: some inflate to a gigabyte): a cell at column ~2³¹ in
 * an 11 KB workbook, a cell at a five-letter column in every row, zip bombs that tell the truth about their size and
 * ones that lie, a CSV with a 50 MB field. Zips are written by hand, entry by entry, so their sizes and methods can be
 * anything a hostile writer chooses.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { columnLetter } from '../../electron/backend/workbook/cells';

export interface ZipEntry {
  name: string;
  /** The entry's bytes, deflated here (or stored, with `stored`). */
  data?: Buffer | string;
  stored?: boolean;
  /** Already deflated bytes, with the size the directory is to declare (true or not). */
  deflated?: { bytes: Buffer; declaredSize: number };
}

/** A zip as yauzl reads it: local headers, data, central directory (CRCs are not checked by the reader: left 0). */
export function writeZip(file: string, entries: ZipEntry[]): string {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data === undefined ? Buffer.alloc(0) : Buffer.from(entry.data);
    const method = entry.deflated || !entry.stored ? 8 : 0;
    const body = entry.deflated?.bytes ?? (method === 8 ? zlib.deflateRawSync(raw) : raw);
    const size = entry.deflated?.declaredSize ?? raw.length;
    const crc = entry.deflated ? 0 : zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, directory, end]));
  return file;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet .xlsx around a sheet part of your choosing. */
export function workbookEntries(sheet: ZipEntry['data'] | Omit<ZipEntry, 'name'>): ZipEntry[] {
  const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  const sheetEntry = typeof sheet === 'string' || Buffer.isBuffer(sheet) || sheet === undefined ? { data: sheet } : sheet;
  return [
    { name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>` },
    { name: '_rels/.rels', data: rels(`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`) },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="外资" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: rels(`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`) },
    { name: 'xl/worksheets/sheet1.xml', ...sheetEntry },
  ];
}

const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>实际使用外资（万美元）</t></is></c></row>';

/** An 11 KB workbook: a header, a few hundred ordinary rows, and one cell at column ~2³¹. */
export function hugeColumnWorkbook(file: string): string {
  const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>企业${i}</t></is></c><c r="B${i + 2}"><v>${i}</v></c></row>`).join('');
  const far = `<row r="302"><c r="${columnLetter(2 ** 31 - 1)}302"><v>1</v></c></row>`;
  return writeZip(file, workbookEntries(sheetXml(header + rows + far)));
}

/** Every data row has a cell at a five-letter column (past XFD), as `rows` rows. */
export function fiveLetterColumnsWorkbook(file: string, rows = 50_000): string {
  const body = Array.from({ length: rows }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="ABCDE${i + 2}"><v>1</v></c></row>`).join('');
  return writeZip(file, workbookEntries(sheetXml(header + body)));
}

/**
 * A sheet part that inflates to `inflated` bytes from about a thousandth of that: one deflated megabyte of spaces
 * (after a full flush, so blocks stand alone) repeated, then a last empty block. `declared` is the size the zip
 * directory says (the truth by default; a lying bomb says less).
 */
export function zipBomb(file: string, inflated: number, declared = inflated): string {
  const mb = 1 << 20;
  const head = zlib.deflateRawSync(Buffer.from(sheetXml('').replace('</sheetData></worksheet>', '')), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const block = zlib.deflateRawSync(Buffer.alloc(mb, 0x20), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const bytes = Buffer.concat([head, ...Array.from({ length: Math.ceil(inflated / mb) }, () => block), Buffer.from([0x03, 0x00])]);
  return writeZip(file, workbookEntries({ deflated: { bytes, declaredSize: declared } }));
}

/** A CSV whose second row has one quoted field of `chars` characters. */
export function hugeFieldCsv(file: string, chars = 50 * 1024 * 1024): string {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '企业名称,实际使用外资（万美元）\r\n"');
    const chunk = 'x'.repeat(1 << 20);
    for (let left = chars; left > 0; left -= chunk.length) fs.writeSync(fd, left >= chunk.length ? chunk : chunk.slice(0, left));
    fs.writeSync(fd, '",1\r\n');
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/**
 * A workbook whose shared-string table lists `count` distinct strings (past LIMITS.sharedStrings by default): read
 * before any sheet, so its refusal comes before the first sheet is found; the strings differ, so the part does not
 * inflate past the zip-bomb ratio first.
 */
export function manyStringsWorkbook(file: string, count = 5_000_001): string {
  return slowStartWorkbook(file, [[0]], count);
}

/** A workbook with `count` sheets listed (past LIMITS.sheets by default), each a sheet part of its own. */
export function manySheetsWorkbook(file: string, count = 1_001): string {
  const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  return writeZip(file, [
    ...workbookEntries(sheetXml('')).filter((e) => !e.name.startsWith('xl/')),
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${ids.map((i) => `<sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: rels(ids.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')) },
    ...ids.map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: sheetXml('') })),
  ]);
}

/**
 * A workbook whose shared-string table lists `padding` strings no cell uses before its one sheet of `rows` (inline
 * strings and numbers; a Date as its ISO day): a file whose first sheet takes a few seconds to reach.
 */
export function slowStartWorkbook(file: string, rows: unknown[][], padding = 3_000_000): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (v: unknown, r: number, c: number) => {
    const ref = `${columnLetter(c + 1)}${r + 1}`;
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
  };
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`).join('');
  const strings: string[] = [`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${padding}" uniqueCount="${padding}">`];
  for (let i = 0; i < padding; i++) strings.push(`<si><t>${i.toString(36)}</t></si>`);
  strings.push('</sst>');
  const entries = workbookEntries(sheetXml(body));
  entries.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(strings.join('')) });
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
  rels.data = String(rels.data).replace('</Relationships>', `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  return writeZip(file, entries);
}
