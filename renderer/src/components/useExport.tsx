import { App, Modal } from 'antd';
import { useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { JobState } from '../../../shared/api/jobs';
import { api, ApiError } from '../api/client';
import { saveFile } from '../api/platform';
import { errorText } from './ErrorAlert';
import { JobProgress } from './JobProgress';
import { useT } from '../i18n';
import { componentMessages } from './messages';

type ExportMethod = 'projects.export' | 'enterprises.export' | 'audit.export';

/**
 * Runs an export job with its progress (and cancel) in a small dialog, then hands the file to the platform: a save
 * dialog in the desktop app, a download in the browser. `exported` words the message for what was written.
 */
export function useExport(exported?: (rows: number) => string) {
  const t = useT(componentMessages);
  const { message } = App.useApp();
  const [job, setJob] = useState<JobState | null>(null);
  const run = async <M extends ExportMethod>(method: M, input: MethodInput<M>) => {
    try {
      const done = await api.runJob<ExportMethod>(method, input, { onProgress: setJob });
      setJob(null);
      if (done.status !== 'done') {
        if (done.status === 'failed') message.error(errorText(new ApiError(done.error)));
        return;
      }
      const result = done.result;
      await saveFile(result.fileId, result.name);
      message.success(exported ? exported(result.rows) : t('exportedRows', { rows: result.rows }));
    } catch (err) {
      setJob(null);
      message.error(errorText(err));
    }
  };
  const progress = (
    <Modal open={job !== null} title={t('exporting')} footer={null} closable={false} maskClosable={false}>
      {job && <JobProgress job={job} />}
    </Modal>
  );
  return { run, progress };
}
