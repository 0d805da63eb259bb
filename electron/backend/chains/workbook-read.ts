import { cellText, normalizeLabel, scanTables, type FieldSpec } from '../workbook';
import type { ChainSheets, SheetData } from './import-validate';
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

async function readSheet(file: string, fileName: string, spec: SheetSpec): Promise<SheetData | null> {
  const fields: FieldSpec[] = spec.columns.map((c) => ({ key: c.key, label: c.label, synonyms: c.synonyms, required: c.required }));
  let data: SheetData | null = null;
  for await (const event of scanTables(file, fields, { fileName, minFields: 1, accept: (s) => data === null && sheetMatches(s.name, spec) })) {
    if (event.type === 'sheet') {
      if (data !== null || !sheetMatches(event.sheet, spec)) continue;
      const missing = event.layout ? event.layout.missing : fields.filter((f) => f.required).map((f) => f.key);
      data = { sheet: event.sheet, missingColumns: missing.map((k) => spec.columns.find((c) => c.key === k)!.label), rows: [] };
      continue;
    }
    if (!data || event.layout.sheet !== (data as SheetData).sheet) continue;
    if (event.type === 'skip' && event.reason !== 'label') continue;
    const values: Record<string, string> = {};
    for (const [key, column] of Object.entries(event.layout.mapping)) values[key] = cellText(event.row.cells[column] ?? null);
    (data as SheetData).rows.push({ row: event.row.rowNumber, values });
  }
  return data;
}
