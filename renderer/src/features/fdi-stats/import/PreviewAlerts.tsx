import { Alert, Button, Popconfirm, Space } from 'antd';
import type { FdiPreview } from '../../../../../shared/api/fdiImport';
import { useT } from '../../../i18n';
import { fdiImportMessages } from './messages';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** A file imported before: one line, with undo-and-replace. */
export function AlreadyImportedAlert({ preview, onReplace, busy }: { preview: FdiPreview; onReplace(batchId: number): void; busy: boolean }) {
  const t = useT(fdiImportMessages);
  const a = preview.alreadyImported;
  if (!a) return null;
  const params = { batch: a.batchId, time: when(a.createdAt), file: a.fileName };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="fdi-already-imported"
      title={a.by === 'hash' ? t('alreadyByHash', params) : t('alreadyByRows', params)}
      action={
        <Popconfirm title={t('replaceConfirm', { batch: a.batchId })} onConfirm={() => onReplace(a.batchId)}>
          <Button size="small" danger disabled={busy} data-testid="fdi-replace">
            {t('replace', { batch: a.batchId })}
          </Button>
        </Popconfirm>
      }
    />
  );
}

/** The file's own 合计/小计 against its rows: prominent when they disagree. */
export function TotalsAlert({ totals }: { totals: FdiPreview['totals'] }) {
  const t = useT(fdiImportMessages);
  if (!totals.checked) return null;
  if (!totals.mismatches) return <Alert type="success" showIcon data-testid="fdi-totals" title={t('totalsOk', { checked: totals.checked })} />;
  const bad = totals.checks.filter((c) => !c.ok);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="fdi-totals"
      title={t('totalsBad', { count: totals.mismatches })}
      description={
        <Space orientation="vertical" size={0}>
          {bad.map((c) => (
            <span key={`${c.row}-${c.column}`}>
              {t('totalsLine', { row: c.row, kind: c.kind === 'sub' ? t('totalsSub') : t('totalsGrand'), column: c.column, header: c.header, stated: c.stated, computed: c.computed })}
            </span>
          ))}
          <span>{t('totalsNote')}</span>
        </Space>
      }
    />
  );
}

/** Records in no district, or dated outside the 统计期 the file names. */
export function RecordWarnings({ preview }: { preview: FdiPreview }) {
  const t = useT(fdiImportMessages);
  const period = preview.context.period;
  return (
    <>
      {preview.districtMissingRows > 0 && <Alert type="warning" showIcon data-testid="fdi-district-missing" title={t('districtMissing', { rows: preview.districtMissingRows })} />}
      {preview.periodOutsideRows > 0 && period && (
        <Alert type="warning" showIcon data-testid="fdi-period-outside" title={t('periodOutside', { rows: preview.periodOutsideRows, from: period.from, to: period.to })} />
      )}
    </>
  );
}
