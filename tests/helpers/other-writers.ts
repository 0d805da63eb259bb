/**
 * Workbooks written the ways other programs write them, not by exceljs: part by part with JSZip as Excel and as WPS
 * lay their parts out (shared strings, merge ranges after the rows, styled empty cells inside merges, print titles,
 * WPS's own extensions), and as flat ODS converted to .xlsx by LibreOffice (`soffice --headless --convert-to`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { columnLetter, columnNumber } from '../../electron/backend/workbook/cells';

export type Cell = string | number | Date | null;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Merged ranges, `A3:A4`. */
  merges?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(ref: string): Range {
  const [a, b] = ref.split(':') as [string, string];
  const cell = (r: string) => {
    const m = r.match(/^([A-Z]+)(\d+)$/)!;
    return { col: columnNumber(m[1]!), row: Number(m[2]) };
  };
  const p = cell(a);
  const q = cell(b ?? a);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Excel's serial for a date (1900 system, UTC day). */
function serial(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Writes an .xlsx part by part. `excel`: shared strings, `x14ac` row attributes, a date style with numFmtId 14,
 * `_xlnm.Print_Titles` over the header. `wps`: WPS's namespaces and extension list, a custom date format
 * (`yyyy/m/d`) and a Chinese built-in one (numFmtId 31), rows with custom heights, and every cell inside a merged
 * range written as an empty styled cell, as WPS does.
 */
export async function writeXlsxParts(file: string, sheets: SheetSpec[], flavour: 'excel' | 'wps', options: { printTitles?: string } = {}): Promise<string> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const zip = new JSZip();
  const sheetXml = sheets.map((sheet) => {
    const ranges = (sheet.merges ?? []).map(parseRange);
    const inMerge = (r: number, c: number) => ranges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
    const width = Math.max(1, ...sheet.rows.map((r) => r.length), ...ranges.map((m) => m.right));
    const rows = sheet.rows.map((cells, i) => {
      const r = i + 1;
      const out: string[] = [];
      for (let c = 1; c <= width; c++) {
        const v = cells[c - 1] ?? null;
        const ref = `${columnLetter(c)}${r}`;
        if (v === null || v === '') {
          if (flavour === 'wps' && inMerge(r, c)) out.push(`<c r="${ref}" s="2"/>`);
          continue;
        }
        if (v instanceof Date) out.push(`<c r="${ref}" s="1"><v>${serial(v)}</v></c>`);
        else if (typeof v === 'number') out.push(`<c r="${ref}" s="3"><v>${v}</v></c>`);
        else out.push(`<c r="${ref}" s="${inMerge(r, c) ? 2 : 0}" t="s"><v>${sst(v)}</v></c>`);
      }
      if (!out.length) return '';
      const attrs = flavour === 'excel' ? ` spans="1:${width}" x14ac:dyDescent="0.2"` : ' ht="20" customHeight="1"';
      return `<row r="${r}"${attrs}>${out.join('')}</row>`;
    });
    const merges = ranges.length ? `<mergeCells count="${ranges.length}">${(sheet.merges ?? []).map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    const dimension = `<dimension ref="A1:${columnLetter(width)}${Math.max(1, sheet.rows.length)}"/>`;
    if (flavour === 'excel') {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${dimension}<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><sheetData>${rows.join('')}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    }
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><sheetPr/>${dimension}<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="0"/><sheetData>${rows.join('')}</sheetData>${merges}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/><extLst><ext uri="{F7C9EE02-42E1-4005-9D12-6889AFFD525C}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:webExtensions/></ext></extLst></worksheet>`;
  });
  const sheetEntries = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const defined = options.printTitles ? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${esc(sheets[0]!.name)}'!${options.printTitles}</definedName></definedNames>` : '';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`);
  zip.file('docProps/app.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${flavour === 'wps' ? 'WPS 表格' : 'Microsoft Excel'}</Application></Properties>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries}</sheets>${defined}<calcPr calcId="191029"/></workbook>`);
  const dateFormat = flavour === 'excel' ? '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' : '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
  const numFmts = flavour === 'wps' ? '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/></numFmts>' : '';
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${dateFormat}<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  sheetXml.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`).join('')}</sst>`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** A flat OpenDocument spreadsheet: merged cells as spans with covered cells, dates with a date style. */
export function writeFods(file: string, sheets: SheetSpec[]): string {
  const tables = sheets.map((sheet) => {
    const ranges = (sheet.merges ?? []).map(parseRange);
    const width = Math.max(1, ...sheet.rows.map((r) => r.length), ...ranges.map((m) => m.right));
    const rows = sheet.rows.map((cells, i) => {
      const r = i + 1;
      const out: string[] = [];
      for (let c = 1; c <= width; c++) {
        const start = ranges.find((m) => m.top === r && m.left === c);
        const covered = !start && ranges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
        if (covered) {
          out.push('<table:covered-table-cell/>');
          continue;
        }
        const span = start ? ` table:number-columns-spanned="${start.right - start.left + 1}" table:number-rows-spanned="${start.bottom - start.top + 1}"` : '';
        const v = cells[c - 1] ?? null;
        if (v === null || v === '') out.push(`<table:table-cell${span}/>`);
        else if (v instanceof Date) out.push(`<table:table-cell${span} table:style-name="ce1" office:value-type="date" office:date-value="${v.toISOString().slice(0, 10)}"><text:p>${v.toISOString().slice(0, 10)}</text:p></table:table-cell>`);
        else if (typeof v === 'number') out.push(`<table:table-cell${span} office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`);
        else out.push(`<table:table-cell${span} office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`);
      }
      return `<table:table-row>${out.join('')}</table:table-row>`;
    });
    return `<table:table table:name="${esc(sheet.name)}"><table:table-column table:number-columns-repeated="${width}"/>${rows.join('')}</table:table>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/></office:automatic-styles>
<office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document>`;
  fs.writeFileSync(file, xml);
  return file;
}

/** Converts files (flat ODS, .xlsx…) to .xlsx with LibreOffice into `outDir`, each run with its own profile. */
export function libreOfficeXlsx(files: string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(outDir, '.lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => {
    const out = path.join(outDir, `${path.basename(f, path.extname(f))}.xlsx`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}
