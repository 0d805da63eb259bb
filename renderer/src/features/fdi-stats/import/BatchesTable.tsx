import { App, Button, Popconfirm, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { ImportBatch } from '../../../../../shared/api/fdiImport';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useFdiImportStore } from '../../../stores/fdiImport';
import { fdiImportMessages } from './messages';

/** The import history: one line per batch (a file), with undo for those not undone yet. */
export function BatchesTable() {
  const t = useT(fdiImportMessages);
  const { message } = App.useApp();
  const batches = useFdiImportStore((s) => s.batches);
  const { loadBatches, undo } = useFdiImportStore.getState();
  useEffect(() => void loadBatches().catch((e) => message.error(errorText(e))), [loadBatches, message]);
  return (
    <Table<ImportBatch>
      size="small"
      rowKey="id"
      dataSource={batches}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      locale={{ emptyText: t('noBatches') }}
      data-testid="fdi-batches"
      columns={[
        { title: t('batchNo'), dataIndex: 'id', width: 60 },
        // the file name takes what the narrow columns leave: at 125 % on a 1366 laptop still about 200 px
        { title: t('batchFile'), dataIndex: 'fileName', ellipsis: true },
        { title: t('batchDistrict'), dataIndex: 'district', width: 90 },
        { title: t('batchRows'), dataIndex: 'records', width: 70, render: (v: number, b) => (b.undoneAt ? <Typography.Text delete>{b.rows}</Typography.Text> : v) },
        { title: t('batchSkipped'), width: 90, render: (_, b) => `${b.skippedRows} / ${b.rejectedRows}` },
        { title: t('batchUnit'), dataIndex: 'unit', width: 70 },
        { title: t('batchTime'), dataIndex: 'createdAt', width: 160, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
        { title: t('batchBy'), dataIndex: 'createdBy', width: 80 },
        {
          title: '',
          width: 140,
          render: (_, b) =>
            b.undoneAt ? (
              <Typography.Text type="secondary">{t('undoneAt', { time: new Date(b.undoneAt).toLocaleDateString('zh-CN') })}</Typography.Text>
            ) : (
              <Popconfirm
                title={t('undoConfirm', { batch: b.id, file: b.fileName })}
                onConfirm={() =>
                  undo(b.id).then(
                    (r) => message.success(t('undone', { batch: b.id, records: r.removedRecords })),
                    (e) => message.error(errorText(e)),
                  )
                }
              >
                <Button size="small" type="link" danger data-testid={`undo-${b.id}`}>
                  {t('undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
