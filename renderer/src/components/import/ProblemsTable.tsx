import { Table, Typography } from 'antd';
import type { Problem } from '../../../../shared/result';
import { useT } from '../../i18n';
import { importMessages } from './messages';

/** Every problem with where it is (sheet, Excel row, column), the value found, and the Chinese message with its code. */
export function ProblemsTable({ problems, testId }: { problems: Problem[]; testId: string }) {
  const t = useT(importMessages);
  return (
    <Table<Problem>
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={problems}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid={testId}
      columns={[
        { title: t('problemRow'), dataIndex: 'row', width: 64 },
        { title: t('problemColumn'), dataIndex: 'column', width: 180 },
        { title: t('problemValue'), dataIndex: 'value', width: 180, ellipsis: true },
        {
          title: t('problemMessage'),
          render: (_, p) => <Typography.Text type={p.severity === 'warning' ? 'warning' : 'danger'}>{`${p.message}（${p.code}）`}</Typography.Text>,
        },
      ]}
    />
  );
}
