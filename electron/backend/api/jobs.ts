import type { JobsMethods } from '../../../shared/api/jobs';
import type { AreaHandlers } from '../context';

export const jobsHandlers: AreaHandlers<JobsMethods> = {
  'jobs.get': ({ jobId }, ctx) => ctx.jobs.get(jobId),
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'jobs.cancel': ({ jobId }, ctx) => ctx.jobs.cancel(jobId),
};
