import { Empty } from 'antd';
import { PageHeader } from './PageHeader';

/** A section whose views are not built yet says so plainly, rather than showing an empty screen. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} testId="page-title" />
      <Empty description="本模块正在建设中" />
    </>
  );
}
