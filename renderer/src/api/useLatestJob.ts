import { useCallback, useRef } from 'react';
import type { JobMethodName, MethodInput } from '../../../shared/api';
import type { JobState } from '../../../shared/api/jobs';
import type { JobOutcome } from '../../../shared/api/run-job';
import { api } from './client';

/**
 * Runs a screen's jobs one after another (a check, then the import): only the latest job's progress reaches the
 * screen, so a job it no longer waits for cannot put an old bar back. The job starts as a placeholder state (no id
 * yet) the screen can show at once.
 */
export function useLatestJob() {
  const latest = useRef(0);
  const runJob = useCallback(<M extends JobMethodName>(method: M, input: MethodInput<M>, onProgress: (job: JobState) => void): Promise<JobOutcome<M>> => {
    const ticket = ++latest.current;
    onProgress({ id: '', kind: method, status: 'running', progress: 0, message: '' });
    return api.runJob(method, input, { onProgress: (job) => latest.current === ticket && onProgress(job) });
  }, []);
  /** The screen closed: the progress of the job it ran is no longer shown. */
  const forget = useCallback(() => void latest.current++, []);
  return { runJob, forget };
}
