import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CatalogueImport, EncouragedCatalogue, PolicyDetail } from '../../shared/api/policy';
import type { JobState } from '../../shared/api/jobs';
import type { ProjectDetail } from '../../shared/api/projects';
import type { Backend } from '../../electron/backend/create';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { convertWithLibreOffice } from '../helpers/fdi-fixtures';

// Catalogue rows for tests only: they are marked 测试 so no one takes them for the published catalogue.
const NATIONAL = ['全国', '', '三、制造业', '12', '（测试条目）新能源汽车关键零部件研发、制造', '3670'];
const REGIONAL = ['中西部等地区', '山西省', '', '3', '（测试条目）汽车零部件制造', 'C36'];
const NO_CODES = ['全国', '', '七、租赁和商务服务业', '5', '（测试条目）国际会展服务', ''];

async function importJob(b: Backend, file: string, version: string, check = false): Promise<JobState> {
  const { jobId } = await call<{ jobId: string }>(b, 'policy.importCatalogue', { fileId: b.ctx.files.register(file).fileId, version, check });
  return b.ctx.jobs.wait(jobId);
}

/** The template the app writes, filled in with exceljs as a person would in Excel. */
async function filledTemplate(b: Backend, rows: string[][]): Promise<string> {
  const { fileId } = await call<{ fileId: string }>(b, 'policy.catalogueTemplate');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(b.ctx.files.get(fileId).path);
  const sheet = book.getWorksheet('鼓励类目录')!;
  rows.forEach((r) => sheet.addRow(r));
  const file = path.join(tempDir(), '鼓励目录.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const projectIn = async (b: Backend, industryCode: string) => (await call<ProjectDetail>(b, 'projects.create', { name: `项目${industryCode}`, industryCode })).project;

describe('鼓励外商投资产业目录', () => {
  it('the template has the columns the import reads, and no catalogue content of its own', async () => {
    const b = await tempBackend();
    const { fileId, name } = await call<{ fileId: string; name: string }>(b, 'policy.catalogueTemplate');
    expect(name).toMatch(/模板\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(b.ctx.files.get(fileId).path);
    const sheet = book.getWorksheet('鼓励类目录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '目录部分', '地区', '门类', '序号', '条目', '国民经济行业代码']);
    expect(sheet.rowCount).toBe(1);
    expect(book.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(3);
  });

  it('imports the filled template, offers national and own-province items for a project, and logs the import', async () => {
    const b = await tempBackend();
    await call(b, 'settings.setJurisdiction', { code: '1401' }); // 太原市, 山西省
    const file = await filledTemplate(b, [NATIONAL, REGIONAL, NO_CODES]);
    const checked = await importJob(b, file, '测试版', true);
    expect(checked.result).toMatchObject({ items: 3, national: 2, regional: 1, problems: [], catalogueId: null } satisfies Partial<CatalogueImport>);
    expect(b.ctx.db.prepare('SELECT count(*) FROM encouraged_item').pluck().get()).toBe(0);

    const done = await importJob(b, file, '测试版');
    expect(done.status).toBe('done');
    const [catalogue] = await call<EncouragedCatalogue[]>(b, 'policy.catalogues');
    expect(catalogue).toMatchObject({ version: '测试版', items: 3, national: 2, regional: 1, active: true });

    const p = await projectIn(b, '3670');
    const detail = await call<PolicyDetail>(b, 'policy.get', { entity: 'project', id: p.id });
    expect(detail.candidates.map((c) => [c.part, c.regionName, c.no, c.industryCodes])).toEqual([
      ['national', '', '12', ['3670']],
      ['regional', '山西省', '3', ['36']],
    ]);
    // in another province the regional part does not apply
    await call(b, 'settings.setJurisdiction', { code: '3205' });
    expect((await call<PolicyDetail>(b, 'policy.get', { entity: 'project', id: p.id })).candidates.map((c) => c.part)).toEqual(['national']);
    // an item without codes is found by searching
    expect((await call<{ text: string }[]>(b, 'policy.searchEncouraged', { text: '会展' })).map((i) => i.text)).toEqual([NO_CODES[4]]);

    const audit = b.ctx.db.prepare("SELECT action, after FROM audit_log WHERE entity = 'encouraged_catalogue'").get() as { action: string; after: string };
    expect(audit.action).toBe('import');
    expect(JSON.parse(audit.after)).toMatchObject({ version: '测试版', items: 3, national: 2, regional: 1 });
  });

  it('reads the published text pasted in with its headings as rows (LibreOffice-written), carrying part, province and section down', async () => {
    const b = await tempBackend();
    const dir = tempDir();
    const lines = [
      ['序号', '条目', '国民经济行业代码'],
      ['一、全国鼓励外商投资产业目录'],
      ['一、农、林、牧、渔业'],
      ['1', '（测试条目）林木良种培育', '0211'],
      ['二、中西部等地区外商投资优势产业目录'],
      ['山西省'],
      ['1', '（测试条目）特色农产品加工', '13'],
      ['内蒙古'],
      ['1', '（测试条目）乳制品加工', '144'],
    ];
    const csv = path.join(dir, '鼓励目录原文.csv');
    fs.writeFileSync(csv, lines.map((l) => l.join(',')).join('\n') + '\n');
    const [xlsx] = convertWithLibreOffice([csv], path.join(dir, 'lo'));
    const done = await importJob(b, xlsx!, '原文粘贴');
    expect(done.error?.problems ?? done.error ?? null).toBeNull();
    const items = b.ctx.db.prepare('SELECT part, region_code, region_name, section, no, text FROM encouraged_item ORDER BY id').all();
    expect(items).toEqual([
      { part: 'national', region_code: null, region_name: '', section: '一、农、林、牧、渔业', no: '1', text: '（测试条目）林木良种培育' },
      { part: 'regional', region_code: '14', region_name: '山西省', section: '', no: '1', text: '（测试条目）特色农产品加工' },
      { part: 'regional', region_code: '15', region_name: '内蒙古自治区', section: '', no: '1', text: '（测试条目）乳制品加工' },
    ]);
  });

  it('refuses a GBK CSV with an unknown code or province as a whole, naming row, column and value', async () => {
    const b = await tempBackend();
    const file = path.join(tempDir(), '鼓励目录.csv');
    const rows = [
      ['目录部分', '地区', '门类', '序号', '条目', '国民经济行业代码'],
      NATIONAL,
      ['中西部等地区', '火星省', '', '1', '（测试条目）某产业', '3670'],
      ['全国', '', '', '2', '（测试条目）另一产业', '9999'],
      ['全国', '', '', '3', '', '3670'],
    ];
    fs.writeFileSync(file, iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
    const state = await importJob(b, file, '测试版');
    expect(state.status).toBe('failed');
    expect(state.error!.code).toBe('IMPORT_REFUSED');
    expect(state.error!.problems!.map((p) => [p.row, p.column, p.value ?? null, p.code])).toEqual([
      [3, '地区', '火星省', 'DIVISION_UNKNOWN'],
      [4, '国民经济行业代码', '9999', 'INDUSTRY_UNKNOWN'],
      [5, '条目', null, 'VALUE_MISSING'],
    ]);
    expect(b.ctx.db.prepare('SELECT count(*) FROM encouraged_catalogue').pluck().get()).toBe(0);
  });

  it('a confirmed item shows on the project and keeps its wording when a newer catalogue replaces it', async () => {
    const b = await tempBackend();
    await importJob(b, await filledTemplate(b, [NATIONAL]), '旧版');
    const p = await projectIn(b, '3670');
    const [item] = (await call<PolicyDetail>(b, 'policy.get', { entity: 'project', id: p.id })).candidates;
    const chosen = await call<PolicyDetail>(b, 'policy.chooseEncouraged', { entity: 'project', id: p.id, itemId: item!.id });
    expect(chosen.effective.encouraged).toBe(NATIONAL[4]);
    const listed = await call<{ rows: { id: number; policy: { encouraged: string | null } }[] }>(b, 'projects.list', {});
    expect(listed.rows.find((r) => r.id === p.id)!.policy.encouraged).toBe(NATIONAL[4]);

    const newer = [...NATIONAL.slice(0, 4), '（测试条目）新能源汽车关键零部件及系统研发、制造', '3670'];
    await importJob(b, await filledTemplate(b, [newer]), '新版');
    const after = await call<PolicyDetail>(b, 'policy.get', { entity: 'project', id: p.id });
    expect(after.chosen).toMatchObject({ text: NATIONAL[4], catalogueVersion: '旧版', active: false });
    expect(after.candidates.map((c) => [c.catalogueVersion, c.text])).toEqual([['新版', newer[4]]]);
    expect((await call<EncouragedCatalogue[]>(b, 'policy.catalogues')).map((c) => [c.version, c.active])).toEqual([
      ['新版', true],
      ['旧版', false],
    ]);
    await call(b, 'policy.chooseEncouraged', { entity: 'project', id: p.id, itemId: null });
    const log = b.ctx.db.prepare("SELECT before, after FROM audit_log WHERE action = 'confirm' ORDER BY id").all() as { before: string; after: string }[];
    expect(log.map((l) => [JSON.parse(l.before).encouraged?.text ?? null, JSON.parse(l.after).encouraged?.text ?? null])).toEqual([
      [null, NATIONAL[4]],
      [NATIONAL[4], null],
    ]);
  });
});
