/**
 * Every change that came with the statistics' definitions and the CLI's setup commands is in the audit trail, under a
 * Chinese name and an area, naming what it changed (issue 17 item 3): statistics settings, exchange rates, reference
 * lists; the jurisdiction, districts and platforms set up from the command line, and those `import fdi --add-unknown`
 * registers; the import itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../shared/api/audit';
import { runCli } from '../../electron/cli/run';
import { createBackend } from '../../electron/backend/create';
import { call, tempBackend, tempDir } from '../helpers/backend';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/fdi/sample-fdi-return-2025H1.xlsx');
const row = (r: AuditRow) => [r.area, r.entityName, r.actionName, r.subject];

async function cli(argv: string[]): Promise<void> {
  let stderr = '';
  const code = await runCli([...argv, '--json'], { stdout: () => undefined, stderr: (t) => (stderr += t) });
  expect(code, `${argv.join(' ')}: ${stderr}`).toBe(0);
}

describe('audit entries of every change', () => {
  it('statistics settings, exchange rates and reference lists, each named', async () => {
    const b = await tempBackend();
    await call(b, 'stats.saveSettings', { domesticReinvestment: 'included' });
    await call(b, 'stats.saveRate', { period: '2026-03', rate: 7.1, source: '国家外汇管理局中间价月平均' });
    await call(b, 'stats.deleteRate', { period: '2026-03' });
    await call(b, 'reference.saveList', { list: 'scope:excl-finance', items: [{ code: '66' }, { code: '67' }], source: '本局口径：仅不含银行、证券', version: '2026-01' });
    const { rows } = await call<{ rows: AuditRow[] }>(b, 'audit.list', { filter: { areas: ['fdi'] }, offset: 0, limit: 10 });
    expect(rows.map(row)).toEqual([
      ['fdi', '参考清单', '修改', expect.stringMatching(/银行|金融/)],
      ['fdi', '汇率', '删除', '2026-03'],
      ['fdi', '汇率', '新增', '2026-03'],
      ['fdi', '统计设置', '修改', '口径与表头'],
    ]);
    expect(rows[3]!.after).toMatchObject({ domesticReinvestment: 'included' });
  });

  it('the jurisdiction, districts and platforms set up from the command line, and those an import registers', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    const file = path.join(dir, path.basename(SAMPLE));
    fs.copyFileSync(SAMPLE, file);
    await cli(['init', '--db', db, '--empty']);
    await cli(['jurisdiction', 'set', '--db', db, '--name', '江苏省苏州市']);
    await cli(['districts', 'add', '太湖新城', '--db', db]);
    await cli(['platforms', 'add', '吴江经济技术开发区', '--district', '吴江区', '--db', db]);
    await cli(['import', 'fdi', file, '--db', db, '--add-unknown']);

    const b = await createBackend({ dbPath: db });
    try {
      const { rows } = await call<{ rows: AuditRow[] }>(b, 'audit.list', { filter: {}, offset: 0, limit: 100 });
      const added = b.ctx.db.prepare(`SELECT 'district' AS kind, name FROM district WHERE name NOT IN (SELECT name FROM district WHERE code IS NOT NULL) UNION ALL SELECT 'platform', name FROM platform`).all() as Array<{ kind: string; name: string }>;
      // every district or platform not made by the jurisdiction has its own entry; the jurisdiction one for its 区县
      for (const place of added) expect(rows.map(row), place.name).toContainEqual(['settings', place.kind === 'district' ? '区县' : '园区平台', '新增', place.name]);
      expect(rows.map(row)).toContainEqual(['settings', '辖区', '修改', '江苏省苏州市']);
      expect(rows.map(row)[0]).toEqual(['fdi', '导入批次', '导入', path.basename(SAMPLE)]);
      // what the import registered came in its transaction, just before it
      const imported = rows.findIndex((r) => r.action === 'import');
      expect(rows.slice(imported + 1, imported + 2).map(row)).toEqual([['settings', expect.stringMatching(/区县|园区平台/), '新增', expect.any(String)]]);
    } finally {
      b.close();
    }
  }, 120_000);
});
