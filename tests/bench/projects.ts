import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/create';
import { seedDemo } from '../../electron/backend/demo';
import { alertClock } from '../../electron/backend/projects/alerts';
import { refreshArrival } from '../../electron/backend/projects/arrivalCache';
import type { ProjectQuery } from '../../shared/api/projects';
import { generateProjects } from './projectsData';
import { benchRow, type BenchRow } from './row';

const PROJECTS = 100_000;
const TARGET_MS = 100;

/** The filters and sorts people use, each timed as the list serves it: count + one page of 100 + its rows. */
const CASES: Array<[string, ProjectQuery & { offset?: number }]> = [
  ['no filter, newest first', { filter: {}, sort: { field: 'updatedAt', order: 'desc' } }],
  ['stage=negotiating, by contracted FDI', { filter: { stages: ['negotiating'] }, sort: { field: 'contractedFdi', order: 'desc' } }],
  ['district+platform, by name', { filter: { districtIds: [1, 2], platformIds: [1] }, sort: { field: 'name', order: 'asc' } }],
  ['country+reinvestment, by stage', { filter: { countryCodes: ['AFG', 'ALB'], reinvestment: true }, sort: { field: 'stage', order: 'asc' } }],
  ['industry C36, by total investment', { filter: { industryCode: 'C36' }, sort: { field: 'totalInvestment', order: 'desc' } }],
  ['owner, by last follow-up', { filter: { owner: '责任人7' }, sort: { field: 'lastFollowUpDate', order: 'asc' } }],
  ['alert stale, by last follow-up', { filter: { alerts: ['stale'] }, sort: { field: 'lastFollowUpDate', order: 'asc' } }],
  ['alert overdue', { filter: { alerts: ['overdue'] }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['alert arrival behind plan', { filter: { alerts: ['arrival'] }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['any alert, by priority', { filter: { alerts: ['stale', 'overdue', 'arrival'] }, sort: { field: 'priority', order: 'asc' } }],
  ['free text 半导体', { filter: { text: '半导体' }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['chain segment (first segment)', { filter: { segmentId: -1 }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['by country name, deep page (offset 90000)', { filter: {}, sort: { field: 'country', order: 'asc' }, offset: 90_000 }],
  ['by district, stage signed', { filter: { stages: ['signed'] }, sort: { field: 'district', order: 'asc' } }],
  ['market access prohibited or restricted', { filter: { access: ['prohibited', 'restricted'] }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['alert prohibited, by priority', { filter: { alerts: ['prohibited'] }, sort: { field: 'priority', order: 'asc' } }],
];

const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/**
 * 100k generated projects in a temp database; each filter+sort timed as the list serves a page (count, one page of
 * 100, its rows with alerts): median of 5 after a warm-up call, wall clock and this process's CPU time (the CPU
 * figure is what a machine not shared with other work would show as wall time). The arrival alert's monthly full
 * recompute and its refresh after one FDI record are measured on their own.
 */
export const projectsBench = {
  name: 'projects',
  async run(): Promise<BenchRow[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-bench-projects-'));
    const backend = await createBackend({ dbPath: path.join(dir, 'bench.db'), create: true, workDir: dir, log: () => undefined });
    try {
      const db = backend.ctx.db;
      seedDemo(db);
      let t = performance.now();
      generateProjects(db, PROJECTS);
      const rows: BenchRow[] = [benchRow(`generate ${PROJECTS} projects`, Math.round(performance.now() - t), 'ms')];

      const clock = alertClock(db);
      db.prepare(`DELETE FROM setting WHERE key = 'projectArrivalPeriod'`).run();
      t = performance.now();
      refreshArrival(db, clock);
      rows.push(benchRow('arrival alert: full recompute (once a month)', Math.round(performance.now() - t), 'ms', 1000));
      const enterprise = (db.prepare('SELECT enterprise_id AS id FROM project WHERE enterprise_id IS NOT NULL LIMIT 1').get() as { id: number }).id;
      db.prepare(`INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, actual_fdi, created_at) VALUES (?, ?, 'x', 'increase', 10, '')`).run(clock.arrivalPeriod, enterprise);
      t = performance.now();
      refreshArrival(db, clock);
      rows.push(benchRow('arrival alert: refresh after one FDI record', round1(performance.now() - t), 'ms', TARGET_MS));

      const firstSegment = (db.prepare('SELECT min(id) AS id FROM segment').get() as { id: number }).id;
      for (const [label, { offset = 0, ...query }] of CASES) {
        const filter = query.filter.segmentId === -1 ? { ...query.filter, segmentId: firstSegment } : query.filter;
        const input = { ...query, filter, offset, limit: 100 };
        const first = await backend.dispatch('projects.list', input);
        if (!first.ok) throw new Error(`${label}: ${first.error.message}`);
        const wall: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < 5; i++) {
          const c = process.cpuUsage();
          t = performance.now();
          await backend.dispatch('projects.list', input);
          wall.push(performance.now() - t);
          cpu.push(cpuMs(c));
        }
        rows.push(benchRow(`projects.list ${label} (wall)`, round1(median(wall)), 'ms', TARGET_MS));
        rows.push(benchRow(`projects.list ${label} (cpu)`, round1(median(cpu)), 'ms', TARGET_MS));
      }
      return rows;
    } finally {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const name = projectsBench.name;
export const run = projectsBench.run;

