import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/create';
import type { ExportDone, ImportCheck, ImportDone, Project, ProjectDetail } from '../../shared/api/projects';
import type { JobState } from '../../shared/api/jobs';
import { call, tempBackend } from '../helpers/backend';
import { MESSY_ROWS, writeMessyProjectList } from '../helpers/project-fixtures';

async function runJob(backend: Backend, method: string, input: unknown): Promise<JobState> {
  const { jobId } = await call<{ jobId: string }>(backend, method, input);
  return backend.ctx.jobs.wait(jobId);
}

async function importFile(backend: Backend, file: string, method: 'projects.importCommit' | 'projects.importCheck' = 'projects.importCommit') {
  const { fileId } = backend.ctx.files.register(file);
  return runJob(backend, method, { fileId });
}

/** The database as a person sees it: every project with its plan, without ids and times. */
async function projectState(backend: Backend) {
  const list = await call<{ rows: Project[] }>(backend, 'projects.list', { sort: { field: 'name', order: 'asc' }, limit: 500 });
  return Promise.all(
    list.rows.map(async (p) => {
      const detail = await call<ProjectDetail>(backend, 'projects.get', { id: p.id });
      const { id: _id, createdAt: _c, updatedAt: _u, alerts: _a, reinvestEnterpriseId: _r, enterpriseId: _e, districtId: _d, platformId: _p, ...rest } = p;
      return { ...rest, plan: detail.plan, segments: detail.segments.map((s) => s.name) };
    }),
  );
}

const counts = (backend: Backend) =>
  backend.ctx.db.prepare(`SELECT (SELECT count(*) FROM project) AS projects, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM import_batch) AS batches`).get();

