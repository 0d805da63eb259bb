import { TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useT } from '../../../i18n';
import { MEASURES, PARTS, type ColumnChoice, type Measure, type Part } from './columnChoice';
import { statsTablesMessages } from './messages';

/** 显示列: which measures and which of their parts a table shows; the last one left cannot be unticked. */
export function ColumnChooser({ choice, onChange, testId }: { choice: ColumnChoice; onChange(choice: ColumnChoice): void; testId: string }) {
  const t = useT(statsTablesMessages);
  const group = <V extends Measure | Part>(all: readonly V[], value: V[], set: (v: V[]) => void) => (
    <Checkbox.Group
      value={value}
      onChange={(v) => v.length > 0 && set(all.filter((x) => v.includes(x)))}
      options={all.map((x) => ({ value: x, label: t(x), disabled: value.length === 1 && value[0] === x }))}
    />
  );
  const content = (
    <Flex vertical gap={8} data-testid={`${testId}-panel`}>
      <Typography.Text type="secondary">{t('columnsMeasures')}</Typography.Text>
      {group<Measure>(MEASURES, choice.measures, (measures) => onChange({ ...choice, measures }))}
      <Typography.Text type="secondary">{t('columnsParts')}</Typography.Text>
      {group<Part>(PARTS, choice.parts, (parts) => onChange({ ...choice, parts }))}
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('columns')} content={content}>
      <Button size="small" icon={<TableOutlined />} data-testid={testId}>
        {t('columns')}
      </Button>
    </Popover>
  );
}
