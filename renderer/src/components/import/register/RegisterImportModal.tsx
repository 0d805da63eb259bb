import { Button, Card, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { FileRef } from '../../../../../shared/api/files';
import type { LayoutChoice } from '../../../../../shared/api/importLayout';
import type { JobState } from '../../../../../shared/api/jobs';
import { importCheckSchema, importDoneSchema, type ImportCheck, type ImportDone } from '../../../../../shared/api/projects';
import { IMPORT_FILE_FILTER } from '../../../../../shared/workbook-files';
import { api, ApiError } from '../../../api/client';
import { pickFile } from '../../../api/platform';
import { ErrorAlert } from '../../ErrorAlert';
import { useSingleFlight } from '../useSingleFlight';
import { JobProgress } from '../../JobProgress';
import { useT } from '../../../i18n';
import { registerImportMessages } from './messages';
import { RegisterPreview } from './RegisterPreview';
import { RegisterResult } from './RegisterResult';

type Step =
  | { kind: 'idle' }
  | { kind: 'running'; job: JobState; file: FileRef; committing: boolean }
  | { kind: 'checked'; file: FileRef; check: ImportCheck; choice: LayoutChoice }
  | { kind: 'failed'; error: unknown; file: FileRef | null; choice: LayoutChoice }
  | { kind: 'done'; result: ImportDone };

const canCommit = (check: ImportCheck) => check.rows > 0 && !check.problems.some((p) => p.severity !== 'warning');
const jobError = (job: JobState) => (job.error ? new ApiError(job.error) : new Error(job.status));

/**
 * Importing a project list or an enterprise register, in the steps FDI returns have: choose a file → the check runs as
 * a job → the preview (header rows, the column mapping — correctable and remembered by header — and every problem) →
 * import, only without errors → a result card that stays. One submission at a time; progress of a job this screen
 * no longer waits for is ignored.
 */
export function RegisterImportModal(props: {
  open: boolean;
  onClose(): void;
  title: string;
  help: string;
  check: 'projects.importCheck' | 'enterprises.importCheck';
  commit: 'projects.importCommit' | 'enterprises.importCommit';
  onImported(): void;
}) {
  const t = useT(registerImportMessages);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const { busy, run } = useSingleFlight();
  const waitingFor = useRef<string | null>(null);

  const follow = async (method: typeof props.check | typeof props.commit, file: FileRef, choice: LayoutChoice): Promise<JobState> => {
    const { jobId } = await api.call(method, { fileId: file.fileId, ...choice });
    waitingFor.current = jobId;
    const committing = method === props.commit;
    setStep({ kind: 'running', job: { id: jobId, kind: method, status: 'running', progress: 0, message: '' }, file, committing });
    return api.waitForJob(jobId, (job) => {
      if (waitingFor.current === jobId) setStep({ kind: 'running', job, file, committing });
    });
  };

  const check = (file: FileRef, choice: LayoutChoice) =>
    run(async () => {
      try {
        const job = await follow(props.check, file, choice);
        if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job), file, choice });
        setStep({ kind: 'checked', file, check: importCheckSchema.parse(job.result), choice });
      } catch (error) {
        setStep({ kind: 'failed', error, file, choice });
      }
    });

  const commit = (file: FileRef, choice: LayoutChoice) =>
    run(async () => {
      try {
        const job = await follow(props.commit, file, choice);
        if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job), file, choice });
        setStep({ kind: 'done', result: importDoneSchema.parse(job.result) });
        props.onImported();
      } catch (error) {
        setStep({ kind: 'failed', error, file, choice });
      }
    });

  const choose = async () => {
    try {
      const file = await pickFile([IMPORT_FILE_FILTER], props.title);
      if (file) await check(file, {});
    } catch (error) {
      setStep({ kind: 'failed', error, file: null, choice: {} });
    }
  };

  const close = () => {
    waitingFor.current = null;
    setStep({ kind: 'idle' });
    props.onClose();
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={1000}
      onCancel={close}
      destroyOnHidden
      // a double-clicked 导入 shrinks the dialog to its progress: the second click must not land on the mask and close it
      maskClosable={false}
      // the body scrolls, the footer stays: 导入 in view under a long mapping on a 1366×768 screen
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto', overflowX: 'hidden' } }}
      footer={
        step.kind === 'checked' ? (
          <Space>
            <Button onClick={close}>{t('close')}</Button>
            <Button type="primary" disabled={busy || !canCommit(step.check)} loading={busy} onClick={() => void commit(step.file, step.choice)} data-testid="import-commit">
              {t('commit')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-modal">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {props.help}
        </Typography.Paragraph>
        {step.kind !== 'running' && step.kind !== 'done' && (
          <Button type={step.kind === 'checked' ? 'default' : 'primary'} disabled={busy} onClick={() => void choose()} data-testid="import-choose">
            {step.kind === 'checked' ? t('chooseAnother') : t('chooseFile')}
          </Button>
        )}
        {step.kind === 'running' && (
          <Card size="small" title={`${step.committing ? t('importing') : t('checking')}：${step.file.name}`}>
            <JobProgress job={step.job} />
          </Card>
        )}
        {step.kind === 'failed' && <ErrorAlert error={step.error} onRetry={step.file ? () => void check(step.file!, step.choice) : undefined} retryLabel={t('recheckFile')} />}
        {step.kind === 'checked' && (
          <RegisterPreview
            key={`${step.file.fileId}-${JSON.stringify(step.choice)}`}
            check={step.check}
            choice={step.choice}
            busy={busy}
            onRecheck={(choice) => void check(step.file, choice)}
          />
        )}
        {step.kind === 'done' && <RegisterResult result={step.result} onNext={() => setStep({ kind: 'idle' })} onClose={close} />}
      </Space>
    </Modal>
  );
}
