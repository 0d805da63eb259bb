import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { JobState } from '../../../../shared/api/jobs';
import { importCheckSchema, importDoneSchema, type ImportCheck } from '../../../../shared/api/projects';
import type { FileRef } from '../../../../shared/api/files';
import type { Problem } from '../../../../shared/result';
import { api, ApiError } from '../../api/client';
import { pickFile } from '../../api/platform';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import { projectMessages } from './messages';
import { IMPORT_FILE_FILTER } from '../../../../shared/workbook-files';

const jobError = (job: JobState) => (job.error ? new ApiError(job.error) : new Error(job.status));

type Step = { kind: 'choose' } | { kind: 'running'; job: JobState } | { kind: 'checked'; file: FileRef; check: ImportCheck } | { kind: 'failed'; error: unknown };

/**
 * Import as a job in three steps: choose the file, see what a check found (every problem with its row, column and
 * value; counts of new, updated and unchanged), then import — only offered when there is no error.
 */
export function ImportModal(props: {
  open: boolean;
  onClose(): void;
  title: string;
  help: string;
  check: 'projects.importCheck' | 'enterprises.importCheck';
  commit: 'projects.importCommit' | 'enterprises.importCommit';
  onImported(): void;
}) {
  const t = useT(projectMessages);
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  const runJob = async (method: typeof props.check | typeof props.commit, fileId: string) => {
    const { jobId } = await api.call(method, { fileId });
    setStep({ kind: 'running', job: { id: jobId, kind: method, status: 'running', progress: 0, message: '' } });
    return api.waitForJob(jobId, (job) => setStep({ kind: 'running', job }));
  };
  const choose = async () => {
    try {
      const file = await pickFile([IMPORT_FILE_FILTER], props.title);
      if (!file) return;
      const job = await runJob(props.check, file.fileId);
      if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job) });
      setStep({ kind: 'checked', file, check: importCheckSchema.parse(job.result) });
    } catch (error) {
      setStep({ kind: 'failed', error });
    }
  };
  const commit = async (file: FileRef) => {
    try {
      const job = await runJob(props.commit, file.fileId);
      if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job) });
      const done = importDoneSchema.parse(job.result);
      message.success(t('imported', { create: done.create, update: done.update }));
      props.onImported();
      close();
    } catch (error) {
      setStep({ kind: 'failed', error });
    }
  };
  const close = () => {
    setStep({ kind: 'choose' });
    props.onClose();
  };

  const errors = step.kind === 'checked' ? step.check.problems.filter((p) => p.severity !== 'warning') : [];
  const warnings = step.kind === 'checked' ? step.check.problems.filter((p) => p.severity === 'warning') : [];
  return (
    <Modal open={props.open} title={props.title} width={900} onCancel={close} footer={null} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-modal">
        <Typography.Paragraph type="secondary">{props.help}</Typography.Paragraph>
        {step.kind !== 'running' && (
          <Button onClick={() => void choose()} data-testid="import-choose">
            {t('chooseFile')}
          </Button>
        )}
        {step.kind === 'running' && <JobProgress job={step.job} />}
        {step.kind === 'failed' && <ErrorAlert error={step.error} />}
        {step.kind === 'checked' && (
          <>
            <Typography.Text strong data-testid="import-summary">
              {step.check.fileName}
              {step.check.sheet ? `（${step.check.sheet}）` : ''}：{t('checkSummary', { rows: step.check.rows, create: step.check.create, update: step.check.update, unchanged: step.check.unchanged })}
            </Typography.Text>
            {errors.length > 0 && <Alert type="error" showIcon title={t('problemsFound', { errors: errors.length, warnings: warnings.length })} />}
            {errors.length === 0 && warnings.length > 0 && <Alert type="warning" showIcon title={t('warningsOnly', { warnings: warnings.length })} />}
            {step.check.problems.length > 0 && (
              <Table<Problem>
                size="small"
                rowKey={(_, i) => String(i)}
                dataSource={step.check.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="import-problems"
                columns={[
                  { title: t('problemRow'), dataIndex: 'row', width: 60 },
                  { title: t('problemColumn'), dataIndex: 'column', width: 120 },
                  { title: t('problemValue'), dataIndex: 'value', width: 140 },
                  { title: t('problemMessage'), render: (_, p) => <Typography.Text type={p.severity === 'warning' ? 'warning' : 'danger'}>{`${p.message}（${p.code}）`}</Typography.Text> },
                ]}
              />
            )}
            <Space>
              <Button type="primary" disabled={errors.length > 0 || step.check.rows === 0} onClick={() => void commit(step.file)} data-testid="import-commit">
                {t('commit')}
              </Button>
              <Button onClick={close}>{t('close')}</Button>
            </Space>
          </>
        )}
      </Space>
    </Modal>
  );
}
