import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import type { CliCommand } from '../../electron/cli/command';
import { COMMANDS } from '../../electron/cli/commands';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A Chinese error line with its code in brackets, as every command writes on stderr. */
const ERROR_LINE = /^错误 \[([A-Z_]+)\]：.*[\u4e00-\u9fff]/;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').pop()!) };
}

function countsOf(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ['enterprise', 'fdi_record', 'import_batch', 'district', 'platform'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe('init', () => {
  it('creates a database with demo data, clearly marked as demo', async () => {
    const file = path.join(tempDir(), 'sub', 'demo.db');
    const r = await cli('init', '--db', file, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.json();
    expect(out).toMatchObject({ db: path.resolve(file), demo: true });
    expect(out.counts.enterprise).toBeGreaterThan(0);
    expect(out.counts.fdi_record).toBeGreaterThanOrEqual(out.counts.enterprise);
    expect(out.counts).toMatchObject(countsOf(file));

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(JSON.parse(db.prepare(`SELECT value FROM setting WHERE key = 'demo'`).pluck().get() as string)).toBe(true);
    expect(JSON.parse(db.prepare(`SELECT value FROM setting WHERE key = 'jurisdiction'`).pluck().get() as string).reportingUnit).toMatch(/演示/);
    expect(db.prepare('SELECT count(*) FROM enterprise WHERE is_demo = 0').pluck().get()).toBe(0);
    db.close();

    const human = await cli('init', '--db', path.join(tempDir(), 'h.db'));
    expect(human.stdout).toMatch(/^已创建 .*（含演示数据）\n$/);
  });

  it('--empty creates an empty database', async () => {
    const file = path.join(tempDir(), 'empty.db');
    const r = await cli('init', '--db', file, '--empty', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ demo: false });
    expect(Object.values(r.json().counts).every((n) => n === 0)).toBe(true);
    expect(countsOf(file)).toEqual({ enterprise: 0, fdi_record: 0, import_batch: 0, district: 0, platform: 0 });
  });

  it('refuses to touch an existing file (exit 1)', async () => {
    const file = path.join(tempDir(), 'exists.db');
    await cli('init', '--db', file, '--empty');
    const before = fs.readFileSync(file);
    const r = await cli('init', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ERROR_LINE);
    expect(r.stderr).toMatch(/\[REFUSED\]/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('without --db is refused (exit 1)', async () => {
    const r = await cli('init');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误 \[INVALID_INPUT\]：.*缺少 --db/);
  });
});

describe('check', () => {
  it('exit 0 with integrity, version and counts (--json)', async () => {
    const file = path.join(tempDir(), 'c.db');
    await cli('init', '--db', file);
    const r = await cli('check', '--db', file, '--json');
    expect(r.code).toBe(0);
    const report = r.json();
    expect(report).toMatchObject({ ok: true, integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, appSchemaVersion: LATEST_SCHEMA_VERSION });
    expect(report.counts).toMatchObject(countsOf(file));
    const human = await cli('check', '--db', file);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/完整性：ok/);
    expect(human.stdout).toMatch(new RegExp(`fdi_record: ${report.counts.fdi_record}\\b`));
  });

  it('a missing file is exit 2, and is not created', async () => {
    const file = path.join(tempDir(), 'missing.db');
    const r = await cli('check', '--db', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误 \[DB_UNREADABLE\]：/);
    expect(r.json()).toMatchObject({ error: { code: 'DB_UNREADABLE' } });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a file that is not a database is exit 2, and is left as it was', async () => {
    const file = path.join(tempDir(), 'garbage.db');
    fs.writeFileSync(file, '外资统计表\n'.repeat(1000));
    const before = fs.readFileSync(file);
    const r = await cli('check', '--db', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误 \[DB_UNREADABLE\]：无法打开数据库文件/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a database from a newer app is exit 2 (DB_TOO_NEW)', async () => {
    const file = path.join(tempDir(), 'newer.db');
    await cli('init', '--db', file, '--empty');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await cli('check', '--db', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误 \[DB_TOO_NEW\]：/);
  });
});

describe('backup', () => {
  it('writes a readable copy with the same counts', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    await cli('init', '--db', file);
    const out = path.join(dir, 'copies', 'copy.db');
    const r = await cli('backup', '--db', file, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ out: path.resolve(out), size: fs.statSync(out).size });
    expect(countsOf(out)).toEqual(countsOf(file));
    const check = await cli('check', '--db', out, '--json');
    expect(check.code).toBe(0);
    expect(check.json().counts).toMatchObject(countsOf(file));
  });

  it('refuses an existing target and a missing --out (exit 1)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    await cli('init', '--db', file, '--empty');
    fs.writeFileSync(path.join(dir, 'taken.db'), 'keep me');
    const taken = await cli('backup', '--db', file, '--out', path.join(dir, 'taken.db'));
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(ERROR_LINE);
    expect(fs.readFileSync(path.join(dir, 'taken.db'), 'utf8')).toBe('keep me');
    const noOut = await cli('backup', '--db', file);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toMatch(/缺少 --out/);
  });

  it('a missing database is exit 2', async () => {
    const dir = tempDir();
    const r = await cli('backup', '--db', path.join(dir, 'none.db'), '--out', path.join(dir, 'o.db'));
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'o.db'))).toBe(false);
  });
});

