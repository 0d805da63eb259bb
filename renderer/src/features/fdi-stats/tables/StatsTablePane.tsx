import { Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StatsRow, StatsTable as Table_ } from '../../../../../shared/api/stats';
import { ColumnChooser } from './ColumnChooser';
import { useColumnChoice } from './useColumnChoice';
import { StatsTable } from './StatsTable';

/** One tab of the standard tables: its caption, the column chooser beside it, what goes above the table, the table. */
export function StatsTablePane(props: { table: Table_; caption: ReactNode; above?: ReactNode; onOpenRow(row: StatsRow): void; priorIncomplete: boolean }) {
  const { table } = props;
  // xl: 1200 px of window, where every column fits beside the menu
  const wide = Grid.useBreakpoint().xl ?? true;
  const [choice, setChoice] = useColumnChoice(table.id, wide);
  return (
    <>
      <Flex gap={8} align="baseline" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid={`stats-title-${table.id}`}>
          {props.caption}
        </Typography.Text>
        <ColumnChooser choice={choice} onChange={setChoice} testId={`stats-columns-${table.id}`} />
      </Flex>
      {props.above}
      <StatsTable table={table} choice={choice} onOpenRow={props.onOpenRow} priorIncomplete={props.priorIncomplete} />
    </>
  );
}
