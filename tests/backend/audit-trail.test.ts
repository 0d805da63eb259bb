import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../shared/api/audit';
import type { ProjectDetail } from '../../shared/api/projects';
import type { Backend } from '../../electron/backend/create';
import { runCli } from '../../electron/cli/run';
import { call, tempDir } from '../helpers/backend';
import { fdiBackend, importFile } from '../helpers/fdi-backend';
import { layoutRows, makeRecords, writeXlsx } from '../helpers/fdi-fixtures';
import { writePolicyProjectList } from '../helpers/policy-fixtures';

const auditList = (b: Backend, filter: object = {}, offset = 0, limit = 100) => call<{ rows: AuditRow[]; total: number }>(b, 'audit.list', { filter, offset, limit });
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** An import and its undo, a project edit, a setting change, then a restore of a backup taken after them. */
async function busyDatabase(): Promise<Backend> {
  const b = await fdiBackend();
  await call(b, 'settings.setPreferences', { userName: '李统计' });
  const file = await writeXlsx(path.join(tempDir(), '江北区2025年9月.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(4, { seed: 7 }), {}) }]);
  const batch = (await importFile(b, file, { district: '江北区' })).batches[0]!;
  await call(b, 'fdiImport.undo', { batchId: batch.batchId });
  await call(b, 'settings.setPreferences', { userName: '王科长' });
  const p = await call<ProjectDetail>(b, 'projects.create', { name: '某精密制造项目', industryCode: '3670' });
  await call(b, 'projects.update', { id: p.project.id, totalInvestment: 5000 });
  const backup = await call<{ name: string }>(b, 'system.backup', {});
  await call(b, 'system.restore', { name: backup.name });
  return b;
}

describe('the audit trail across the database', () => {
  it('lists an import, its undo, a project edit, setting changes and a restore in one list, newest first, in Chinese', async () => {
    const b = await busyDatabase();
    const { rows, total } = await auditList(b);
    expect(total).toBe(rows.length);
    const kinds = rows.map((r) => `${r.entityName}/${r.actionName}`);
    expect(kinds[0]).toBe('数据库/恢复备份');
    expect(kinds).toEqual(expect.arrayContaining(['导入批次/导入', '导入批次/撤销导入', '项目/新增', '项目/修改', '偏好设置/修改']));
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((x, y) => y - x));
    const imported = rows.find((r) => r.action === 'import')!;
    expect(imported).toMatchObject({ area: 'fdi', user: '李统计', subject: '江北区2025年9月.xlsx' });
    const edit = rows.find((r) => r.entity === 'project' && r.action === 'update')!;
    expect(edit).toMatchObject({ area: 'projects', user: '王科长', subject: '某精密制造项目', before: { totalInvestment: null }, after: { totalInvestment: 5000 } });
    expect(rows[0]!.subject).toMatch(/^恢复自 /);
  });

  it('filters by area, user, kind, id and day, and pages without overlap', async () => {
    const b = await busyDatabase();
    const all = (await auditList(b)).rows;
    const ids = async (filter: object) => (await auditList(b, filter)).rows.map((r) => r.id);
    expect(await ids({ areas: ['fdi'] })).toEqual(all.filter((r) => r.area === 'fdi').map((r) => r.id));
    expect(await ids({ areas: ['database', 'settings'] })).toEqual(all.filter((r) => r.area === 'database' || r.area === 'settings').map((r) => r.id));
    expect(await ids({ users: ['李统计'] })).toEqual(all.filter((r) => r.user === '李统计').map((r) => r.id));
    const project = all.find((r) => r.entity === 'project')!;
    expect(await ids({ entity: 'project', entityId: project.entityId })).toEqual(all.filter((r) => r.entity === 'project').map((r) => r.id));
    expect(await ids({ actions: ['undo', 'restore'] })).toHaveLength(2);
    const today = localDay(new Date());
    const tomorrow = localDay(new Date(Date.now() + 86_400_000));
    const yesterday = localDay(new Date(Date.now() - 86_400_000));
    expect(await ids({ from: today, to: today })).toEqual(all.map((r) => r.id));
    expect(await ids({ from: tomorrow })).toEqual([]);
    expect(await ids({ to: yesterday })).toEqual([]);

    // an import of the project list is 项目库's, not 外资统计's
    const list = writePolicyProjectList(tempDir());
    const { jobId } = await call<{ jobId: string }>(b, 'projects.importCommit', { fileId: b.ctx.files.register(list).fileId });
    expect((await b.ctx.jobs.wait(jobId)).status).toBe('done');
    const projectBatch = (await auditList(b, { areas: ['projects'], entity: 'import_batch' })).rows;
    expect(projectBatch.map((r) => [r.area, r.subject])).toEqual([['projects', '重点外资项目清单.xlsx']]);
    expect((await auditList(b, { areas: ['fdi'] })).rows.every((r) => r.subject !== '重点外资项目清单.xlsx')).toBe(true);

    const paged: number[] = [];
    const now = (await auditList(b)).rows;
    for (let offset = 0; offset < now.length; offset += 7) paged.push(...(await auditList(b, {}, offset, 7)).rows.map((r) => r.id));
    expect(paged).toEqual(now.map((r) => r.id));
    const facets = await call<{ users: string[]; entities: string[] }>(b, 'audit.facets');
    expect(facets.users).toEqual(expect.arrayContaining(['李统计', '王科长']));
    expect(facets.entities).toEqual(expect.arrayContaining(['database', 'import_batch', 'project', 'preferences']));
  });

  it('exports what a filter matches to a workbook, as a job, and the CLI prints and exports it', async () => {
    const b = await busyDatabase();
    const { jobId } = await call<{ jobId: string }>(b, 'audit.export', { filter: { areas: ['fdi', 'database'] } });
    const job = await b.ctx.jobs.wait(jobId);
    expect(job.status).toBe('done');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(b.ctx.files.get((job.result as { fileId: string }).fileId).path);
    const sheet = book.getWorksheet('操作记录')!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 8)).toEqual(['时间', '用户', '模块', '操作', '类别', '编号', '对象', '变更内容']);
    const body = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(i + 2));
    expect(body.map((r) => `${r[2]}/${r[3]}`)).toEqual(['数据库/恢复备份', '外资统计/撤销导入', '外资统计/导入']);
    expect(body[2]![6]).toBe('江北区2025年9月.xlsx');
    const dbPath = b.ctx.dbPath;
    b.close();

    let stdout = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined };
    expect(await runCli(['audit', '--db', dbPath, '--entity', '项目', '--json'], io)).toBe(0);
    const printed = JSON.parse(stdout.trim());
    expect(printed.total).toBe(2);
    expect(printed.entries.map((e: AuditRow) => e.actionName)).toEqual(['修改', '新增']);
    stdout = '';
    expect(await runCli(['audit', '--db', dbPath, '--from', localDay(new Date(Date.now() + 86_400_000)), '--json'], io)).toBe(0);
    expect(JSON.parse(stdout.trim())).toEqual({ total: 0, entries: [] });
    const out = path.join(tempDir(), '操作记录.xlsx');
    stdout = '';
    expect(await runCli(['audit', '--db', dbPath, '--out', out, '--json'], io)).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ out, rows: expect.any(Number) });
    expect(await runCli(['audit', '--db', dbPath, '--area', 'nowhere'], io)).toBe(1);
  });
});