describe('the command line itself', () => {
  it('help lists every command with its usage, and the exit codes', async () => {
    for (const argv of [['help'], [], ['--help'], ['-h']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toContain(c.usage);
      expect(r.stdout).toMatch(/^\s+help\s+显示本帮助$/m);
      expect(r.stdout).toMatch(/退出码：0 成功，1 输入被拒绝，2 文件或数据库无法读取，3 内部错误/);
    }
  });

  it('an unknown command is exit 1, in Chinese with the code', async () => {
    const r = await cli('frobnicate', '--db', 'x.db');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ERROR_LINE);
    expect(r.stderr).toMatch(/未知命令“frobnicate/);
    const json = await cli('frobnicate', '--json');
    expect(json.json()).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
  });

  it('a bad option is exit 1 with the usage', async () => {
    const dir = tempDir();
    const r = await cli('check', '--db', path.join(dir, 'x.db'), '--bogus');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误 \[INVALID_INPUT\]：.*用法：check --db FILE/);
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
    const missingValue = await cli('check', '--db');
    expect(missingValue.code).toBe(1);
  });

  it('an unexpected failure is exit 3, reported in Chinese with the code', async () => {
    const broken: CliCommand = { name: 'broken', summary: '坏', usage: 'broken', options: {}, run: async () => { throw new TypeError('x is undefined'); } };
    let stderr = '';
    const code = await runCli(['broken'], { stdout: () => undefined, stderr: (t) => (stderr += t) }, [broken]);
    expect(code).toBe(3);
    expect(stderr.split('\n')[0]).toMatch(/^错误 \[INTERNAL\]：程序内部错误/);
    expect(stderr).toContain('x is undefined');
  });

  it('runs as a real process through npx tsx electron/cli.ts, with its exit codes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'proc.db');
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const init = run('init', '--db', file, '--empty', '--json');
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ db: file, demo: false });
    const check = run('check', '--db', file, '--json');
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, integrity: 'ok' });
    const missing = run('check', '--db', path.join(dir, 'nope.db'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^错误 \[DB_UNREADABLE\]：/);
    // an import says nothing on stderr: no complaint from work left running after the command closed its database
    const imported = run('import', 'fdi', path.join(ROOT, 'tests/fixtures/fdi/sample-fdi-return-2025H1.xlsx'), '--db', file, '--add-unknown', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout).imported).toBe(24);
  }, 180_000); // cold `npx tsx` starts: up to a minute each on a loaded 2-core machine
});
