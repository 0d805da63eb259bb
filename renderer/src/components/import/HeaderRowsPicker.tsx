import { Button, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { importMessages } from './messages';

const COLUMNS_SHOWN = 10;

/**
 * The first rows of the sheet as the file has them, the header block found shaded; the person can choose other rows
 * (first to last), and the file is read again with them (and the choice remembered with the mapping).
 */
export function HeaderRowsPicker(props: { head: Array<{ row: number; cells: string[] }>; headerRows: number[]; onApply(rows: number[]): void; busy: boolean; testPrefix: string }) {
  const t = useT(importMessages);
  const { head, headerRows: found, testPrefix } = props;
  const [from, setFrom] = useState<number>(found[0] ?? head[0]?.row ?? 1);
  const [to, setTo] = useState<number>(found[found.length - 1] ?? from);
  const chosen = (row: number) => row >= Math.min(from, to) && row <= Math.max(from, to);
  const width = Math.min(COLUMNS_SHOWN, Math.max(1, ...head.map((r) => r.cells.length)));
  const rows = Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => Math.min(from, to) + i);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`${testPrefix}-header-picker`}>
      <Typography.Text type="secondary">{t('headerHelp')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="row"
        scroll={{ x: 'max-content', y: 260 }}
        dataSource={head}
        onRow={(r) => ({ style: chosen(r.row) ? { background: '#e6f4ff' } : undefined })}
        columns={[
          { title: t('headerRow'), dataIndex: 'row', width: 56, fixed: 'left' },
          ...Array.from({ length: width }, (_, c) => ({
            title: String.fromCharCode(65 + c),
            width: 120,
            ellipsis: true,
            render: (_: unknown, r: { cells: string[] }) => r.cells[c] ?? '',
          })),
        ]}
      />
      <Space wrap>
        <span>{t('headerFrom')}</span>
        <InputNumber size="small" min={1} max={1000} value={from} onChange={(v) => v && setFrom(v)} data-testid={`${testPrefix}-header-from`} />
        <span>{t('headerTo')}</span>
        <InputNumber size="small" min={1} max={1000} value={to} onChange={(v) => v && setTo(v)} data-testid={`${testPrefix}-header-to`} />
        <span>{t('headerRowsEnd')}</span>
        <Button size="small" disabled={props.busy || rows.length > 6} onClick={() => props.onApply(rows)} data-testid={`${testPrefix}-header-apply`}>
          {t('headerApply')}
        </Button>
      </Space>
    </Space>
  );
}
