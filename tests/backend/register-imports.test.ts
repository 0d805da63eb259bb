/**
 * The register importers (project list, enterprise register, chain workbook) on files written by other programs —
 * LibreOffice from flat ODS and from an exceljs workbook, Excel's parts — laid out as bureaus draw them (issue 12
 * item 4): every column imported or listed, columns recognised by content, no default taken silently beside a column
 * that looks like the field, header blocks over two rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/create';
import type { ChainExportResult, ChainImportResult, ChainSummary } from '../../shared/api/chains';
import type { Enterprise } from '../../shared/api/enterprises';
import type { JobState } from '../../shared/api/jobs';
import type { ImportCheck, ImportDone, Project } from '../../shared/api/projects';
import { call, tempBackend } from '../helpers/backend';
import { libreOfficeXlsx, writeFods, writeXlsxParts } from '../helpers/other-writers';
import { ENTERPRISE_BLOCK, PROJECT_BLOCK, STAGE_BY_CONTENT } from '../helpers/register-fixtures';

const made = { dir: '', stageLo: '', stageExcel: '', projectBlock: '', enterpriseBlock: '', chain: '', chainTargets: 0 };

async function job<T>(backend: Backend, method: string, input: unknown): Promise<{ state: JobState; value: T }> {
  const { jobId } = await call<{ jobId: string }>(backend, method, input);
  const state = await backend.ctx.jobs.wait(jobId);
  return { state, value: state.result as T };
}

const registerFile = (backend: Backend, file: string) => backend.ctx.files.register(file).fileId;
const warnings = (c: ImportCheck, code: string) => c.problems.filter((p) => p.code === code).map((p) => p.message);

beforeAll(async () => {
  // not tempDir(): that one is removed after each test, and these files serve the whole file
  made.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-writers-'));
  const fods = [
    writeFods(path.join(made.dir, 'stage-by-content.fods'), [STAGE_BY_CONTENT.sheet()]),
    writeFods(path.join(made.dir, 'project-block.fods'), [PROJECT_BLOCK.sheet()]),
    writeFods(path.join(made.dir, 'enterprise-block.fods'), [ENTERPRISE_BLOCK.sheet()]),
  ];
  made.stageExcel = await writeXlsxParts(path.join(made.dir, 'stage-by-content-excel.xlsx'), [STAGE_BY_CONTENT.sheet()], 'excel');
  // a chain workbook as exceljs writes it (the app's own export), edited as a person would: 状态 under a header no
  // list foresaw, and a column of phone numbers; then saved again by LibreOffice
  const source = await tempBackend({ demo: true });
  const chainId = (await call<ChainSummary[]>(source, 'chains.list'))[0]!.id;
  const exported = await job<ChainExportResult>(source, 'chains.export', { chainId, format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source.ctx.files.get(exported.value.fileId).path);
  const targets = book.getWorksheet('招商目标')!;
  const header = targets.getRow(1);
  const statusColumn = (header.values as unknown[]).indexOf('状态');
  header.getCell(statusColumn).value = '跟进情况';
  const phone = targets.actualColumnCount + 1;
  targets.eachRow((row, n) => (row.getCell(phone).value = n === 1 ? '联系电话' : `021-6000${n}`));
  made.chainTargets = targets.actualRowCount - 1;
  const edited = path.join(made.dir, 'chain-edited.xlsx');
  await book.xlsx.writeFile(edited);
  const loDir = path.join(made.dir, 'lo');
  [made.stageLo, made.projectBlock, made.enterpriseBlock, made.chain] = libreOfficeXlsx([...fods, edited], loDir) as [string, string, string, string];
}, 300_000);
afterAll(() => fs.rmSync(made.dir, { recursive: true, force: true }));

describe('project list: the stage column under a header no list foresaw', () => {
  for (const [writer, file, demo] of [
    ['LibreOffice, on an empty database', () => made.stageLo, false],
    ['Excel parts, on the demo database', () => made.stageExcel, true],
  ] as const) {
    it(`imports the right stages, warns naming the column, lists the columns not imported (${writer})`, async () => {
      const backend = await tempBackend({ demo });
      const fileId = registerFile(backend, file());
      const check = await job<ImportCheck>(backend, 'projects.importCheck', { fileId });
      expect(check.state.status).toBe('done');
      const c = check.value;
      expect(c.layout!.columns.find((col) => col.letter === 'E')).toMatchObject({ label: '项目进展情况', field: 'stage', matchedBy: 'content' });
      expect(warnings(c, 'COLUMN_BY_CONTENT')).toEqual([expect.stringContaining('E列“项目进展情况”的内容是“项目阶段”')]);
      expect(warnings(c, 'COLUMN_LOOKS_LIKE')).toEqual([expect.stringContaining('F列“是否境外资金”像是“是否再投资”')]);
      expect(warnings(c, 'COLUMN_LOOKS_LIKE')[0]).toContain('默认“否”');
      expect(c.ignoredColumns).toEqual([
        { column: 'A', header: '序号' },
        { column: 'F', header: '是否境外资金' },
        { column: 'G', header: '联系电话' },
      ]);
      expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);

      const done = await job<ImportDone>(backend, 'projects.importCommit', { fileId: registerFile(backend, file()) });
      expect(done.state.status, JSON.stringify(done.state.error)).toBe('done');
      expect(done.value.ignoredColumns).toEqual(c.ignoredColumns);
      const { rows } = await call<{ rows: Project[] }>(backend, 'projects.list', { limit: 500 });
      for (const r of STAGE_BY_CONTENT.rows) {
        const p = rows.find((x) => x.name === r.name);
        expect({ stage: p?.stage, notes: p?.notes }, r.name).toEqual({ stage: r.stageCode, notes: '' });
      }
    }, 120_000);
  }

  it('remembers a mapping corrected in the check for the next file with the same header, and warns of the stage it leaves', async () => {
    const backend = await tempBackend();
    const first = await job<ImportCheck>(backend, 'projects.importCheck', { fileId: registerFile(backend, made.stageLo), mapping: { stage: null, notes: 4 } });
    expect(first.value.layout).toMatchObject({ mappingSource: 'given', mapping: { stage: null, notes: 4 } });
    expect(warnings(first.value, 'COLUMN_LOOKS_LIKE')).toContainEqual(expect.stringContaining('E列“项目进展情况”像是“项目阶段”，但未按“项目阶段”导入，各行按默认“线索”'));
    const again = await job<ImportCheck>(backend, 'projects.importCheck', { fileId: registerFile(backend, made.stageLo) });
    expect(again.value.layout).toMatchObject({ mappingSource: 'remembered', mapping: { stage: null, notes: 4 } });
    expect(again.value.layout!.columns.find((col) => col.letter === 'E')).toMatchObject({ field: 'notes', matchedBy: 'remembered' });
  }, 120_000);
});

describe('header blocks in registers written by LibreOffice', () => {
  it('reads a project list under a title, 填报单位, two header rows with merged parents and a row of column numbers', async () => {
    const backend = await tempBackend();
    const check = await job<ImportCheck>(backend, 'projects.importCheck', { fileId: registerFile(backend, made.projectBlock) });
    expect(check.state.status).toBe('done');
    expect(check.value).toMatchObject({ sheet: '重点项目', rows: PROJECT_BLOCK.rows.length, skippedRows: 2, create: PROJECT_BLOCK.rows.length });
    expect(check.value.layout!.headerRows).toEqual([3, 4, 5]);
    expect(check.value.ignoredColumns).toEqual([{ column: 'A', header: '序号' }]);
    expect(check.value.problems).toEqual([]);
    const done = await job<ImportDone>(backend, 'projects.importCommit', { fileId: registerFile(backend, made.projectBlock) });
    expect(done.state.status, JSON.stringify(done.state.error)).toBe('done');
    const { rows } = await call<{ rows: Project[] }>(backend, 'projects.list', { limit: 50 });
    expect(rows.map((p) => ({ name: p.name, investor: p.investor, total: p.totalInvestment, contracted: p.contractedFdi, stage: p.stage })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      PROJECT_BLOCK.rows.map((r) => ({ name: r.name, investor: r.investor, total: r.total, contracted: r.contracted, stage: r.stageCode })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }, 120_000);

  it('reads an enterprise register with a header block, and 外资比例 as 81, 45% and 0.3 (30, with a warning)', async () => {
    const backend = await tempBackend();
    const check = await job<ImportCheck>(backend, 'enterprises.importCheck', { fileId: registerFile(backend, made.enterpriseBlock) });
    expect(check.state.status).toBe('done');
    expect(check.value.layout!.headerRows).toEqual([2, 3, 4]);
    expect(check.value.ignoredColumns).toEqual([{ column: 'G', header: '联系人' }]);
    expect(check.value.problems.map((p) => ({ row: p.row, code: p.code, severity: p.severity }))).toEqual([{ row: 7, code: 'INVALID_INPUT', severity: 'warning' }]);
    expect(check.value.problems[0]!.message).toContain('按 30% 读取');
    const done = await job<ImportDone>(backend, 'enterprises.importCommit', { fileId: registerFile(backend, made.enterpriseBlock) });
    expect(done.state.status, JSON.stringify(done.state.error)).toBe('done');
    const { rows } = await call<{ rows: Enterprise[] }>(backend, 'enterprises.list', { limit: 50 });
    for (const r of ENTERPRISE_BLOCK.rows) {
      const e = rows.find((x) => x.name === r.name);
      expect({ uscc: e?.uscc, share: e?.foreignShare, capital: e?.registeredCapital }, r.name).toEqual({ uscc: r.uscc, share: r.expectedShare, capital: r.capital });
    }
  }, 120_000);

  it('refuses a 外资比例 over 100, naming the row and the column', async () => {
    const backend = await tempBackend();
    const file = path.join(backend.dir, 'share.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('企业名录');
    sheet.addRow(['企业名称', '统一社会信用代码', '外资比例（%）']);
    sheet.addRow([ENTERPRISE_BLOCK.rows[0]!.name, ENTERPRISE_BLOCK.rows[0]!.uscc, 120]);
    await book.xlsx.writeFile(file);
    const check = await job<ImportCheck>(backend, 'enterprises.importCheck', { fileId: registerFile(backend, file) });
    expect(check.value.problems).toEqual([expect.objectContaining({ row: 2, column: '外资比例（%）', value: '120', code: 'INVALID_INPUT', severity: 'error' })]);
    const done = await job<ImportDone>(backend, 'enterprises.importCommit', { fileId: registerFile(backend, file) });
    expect(done.state.error).toMatchObject({ code: 'IMPORT_REFUSED' });
    expect((await call<{ total: number }>(backend, 'enterprises.list', {})).total).toBe(0);
  }, 60_000);
});

describe('chain workbook saved by LibreOffice', () => {
  it('lists the columns it does not import, and reads 状态 under an unknown header by its words, with a warning', async () => {
    const backend = await tempBackend({ demo: true });
    const done = await job<ChainImportResult>(backend, 'chains.import', { fileId: registerFile(backend, made.chain), name: '另存的产业链', threshold: 3 });
    expect(done.state.status, JSON.stringify(done.state.error)).toBe('done');
    expect(done.value.targets).toBe(made.chainTargets);
    expect(done.value.ignoredColumns).toContainEqual({ sheet: '招商目标', column: expect.any(String), header: '联系电话' });
    expect(done.value.ignoredColumns.every((c) => c.header !== '跟进情况')).toBe(true);
    expect(done.value.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('“跟进情况”的内容是“状态”'));
  }, 120_000);
});
