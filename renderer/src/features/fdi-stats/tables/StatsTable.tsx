import { WarningOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { printedCode, rowLabel, type StatsRow, type StatsTable as Table_ } from '../../../../../shared/api/stats';
import { useT } from '../../../i18n';
import type { ColumnChoice, Measure, Part } from './columnChoice';
import { formatAmount, formatCount, formatPercent } from './format';
import { statsTablesMessages } from './messages';

/** Narrow enough that the key figure, 实际使用外资, is in view at 1366 px beside the frozen labels; headers may wrap. */
const WIDTH: Record<Measure, Record<Part, number>> = {
  newEnterprises: { current: 72, prior: 76, yoy: 68, share: 68 },
  contractedFdi: { current: 104, prior: 104, yoy: 68, share: 68 },
  actualFdi: { current: 104, prior: 104, yoy: 68, share: 68 },
};
const LEVEL_INDENT = 16;

/** A figure cell, findable in tests by row key and field (`cell-total-actualFdi-current`). */
function Figure({ row, field, text }: { row: StatsRow; field: string; text: string }) {
  return <span data-testid={`cell-${row.key}-${field}`}>{text}</span>;
}

/** The label column's width: its longest label on one line, up to a limit (less beside a code) past which labels wrap. */
function labelWidth(rows: StatsRow[], limit: number): number {
  const longest = Math.max(0, ...rows.map((r) => rowLabel(r).length * 14 + r.level * LEVEL_INDENT));
  return Math.min(limit, Math.max(120, longest + 20));
}

/**
 * One standard table: 本期, 上年同期 and 同比 for each measure, the share of actual FDI; 合计 in bold; rows indented.
 * The code and label columns stay put while the figures scroll; which figures show is the column chooser's.
 */
export function StatsTable({ table, choice, onOpenRow, priorIncomplete = false }: { table: Table_; choice: ColumnChoice; onOpenRow(row: StatsRow): void; priorIncomplete?: boolean }) {
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
  const value = (measure: Measure, part: Part, r: StatsRow, format: (n: number) => string) =>
    part === 'current' ? format(r.current[measure]) : part === 'prior' ? format(r.prior[measure]) : part === 'yoy' ? formatPercent(r.yoy[measure]) : formatPercent(r.share[measure]);
  const figures = (measure: Measure, format: (n: number) => string): ColumnsType<StatsRow>[number] => ({
    title: <span data-testid={`header-${measure}`}>{t(measure)}</span>,
    key: measure,
    children: choice.parts
      .filter((part) => part !== 'share' || measure === 'actualFdi')
      .map((part) => ({
        title: part === 'yoy' ? yoyTitle : t(part),
        key: `${measure}-${part}`,
        align: 'right' as const,
        width: WIDTH[measure][part],
        render: (_: unknown, r: StatsRow) => <Figure row={r} field={`${measure}-${part}`} text={value(measure, part, r, format)} />,
      })),
  });
  const codes = table.rows.map((r) => printedCode(table.id, r) ?? '');
  const codeWidth = Math.max(0, ...codes.map((c) => c.length)) * 9 + 20;
  const hasCodes = codes.some(Boolean);
  const columns: ColumnsType<StatsRow> = [
    // a table without codes (总表, 分投资方式) gives their column no room
    ...(hasCodes ? [{ title: t('code'), key: 'code', width: Math.max(56, codeWidth), fixed: 'left' as const, render: (_: unknown, r: StatsRow) => printedCode(table.id, r) ?? '' }] : []),
    {
      title: t('item'),
      key: 'name',
      fixed: 'left',
      width: labelWidth(table.rows, hasCodes ? 180 : 220),
      render: (_, r) => (
        <Typography.Text strong={r.role === 'total'} type={r.role === 'memo' ? 'secondary' : undefined} style={{ display: 'block', paddingLeft: r.level * LEVEL_INDENT }}>
          {rowLabel(r)}
        </Typography.Text>
      ),
    },
    ...choice.measures.filter((m) => choice.parts.some((p) => p !== 'share' || m === 'actualFdi')).map((m) => figures(m, m === 'newEnterprises' ? formatCount : formatAmount)),
  ];
  const width = columns.reduce((sum, c) => sum + ('children' in c ? c.children.reduce((s, k) => s + Number(k.width), 0) : Number(c.width)), 0);
  return (
    <Table<StatsRow>
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      // the page scrolls, the header stays on top; sideways only when the window is narrower than the chosen columns
      sticky
      scroll={{ x: width }}
      data-testid={`stats-table-${table.id}`}
      onRow={(row) => ({ onClick: () => onOpenRow(row), style: { cursor: 'pointer', fontWeight: row.role === 'total' ? 600 : undefined } })}
    />
  );
}
