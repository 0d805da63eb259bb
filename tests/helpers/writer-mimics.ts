/**
 * .xlsx files built part by part (JSZip) the way other programs write them, all holding the same table, so a test can
 * expect the same rows from each: Excel (shared strings, `r` on every row and cell, built-in date format 14,
 * `_x000D_` before a line feed), WPS (inline strings, a Chinese built-in date format, literal CR LF inside cells),
 * LibreOffice (upper-case `YYYY-MM-DD`), Numbers (parts stored uncompressed, no `r` attributes), Mac Excel (the 1904
 * date system in whichever spelling) and Strict OOXML (the purl.oclc.org namespaces).
 */
import fs from 'node:fs';
import JSZip from 'jszip';

export interface MimicOptions {
  strings: 'shared' | 'inline';
  /** Row and cell references written (`r`), or left to follow on (some writers omit them). */
  refs: boolean;
  /** The date cells' number format: a built-in id or a custom format code. */
  dateFormat: { id: number } | { code: string };
  /** `date1904` as written on workbookPr, or none (the 1900 system). */
  date1904?: string;
  /** How a line break inside a cell is written: a literal CR LF, or Excel's `_x000D_` escape before the LF. */
  lineBreak: 'crlf' | 'escaped';
  strict?: boolean;
  stored?: boolean;
}

/** Every mimic reads back as these rows. */
export const MIMIC_ROWS = [
  ['企业名称', '到资日期', '实际使用外资（万美元）', '备注'],
  ['苏州华瑞电子（中国）有限公司', '2025-03-15', 1234.5, '第一行\n第二行'],
  ['昆山精密 & <制造>', '1900-01-01', 88, null],
];

/** Day 1 of each system, and the serial of 2025-03-15 in each. */
const SERIALS = { 1900: [45731, 1], 1904: [44269, null] } as const;

export const MIMICS: Record<string, MimicOptions> = {
  excel: { strings: 'shared', refs: true, dateFormat: { id: 14 }, lineBreak: 'escaped' },
  wps: { strings: 'inline', refs: true, dateFormat: { id: 57 }, lineBreak: 'crlf' },
  libreoffice: { strings: 'shared', refs: true, dateFormat: { code: 'YYYY-MM-DD' }, lineBreak: 'crlf' },
  numbers: { strings: 'shared', refs: false, dateFormat: { code: 'yyyy/m/d' }, lineBreak: 'crlf', stored: true },
  'mac excel (date1904="1")': { strings: 'shared', refs: true, dateFormat: { id: 14 }, date1904: '1', lineBreak: 'escaped' },
  'date1904="true"': { strings: 'inline', refs: false, dateFormat: { code: 'yyyy-mm-dd' }, date1904: 'true', lineBreak: 'crlf' },
  'date1904="on"': { strings: 'shared', refs: true, dateFormat: { code: 'DD.MM.YYYY' }, date1904: 'on', lineBreak: 'escaped', stored: true },
  'strict ooxml': { strings: 'shared', refs: true, dateFormat: { id: 14 }, lineBreak: 'escaped', strict: true },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function writeMimic(file: string, o: MimicOptions): Promise<string> {
  const ns = o.strict
    ? { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships', pkg: 'http://schemas.openxmlformats.org/package/2006/relationships' }
    : { main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships', pkg: 'http://schemas.openxmlformats.org/package/2006/relationships' };
  const [dateSerial, firstDay] = SERIALS[o.date1904 ? 1904 : 1900];
  const shared: string[] = [];
  const text = (value: string) => {
    const written = escapeXml(value).replace(/\n/g, o.lineBreak === 'crlf' ? '\r\n' : '_x000D_\n');
    if (o.strings === 'inline') return `t="inlineStr"><is><t>${written}</t></is>`;
    shared.push(written);
    return `t="s"><v>${shared.length - 1}</v>`;
  };
  const cell = (col: string, row: number, body: string) => `<c${o.refs ? ` r="${col}${row}"` : ''} ${body}</c>`;
  const rows = [
    MIMIC_ROWS[0]!.map((h, i) => cell('ABCD'[i]!, 1, text(h as string))).join(''),
    [cell('A', 2, text(MIMIC_ROWS[1]![0] as string)), cell('B', 2, `s="1"><v>${dateSerial}</v>`), cell('C', 2, '><v>1234.5</v>'), cell('D', 2, text('第一行\n第二行'))].join(''),
    // day 1 of the 1900 system; the 1904 system has no such day: the row there holds the same text instead
    [cell('A', 3, text(MIMIC_ROWS[2]![0] as string)), cell('B', 3, firstDay === null ? text('1900-01-01') : `s="1"><v>${firstDay}</v>`), cell('C', 3, '><v>88</v>')].join(''),
  ]
    .map((cells, i) => `<row${o.refs ? ` r="${i + 1}"` : ''}>${cells}</row>`)
    .join('');
  const numFmt = 'code' in o.dateFormat ? `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(o.dateFormat.code)}"/></numFmts>` : '';
  const dateId = 'code' in o.dateFormat ? 164 : o.dateFormat.id;
  const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns.pkg}">${items}</Relationships>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns.rel}/${type}" Target="${target}"/>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
  zip.file('_rels/.rels', rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')));
  zip.file('xl/_rels/workbook.xml.rels', rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml') + rel('rId2', 'styles', 'styles.xml') + (shared.length || o.strings === 'shared' ? rel('rId3', 'sharedStrings', 'sharedStrings.xml') : '')));
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns.main}" xmlns:r="${ns.rel}">${o.date1904 ? `<workbookPr date1904="${o.date1904}"/>` : ''}<sheets><sheet name="外资" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns.main}">${numFmt}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${dateId}" applyNumberFormat="1"/></cellXfs></styleSheet>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns.main}"><sheetData>${rows}</sheetData></worksheet>`);
  if (o.strings === 'shared') zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns.main}">${shared.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: o.stored ? 'STORE' : 'DEFLATE' }));
  return file;
}
