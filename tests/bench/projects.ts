import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/create';
import { seedDemo } from '../../electron/backend/demo';
import type { ProjectQuery } from '../../shared/api/projects';
import { generateProjects } from './projectsData';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  target: string;
}

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
  ['chain segment', { filter: { segmentId: 1 }, sort: { field: 'updatedAt', order: 'desc' } }],
  ['by country name, deep page (offset 90000)', { filter: {}, sort: { field: 'country', order: 'asc' }, offset: 90_000 }],
  ['by district, stage signed', { filter: { stages: ['signed'] }, sort: { field: 'district', order: 'asc' } }],
];

export const projectsBench = {
  name: 'projects',
  async run(): Promise<BenchRow[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-bench-projects-'));
    const backend = await createBackend({ dbPath: path.join(dir, 'bench.db'), create: true, workDir: dir, log: () => undefined });
    try {
      seedDemo(backend.ctx.db);
      let t = performance.now();
      generateProjects(backend.ctx.db, PROJECTS);
      const rows: BenchRow[] = [{ metric: `generate ${PROJECTS} projects`, value: Math.round(performance.now() - t), unit: 'ms', target: '-' }];
      for (const [label, { offset = 0, ...query }] of CASES) {
        // first call (cold statement cache) and the median of 5 more
        const times: number[] = [];
        for (let i = 0; i < 6; i++) {
          t = performance.now();
          const result = await backend.dispatch('projects.list', { ...query, offset, limit: 100 });
          times.push(performance.now() - t);
          if (!result.ok) throw new Error(`${label}: ${result.error.message}`);
        }
        const warm = times.slice(1).sort((a, b) => a - b)[2]!;
        rows.push({ metric: `projects.list ${label}`, value: Math.round(Math.max(warm, times[0]!) * 10) / 10, unit: 'ms', target: `< ${TARGET_MS}` });
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

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  projectsBench.run().then((rows) => {
    for (const r of rows) console.log(`${r.metric.padEnd(60)} ${String(r.value).padStart(8)} ${r.unit}  (target ${r.target})`);
  });
}
