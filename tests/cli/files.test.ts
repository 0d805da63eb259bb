/**
 * Files bureaus have, and files written to hurt, through the importers on the command line: .xls written by
 * LibreOffice imports as its .xlsx does (FDI returns and project lists); a hostile file is refused with exit 2, a
 * code and a Chinese message, nothing written; a refusal under --json always lists at least one error.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../helpers/backend';
import { convertWithLibreOffice, FIXTURE_PLATFORMS, writeXlsx } from '../helpers/fdi-fixtures';
import { fiveLetterColumnsWorkbook, hugeColumnWorkbook, hugeFieldCsv, zipBomb } from '../helpers/hostile-files';
import { MESSY_ROWS, writeMessyProjectList } from '../helpers/project-fixtures';

const SAMPLE = fileURLToPath(new URL('../fixtures/fdi/sample-fdi-return-2025H1.xlsx', import.meta.url));
const ERROR_LINE = /^错误 \[([A-Z_]+)\]：.*[\u4e00-\u9fff]/m;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').pop()!) };
}

async function database(dir: string, demo = false): Promise<string> {
  const db = path.join(dir, 'fdi.db');
  expect((await cli('init', '--db', db, ...(demo ? [] : ['--empty']), '--json')).code).toBe(0);
  const raw = new Database(db);
  for (const name of ['江北区', '江南区']) raw.prepare('INSERT OR IGNORE INTO district (name) VALUES (?)').run(name);
  for (const [name, type] of FIXTURE_PLATFORMS) raw.prepare('INSERT OR IGNORE INTO platform (name, type) VALUES (?, ?)').run(name, type);
  raw.close();
  return db;
}

function counts(db: string): Record<string, number> {
  const raw = new Database(db, { readonly: true });
  try {
    return Object.fromEntries(['enterprise', 'fdi_record', 'import_batch', 'project'].map((t) => [t, raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    raw.close();
  }
}

describe('import from the command line: formats and hostile files', () => {
  it('imports an FDI return and a project list saved as .xls by LibreOffice, as their .xlsx import', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const projects = path.join(dir, '项目清单.xlsx');
    await writeMessyProjectList(projects);
    const [fdiXls, projectsXls] = convertWithLibreOffice([SAMPLE, projects], path.join(dir, 'lo'), 'xls');

    const fromXlsx = await cli('import', 'fdi', SAMPLE, '--db', await database(path.join(dir, 'a')), '--json');
    const db = await database(path.join(dir, 'b'), true);
    const fromXls = await cli('import', 'fdi', fdiXls!, '--db', db, '--json');
    expect(fromXls.code, fromXls.stderr).toBe(0);
    expect(fromXls.json().batches.map((b: { rows: number; skippedRows: number; unit: string }) => [b.rows, b.skippedRows, b.unit])).toEqual(
      fromXlsx.json().batches.map((b: { rows: number; skippedRows: number; unit: string }) => [b.rows, b.skippedRows, b.unit]),
    );
    const imported = await cli('import', 'projects', projectsXls!, '--db', db, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ created: MESSY_ROWS.length, updated: 0 });
  });

  it('refuses hostile workbooks with exit 2, FILE_LIMIT and a Chinese line, writing nothing', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = await database(dir);
    const before = counts(db);
    const files = [
      hugeColumnWorkbook(path.join(dir, 'far-column.xlsx')),
      fiveLetterColumnsWorkbook(path.join(dir, 'five-letters.xlsx')),
      zipBomb(path.join(dir, 'bomb-200mb.xlsx'), 200 * 2 ** 20),
      zipBomb(path.join(dir, 'bomb-1gb.xlsx'), 2 ** 30),
      hugeFieldCsv(path.join(dir, 'field-50mb.csv')),
    ];
    for (const [i, file] of files.entries()) {
      // every file through the FDI importer; two through the others too (each import starts reading threads)
      for (const kind of i < 2 ? ['fdi', 'projects', 'enterprises'] : ['fdi']) {
        const run = await cli('import', kind, file, '--db', db, '--json');
        expect(run.code, `${kind} ${file}: ${run.stderr}`).toBe(2);
        expect(run.json().error).toMatchObject({ code: 'FILE_LIMIT', message: expect.stringContaining(path.basename(file)) });
        expect(run.stderr).toMatch(ERROR_LINE);
      }
    }
    // a bomb that lies about its size stops where its declared size ends: a damaged file
    const lying = await cli('import', 'fdi', zipBomb(path.join(dir, 'lying.xlsx'), 200 * 2 ** 20, 2 ** 20), '--db', db, '--json');
    expect(lying.code).toBe(2);
    expect(lying.json().error).toMatchObject({ code: 'FILE_UNREADABLE', detail: expect.stringContaining('解压后超过') });
    expect(lying.json().error.message).not.toMatch(/[A-Za-z]{6,}/);
    expect(counts(db)).toEqual(before);
  });

  it('a return with a header and no rows is refused with one error that says so, on stdout and stderr', async () => {
    const dir = tempDir();
    const db = await database(dir);
    const file = await writeXlsx(path.join(dir, '只有表头.xlsx'), [{ name: 'S', rows: [['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '实际使用外资（万美元）', '到资日期']] }]);
    const run = await cli('import', 'fdi', file, '--db', db, '--json');
    expect(run.code).toBe(1);
    const { errors } = run.json();
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(run.stderr).toMatch(ERROR_LINE);
  });
});
