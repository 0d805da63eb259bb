/** `import fdi`, `batches` and `undo` from the command line: output shapes and exit codes as issue 3 gives them. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { tempDir } from '../../helpers/backend';
import { FIXTURE_PLATFORMS, layoutRows, makeRecords, writeXlsx } from '../../helpers/fdi-fixtures';

const SAMPLE = fileURLToPath(new URL('../../fixtures/fdi/sample-fdi-return-2025H1.xlsx', import.meta.url));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: any }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  let json: unknown = null;
  try {
    json = JSON.parse(stdout);
  } catch {
    // human output
  }
  return { code, stdout, stderr, json };
}

/** A database with the fixtures' districts and platforms, made through the CLI and the settings tables. */
async function database(dir: string): Promise<string> {
  const db = path.join(dir, 'fdi.db');
  expect((await cli('init', '--db', db, '--empty', '--json')).code).toBe(0);
  const raw = new Database(db);
  for (const name of ['江北区', '江南区']) raw.prepare('INSERT INTO district (name) VALUES (?)').run(name);
  for (const [name, type] of FIXTURE_PLATFORMS) raw.prepare('INSERT INTO platform (name, type) VALUES (?, ?)').run(name, type);
  raw.close();
  return db;
}

function state(db: string): string {
  const raw = new Database(db, { readonly: true });
  const dump = ['enterprise', 'fdi_record', 'import_batch', 'audit_log'].map((t) => raw.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
  raw.close();
  return JSON.stringify(dump);
}

describe('CLI import fdi / batches / undo', () => {
  it('imports several district files (exit 0), lists the batches and undoes one', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const south = await writeXlsx(path.join(dir, 'south.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(5, { seed: 1 }), { reportingUnit: '江南区商务局', unitLine: '美元' }) }]);
    const run = await cli('import', 'fdi', SAMPLE, south, '--db', db, '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({
      batches: [
        { file: 'sample-fdi-return-2025H1.xlsx', rows: 24, skippedRows: 4, unit: '万美元', batchId: 1, district: '江北区', headerRows: [3], ignoredColumns: [], totals: { checked: 6, mismatches: 0 }, warnings: [] },
        { file: 'south.xlsx', rows: 5, skippedRows: 0, unit: '美元', batchId: 2, district: '江南区', headerRows: [2], ignoredColumns: [], totals: { checked: 0, mismatches: 0 }, warnings: [] },
      ],
      imported: 29,
      added: [],
      matched: [],
      replaced: [],
    });
    const listed = await cli('batches', '--db', db, '--json');
    expect(listed.code).toBe(0);
    expect(listed.json.batches.map((b: { id: number; district: string; records: number }) => [b.id, b.district, b.records])).toEqual([[2, '江南区', 5], [1, '江北区', 24]]);
    const undone = await cli('undo', '2', '--db', db, '--json');
    expect(undone.code).toBe(0);
    expect(undone.json).toMatchObject({ batchId: 2, removedRecords: 5, removedEnterprises: 5 });
    const human = await cli('batches', '--db', db);
    expect(human.stdout).toMatch(/第2批.*south\.xlsx.*（已撤销）/);
  });

  it('--district tags every file with the chosen district', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const file = await writeXlsx(path.join(dir, 'x.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(3, { seed: 2 }), {}) }]);
    const run = await cli('import', 'fdi', file, '--db', db, '--district', '江南区', '--json');
    expect(run.code).toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT DISTINCT d.name FROM fdi_record r JOIN district d ON d.id = r.district_id').pluck().all()).toEqual(['江南区']);
    raw.close();
  });

  it('refuses a file with errors (exit 1) with every error, leaving the database unchanged; --allow-partial imports the clean rows', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const records = makeRecords(6, { seed: 3 });
    const badRow = ['坏公司', '91320111MA00000000', '火星', '3670', '新设', 10, 5, '2025-02-30', null];
    const { rows } = layoutRows(records, { extraRows: [{ after: 2, cells: badRow }] });
    const file = await writeXlsx(path.join(dir, 'bad.xlsx'), [{ name: '到资', rows }]);
    const before = state(db);
    const run = await cli('import', 'fdi', file, '--db', db, '--json');
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({
      errors: [
        { file: 'bad.xlsx', sheet: '到资', row: 4, column: '统一社会信用代码', value: '91320111MA00000000', code: 'USCC_INVALID', message: expect.stringContaining('校验位不符') },
        { file: 'bad.xlsx', sheet: '到资', row: 4, column: '国别（地区）', value: '火星', code: 'COUNTRY_UNKNOWN', message: expect.any(String) },
        { file: 'bad.xlsx', sheet: '到资', row: 4, column: '到资日期', value: '2025-02-30', code: 'PERIOD_INVALID', message: expect.stringContaining('2025年2月没有30日') },
      ],
    });
    expect(state(db)).toBe(before);
    const human = await cli('import', 'fdi', file, '--db', db);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('IMPORT_REFUSED');
    expect(human.stderr).toContain('第4行 国别（地区）');
    const partial = await cli('import', 'fdi', file, '--db', db, '--allow-partial', '--district', '江北区', '--json');
    expect(partial.code).toBe(0);
    expect(partial.json).toMatchObject({ imported: 6 });
  });

  it('exits 2 for an unreadable file and for a missing one, leaving the database unchanged', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const good = await writeXlsx(path.join(dir, 'good.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(100, { seed: 4 }), {}) }]);
    const truncated = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 3000));
    const before = state(db);
    const run = await cli('import', 'fdi', good, truncated, '--db', db, '--json');
    expect(run.code).toBe(2);
    expect(run.json.error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(run.stderr).toContain('truncated.xlsx');
    expect((await cli('import', 'fdi', path.join(dir, 'none.xlsx'), '--db', db, '--json')).code).toBe(2);
    expect(state(db)).toBe(before);
  });

  it('undo of an unknown or undone batch is refused (exit 1)', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const run = await cli('undo', '9', '--db', db, '--json');
    expect(run.code).toBe(1);
    expect(run.json.error.code).toBe('NOT_FOUND');
  });
});
