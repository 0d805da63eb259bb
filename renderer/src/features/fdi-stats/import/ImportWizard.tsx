import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  FDI_IMPORT_FIELDS,
  type FdiImportOptions,
  type FdiImportField,
  type FdiImportResult,
  type FdiPreview,
} from '../../../../../shared/api/fdiImport';
import type { FileRef } from '../../../../../shared/api/files';
import type { JobState } from '../../../../../shared/api/jobs';
import { api, ApiError } from '../../../api/client';
import { useLatestJob } from '../../../api/useLatestJob';
import { pickFile, saveFile } from '../../../api/platform';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { useFdiImportStore } from '../../../stores/fdiImport';
import { useSettingsStore } from '../../../stores/settings';
import { ImportResultCard } from './ImportResultCard';
import type { EditedMapping } from '../../../components/import/MappingEditor';
import { fdiImportMessages } from './messages';
import { placesInput, proposedChoices, type PlaceChoices } from './placeChoices';
import { PreviewCard } from './PreviewCard';
import { IMPORT_FILE_FILTER } from '../../../../../shared/workbook-files';
import { useSingleFlight } from '../../../components/import/useSingleFlight';

type Step =
  | { kind: 'idle' }
  | { kind: 'running'; job: JobState; file: FileRef | null }
  | { kind: 'preview'; file: FileRef; preview: FdiPreview }
  | { kind: 'failed'; error: unknown; file: FileRef | null }
  | { kind: 'done'; result: FdiImportResult };

interface Queued {
  file: FileRef;
  preview: FdiPreview;
  allowPartial: boolean;
  choices: PlaceChoices;
}

const EMPTY: never[] = [];

function asEdited(preview: FdiPreview): EditedMapping {
  return Object.fromEntries((Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[]).map((k) => [k, preview.mapping[k] ?? null])) as EditedMapping;
}

/**
 * 导入报表: choose a file → the check runs as a job (progress, cancel) → see what needs a decision (names to confirm,
 * totals that disagree, a file already imported), the sheet, header rows, unit, district, the column mapping
 * (correctable, remembered), the first rows and every problem → import, refused while there are errors unless the user
 * imports only the clean rows → a result card that stays. One submission at a time; a job's late progress after it
 * settled, or of a job this screen no longer waits for, is ignored.
 */
export function ImportWizard() {
  const t = useT(fdiImportMessages);
  const { message } = App.useApp();
  const districts = useSettingsStore((s) => s.data?.districts ?? EMPTY);
  const platforms = useSettingsStore((s) => s.data?.platforms ?? EMPTY);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [options, setOptions] = useState<FdiImportOptions>({});
  const [mapping, setMapping] = useState<EditedMapping | null>(null);
  const [choices, setChoices] = useState<PlaceChoices>({});
  const [allowPartial, setAllowPartial] = useState(false);
  /** Files checked and set aside for a consolidation (汇总): imported together, one batch each. */
  const [queued, setQueued] = useState<Queued[]>([]);
  const { busy, run } = useSingleFlight();
  const { runJob } = useLatestJob();
  const running = (file: FileRef | null) => (job: JobState) => setStep({ kind: 'running', job, file });

  const check = (file: FileRef, next: FdiImportOptions) =>
    run(async () => {
      setOptions(next);
      setAllowPartial(false);
      try {
        const job = await runJob('fdiImport.preview', { fileId: file.fileId, ...next }, running(file));
        if (job.status !== 'done') return setStep({ kind: 'failed', error: new ApiError(job.error), file });
        const preview = job.result;
        setMapping(asEdited(preview));
        setChoices(proposedChoices(preview));
        setStep({ kind: 'preview', file, preview });
      } catch (error) {
        setStep({ kind: 'failed', error, file });
      }
    });

  const choose = async () => {
    try {
      const file = await pickFile([IMPORT_FILE_FILTER], t('chooseFile'));
      if (file) await check(file, {});
    } catch (error) {
      setStep({ kind: 'failed', error, file: null });
    }
  };

  /** Imports the current file, or (with files set aside) all of them through one consolidation job. */
  const commit = (current: { file: FileRef; preview: FdiPreview } | null, replaceBatch?: number) =>
    run(async () => {
      const all: Queued[] = [...queued, ...(current ? [{ ...current, allowPartial, choices }] : [])];
      const file = current?.file ?? all[all.length - 1]?.file ?? null;
      const places = all.flatMap((q) => placesInput(q.preview, q.choices));
      try {
        const job =
          all.length === 1
            ? await runJob('fdiImport.commit', { previewId: all[0]!.preview.previewId, allowPartial: all[0]!.allowPartial, places, replaceBatch }, running(file))
            : await runJob('fdiImport.consolidate', { files: all.map((q) => ({ previewId: q.preview.previewId })), allowPartial: all.some((q) => q.allowPartial), places }, running(file));
        if (job.status !== 'done') return setStep({ kind: 'failed', error: new ApiError(job.error), file });
        const result = job.result;
        setQueued([]);
        setStep({ kind: 'done', result });
        await useFdiImportStore.getState().loadBatches();
        if (result.added.length || result.matched.length) await useSettingsStore.getState().load();
      } catch (error) {
        setStep({ kind: 'failed', error, file });
      }
    });

  const queue = (file: FileRef, preview: FdiPreview) => {
    setQueued([...queued, { file, preview, allowPartial, choices }]);
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

  const file = step.kind === 'idle' || step.kind === 'done' ? null : step.file;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fdi-import">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap>
        {step.kind !== 'running' && step.kind !== 'done' && (
          <Button type={step.kind === 'preview' ? 'default' : 'primary'} disabled={busy} onClick={() => void choose()} data-testid="fdi-choose">
            {step.kind === 'preview' ? t('chooseAnother') : t('chooseFile')}
          </Button>
        )}
        <Button onClick={() => void downloadTemplate()} data-testid="fdi-template">
          {t('template')}
        </Button>
      </Space>
      {step.kind === 'done' && <ImportResultCard result={step.result} onNext={() => setStep({ kind: 'idle' })} />}
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
            <Button type="primary" style={{ marginTop: 8 }} disabled={busy} loading={busy} onClick={() => void commit(null)} data-testid="fdi-commit-all">
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
      {step.kind === 'failed' && <ErrorAlert error={step.error} onRetry={file ? () => void check(file, options) : undefined} retryLabel={t('recheckFile')} />}
      {step.kind === 'preview' && mapping && (
        <PreviewCard
          file={step.file}
          preview={step.preview}
          options={options}
          mapping={mapping}
          known={{ district: districts, platform: platforms }}
          choices={choices}
          allowPartial={allowPartial}
          busy={busy}
          onChoices={setChoices}
          onMapping={setMapping}
          onAllowPartial={setAllowPartial}
          onRecheck={(next) => void check(step.file, next)}
          queuedCount={queued.length}
          onCommit={() => void commit({ file: step.file, preview: step.preview })}
          onQueue={() => queue(step.file, step.preview)}
          onReplace={(batchId) => void commit({ file: step.file, preview: step.preview }, batchId)}
          onSaveProblems={() => void saveProblems(step.preview)}
        />
      )}
    </Space>
  );
}
