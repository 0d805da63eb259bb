import { Button, Progress, Space, Typography } from 'antd';
import type { JobState } from '../../../shared/api/jobs';
import { api } from '../api/client';
import { useT } from '../i18n';
import { shellMessages } from '../i18n/shell';

/** A running job's progress bar with its line of text and a cancel button. */
export function JobProgress({ job }: { job: JobState }) {
  const t = useT(shellMessages);
  const percent = job.progress === null ? undefined : Math.round(job.progress * 100);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Progress percent={percent ?? 0} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
      <Space>
        <Typography.Text type="secondary">{job.message}</Typography.Text>
        {/* a job not started yet (no id) has nothing to cancel */}
        {job.status === 'running' && job.id !== '' && (
          <Button size="small" onClick={() => void api.call('jobs.cancel', { jobId: job.id })}>
            {t('cancelJob')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
