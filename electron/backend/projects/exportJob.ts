import type { ExportDone, ProjectQuery } from '../../../shared/api/projects';
import type { BackendContext } from '../context';
import { alertClock } from './alerts';
import { writeProjectList } from './exportList';
import { writeProgressReport } from './exportProgress';
import { projectIds } from './queries';

/** Starts an export job: the project list, or the 重点外资项目推进情况表. Its result names the file to fetch. */
export function exportProjects(ctx: BackendContext, query: ProjectQuery, layout: 'list' | 'progress'): string {
  return ctx.jobs.start('projects.export', async (job): Promise<ExportDone> => {
    const clock = alertClock(ctx.db);
    const ids = projectIds(ctx.db, query, clock);
    const stamp = clock.today.replace(/-/g, '');
    const name = layout === 'list' ? `项目清单_${stamp}.xlsx` : `重点外资项目推进情况表_${stamp}.xlsx`;
    const file = ctx.files.outputPath(name);
    job.progress(0, `共 ${ids.length} 个项目`);
    const rows = layout === 'list' ? await writeProjectList(ctx.db, ids, clock, file, job) : await writeProgressReport(ctx.db, ids, clock, file, job);
    const stored = ctx.files.register(file, name);
    return { fileId: stored.fileId, name, rows };
  });
}