describe('project list import', () => {
  it('reads a messy bureau list: title and 填报单位 lines, two-row merged header, stage and flag words, 合计 and notes', async () => {
    const backend = await tempBackend({ demo: true });
    backend.ctx.db.exec('DELETE FROM project');
    const file = path.join(backend.dir, '重点项目清单.xlsx');
    await writeMessyProjectList(file);

    const check = await importFile(backend, file, 'projects.importCheck');
    expect(check.status).toBe('done');
    const checked = check.result as ImportCheck;
    expect(checked).toMatchObject({ sheet: '重点项目', rows: MESSY_ROWS.length, create: MESSY_ROWS.length, update: 0, unchanged: 0 });
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect((await call(backend, 'projects.list', {})).total).toBe(0); // a check writes nothing

    const done = await importFile(backend, file);
    expect(done.status).toBe('done');
    expect((done.result as ImportDone).create).toBe(MESSY_ROWS.length);
    const { rows } = await call<{ rows: Project[] }>(backend, 'projects.list', { limit: 100 });
    for (const { expected } of MESSY_ROWS) {
      const p = rows.find((r) => r.name === expected.name);
      expect(p, expected.name).toBeDefined();
      expect({
        name: p!.name,
        countryCode: p!.countryCode,
        industryCode: p!.industryCode,
        district: p!.district,
        platform: p!.platform,
        totalInvestment: p!.totalInvestment,
        contractedFdi: p!.contractedFdi,
        stage: p!.stage,
        reinvestment: p!.reinvestment,
        signedDate: p!.signedDate,
        ownerPerson: p!.ownerPerson,
      }).toEqual(expected);
    }
    // 落地 without a registration date: the date stays unknown rather than becoming the import day
    expect(rows.find((r) => r.name === '克劳斯机械真空泵项目')!.registeredDate).toBeNull();
    // every project's stage is logged and audited as an import
    const log = backend.ctx.db.prepare(`SELECT count(*) AS n FROM project_stage_log`).get() as { n: number };
    expect(log.n).toBe(MESSY_ROWS.length);
    expect(backend.ctx.db.prepare(`SELECT DISTINCT action FROM audit_log WHERE entity = 'project'`).all()).toEqual([{ action: 'import' }]);

    // the same file again changes nothing
    const again = await importFile(backend, file);
    expect(again.result).toMatchObject({ create: 0, update: 0, unchanged: MESSY_ROWS.length });
  });

  it('refuses a list with an unknown stage word as a whole, naming file, sheet, row, column and value; the db is unchanged', async () => {
    const backend = await tempBackend({ demo: true });
    const file = path.join(backend.dir, '清单.xlsx');
    await writeMessyProjectList(file, MESSY_ROWS, { index: 2, cells: { stage: '研究中', country: '火星' } });
    const before = counts(backend);
    const job = await importFile(backend, file);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('IMPORT_REFUSED');
    const problems = job.error?.problems ?? [];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: '清单.xlsx', sheet: '重点项目', row: 7, column: '项目进展阶段', value: '研究中', code: 'STAGE_UNKNOWN' }),
        expect.objectContaining({ row: 7, column: '国别', value: '火星', code: 'COUNTRY_UNKNOWN' }),
      ]),
    );
    expect(problems.every((p) => /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
    expect(counts(backend)).toEqual(before);
  });

  it('refuses amounts in 人民币 rather than guessing a rate', async () => {
    const backend = await tempBackend({ demo: true });
    const file = path.join(backend.dir, 'rmb.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目');
    sheet.addRow(['项目名称', '国别', '总投资（亿元）', '项目阶段']);
    sheet.addRow(['某项目', '日本', 3, '签约']);
    await workbook.xlsx.writeFile(file);
    const job = await importFile(backend, file);
    expect(job.error?.problems?.[0]).toMatchObject({ code: 'UNIT_UNKNOWN', message: expect.stringContaining('人民币') });
  });

  it('what is exported imports back unchanged: into the same database (nothing changes) and into a fresh one (equal)', async () => {
    const source = await tempBackend({ demo: true });
    const exported = await runJob(source, 'projects.export', { layout: 'list' });
    expect(exported.status).toBe('done');
    const file = source.ctx.files.get((exported.result as ExportDone).fileId).path;
    const same = await importFile(source, file);
    expect(same.status).toBe('done');
    expect(same.result).toMatchObject({ create: 0, update: 0 });

    // a fresh database with the same settings and enterprises (the demo seeds them the same), its projects removed
    const target = await tempBackend({ demo: true });
    target.ctx.db.exec('DELETE FROM project');
    const imported = await importFile(target, file);
    expect(imported.status, JSON.stringify(imported.error)).toBe('done');
    expect((imported.result as ImportDone).create).toBe((await call(source, 'projects.list', {})).total);
    expect(await projectState(target)).toEqual(await projectState(source));
  });

  it('chain segments go out as 产业链/环节 and come back linked to the same segments', async () => {
    const chain = (b: Backend) => {
      const db = b.ctx.db;
      const id = Number(db.prepare(`INSERT INTO chain (name, created_at, updated_at) VALUES ('集成电路', '', '')`).run().lastInsertRowid);
      const ids = ['设计', '封装测试', '设备'].map((n, i) => Number(db.prepare(`INSERT INTO segment (chain_id, name, tier, sort) VALUES (?, ?, 'midstream', ?)`).run(id, n, i).lastInsertRowid));
      return ids;
    };
    const source = await tempBackend();
    const [, pack, tools] = chain(source);
    await call(source, 'projects.create', { name: '封测项目', segmentIds: [pack, tools], plan: [{ period: '2026-01', amount: 12.5 }] });
    const job = await runJob(source, 'projects.export', {});
    const file = source.ctx.files.get((job.result as ExportDone).fileId).path;
    const target = await tempBackend();
    // chain and segment ids in the target differ from the source's
    target.ctx.db.exec(`INSERT INTO chain (name, created_at, updated_at) VALUES ('别的链', '', ''); INSERT INTO segment (chain_id, name, tier) VALUES (1, '设备', 'upstream')`);
    chain(target);
    const imported = await importFile(target, file);
    expect(imported.status, JSON.stringify(imported.error)).toBe('done');
    expect(await projectState(target)).toEqual(await projectState(source));
    expect((await projectState(target))[0]!.segments).toEqual(['封装测试', '设备']);
  });

  it('text that looks like a formula is written as text and comes back as the same text', async () => {
    const backend = await tempBackend();
    await call(backend, 'projects.create', { name: '=HYPERLINK("http://x","点我")', investor: '+86 投资', notes: '@SUM(A1)', ownerUnit: '-招商局' });
    const job = await runJob(backend, 'projects.export', { layout: 'list' });
    const file = backend.ctx.files.get((job.result as ExportDone).fileId).path;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const row = workbook.getWorksheet('项目清单')!.getRow(2);
    expect(row.getCell(1).value).toBe('=HYPERLINK("http://x","点我")');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).numFmt).toBe('@');
    const again = await importFile(backend, file);
    expect(again.result).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });

  it('writes the 推进情况表 in its official layout', async () => {
    const backend = await tempBackend({ demo: true });
    const job = await runJob(backend, 'projects.export', { layout: 'progress', filter: { stages: ['signed', 'registered', 'construction'] } });
    expect(job.status).toBe('done');
    const done = job.result as ExportDone;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(backend.ctx.files.get(done.fileId).path);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^\d{4}年重点外资项目推进情况表$/);
    expect(String(sheet.getCell('A2').value)).toBe('填报单位：苏州市商务局（演示）');
    expect(sheet.getRow(3).getCell(2).value).toBe('项目名称');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    const signed = (await call(backend, 'projects.list', { filter: { stages: ['signed', 'registered', 'construction'] } })).total;
    expect(done.rows).toBe(signed);
    expect(sheet.getRow(3 + signed + 1).getCell(1).value).toBe('合计');
  });
});

