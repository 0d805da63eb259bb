import ExcelJS from 'exceljs';
import type { AuditFilter } from '../../../shared/api/audit';
import { AUDIT_AREAS, auditChanges } from '../../../shared/domain/audit';
import type { BackendContext } from '../context';
import { HEADER_FILL } from '../projects/xlsxCells';
import { AUDIT_ORDER, auditWhere, toAuditRow } from './queries';

const CHUNK = 1000;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

const COLUMNS = [
  { header: '时间', width: 20 },
  { header: '用户', width: 12 },
  { header: '模块', width: 12 },
  { header: '操作', width: 14 },
  { header: '类别', width: 14 },
  { header: '编号', width: 10 },
  { header: '对象', width: 30 },
  { header: '变更内容', width: 60 },
  { header: '修改前（原始记录）', width: 40 },
  { header: '修改后（原始记录）', width: 40 },
];

/** Excel holds at most 32,767 characters in a cell; a longer value (a deleted chain's snapshot) is cut and says so. */
const clip = (text: string) => (text.length > 32000 ? `${text.slice(0, 32000)}…（已截断，共 ${text.length} 字）` : text);

/** A time as the bureau reads it: its own calendar and clock, to the second. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Starts a job writing the entries a filter matches, newest first, to a workbook streamed to disk (a log of millions
 * of entries fits in memory), read a chunk at a time so no query stays open across the writes.
 */
export function exportAudit(ctx: BackendContext, filter: AuditFilter): string {
  return ctx.jobs.start('audit.export', async (job) => {
    const params: Record<string, unknown> = {};
    const where = auditWhere(filter, params);
    const total = ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE ${where}`).pluck().get(params) as number;
    const stamp = localTime(new Date().toISOString()).slice(0, 10).replace(/-/g, '');
    const name = `操作记录_${stamp}.xlsx`;
    const file = ctx.files.outputPath(name);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    book.creator = '外资工作台';
    const sheet = book.addWorksheet('操作记录', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
    const header = sheet.getRow(1);
    COLUMNS.forEach((c, i) => ((header.getCell(i + 1).value = c.header), (header.getCell(i + 1).font = { bold: true }), (header.getCell(i + 1).fill = HEADER_FILL)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    header.commit();
    // keyset paging in the view's order: after the last (at, id) written
    const page = ctx.db.prepare(`SELECT * FROM audit_log WHERE ${where} AND (at < @at OR (at = @at AND id < @id)) ORDER BY ${AUDIT_ORDER} LIMIT ${CHUNK}`);
    let after = { at: '\uffff', id: Number.MAX_SAFE_INTEGER };
    let written = 0;
    for (;;) {
      job.throwIfCancelled();
      const rows = page.all({ ...params, ...after }) as Parameters<typeof toAuditRow>[1][];
      if (rows.length === 0) break;
      for (const r of rows) {
        const e = toAuditRow(ctx.db, r);
        const changes = auditChanges(e.before, e.after)
          .map((c) => (c.label ? `${c.label}：` : '') + (c.before && c.after ? `${c.before} → ${c.after}` : c.after || `（删除）${c.before}`))
          .join('\n');
        sheet
          .addRow([localTime(e.at), e.user, AUDIT_AREAS[e.area], e.actionName, e.entityName, e.entityId ?? '', e.subject, clip(changes), clip(r.before ?? ''), clip(r.after ?? '')])
          .commit();
      }
      written += rows.length;
      after = { at: rows[rows.length - 1]!.at, id: rows[rows.length - 1]!.id };
      job.progress(total ? written / total : null, `已写出 ${written} / ${total} 条`);
      await nextTick();
    }
    sheet.commit();
    await book.commit();
    const stored = ctx.files.register(file, name);
    return { fileId: stored.fileId, name, rows: written };
  });
}
