import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../helpers/backend';
import { MESSY_ROWS, writeMessyProjectList } from '../helpers/project-fixtures';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('CLI: projects and enterprises', () => {
  it('imports a list, lists by stage and alert, exports, and refuses a bad list with exit 1 and the db unchanged', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    expect((await cli(['init', '--db', db, '--json'])).code).toBe(0);
    const before = (await cli(['projects', 'list', '--db', db, '--json'])).json().projects.length;
    expect(before).toBeGreaterThan(40);

    const good = path.join(dir, 'good.xlsx');
    await writeMessyProjectList(good);
    const imported = await cli(['import', 'projects', good, '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ created: MESSY_ROWS.length, updated: 0 });

    const negotiating = (await cli(['projects', 'list', '--db', db, '--json', '--stage', 'negotiating'])).json().projects;
    expect(negotiating.every((p: { stage: string }) => p.stage === 'negotiating')).toBe(true);
    const ours = negotiating.find((p: { name: string }) => p.name === '东洋精机新能源汽车零部件项目');
    expect(ours).toEqual({
      id: expect.any(Number),
      name: '东洋精机新能源汽车零部件项目',
      stage: 'negotiating',
      countryCode: 'JPN',
      industryCode: '3670',
      contractedFdi: 5000.5,
      totalInvestment: 12000,
      reinvestment: false,
      district: '吴江区',
      platform: '吴江经济技术开发区',
      // manufacturing is off the 2024 negative list
      policy: { negativeList: null, measure: null, encouraged: null },
    });
    const alerted = (await cli(['projects', 'list', '--db', db, '--json', '--alert'])).json().projects;
    expect(alerted.length).toBeGreaterThan(0);
    expect(alerted.every((p: { alerts: string[] }) => p.alerts.length > 0)).toBe(true);

    const out = path.join(dir, 'out', 'projects.xlsx');
    const exported = await cli(['export', 'projects', '--db', db, '--out', out, '--json']);
    expect(exported.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('项目清单')!.rowCount).toBe(before + MESSY_ROWS.length + 1);

    const bad = path.join(dir, 'bad.xlsx');
    await writeMessyProjectList(bad, MESSY_ROWS.map((r) => ({ ...r, cells: { ...r.cells, name: `${r.cells.name}（新）` } })), { index: 1, cells: { stage: '谈着呢' } });
    const dbBytes = fs.readFileSync(db);
    const refused = await cli(['import', 'projects', bad, '--db', db, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json().errors).toEqual([
      { file: 'bad.xlsx', sheet: '重点项目', row: 6, column: '项目进展阶段', value: '谈着呢', code: 'STAGE_UNKNOWN', message: expect.stringContaining('无法识别的项目阶段') },
    ]);
    expect((await cli(['projects', 'list', '--db', db, '--json'])).json().projects.length).toBe(before + MESSY_ROWS.length);
    expect(fs.readFileSync(db).length).toBe(dbBytes.length);
  });

  it('exit 2 for an unreadable file, and enterprises export then import unchanged', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'e.db');
    await cli(['init', '--db', db]);
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'not a workbook');
    const unreadable = await cli(['import', 'projects', broken, '--db', db, '--json']);
    expect(unreadable.code).toBe(2);
    expect((await cli(['import', 'enterprises', path.join(dir, 'missing.xlsx'), '--db', db, '--json'])).code).toBe(2);

    const out = path.join(dir, 'e.xlsx');
    expect((await cli(['export', 'enterprises', '--db', db, '--out', out])).code).toBe(0);
    const again = await cli(['import', 'enterprises', out, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 160 });
  });
});
