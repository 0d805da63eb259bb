import { Card, Space, Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { AuditTrail } from './audit/AuditTrail';
import { CataloguePanel } from './policy/CataloguePanel';
import { MeasuresTable } from './policy/MeasuresTable';
import { policyMessages } from '../../components/policy/messages';
import { DatabasePanel } from './DatabasePanel';
import { DistrictsTable } from './DistrictsTable';
import { JurisdictionForm } from './JurisdictionForm';
import { settingsMessages } from './messages';
import { PlatformsTable } from './PlatformsTable';
import { PreferencesForm } from './PreferencesForm';

const TABS = ['general', 'policy', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** 设置: the bureau's own data (基本设置), market-access reference data (外资准入) and the audit trail (操作记录): #/settings/audit. */
export default function SettingsPage() {
  const t = useT(settingsMessages);
  const tp = useT(policyMessages);
  const ts = useT(shellMessages);
  const route = useAppStore((s) => s.route);
  const tab: Tab = (TABS as readonly string[]).includes(route.path[0] ?? '') ? (route.path[0] as Tab) : 'general';
  const general = (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('jurisdiction')}>
        <JurisdictionForm />
      </Card>
      <Card title={t('districts')}>
        <DistrictsTable />
      </Card>
      <Card title={t('platforms')}>
        <PlatformsTable />
      </Card>
      <Card title={t('preferences')}>
        <PreferencesForm />
      </Card>
      <Card title={t('database')}>
        <DatabasePanel />
      </Card>
    </Space>
  );
  const policy = (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={tp('catalogue')} size="small">
        <CataloguePanel />
      </Card>
      <Card title={tp('negativeList')} size="small">
        <MeasuresTable />
      </Card>
    </Space>
  );
  return (
    <>
      <PageHeader title={ts('section.settings')} testId="page-title" />
      <Tabs
        activeKey={tab}
        onChange={(key) => useAppStore.getState().navigate('settings', key === 'general' ? [] : [key])}
        destroyOnHidden
        items={[
          { key: 'general', label: t('tabGeneral'), children: general },
          { key: 'policy', label: tp('access'), children: policy },
          { key: 'audit', label: t('tabAudit'), children: <AuditTrail /> },
        ]}
      />
    </>
  );
}
