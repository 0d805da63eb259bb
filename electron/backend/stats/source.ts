import fs from 'node:fs';
import path from 'node:path';
import type { RecordSource } from '../../../shared/api/stats';
import type { BackendContext } from '../context';
import { AppError } from '../errors';
import { FDI_FIELD_SPECS } from '../fdi-import/fields';
import { writeSourceFile } from '../fdi-import/source-files';
import { columnLetter, findTable, openSheets, type CellValue, type SheetRow } from '../workbook';

/** Rows read ahead of a record's row to find its header (as the importer looks for it). */
const HEAD_ROWS = 40;

function shown(value: CellValue): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/**
 * A record's row as it was in its file: the kept file (fdi-import/source-files.ts) is read again up to that row, with
 * the header above it for the column names. Reading costs the rows before it: instant for a district's return, a few
 * seconds for the last row of a million-row file.
 */
export async function readRecordSource(ctx: BackendContext, recordId: number): Promise<RecordSource> {
  const record = ctx.db
    .prepare(
      `SELECT r.source_row AS row, b.id AS batchId, b.file_name AS file, b.sheet, b.file_hash AS hash
       FROM fdi_record r LEFT JOIN import_batch b ON b.id = r.batch_id WHERE r.id = ?`,
    )
    .get(recordId) as { row: number | null; batchId: number | null; file: string | null; sheet: string | null; hash: string | null } | undefined;
  if (!record) throw new AppError('NOT_FOUND', `记录 ${recordId}`);
  if (record.batchId === null || record.row === null || !record.hash || !record.file) throw new AppError('SOURCE_UNAVAILABLE');
  const target = ctx.files.outputPath(`source${path.extname(record.file)}`);
  try {
    if (!writeSourceFile(ctx.db, record.hash, target)) throw new AppError('SOURCE_UNAVAILABLE');
    const head: SheetRow[] = [];
    let found: SheetRow | null = null;
    for await (const sheet of openSheets(target, { fileName: record.file })) {
      if (record.sheet && sheet.name !== record.sheet) continue;
      for await (const row of sheet.rows()) {
        if (row.rowNumber > record.row) break;
        if (head.length < HEAD_ROWS) head.push(row);
        if (row.rowNumber === record.row) found = row;
      }
      break;
    }
    if (!found) throw new AppError('SOURCE_UNAVAILABLE', `文件 ${record.file} 中找不到第 ${record.row} 行`);
    const layout = findTable(head.filter((r) => r.rowNumber < record.row!), FDI_FIELD_SPECS);
    return {
      recordId,
      batchId: record.batchId,
      file: record.file,
      sheet: record.sheet,
      row: record.row,
      header: layout?.labels ?? [],
      cells: found.cells.map((value, i) => ({ column: columnLetter(i + 1), value: shown(value) })),
    };
  } finally {
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  }
}
