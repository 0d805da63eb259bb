/** Setting a bureau up from the command line, and what `import fdi` says about districts, periods and columns. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { tempDir } from '../../helpers/backend';
import { layoutReturn, writeBureauReturn } from '../../helpers/bureau-return';
import { makeRecords } from '../../helpers/fdi-fixtures';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: stdout.trim().startsWith('{') ? JSON.parse(stdout) : null };
}

describe('CLI setup: jurisdiction, districts, platforms', () => {
  it('sets the area (its county-level divisions become districts), adds districts and platforms with inferred types', async () => {
    const db = path.join(tempDir(), 'x.db');
    expect((await cli('init', '--empty', '--db', db)).code).toBe(0);
    expect((await cli('jurisdiction', 'show', '--db', db)).stdout).toContain('尚未设置辖区');
    const set = await cli('jurisdiction', 'set', '--name', '江苏省苏州市', '--db', db, '--json');
    expect(set.code).toBe(0);
    expect(set.json).toMatchObject({ name: '江苏省苏州市', reportingUnit: '苏州市商务局' });
    expect(set.json.districts.map((d: { name: string }) => d.name)).toContain('吴江区');
    const ambiguous = await cli('jurisdiction', 'set', '--name', '朝阳区', '--db', db);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/DIVISION_UNKNOWN.*北京市朝阳区（110105）/);

    expect((await cli('districts', 'add', '太湖新城', '--db', db, '--json')).json.added[0]).toMatchObject({ name: '太湖新城' });
    expect((await cli('districts', 'add', '吴江区', '--db', db)).stderr).toContain('CONFLICT');
    const zone = await cli('platforms', 'add', '吴江经济技术开发区', '--district', '吴江区', '--db', db, '--json');
    expect(zone.json.added).toMatchObject({ name: '吴江经济技术开发区', type: 'national_etdz', districtId: expect.any(Number) });
    expect((await cli('platforms', 'add', '苏州工业园区综合保税区', '--db', db, '--json')).json.added.type).toBe('bonded_zone');
    expect((await cli('platforms', 'add', '相城产业园', '--type', '省级开发区', '--db', db, '--json')).json.added.type).toBe('provincial_dz');
    expect((await cli('platforms', 'add', '某园', '--type', '火星区', '--db', db)).code).toBe(1);
    const listed = await cli('platforms', 'list', '--db', db, '--json');
    expect(listed.json.platforms.map((p: { name: string }) => p.name)).toEqual(['吴江经济技术开发区', '苏州工业园区综合保税区', '相城产业园']);
    expect((await cli('districts', 'list', '--db', db)).stdout).toContain('太湖新城');
  }, 180_000);
});

describe('CLI import fdi: where districts come from, and what the return says of itself', () => {
  it('takes --district FILE=NAME for one file and --district NAME for the rest; warns of records in no district and outside the 统计期', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    expect((await cli('init', '--empty', '--db', db)).code).toBe(0);
    expect((await cli('districts', 'add', '江北区', '江南区', '--db', db)).code).toBe(0);
    // titled 1-6月, with records through September, and no district anywhere in the file
    const records = makeRecords(12, { seed: 9 });
    const laid = layoutReturn(records, { levels: 2, title: '2025年1-6月外资到资情况表', extraColumns: true });
    const a = await writeBureauReturn(path.join(dir, 'a.xlsx'), laid, 'excel');
    const b = await writeBureauReturn(path.join(dir, 'b.xlsx'), layoutReturn(makeRecords(5, { seed: 10, prefix: '乙' }), { levels: 2 }), 'wps');
    const none = await cli('import', 'fdi', a, '--db', db, '--add-unknown', '--json');
    expect(none.code).toBe(0);
    const outside = records.filter((r) => r.expected.period > '2025-06').length;
    const warnings = none.json.batches[0].warnings;
    expect(warnings.filter((w: { code: string }) => w.code === 'PERIOD_OUTSIDE')).toHaveLength(outside);
    expect(warnings.find((w: { code: string }) => w.code === 'DISTRICT_MISSING').message).toContain(`${records.length} 条记录不归属任何区县`);
    expect(none.json.batches[0].ignoredColumns).toEqual(laid.ignored);
    expect((await cli('undo', String(none.json.batches[0].batchId), '--db', db)).code).toBe(0);

    const run = await cli('import', 'fdi', a, b, '--db', db, '--district', `${path.basename(b)}=江南区`, '--district', '江北区', '--add-unknown', '--json');
    expect(run.code).toBe(0);
    expect(run.json.batches.map((x: { file: string; district: string }) => [x.file, x.district])).toEqual([['a.xlsx', '江北区'], ['b.xlsx', '江南区']]);
    expect(run.json.added.filter((x: { kind: string }) => x.kind === 'district')).toEqual([]);
    expect(run.stdout).not.toContain('DISTRICT_MISSING');
    const bad = await cli('import', 'fdi', a, '--db', db, '--district', 'nofile.xlsx=江南区');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--district nofile.xlsx=江南区');
  }, 180_000);

  it('refuses a file already imported with one line and the flag that replaces it; --replace undoes and imports in one go', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    expect((await cli('init', '--empty', '--db', db)).code).toBe(0);
    const file = await writeBureauReturn(path.join(dir, '江北区.xlsx'), layoutReturn(makeRecords(8, { seed: 11 }), { levels: 2 }), 'excel');
    expect((await cli('import', 'fdi', file, '--db', db, '--add-unknown')).code).toBe(0);
    const again = await cli('import', 'fdi', file, '--db', db, '--json');
    expect(again.code).toBe(1);
    expect(again.json.errors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_IMPORTED']);
    expect(again.json.alreadyImported).toEqual([{ file: '江北区.xlsx', batchId: 1 }]);
    expect(again.stderr).toContain('加 --replace 可撤销第 1 批（江北区.xlsx）并重新导入');
    const replaced = await cli('import', 'fdi', file, '--db', db, '--replace', '--json');
    expect(replaced.code).toBe(0);
    expect(replaced.json).toMatchObject({ replaced: [1], imported: 8, batches: [{ batchId: 2 }] });
    const listed = (await cli('batches', '--db', db, '--json')).json.batches;
    expect(listed.map((b: { id: number; records: number }) => [b.id, b.records])).toEqual([[2, 8], [1, 0]]);
  }, 180_000);
});
