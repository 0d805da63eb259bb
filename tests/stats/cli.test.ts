import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatsTables } from '../../shared/api/stats';
import { runCli } from '../../electron/cli/run';
import { call, tempBackend } from '../helpers/backend';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const MEASURES = ['newEnterprises', 'contractedFdi', 'actualFdi'] as const;

describe('cli stats', () => {
  it('prints the tables as JSON in 万美元 with the keys scripts rely on, equal to stats.tables', async () => {
    const b = await tempBackend({ demo: true });
    const { code, stdout, stderr } = await cli(['stats', '--db', b.ctx.dbPath, '--from', '2026-01', '--to', '2026-10', '--json']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ from: '2026-01', to: '2026-10', unit: '万美元' });
    for (const key of ['totals', 'byCountry', 'byGroup', 'bySection', 'byMode', 'byDistrict', 'byPlatform']) expect(out).toHaveProperty(key);
    for (const key of [...MEASURES, 'highTechActualFdi']) {
      expect(typeof out.totals[key]).toBe('number');
      expect(typeof out.totals.prior[key]).toBe('number');
    }
    const tables = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10' });
    const summary = tables.tables[0]!.rows;
    expect(out.totals).toMatchObject({ ...summary[0]!.current, highTechActualFdi: summary.find((r) => r.key === 'highTech')!.current.actualFdi });
    const hkg = out.byCountry.find((c: { code: string }) => c.code === 'HKG');
    expect(hkg).toMatchObject({ name: '中国香港' });
    for (const m of MEASURES) expect(typeof hkg[m]).toBe('number');
    expect(out.byMode.map((m: { code: string }) => m.code)).toEqual(['new', 'increase', 'merger', 'profit_reinvestment', 'domestic_reinvestment']);
    expect(out.bySection.map((s: { code: string }) => s.code)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
    expect(out.byGroup.map((g: { code: string }) => g.code)).toContain('HMT');
    // amounts carry at most 2 decimals
    const amounts = [out.totals, ...out.byCountry, ...out.byDistrict, ...out.byPlatform].flatMap((x) => [x.contractedFdi, x.actualFdi]);
    for (const a of amounts) expect(Math.round(a * 100) / 100).toBe(a);
    const sum = out.byDistrict.reduce((s: number, d: { actualFdi: number }) => s + d.actualFdi, 0);
    expect(Math.abs(sum - out.totals.actualFdi)).toBeLessThan(0.01 * out.byDistrict.length);
    expect(out.byPlatform.find((p: { id: number | null }) => p.id === null)).toMatchObject({ name: '园区外' });
  });

  it('prints a readable table without --json', async () => {
    const b = await tempBackend({ demo: true });
    const { code, stdout } = await cli(['stats', '--db', b.ctx.dbPath, '--from', '2026-01', '--to', '2026-10']);
    expect(code).toBe(0);
    expect(stdout).toContain('统计期：2026年1-10月');
    expect(stdout).toContain('外商投资分园区统计表（万美元）');
    expect(stdout).toContain('统计口径：全口径；境内再投资不计入');
    expect(stdout).toMatch(/其中：高技术产业\s+\d+/);
  });

  it('exits 1 on a bad range and 2 on a missing database', async () => {
    const b = await tempBackend();
    const bad = await cli(['stats', '--db', b.ctx.dbPath, '--from', '2026-05', '--to', '2026-01', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('INVALID_INPUT');
    expect(bad.stderr).toContain('起始月份不能晚于截止月份');
    const missing = await cli(['stats', '--db', path.join(b.dir, 'nope.db'), '--from', '2026-01', '--to', '2026-02', '--json']);
    expect(missing.code).toBe(2);
  });
});

describe('cli export stats', () => {
  it('writes the workbook to --out, and refuses to overwrite without --force', async () => {
    const b = await tempBackend({ demo: true });
    const out = path.join(b.dir, 'out', '统计表.xlsx');
    const args = ['export', 'stats', '--db', b.ctx.dbPath, '--from', '2026-01', '--to', '2026-10', '--out', out, '--json'];
    const first = await cli(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ out, size: fs.statSync(out).size });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(6);
    expect((await cli(args)).code).toBe(1);
    expect((await cli([...args, '--force'])).code).toBe(0);
    expect((await cli(['export', 'stats', '--db', b.ctx.dbPath, '--from', '2026-01', '--to', '2026-10', '--out', path.join(b.dir, 'x.csv')])).code).toBe(1);
  });
});
