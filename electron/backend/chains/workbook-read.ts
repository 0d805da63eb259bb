import { FIRM_ROLES, TARGET_PRIORITIES, TARGET_STATUSES, TIERS } from '../../../shared/domain/chain';
import { RegisterSheet, type RegisterField } from '../import-layouts/register-sheet';
import { cellText, normalizeLabel, scanTables, type CellValue } from '../workbook';
import { keyOf, lookup, type ChainSheets, type SheetData } from './import-validate';
import { SHEETS, type SheetSpec } from './workbook-layout';

/**
 * Reads a chain workbook through the shared workbook layer: each documented sheet is found by its name (or a
 * synonym), its header by the column wordings, and every row under it becomes text by field. Rows the layer sets aside
 * as a lone label (a segment written without its 位置) are kept, so the validator reports what is missing.
 */
export async function readChainSheets(file: string, fileName: string): Promise<ChainSheets> {
  const out: ChainSheets = {};
  for (const spec of SHEETS) {
    const data = await readSheet(file, fileName, spec);
    if (data) out[spec.key] = data;
  }
  return out;
}

function sheetMatches(name: string, spec: SheetSpec): boolean {
  const key = normalizeLabel(name);
  return spec.synonyms.some((s) => normalizeLabel(s) === key);
}

const words = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');

/** What the words of the columns with a fixed vocabulary look like (a column under a header no list foresaw), and their defaults. */
const CONTENT: Partial<Record<SheetSpec['key'], Record<string, Partial<RegisterField>>>> = {
  segments: { tier: { looksLike: (v) => lookup(TIERS, keyOf(words(v)).replace(/环节$/, '')) !== null } },
  firms: { role: { looksLike: (v) => lookup(FIRM_ROLES, words(v)) !== null } },
  targets: {
    priority: { looksLike: (v) => words(v) !== '' && lookup(TARGET_PRIORITIES, words(v).replace(/优先$/, '')) !== null, defaultText: TARGET_PRIORITIES.medium },
    status: { looksLike: (v) => words(v) !== '' && lookup(TARGET_STATUSES, words(v)) !== null, defaultText: TARGET_STATUSES.untouched },
  },
};

async function readSheet(file: string, fileName: string, spec: SheetSpec): Promise<SheetData | null> {
  const fields: RegisterField[] = spec.columns.map((c) => ({ key: c.key, label: c.label, synonyms: c.synonyms, required: c.required, ...CONTENT[spec.key]?.[c.key] }));
  let data: SheetData | null = null;
  let sheet: RegisterSheet<string> | null = null;
  for await (const event of scanTables(file, fields, { fileName, minFields: 1, accept: (s) => data === null && sheetMatches(s.name, spec) })) {
    if (event.type === 'sheet') {
      if (data !== null || !sheetMatches(event.sheet, spec)) continue;
      const missing = event.layout ? event.layout.missing : fields.filter((f) => f.required).map((f) => f.key);
      data = { sheet: event.sheet, missingColumns: missing.map((k) => spec.columns.find((c) => c.key === k)!.label), ignoredColumns: [], warnings: [], rows: [] };
      if (event.layout) {
        sheet = new RegisterSheet({ ...event, layout: event.layout }, fields, {}, {});
        data.warnings = sheet.warnings(fileName);
      }
      continue;
    }
    if (!data || event.layout.sheet !== (data as SheetData).sheet) continue;
    if (event.type === 'skip' && event.reason !== 'label') continue;
    const values: Record<string, string> = {};
    for (const [key, column] of Object.entries(event.layout.mapping)) values[key] = cellText(event.row.cells[column] ?? null);
    (data as SheetData).rows.push({ row: event.row.rowNumber, values });
  }
  if (data && sheet) (data as SheetData).ignoredColumns = sheet.describe().ignoredColumns;
  return data;
}
