/**
 * The migrations as a whole: versions in order and contiguous (a gap only with its reason recorded), every file
 * registered under the version its name says and tested by a file of its own, and the schema a fresh database gets
 * compared with the committed snapshot — so a migration that changes the schema updates the snapshot on purpose
 * (`npx vitest run -c tests/vitest.config.ts tests/backend/migrations/sequence.test.ts -u`, then read the diff).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SKIPPED_VERSIONS } from '../../../electron/backend/db/migrations';
import { tempDir } from '../../helpers/backend';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MIGRATION_DIR = path.join(ROOT, 'electron/backend/db/migrations');

/** Every test file under tests/, by path relative to it. */
function testFiles(dir = path.join(ROOT, 'tests')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []));
}

describe('migrations', () => {
  it('run in order from 1, each version one more than the last unless the gap has a recorded reason', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    const gaps: number[] = [];
    versions.forEach((v, i) => {
      if (i === 0) return;
      expect(v, `migration ${v} after ${versions[i - 1]}`).toBeGreaterThan(versions[i - 1]!);
      for (let missing = versions[i - 1]! + 1; missing < v; missing++) gaps.push(missing);
    });
    expect(gaps.sort((a, b) => a - b)).toEqual(Object.keys(SKIPPED_VERSIONS).map(Number).sort((a, b) => a - b));
    for (const reason of Object.values(SKIPPED_VERSIONS)) expect(reason.length).toBeGreaterThan(10);
    // a skipped number is never taken later
    for (const skipped of Object.keys(SKIPPED_VERSIONS).map(Number)) expect(versions).not.toContain(skipped);
    expect(LATEST_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('are one file each, registered under the version its name says, each with a test that imports it', () => {
    const files = fs.readdirSync(MIGRATION_DIR).filter((f) => /^\d{4}_.+\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version));
    const tests = testFiles().map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
    for (const [i, file] of files.entries()) {
      const m = MIGRATIONS[i]!;
      const id = `migration${String(m.version).padStart(4, '0')}`;
      const source = fs.readFileSync(path.join(MIGRATION_DIR, file), 'utf8');
      expect(source, file).toContain(`export const ${id}`);
      expect(source, file).toMatch(new RegExp(`version: ${m.version},`));
      // its test imports the migration object (the integrator renumbers files at merge: the test follows the import)
      const own = tests.filter((t) => t.text.includes(`db/migrations/${file.replace(/\.ts$/, '')}'`) && t.text.includes(id));
      expect(own.map((t) => path.relative(ROOT, t.f)), `a test of ${file}`).not.toEqual([]);
    }
  });

  it('give a fresh database the schema in the committed snapshot', async () => {
    const db = await openDatabase(path.join(tempDir(), 'fresh.db'), { create: true });
    const rows = db
      .prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as Array<{ type: string; name: string; tbl: string; sql: string | null }>;
    const version = db.pragma('user_version', { simple: true });
    db.close();
    const text = [`-- schema of a fresh database, user_version ${version}`, ...rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl}\n${normalise(r.sql)};`)].join('\n') + '\n';
    await expect(text).toMatchFileSnapshot('./schema-snapshot.txt');
  });
});

/**
 * Comments dropped and white space folded, so that re-indenting or commenting a migration's SQL is no change; then a
 * table's columns one a line, so that a diff of the snapshot shows the column that changed.
 */
function normalise(sql: string | null): string {
  const folded = (sql ?? '(automatic)').replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
  let depth = 0;
  let out = '';
  for (const ch of folded) {
    if (ch === ')') depth--;
    if (ch === ',' && depth === 1) {
      out += ',\n ';
      continue;
    }
    out += ch;
    if (ch === '(') depth++;
  }
  return out;
}
