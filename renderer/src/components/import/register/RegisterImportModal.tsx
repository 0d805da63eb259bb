import { Button, Card, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../../shared/api/files';
import type { LayoutChoice } from '../../../../../shared/api/importLayout';
import type { JobState } from '../../../../../shared/api/jobs';
import type { ImportCheck, ImportDone } from '../../../../../shared/api/projects';
import { IMPORT_FILE_FILTER } from '../../../../../shared/workbook-files';
import { ApiError } from '../../../api/client';
import { useLatestJob } from '../../../api/useLatestJob';
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
  const { runJob, forget } = useLatestJob();
  const running = (file: FileRef, committing: boolean) => (job: JobState) => setStep({ kind: 'running', job, file, committing });

  const check = (file: FileRef, choice: LayoutChoice) =>
    run(async () => {
      try {
        const job = await runJob(props.check, { fileId: file.fileId, ...choice }, running(file, false));
        if (job.status !== 'done') return setStep({ kind: 'failed', error: new ApiError(job.error), file, choice });
        setStep({ kind: 'checked', file, check: job.result, choice });
      } catch (error) {
        setStep({ kind: 'failed', error, file, choice });
      }
    });

  const commit = (file: FileRef, choice: LayoutChoice) =>
    run(async () => {
      try {
        const job = await runJob(props.commit, { fileId: file.fileId, ...choice }, running(file, true));
        if (job.status !== 'done') return setStep({ kind: 'failed', error: new ApiError(job.error), file, choice });
        setStep({ kind: 'done', result: job.result });
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
    forget();
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
