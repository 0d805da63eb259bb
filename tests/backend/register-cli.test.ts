/**
 * The command line of the register importers on a fresh `init --empty` database: the JSON names every column not
 * imported and every warning — the stage column read by its content — for a check and for an import.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../helpers/backend';
import { writeXlsxParts } from '../helpers/other-writers';
import { ENTERPRISE_BLOCK, STAGE_BY_CONTENT } from '../helpers/register-fixtures';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('CLI: register imports account for every column', () => {
  it('import projects --check and import projects: ignoredColumns, the warnings, the stages', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'empty.db');
    expect((await cli(['init', '--db', db, '--empty', '--json'])).code).toBe(0);
    const file = await writeXlsxParts(path.join(dir, 'list.xlsx'), [STAGE_BY_CONTENT.sheet()], 'wps');

    const checked = await cli(['import', 'projects', file, '--db', db, '--check', '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    const ignoredColumns = [
      { column: 'A', header: '序号' },
      { column: 'F', header: '是否境外资金' },
      { column: 'G', header: '联系电话' },
    ];
    expect(checked.json()).toMatchObject({ sheet: '项目清单', headerRows: [2], rows: 5, created: 5, ignoredColumns, errors: [] });
    expect(checked.json().warnings.map((w: { code: string }) => w.code).sort()).toEqual(['COLUMN_BY_CONTENT', 'COLUMN_LOOKS_LIKE']);
    expect((await cli(['projects', 'list', '--db', db, '--json'])).json().projects).toEqual([]); // a check writes nothing

    const imported = await cli(['import', 'projects', file, '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ created: 5, ignoredColumns, batchId: expect.any(Number) });
    const human = await cli(['import', 'projects', file, '--db', db]);
    expect(human.stdout).toContain('未导入的列：A（序号）、F（是否境外资金）、G（联系电话）');
    expect(human.stdout).toContain('[COLUMN_BY_CONTENT]');
    const stages = (await cli(['projects', 'list', '--db', db, '--json'])).json().projects.map((p: { name: string; stage: string }) => [p.name, p.stage]);
    expect(stages.sort()).toEqual(STAGE_BY_CONTENT.rows.map((r) => [r.name, r.stageCode]).sort());
  }, 120_000);

  it('import enterprises: a header block over rows 2–4, the column not imported, the share read as 30 with a warning', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'empty.db');
    expect((await cli(['init', '--db', db, '--empty', '--json'])).code).toBe(0);
    const file = await writeXlsxParts(path.join(dir, 'firms.xlsx'), [ENTERPRISE_BLOCK.sheet()], 'excel');
    const imported = await cli(['import', 'enterprises', file, '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ headerRows: [2, 3, 4], created: 3, ignoredColumns: [{ column: 'G', header: '联系人' }] });
    expect(imported.json().warnings).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', row: 7, column: '外资比例（%）' })]);
  }, 120_000);
});
