import { Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { statsTablesMessages } from './tables/messages';
import { StatsTablesView } from './tables/StatsTablesView';

/** 外资统计: the standard tables (and, beside them, the import views of the import area). */
export default function StatsPage() {
  const ts = useT(shellMessages);
  const t = useT(statsTablesMessages);
  return (
    <>
      <PageHeader title={ts('section.stats')} testId="page-title" />
      <Tabs defaultActiveKey="tables" items={[{ key: 'tables', label: t('tab'), children: <StatsTablesView /> }]} />
    </>
  );
}
