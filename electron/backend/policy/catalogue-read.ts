import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import type { Db } from '../db/open';
import { cellText, scanTables, type FieldSpec, type SheetRow, type TableLayout } from '../workbook';
import type { JobControl } from '../jobs';

/** The columns of the catalogue workbook (the template writes the first name of each). */
export const CATALOGUE_COLUMNS = [
  { key: 'part', header: '目录部分', synonyms: ['部分', '目录', '目录类别'] },
  { key: 'region', header: '地区', synonyms: ['省份', '省（区、市）', '省区市', '所属地区', '适用地区'] },
  { key: 'section', header: '门类', synonyms: ['行业门类', '类别', '产业类别', '章节'] },
  { key: 'no', header: '序号', synonyms: ['条目序号', '编号', '条目号'] },
  { key: 'text', header: '条目', synonyms: ['条目内容', '鼓励类条目', '产业条目', '内容', '鼓励外商投资产业'] },
  { key: 'codes', header: '国民经济行业代码', synonyms: ['行业代码', '对应行业代码', 'GB/T 4754代码', '国民经济行业分类代码'] },
] as const;
type Key = (typeof CATALOGUE_COLUMNS)[number]['key'];
const FIELDS: FieldSpec[] = CATALOGUE_COLUMNS.map((c) => ({ key: c.key, label: c.header, synonyms: [c.header, ...c.synonyms], required: c.key === 'text' }));

export interface CatalogueDraft {
  part: 'national' | 'regional';
  regionCode: string | null;
  regionName: string;
  section: string;
  no: string;
  text: string;
  codes: string[];
}

export interface CatalogueFindings {
  sheet: string | null;
  items: CatalogueDraft[];
  problems: Problem[];
}

const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const REGIONAL_PART = /中西部|地区|优势产业/;
const NATIONAL_PART = /全国/;

/** Province names as bureaus write them (山西, 山西省, 新疆维吾尔自治区（含新疆生产建设兵团）) → NBS province code. */
function provinceResolver(db: Db): (text: string) => { code: string; name: string } | null {
  const provinces = db.prepare("SELECT code, name FROM ref_division WHERE level = 'province'").all() as { code: string; name: string }[];
  return (text) => {
    const t = text.normalize('NFKC').replace(/[(（].*?[)）]/g, '').replace(/\s+/g, '');
    if (!t) return null;
    return provinces.find((p) => p.name === t) ?? provinces.find((p) => p.name.startsWith(t) && t.length >= 2) ?? null;
  };
}

/**
 * Reads the 鼓励外商投资产业目录 as the bureau keeps it: the template's columns, or the published text pasted in with
 * its headings as rows of their own (`一、农、林、牧、渔业`, `山西省`). Every row is an item or a problem; nothing
 * is dropped unsaid. Industry codes are optional (without them an item is only found by searching).
 */
export async function readCatalogue(db: Db, path: string, fileName: string, job: JobControl): Promise<CatalogueFindings> {
  const found: CatalogueFindings = { sheet: null, items: [], problems: [] };
  const province = provinceResolver(db);
  const industry = db.prepare('SELECT level FROM ref_industry WHERE code = ?');
  let layout: TableLayout | null = null;
  // headings carried down from heading rows or merged cells
  let part: 'national' | 'regional' | null = null;
  let region: { code: string; name: string } | null = null;
  let section = '';
  const startPart = (next: typeof part, nextRegion: typeof region) => {
    part = next;
    region = nextRegion;
    section = '';
  };
  const problem = (row: SheetRow, key: Key | null, code: ErrorCode, detail: string, value?: string) =>
    found.problems.push({
      file: fileName,
      sheet: row.sheet,
      row: row.rowNumber,
      column: key && layout ? layout.labels[layout.mapping[key]!] : undefined,
      value,
      code,
      message: `${ERROR_MESSAGES[code]}：${detail}`,
      severity: 'error',
    });

  for await (const event of scanTables(path, FIELDS, { fileName, minFields: 1, accept: ({ hidden, layout: l }) => !!l && !hidden && layout === null })) {
    if (event.type === 'sheet') {
      if (event.accepted && event.layout) {
        layout = event.layout;
        found.sheet = event.sheet;
      }
      continue;
    }
    if (!layout) continue;
    const { row } = event;
    const at = (key: Key) => (layout!.mapping[key] === undefined ? '' : cellText(row.cells[layout!.mapping[key]!] ?? null));
    if (event.type === 'skip') {
      if (event.reason !== 'label') continue;
      // a row of one text: a heading of the published text, or an item without number or codes
      const only = row.cells.map((c) => cellText(c ?? null)).find(Boolean) ?? '';
      if (NATIONAL_PART.test(only) && /目录/.test(only)) startPart('national', null);
      else if (REGIONAL_PART.test(only) && /目录/.test(only)) startPart('regional', null);
      else if (SECTION_HEADING.test(only)) section = only;
      else if (province(only)) startPart('regional', province(only));
      else if (at('text') === only) addItem(row, only);
      else problem(row, null, 'CATALOGUE_ROW_UNKNOWN', `无法识别的一行“${only.slice(0, 40)}”（不是目录部分、门类、省份，也不在“条目”列）`, only);
      continue;
    }
    addItem(row, at('text'));
    if ((found.items.length & 127) === 0) job.throwIfCancelled();

    function addItem(r: SheetRow, text: string) {
      const partText = at('part');
      const regionText = at('region');
      const rowPart = partText ? (NATIONAL_PART.test(partText) ? 'national' : REGIONAL_PART.test(partText) ? 'regional' : null) : null;
      if (partText && !rowPart) return void problem(r, 'part', 'CATALOGUE_ROW_UNKNOWN', '目录部分应为“全国”或“中西部等地区”', partText);
      const rowRegion = regionText ? province(regionText) : null;
      if (regionText && !rowRegion) return void problem(r, 'region', 'DIVISION_UNKNOWN', `“${regionText}”不是省级行政区`, regionText);
      const itemPart = rowPart ?? (rowRegion ? 'regional' : part ?? 'national');
      const itemRegion = rowRegion ?? (itemPart === 'regional' ? region : null);
      if (itemPart === 'regional' && !itemRegion) return void problem(r, 'region', 'VALUE_MISSING', '中西部等地区目录的条目须写明省份');
      if (itemPart === 'national' && rowRegion) return void problem(r, 'region', 'CATALOGUE_ROW_UNKNOWN', '全国目录的条目不应填写省份', regionText);
      if (!text) return void problem(r, 'text', 'VALUE_MISSING', '条目内容未填写');
      const codes: string[] = [];
      for (const raw of at('codes').normalize('NFKC').split(/[、,;；\s]+/).filter(Boolean)) {
        const code = raw.replace(/^[A-T](?=\d)/i, '');
        if (!/^\d{2,4}$/.test(code) || !industry.get(code)) return void problem(r, 'codes', 'INDUSTRY_UNKNOWN', `“${raw}”不是国民经济行业（GB/T 4754-2017）的大类、中类或小类代码`, raw);
        codes.push(code);
      }
      found.items.push({
        part: itemPart,
        regionCode: itemPart === 'regional' ? itemRegion!.code : null,
        regionName: itemPart === 'regional' ? itemRegion!.name : '',
        section: at('section') || section,
        no: at('no').replace(/[.、．]$/, ''),
        text,
        codes: [...new Set(codes)],
      });
    }
  }
  if (!layout) found.problems.push({ file: fileName, code: 'HEADER_NOT_FOUND', message: `${ERROR_MESSAGES.HEADER_NOT_FOUND}：需要“条目”列`, severity: 'error' });
  return found;
}
