import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title line of a section page, with its actions on the right. */
export function PageHeader({ title, extra, testId }: { title: string; extra?: ReactNode; testId?: string }) {
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid={testId}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
