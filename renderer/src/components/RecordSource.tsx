import { Descriptions, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RecordSource, StatsRecord } from '../../../shared/api/stats';
import { api } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { useT } from '../i18n';
import { componentMessages } from './messages';

/** Where a record came from, in one line: 文件［工作表］第N行（第K批）. */
export function SourceLine({ record }: { record: Pick<StatsRecord, 'source'> }) {
  const t = useT(componentMessages);
  const s = record.source;
  if (!s) return <Typography.Text type="secondary">{t('noSource')}</Typography.Text>;
  // a batch without a sheet or row (demo data, imports before rows were kept) says only what it knows
  const text = s.row === null ? t('sourceBatch', { file: s.file, batch: s.batchId }) : t('sourceLine', { file: s.file, sheet: s.sheet ?? '', row: s.row, batch: s.batchId });
  return (
    <Typography.Text data-testid="record-source" ellipsis={{ tooltip: true }}>
      {text}
    </Typography.Text>
  );
}

/** The record's row as it was in its file: each column's header and cell, read from the kept file when opened. */
export function SourceCells({ recordId }: { recordId: number }) {
  const t = useT(componentMessages);
  const [data, setData] = useState<RecordSource | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.call('stats.recordSource', { recordId }).then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [recordId]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Spin size="small" />;
  const shown = (v: unknown) => (v === null || v === '' ? '—' : String(v));
  return (
    <Descriptions
      data-testid="record-cells"
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      title={t('sourceTitle', { file: data.file, sheet: data.sheet ?? '', row: data.row })}
      items={data.cells.map((c, i) => ({ key: c.column, label: `${c.column} ${data.header[i] ?? ''}`.trim(), children: shown(c.value) }))}
    />
  );
}
