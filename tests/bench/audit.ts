import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/create';
import { benchRow, type BenchRow } from './row';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** What a page of 设置 → 操作记录 asks for on a long log. */
const CASES: Array<[string, object, number]> = [
  ['first page, no filter', {}, 0],
  ['deep page (offset 500000), no filter', {}, 500_000],
  ['area 外资统计', { areas: ['fdi'] }, 0],
  ['one user', { users: ['用户3'] }, 0],
  ['one week', { from: '2026-03-02', to: '2026-03-08' }, 0],
  ['one project', { entity: 'project', entityId: '77' }, 0],
];

/**
 * A log of a million entries (a bureau's years of edits and imports), written straight into audit_log; each case
 * timed as the view asks for it (count + one page of 100, words resolved): median of 5 after a warm-up. No target
 * is set by an issue: the rows show that the view pages rather than loads the log.
 */
export const auditBench = {
  name: 'audit',
  async run(): Promise<BenchRow[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-bench-audit-'));
    const backend = await createBackend({ dbPath: path.join(dir, 'bench.db'), create: true, workDir: dir, log: () => undefined });
    try {
      const db = backend.ctx.db;
      // mostly edits; an import batch now and then (a file import is one entry, its rows are the firms' and projects')
      const kinds = [['project', 'update'], ['enterprise', 'update'], ['target', 'create'], ['project_event', 'create'], ['preferences', 'update']] as const;
      const start = Date.parse('2024-01-01T00:00:00Z');
      const insert = db.prepare('INSERT INTO audit_log (at, user, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
      let t = performance.now();
      db.transaction(() => {
        for (let i = 0; i < ENTRIES; i++) {
          const [entity, action] = i % 500 === 0 ? (['import_batch', 'import'] as const) : kinds[i % kinds.length]!;
          const at = new Date(start + i * 90_000).toISOString();
          insert.run(at, `用户${i % 7}`, action, entity, String(i % 5000), '{"totalInvestment":1000}', `{"totalInvestment":${i}}`);
        }
      })();
      const rows: BenchRow[] = [benchRow(`write ${ENTRIES} audit entries`, Math.round(performance.now() - t), 'ms')];
      for (const [label, filter, offset] of CASES) {
        const input = { filter, offset, limit: 100 };
        const first = await backend.dispatch('audit.list', input);
        if (!first.ok) throw new Error(`${label}: ${first.error.message}`);
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          t = performance.now();
          await backend.dispatch('audit.list', input);
          times.push(performance.now() - t);
        }
        rows.push(benchRow(`audit.list ${label}`, round1(median(times)), 'ms'));
      }
      t = performance.now();
      await backend.dispatch('audit.facets', {});
      rows.push(benchRow('audit.facets (users and kinds)', round1(performance.now() - t), 'ms'));
      return rows;
    } finally {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
