import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  FDI_IMPORT_FIELDS,
  fdiImportResultSchema,
  fdiPreviewSchema,
  type FdiImportOptions,
  type FdiImportField,
  type FdiPreview,
} from '../../../../shared/api/fdiImport';
import type { FileRef } from '../../../../shared/api/files';
import type { JobState } from '../../../../shared/api/jobs';
import { api, ApiError } from '../../api/client';
import { pickFile, saveFile } from '../../api/platform';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import { useFdiImportStore } from '../../stores/fdiImport';
import { useSettingsStore } from '../../stores/settings';
import type { EditedMapping } from './MappingEditor';
import { fdiImportMessages } from './messages';
import { PreviewCard } from './PreviewCard';

type Step =
  | { kind: 'idle' }
  | { kind: 'running'; job: JobState; file: FileRef | null }
  | { kind: 'preview'; file: FileRef; preview: FdiPreview }
  | { kind: 'failed'; error: unknown; file: FileRef | null };

const jobError = (job: JobState) => (job.error ? new ApiError(job.error) : new Error(job.status));
const running = (jobId: string, kind: string): JobState => ({ id: jobId, kind, status: 'running', progress: 0, message: '' });

function asEdited(preview: FdiPreview): EditedMapping {
  return Object.fromEntries((Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[]).map((k) => [k, preview.mapping[k] ?? null])) as EditedMapping;
}

/**
 * 导入报表: choose a file → the check runs as a job (progress, cancel) → see the sheet, unit, district, the column
 * mapping (correctable; corrections are remembered), the first rows and every problem (saved as Excel on request) →
 * import, refused while there are errors unless the user chooses to import only the clean rows.
 */
export function ImportWizard() {
  const t = useT(fdiImportMessages);
  const { message } = App.useApp();
  const districts = useSettingsStore((s) => s.data?.districts ?? []);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [options, setOptions] = useState<FdiImportOptions>({});
  const [mapping, setMapping] = useState<EditedMapping | null>(null);
  const [allowPartial, setAllowPartial] = useState(false);
  /** Files checked and set aside for a consolidation (汇总): imported together, one batch each. */
  const [queued, setQueued] = useState<Array<{ file: FileRef; preview: FdiPreview; allowPartial: boolean }>>([]);

  const check = async (file: FileRef, next: FdiImportOptions) => {
    setOptions(next);
    setAllowPartial(false);
    try {
      const { jobId } = await api.call('fdiImport.preview', { fileId: file.fileId, ...next });
      setStep({ kind: 'running', job: running(jobId, 'fdiImport.preview'), file });
      const job = await api.waitForJob(jobId, (j) => setStep({ kind: 'running', job: j, file }));
      if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job), file });
      const preview = fdiPreviewSchema.parse(job.result);
      setMapping(asEdited(preview));
      setStep({ kind: 'preview', file, preview });
    } catch (error) {
      setStep({ kind: 'failed', error, file });
    }
  };

  const choose = async () => {
    try {
      const file = await pickFile([{ name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'csv'] }], t('chooseFile'));
      if (file) await check(file, {});
    } catch (error) {
      setStep({ kind: 'failed', error, file: null });
    }
  };

  /** Imports the current file, or (with files set aside) all of them through one consolidation job. */
  const commit = async (current: { file: FileRef; preview: FdiPreview } | null) => {
    const all = [...queued, ...(current ? [{ ...current, allowPartial }] : [])];
    const file = current?.file ?? all[all.length - 1]?.file ?? null;
    try {
      const { jobId } =
        all.length === 1
          ? await api.call('fdiImport.commit', { previewId: all[0]!.preview.previewId, allowPartial: all[0]!.allowPartial })
          : await api.call('fdiImport.consolidate', { files: all.map((q) => ({ previewId: q.preview.previewId })), allowPartial: all.some((q) => q.allowPartial) });
      setStep({ kind: 'running', job: running(jobId, 'fdiImport.commit'), file });
      const job = await api.waitForJob(jobId, (j) => setStep({ kind: 'running', job: j, file }));
      if (job.status !== 'done') return setStep({ kind: 'failed', error: jobError(job), file });
      const result = fdiImportResultSchema.parse(job.result);
      const batch = result.batches[0]!;
      message.success(
        result.batches.length === 1
          ? t('imported', { batch: batch.batchId, rows: batch.rows })
          : t('importedAll', { batches: result.batches.length, rows: result.imported }),
      );
      setQueued([]);
      setStep({ kind: 'idle' });
      await useFdiImportStore.getState().loadBatches();
    } catch (error) {
      setStep({ kind: 'failed', error, file });
    }
  };

  const queue = (file: FileRef, preview: FdiPreview) => {
    setQueued([...queued, { file, preview, allowPartial }]);
    setStep({ kind: 'idle' });
  };

  const saveProblems = async (preview: FdiPreview) => {
    try {
      const saved = await api.call('fdiImport.saveProblems', { previewId: preview.previewId });
      await saveFile(saved.fileId, saved.name);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const downloadTemplate = async () => {
    try {
      const saved = await api.call('fdiImport.template', {});
      await saveFile(saved.fileId, t('templateName'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const file = step.kind === 'idle' ? null : step.file;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fdi-import">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap>
        {step.kind !== 'running' && (
          <Button type={step.kind === 'preview' ? 'default' : 'primary'} onClick={() => void choose()} data-testid="fdi-choose">
            {step.kind === 'preview' ? t('chooseAnother') : t('chooseFile')}
          </Button>
        )}
        <Button onClick={() => void downloadTemplate()} data-testid="fdi-template">
          {t('template')}
        </Button>
      </Space>
      {queued.length > 0 && step.kind !== 'running' && (
        <Card size="small" title={t('queued')} data-testid="fdi-queued">
          <ul style={{ margin: 0 }}>
            {queued.map((q, i) => (
              <li key={q.preview.previewId}>
                {t('queuedLine', { file: q.file.name, district: q.preview.district?.name ?? t('districtNone'), clean: q.preview.counts.cleanRows })}
                <Button size="small" type="link" onClick={() => setQueued(queued.filter((_, j) => j !== i))}>
                  {t('remove')}
                </Button>
              </li>
            ))}
          </ul>
          {step.kind !== 'preview' && (
            <Button type="primary" style={{ marginTop: 8 }} onClick={() => void commit(null)} data-testid="fdi-commit-all">
              {t('commitAll', { count: queued.length })}
            </Button>
          )}
        </Card>
      )}
      {step.kind === 'running' && (
        <Card size="small" title={`${step.job.kind === 'fdiImport.commit' ? t('importing') : t('checking')}：${step.file?.name ?? ''}`}>
          <JobProgress job={step.job} />
        </Card>
      )}
      {step.kind === 'failed' && (
        <ErrorAlert error={step.error} onRetry={file ? () => void check(file, options) : undefined} retryLabel={t('checkAgain')} />
      )}
      {step.kind === 'preview' && mapping && (
        <PreviewCard
          file={step.file}
          preview={step.preview}
          options={options}
          mapping={mapping}
          districts={districts}
          allowPartial={allowPartial}
          onMapping={setMapping}
          onAllowPartial={setAllowPartial}
          onRecheck={(next) => void check(step.file, next)}
          queuedCount={queued.length}
          onCommit={() => void commit({ file: step.file, preview: step.preview })}
          onQueue={() => queue(step.file, step.preview)}
          onSaveProblems={() => void saveProblems(step.preview)}
        />
      )}
    </Space>
  );
}
