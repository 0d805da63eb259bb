/**
 * The parts of an .xlsx that give a sheet's cells their meaning: the workbook (sheet names, order, visibility, the
 * 1904 date system), the relationships that name each sheet's part, the styles (which cell formats are dates) and the
 * shared strings.
 */
import path from 'node:path/posix';
import builtInFormats from 'exceljs/lib/xlsx/defaultnumformats.js';
import { isDateFormat, isXmlTrue } from './dates';
import { formatCount, LimitError, LIMITS } from './limits';
import { decodeExcelEscapes, XmlScanner, type XmlHandler } from './xml-scan';
import type { ZipArchive } from './zip';

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The sheet's part, `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookParts {
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

/** Streams a part through an XmlHandler. */
export async function scanPart(zip: ZipArchive, part: string, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of await zip.stream(part)) scanner.write(chunk as Buffer);
  scanner.end();
}

function onOpen(open: XmlHandler['open']): XmlHandler {
  return { open, close() {}, text() {} };
}

/** Relationship id → target part (resolved against the source part's folder), from `<dir>/_rels/<name>.rels`. */
async function readRelationships(zip: ZipArchive, source: string): Promise<Map<string, { type: string; part: string }>> {
  const rels = path.join(path.dirname(source), '_rels', `${path.basename(source)}.rels`);
  const out = new Map<string, { type: string; part: string }>();
  if (!zip.has(rels)) return out;
  await scanPart(
    zip,
    rels,
    onOpen((name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const part = a.Target.startsWith('/') ? a.Target.slice(1) : path.normalize(path.join(path.dirname(source), a.Target));
      out.set(a.Id, { type: a.Type ?? '', part });
    }),
  );
  return out;
}

const relType = (type: string, kind: string) => type.endsWith(`/${kind}`);

export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const root = [...(await readRelationships(zip, '')).values()].find((r) => relType(r.type, 'officeDocument'))?.part ?? 'xl/workbook.xml';
  const listed: Array<{ name: string; hidden: boolean; rel: string }> = [];
  let date1904 = false;
  await scanPart(
    zip,
    root,
    onOpen((name, a) => {
      if (name === 'sheet') {
        if (listed.length >= LIMITS.sheets) throw new LimitError('FILE_LIMIT', `工作表超过 ${formatCount(LIMITS.sheets)} 个`);
        const rel = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
        listed.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rel });
      } else if (name === 'workbookPr') date1904 = isXmlTrue(a.date1904);
    }),
  );
  const rels = await readRelationships(zip, root);
  const byType = (kind: string) => [...rels.values()].find((r) => relType(r.type, kind))?.part ?? null;
  const sheets: WorkbookSheet[] = [];
  for (const s of listed) {
    const rel = rels.get(s.rel);
    // a chart sheet or a dialog sheet has no cells: it is not offered as a sheet
    if (rel && relType(rel.type, 'worksheet')) sheets.push({ name: s.name, hidden: s.hidden, part: rel.part });
  }
  const existing = (part: string | null) => (part && zip.has(part) ? part : null);
  return { sheets, date1904, sharedStrings: existing(byType('sharedStrings')), styles: existing(byType('styles')) };
}

/** The format code of a built-in number format id; the CJK date formats (27–36, 50–58) in their zh-CN form. */
function builtInFormat(id: number): string | undefined {
  const format = builtInFormats[id];
  return format?.f ?? format?.['zh-cn'];
}

/** For each cell format (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(zip: ZipArchive, part: string | null): Promise<boolean[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await scanPart(zip, part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (formatIds.length >= LIMITS.cellFormats) throw new LimitError('FILE_LIMIT', `单元格格式超过 ${formatCount(LIMITS.cellFormats)} 种`);
        formatIds.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formatIds.map((id) => isDateFormat(custom.get(id) ?? builtInFormat(id)));
}

/**
 * A cell's text as it is read, in XML form (`_x000D_` escapes take 7 characters for 1): past this it is refused before
 * its end is seen; the decoded text is held to LIMITS.cellChars exactly.
 */
export const RAW_CELL_CHARS = LIMITS.cellChars * 7;

export function cellTooLong(where: string): LimitError {
  return new LimitError('FILE_LIMIT', `${where}的文字超过 ${formatCount(LIMITS.cellChars)} 个字符（Excel 单元格的上限）`);
}

/** The shared-string table as plain text: the runs of rich text joined, phonetic guides (`<rPh>`) left out. */
export async function readSharedStrings(zip: ZipArchive, part: string | null): Promise<string[]> {
  if (!part) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await scanPart(zip, part, {
    open(name) {
      if (name === 't') inText = phonetic === 0 && current !== null;
      else if (name === 'si') {
        if (strings.length >= LIMITS.sharedStrings) throw new LimitError('FILE_LIMIT', `共享字符串超过 ${formatCount(LIMITS.sharedStrings)} 个`);
        current = '';
      }
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si') {
        const text = decodeExcelEscapes(current ?? '');
        if (text.length > LIMITS.cellChars) throw cellTooLong(`第 ${strings.length + 1} 个共享字符串`);
        strings.push(text);
        current = null;
      } else if (name === 'rPh') phonetic--;
    },
    text(value) {
      if (!inText) return;
      current += value;
      if (current!.length > RAW_CELL_CHARS) throw cellTooLong(`第 ${strings.length + 1} 个共享字符串`);
    },
  });
  return strings;
}
