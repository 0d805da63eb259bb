import { Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useFdiImportTabs } from '../fdi-import/FdiImportTabs';

/** 外资统计: the import of returns and its history (the standard tables join them as tabs of their own). */
export default function StatsPage() {
  const ts = useT(shellMessages);
  const importTabs = useFdiImportTabs();
  return (
    <>
      <PageHeader title={ts('section.stats')} testId="page-title" />
      <Tabs defaultActiveKey="import" items={[...importTabs]} destroyOnHidden={false} />
    </>
  );
}