describe('enterprise register import', () => {
  it('exports and imports back equal, and merges by 统一社会信用代码 instead of duplicating', async () => {
    const source = await tempBackend({ demo: true });
    const exported = await runJob(source, 'enterprises.export', {});
    const file = source.ctx.files.get((exported.result as ExportDone).fileId).path;
    const target = await tempBackend({ demo: true });
    target.ctx.db.exec('DELETE FROM fdi_record; DELETE FROM project; DELETE FROM enterprise');
    const imported = await runJob(target, 'enterprises.importCommit', { fileId: target.ctx.files.register(file).fileId });
    expect(imported.status, JSON.stringify(imported.error)).toBe('done');
    const state = async (b: Backend) =>
      (await call(b, 'enterprises.list', { limit: 500 })).rows.map(({ id: _i, createdAt: _c, updatedAt: _u, fdiRecords: _f, projects: _p, districtId: _d, platformId: _pl, ...rest }: Record<string, unknown>) => rest);
    expect(await state(target)).toEqual(await state(source));

    // a roster with a known code and a changed investor updates that firm; a firm known by name only gets its code
    const one = (await call(target, 'enterprises.list', { limit: 1 })).rows[0];
    const byName = await call(target, 'enterprises.create', { name: '苏州只有名称有限公司' });
    const roster = path.join(target.dir, '企业名录.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['外商投资企业名录']);
    sheet.addRow(['企业名称', '统一社会信用代码', '外国投资者', '国别']);
    sheet.addRow([one.name, one.uscc, '新投资者控股', '']);
    const code = (await import('../../electron/backend/demo/uscc')).fakeUscc((await import('../../electron/backend/demo/random')).seededRandom(99), '320500');
    sheet.addRow(['苏州只有名称有限公司', code, '', '新加坡']);
    await workbook.xlsx.writeFile(roster);
    const total = (await call(target, 'enterprises.list', {})).total;
    const merged = await runJob(target, 'enterprises.importCommit', { fileId: target.ctx.files.register(roster).fileId });
    expect(merged.result).toMatchObject({ create: 0, update: 2 });
    expect((await call(target, 'enterprises.list', {})).total).toBe(total);
    const updated = await call(target, 'enterprises.get', { id: one.id });
    expect(updated.enterprise).toMatchObject({ investor: '新投资者控股', countryCode: one.countryCode });
    const named = await call(target, 'enterprises.get', { id: byName.enterprise.id });
    expect(named.enterprise).toMatchObject({ uscc: code, countryCode: 'SGP' });
  });
});
