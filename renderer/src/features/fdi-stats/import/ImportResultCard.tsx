import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FdiCommitResult, FdiImportResult } from '../../../../../shared/api/fdiImport';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { useAppStore } from '../../../stores/app';
import { useFdiImportStore } from '../../../stores/fdiImport';
import { fdiImportMessages } from './messages';

/**
 * What an import did, kept on screen until the next file: per batch its rows, the file's own totals against its
 * rows, its warnings and the columns left out; the places registered; links to the tables (the batch's months) and
 * to the history, and undo.
 */
export function ImportResultCard({ result, onNext }: { result: FdiImportResult; onNext(): void }) {
  const t = useT(fdiImportMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const kind = (k: 'district' | 'platform') => (k === 'district' ? t('kindDistrict') : t('kindPlatform'));
  const typeName = (a: { kind: string; type: string }) => (a.kind === 'platform' ? `（${td(`platformType.${a.type}` as 'platformType.other')}）` : '');
  return (
    <Card
      size="small"
      title={t('resultTitle')}
      data-testid="fdi-result"
      extra={
        <Button type="primary" onClick={onNext} data-testid="fdi-next">
          {t('importAnother')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {result.replaced.length > 0 && <Typography.Text>{t('resultReplaced', { batches: result.replaced.join('、') })}</Typography.Text>}
        {result.added.length > 0 && (
          <div data-testid="fdi-result-added">
            <Typography.Text strong>{t('resultAdded')}：</Typography.Text>
            {result.added.map((a) => (
              <Tag key={`${a.kind}${a.id}`} color="blue">
                {kind(a.kind)} {a.name}
                {typeName(a)}
              </Tag>
            ))}
          </div>
        )}
        {result.matched.length > 0 && (
          <div>
            <Typography.Text strong>{t('resultMatched')}：</Typography.Text>
            {result.matched.map((m) => (
              <Tag key={`${m.kind}${m.name}`}>{`${m.name} → ${m.to}`}</Tag>
            ))}
          </div>
        )}
        {result.batches.map((b) => (
          <BatchResult key={b.batchId} batch={b} onTables={(from, to) => navigate('stats', [], { tab: 'tables', from, to })} onHistory={() => navigate('stats', [], { tab: 'batches' })} />
        ))}
      </Space>
    </Card>
  );
}

function BatchResult({ batch: b, onTables, onHistory }: { batch: FdiCommitResult; onTables(from: string, to: string): void; onHistory(): void }) {
  const t = useT(fdiImportMessages);
  const { message } = App.useApp();
  const [undone, setUndone] = useState(false);
  const undo = () =>
    useFdiImportStore
      .getState()
      .undo(b.batchId)
      .then(
        (r) => {
          setUndone(true);
          message.success(t('undone', { batch: b.batchId, records: r.removedRecords }));
        },
        (e) => message.error(errorText(e)),
      );
  const mismatches = b.warnings.filter((w) => w.code === 'TOTAL_MISMATCH');
  const others = b.warnings.filter((w) => w.code !== 'TOTAL_MISMATCH');
  return (
    <Card size="small" type="inner" title={t('resultBatch', { batch: b.batchId, file: b.file })} data-testid={`fdi-result-batch-${b.batchId}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong data-testid="fdi-result-rows">
          {t('resultRows', { rows: b.rows, skipped: b.skippedRows })}
          {b.rejectedRows ? t('resultRejected', { rows: b.rejectedRows }) : ''}
        </Typography.Text>
        <Descriptions size="small" column={{ xs: 1, lg: 3 }}>
          <Descriptions.Item label={t('resultDistrict')}>{b.district ?? t('districtNone')}</Descriptions.Item>
          <Descriptions.Item label={t('resultUnit')}>{b.unit}</Descriptions.Item>
          <Descriptions.Item label={t('resultHeader')}>{t('resultHeaderRows', { rows: b.headerRows.join('、') })}</Descriptions.Item>
          {b.periods && <Descriptions.Item label={t('resultPeriods')}>{b.periods.from === b.periods.to ? b.periods.from : `${b.periods.from} 至 ${b.periods.to}`}</Descriptions.Item>}
          <Descriptions.Item label={t('resultTotals')}>
            <span data-testid="fdi-result-totals">
              {!b.totals.checked ? t('resultTotalsNone') : b.totals.mismatches ? <Typography.Text type="warning">{t('totalsBad', { count: b.totals.mismatches })}</Typography.Text> : t('totalsOk', { checked: b.totals.checked })}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {mismatches.map((w) => (
          <Typography.Text key={`${w.row}${w.column}`} type="warning">
            {w.message}
          </Typography.Text>
        ))}
        {b.ignoredColumns.length > 0 && <Typography.Text type="secondary">{t('ignoredColumns', { list: b.ignoredColumns.map((c) => `${c.column}（${c.header || t('noHeader')}）`).join('、') })}</Typography.Text>}
        {others.length > 0 && (
          <Typography.Text type="secondary">
            {t('resultWarnings')}：{[...new Set(others.map((w) => w.message))].slice(0, 3).join('；')}
            {others.length > 3 ? ` …（${others.length}）` : ''}
          </Typography.Text>
        )}
        <Space wrap>
          {b.periods && (
            <Button size="small" onClick={() => onTables(b.periods!.from, b.periods!.to)} data-testid="fdi-result-tables">
              {t('viewTables')}
            </Button>
          )}
          <Button size="small" onClick={onHistory}>
            {t('viewBatches')}
          </Button>
          {undone ? (
            <Tag>{t('undoneBatch')}</Tag>
          ) : (
            <Popconfirm title={t('undoConfirm', { batch: b.batchId, file: b.file })} onConfirm={() => void undo()}>
              <Button size="small" danger data-testid={`fdi-result-undo-${b.batchId}`}>
                {t('undoBatch')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  );
}
