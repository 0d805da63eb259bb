import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ChainDetail, ChainExportResult, ChainImportResult, ChainSummary } from '../../shared/api/chains';
import type { JobState } from '../../shared/api/jobs';
import { runCli } from '../../electron/cli/run';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { edit } from '../helpers/chains';

type Backend = Awaited<ReturnType<typeof tempBackend>>;

async function job<T>(b: Backend, method: string, input: unknown): Promise<JobState & { result?: T }> {
  const { jobId } = await call<{ jobId: string }>(b, method, input);
  return (await b.ctx.jobs.wait(jobId)) as JobState & { result?: T };
}

async function exportFile(b: Backend, chainId: number, format: string): Promise<{ file: string; result: ChainExportResult }> {
  const done = await job<ChainExportResult>(b, 'chains.export', { chainId, format });
  expect(done.status, JSON.stringify(done.error)).toBe('done');
  return { file: b.ctx.files.get(done.result!.fileId).path, result: done.result! };
}

async function importFile(b: Backend, file: string, name: string) {
  const stored = b.ctx.files.register(file);
  return job<ChainImportResult>(b, 'chains.import', { fileId: stored.fileId, name });
}

/** A chain as the user sees it, by names (ids differ between the original and the imported copy). */
function comparable(d: ChainDetail) {
  const name = new Map(d.segments.map((s) => [s.id, s.name]));
  const targetKey = new Map(d.targets.map((t) => [t.id, `${name.get(t.segmentId)}/${t.company}`]));
  return {
    chain: { owner: d.chain.owner, description: d.chain.description, threshold: d.chain.threshold, tiers: d.chain.tiers },
    segments: d.segments
      .map((s) => ({ name: s.name, parent: s.parentId === null ? null : name.get(s.parentId), tier: s.tier, override: s.override, notes: s.notes, x: s.x, y: s.y }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    links: d.links.map((l) => `${name.get(l.fromId)} → ${name.get(l.toId)}`).sort(),
    firms: d.firms.map((f) => ({ segment: name.get(f.segmentId), company: f.companyName, role: f.role, enterpriseId: f.enterpriseId, notes: f.notes })).sort((a, b) => `${a.segment}${a.company}`.localeCompare(`${b.segment}${b.company}`)),
    targets: d.targets
      .map((t) => ({ key: targetKey.get(t.id), country: t.countryCode, hq: t.headquarters, rationale: t.rationale, priority: t.priority, status: t.status, owner: t.owner, contacts: t.contacts, last: t.lastContact }))
      .sort((a, b) => a.key!.localeCompare(b.key!)),
  };
}

describe('chain workbook: export → import → export → import', () => {
  it('imports back unchanged, twice over', async () => {
    const b = await tempBackend({ demo: true });
    const [nev] = (await call<ChainSummary[]>(b, 'chains.list')).filter((c) => c.name === '新能源汽车');
    // give the original positions, a custom note and a threshold, so those travel too
    await call(b, 'chains.update', { id: nev!.id, threshold: 2, description: '演示：整车带动' });
    const original = await call<ChainDetail>(b, 'chains.get', { id: nev!.id });
    await edit(b, nev!.id, [
      { op: 'segments.move', positions: original.segments.map((s, i) => ({ id: s.id, x: i * 10.5, y: i * 3 })) },
      { op: 'segment.update', id: original.segments[0]!.id, notes: '含“引号”与换行\n第二行' },
    ]);
    const source = comparable(await call<ChainDetail>(b, 'chains.get', { id: nev!.id }));

    const first = await exportFile(b, nev!.id, 'xlsx');
    const imported = await importFile(b, first.file, '导入一');
    expect(imported.status, JSON.stringify(imported.error)).toBe('done');
    expect(imported.result!.warnings).toEqual([]);
    const copy1 = await call<ChainDetail>(b, 'chains.get', { id: imported.result!.chainId });
    expect(comparable(copy1)).toEqual(source);

    const second = await exportFile(b, copy1.chain.id, 'xlsx');
    const again = await importFile(b, second.file, '导入二');
    expect(again.status).toBe('done');
    expect(comparable(await call<ChainDetail>(b, 'chains.get', { id: again.result!.chainId }))).toEqual(source);
    const batches = b.ctx.db.prepare("SELECT count(*) AS n FROM import_batch WHERE kind = 'chain'").get() as { n: number };
    expect(batches.n).toBe(2);
  });
});

/** Writes a chain workbook from rows per sheet (first row the header). */
async function workbook(dir: string, sheets: Record<string, Array<Array<string | number | null>>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  const file = path.join(dir, 'chain.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('chain workbook: problems', () => {
  it('reports every bad row with sheet, row, column and code, and writes nothing', async () => {
    const b = await tempBackend();
    const file = await workbook(tempDir(), {
      环节: [
        ['环节名称', '上级环节', '位置', '人工认定', '认定理由', '自己加的列'],
        ['整车', null, '下游', null, null, '随便'],
        ['乘用车', '整车', '下游', null, null, null],
        ['电池', '动力总成', '中游', null, null, null],
        ['乘用车', null, '下游', null, null, null],
        ['芯片', null, '外太空', null, null, null],
        ['电机', null, '中游', '强', null, null],
      ],
      本地企业: [
        ['环节名称', '企业名称', '角色'],
        ['整车', '某车企', '链主'],
        ['整车', '某配套商', '老大'],
        ['不存在的环节', '某公司', '配套'],
        ['整车', '某车企', '骨干'],
      ],
      招商目标: [
        ['环节名称', '目标企业', '国别（地区）', '优先级', '状态'],
        ['乘用车', '甲公司', '日本', '高', '洽谈中'],
        ['乘用车', '乙公司', '火星', '中', '未接触'],
        ['乘用车', '丙公司', '德国', '特急', '谈妥了'],
      ],
    });
    const done = await importFile(b, file, '有错的链');
    expect(done.status).toBe('failed');
    expect(done.error!.code).toBe('IMPORT_REFUSED');
    const problems = done.error!.problems!;
    const find = (code: string) => problems.filter((p) => p.code === code);
    expect(find('SEGMENT_PARENT_UNKNOWN')[0]).toMatchObject({ sheet: '环节', row: 4, column: '上级环节', value: '动力总成' });
    expect(find('DUPLICATE').find((p) => p.sheet === '环节')).toMatchObject({ row: 5, value: '乘用车' });
    expect(find('SEGMENT_TIER_UNKNOWN')[0]).toMatchObject({ row: 6, value: '外太空' });
    expect(find('OVERRIDE_REASON_MISSING')[0]).toMatchObject({ row: 7 });
    expect(find('FIRM_ROLE_UNKNOWN')[0]).toMatchObject({ sheet: '本地企业', row: 3, value: '老大' });
    expect(find('SEGMENT_UNKNOWN')[0]).toMatchObject({ sheet: '本地企业', row: 4, value: '不存在的环节' });
    expect(find('DUPLICATE').find((p) => p.sheet === '本地企业')).toMatchObject({ row: 5 });
    expect(find('COUNTRY_UNKNOWN')[0]).toMatchObject({ sheet: '招商目标', row: 3, value: '火星' });
    expect(find('TARGET_PRIORITY_UNKNOWN')[0]).toMatchObject({ row: 4, value: '特急' });
    expect(find('TARGET_STATUS_UNKNOWN')[0]).toMatchObject({ row: 4, value: '谈妥了' });
    for (const p of problems) expect(p.message.length).toBeGreaterThan(4);
    // nothing half-written
    for (const table of ['chain', 'segment', 'segment_enterprise', 'target', 'import_batch']) {
      expect((b.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  });

  it('names a missing required sheet and a missing required column', async () => {
    const b = await tempBackend();
    const file = await workbook(tempDir(), {
      环节: [['环节名称', '上级环节'], ['整车', null]],
      本地企业: [['环节名称', '企业名称', '角色'], ['整车', '某车企', '链主']],
    });
    const done = await importFile(b, file, '缺表');
    expect(done.status).toBe('failed');
    const codes = done.error!.problems!.map((p) => `${p.code}:${p.sheet}:${p.column ?? ''}`);
    expect(codes).toContain('CHAIN_SHEET_MISSING:招商目标:');
    expect(codes).toContain('CHAIN_COLUMN_MISSING:环节:位置');
  });

  it('links firms to the register by credit code, and imports a clean minimal workbook', async () => {
    const b = await tempBackend({ demo: true });
    const e = b.ctx.db.prepare('SELECT id, name, uscc FROM enterprise ORDER BY id LIMIT 1').get() as { id: number; name: string; uscc: string };
    const file = await workbook(tempDir(), {
      环节: [['环节名称', '上级环节', '位置'], ['整车', null, '下游'], ['乘用车', '整车', '下游']],
      本地企业: [['环节名称', '企业名称', '角色', '统一社会信用代码'], ['乘用车', '写错的名字', '骨干', e.uscc]],
      招商目标: [['环节名称', '目标企业', '国别（地区）', '优先级', '状态'], ['整车', '甲公司', '香港', '高', '已接触']],
    });
    const done = await importFile(b, file, '最小链');
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    const d = await call<ChainDetail>(b, 'chains.get', { id: done.result!.chainId });
    expect(d.firms[0]).toMatchObject({ enterpriseId: e.id, companyName: e.name, role: 'backbone' });
    expect(d.targets[0]).toMatchObject({ countryCode: 'HKG', priority: 'high', status: 'contacted' });
    expect(d.chain.threshold).toBe(3);
  });
});

describe('chain exports', () => {
  it('招商目标清单 lists targets by segment with status and owner', async () => {
    const b = await tempBackend({ demo: true });
    const id = (await call<ChainSummary[]>(b, 'chains.list')).find((c) => c.name === '新能源汽车')!.id;
    const detail = await call<ChainDetail>(b, 'chains.get', { id });
    const { file, result } = await exportFile(b, id, 'targets');
    expect(result.name).toBe('新能源汽车招商目标清单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('招商目标清单')!;
    expect(String(ws.getCell(1, 1).value)).toContain('新能源汽车产业链招商目标清单');
    const rows: string[][] = [];
    ws.eachRow((row, n) => n > 3 && rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows).toHaveLength(detail.targets.length);
    const t = detail.targets.find((x) => x.status === 'negotiating')!;
    const row = rows.find((r) => r[4] === t.company)!;
    expect(row[8]).toBe('洽谈中');
    expect(row[9]).toBe(t.owner);
    expect(row[2]).toBe(detail.segments.find((s) => s.id === t.segmentId)!.name);
  });

  // resvg shapes every text run with the full CJK font: slow on a busy machine
  it('pictures: SVG with title and legend, PNG at 2× its size, a well-formed one-page A4 PDF', { timeout: 180_000 }, async () => {
    const b = await tempBackend({ demo: true });
    const id = (await call<ChainSummary[]>(b, 'chains.list')).find((c) => c.name === '新能源汽车')!.id;
    const svg = await exportFile(b, id, 'svg');
    const text = fs.readFileSync(svg.file, 'utf8');
    expect(text).toContain('新能源汽车产业链招商图谱');
    expect(text).toContain('缺：尚无本地企业');
    expect(text).toContain('上游');
    expect(text).toContain('导出日期');
    const png = await exportFile(b, id, 'png');
    const bytes = fs.readFileSync(png.file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(svg.result.width! * 2);
    expect(bytes.readUInt32BE(20)).toBe(svg.result.height! * 2);
    const pdf = await exportFile(b, id, 'pdf');
    const data = fs.readFileSync(pdf.file).toString('latin1');
    expect(data.startsWith('%PDF-1.4')).toBe(true);
    const startxref = Number(data.match(/startxref\n(\d+)\n%%EOF\n$/)![1]);
    expect(data.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...data.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(data.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // A4 landscape unless asked otherwise: the poster laid out for that page, filling it
    expect(data).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(data).toContain('/Width 3368 /Height 2382');
  });

  it('an empty chain still makes a picture', async () => {
    const b = await tempBackend();
    const chain = await call<ChainSummary>(b, 'chains.create', { name: '空链' });
    const png = await exportFile(b, chain.id, 'png');
    expect(fs.readFileSync(png.file).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('chains CLI', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('lists, reports gaps in the documented shape, exports and imports', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const list = await cli(['chains', 'list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toContain('新能源汽车');
    const gaps = await cli(['chains', 'gaps', '--chain', '新能源汽车', '--db', db, '--json']);
    const g = JSON.parse(gaps.stdout);
    expect(Object.keys(g)).toEqual(['chain', 'completeness', 'segments']);
    expect(g.chain).toBe('新能源汽车');
    expect(typeof g.completeness).toBe('number');
    expect(String(g.completeness)).toMatch(/^\d+(\.\d)?$/);
    const cell = g.segments.find((s: { name: string }) => s.name === '电芯');
    expect(cell).toMatchObject({ parent: '动力电池', tier: 'midstream', overridden: false });
    expect(['strong', 'weak', 'missing']).toContain(cell.status);
    expect(typeof cell.firms).toBe('number');
    expect(typeof cell.targets).toBe('number');
    expect(g.segments.find((s: { name: string }) => s.name === '充电桩').overridden).toBe(true);
    const out = path.join(dir, 'nev.xlsx');
    expect((await cli(['export', 'chain', '--chain', '新能源汽车', '--db', db, '--out', out])).code).toBe(0);
    const png = path.join(dir, 'nev.png');
    const exported = await cli(['export', 'chain', '--chain', '新能源汽车', '--db', db, '--out', png, '--json']);
    expect(JSON.parse(exported.stdout).width).toBe(fs.readFileSync(png).readUInt32BE(16));
    const imported = await cli(['import', 'chain', out, '--name', '副本', '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).segments).toBe(g.segments.length);
    const clash = await cli(['import', 'chain', out, '--name', '副本', '--db', db, '--json']);
    expect(clash.code).toBe(1);
    expect((await cli(['chains', 'gaps', '--chain', '没有这条链', '--db', db])).code).toBe(1);
    expect((await cli(['export', 'chain', '--chain', '新能源汽车', '--db', db, '--out', path.join(dir, 'x.doc')])).code).toBe(2);
  });
});
