import { Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useFdiImportTabs } from './import/FdiImportTabs';
import { statsTablesMessages } from './tables/messages';
import { StatsTablesView } from './tables/StatsTablesView';
import { StatsSettingsView } from './settings/StatsSettingsView';

/** 外资统计: the standard tables, the import of returns and its history; the tab is in the address (`?tab=import`). */
export default function StatsPage() {
  const ts = useT(shellMessages);
  const t = useT(statsTablesMessages);
  const importTabs = useFdiImportTabs();
  const query = useAppStore((s) => s.route.query);
  const navigate = useAppStore((s) => s.navigate);
  const items = [
    { key: 'tables', label: t('tab'), children: <StatsTablesView /> },
    ...importTabs,
    { key: 'settings', label: t('settingsTab'), children: <StatsSettingsView /> },
  ];
  const active = items.some((i) => i.key === query.tab) ? query.tab! : 'tables';
  return (
    <>
      <PageHeader title={ts('section.stats')} testId="page-title" />
      <Tabs activeKey={active} onChange={(tab) => navigate('stats', [], { ...query, tab })} items={items} destroyOnHidden={false} />
    </>
  );
}
