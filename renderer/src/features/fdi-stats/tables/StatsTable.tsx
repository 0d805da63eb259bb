import { WarningOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { printedCode, rowLabel, type StatsRow, type StatsTable as Table_ } from '../../../../../shared/api/stats';
import { useT } from '../../../i18n';
import { formatAmount, formatCount, formatPercent } from './format';
import { statsTablesMessages } from './messages';

type Measure = 'newEnterprises' | 'contractedFdi' | 'actualFdi';

/** A figure cell, findable in tests by row key and field (`cell-total-actualFdi-current`). */
function Figure({ row, field, text }: { row: StatsRow; field: string; text: string }) {
  return <span data-testid={`cell-${row.key}-${field}`}>{text}</span>;
}

/** One standard table: 本期, 上年同期 and 同比 for each measure, the share of actual FDI; 合计 in bold; rows indented. */
export function StatsTable({ table, onOpenRow, priorIncomplete = false }: { table: Table_; onOpenRow(row: StatsRow): void; priorIncomplete?: boolean }) {
  const t = useT(statsTablesMessages);
  // beside 同比: the prior period lacks districts that report now
  const yoyTitle = priorIncomplete ? (
    <Tooltip title={t('yoyWarning')}>
      <span data-testid="yoy-warning" style={{ color: '#d46b08' }}>
        {t('yoy')} <WarningOutlined />
      </span>
    </Tooltip>
  ) : (
    t('yoy')
  );
  const figures = (measure: Measure, format: (n: number) => string, withShare = false): ColumnsType<StatsRow>[number] => ({
    title: t(measure),
    children: [
      { title: t('current'), key: `${measure}-current`, align: 'right', width: 120, render: (_, r) => <Figure row={r} field={`${measure}-current`} text={format(r.current[measure])} /> },
      { title: t('prior'), key: `${measure}-prior`, align: 'right', width: 120, render: (_, r) => <Figure row={r} field={`${measure}-prior`} text={format(r.prior[measure])} /> },
      { title: yoyTitle, key: `${measure}-yoy`, align: 'right', width: 80, render: (_, r) => <Figure row={r} field={`${measure}-yoy`} text={formatPercent(r.yoy[measure])} /> },
      ...(withShare
        ? [{ title: t('share'), key: `${measure}-share`, align: 'right' as const, width: 80, render: (_: unknown, r: StatsRow) => <Figure row={r} field={`${measure}-share`} text={formatPercent(r.share[measure])} /> }]
        : []),
    ],
  });
  const columns: ColumnsType<StatsRow> = [
    { title: t('code'), key: 'code', width: 90, fixed: 'left', render: (_, r) => printedCode(table.id, r) ?? '' },
    {
      title: t('item'),
      key: 'name',
      fixed: 'left',
      width: 260,
      render: (_, r) => (
        <Typography.Text strong={r.role === 'total'} type={r.role === 'memo' ? 'secondary' : undefined} style={{ paddingLeft: r.level * 16 }}>
          {rowLabel(r)}
        </Typography.Text>
      ),
    },
    figures('newEnterprises', formatCount),
    figures('contractedFdi', formatAmount),
    figures('actualFdi', formatAmount, true),
  ];
  return (
    <Table<StatsRow>
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      scroll={{ x: 1300, y: 560 }}
      data-testid={`stats-table-${table.id}`}
      onRow={(row) => ({ onClick: () => onOpenRow(row), style: { cursor: 'pointer', fontWeight: row.role === 'total' ? 600 : undefined } })}
    />
  );
}
