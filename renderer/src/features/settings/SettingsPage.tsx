import { Card, Space } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { DatabasePanel } from './DatabasePanel';
import { DistrictsTable } from './DistrictsTable';
import { JurisdictionForm } from './JurisdictionForm';
import { settingsMessages } from './messages';
import { PlatformsTable } from './PlatformsTable';
import { PreferencesForm } from './PreferencesForm';

export default function SettingsPage() {
  const t = useT(settingsMessages);
  const ts = useT(shellMessages);
  return (
    <>
      <PageHeader title={ts('section.settings')} testId="page-title" />
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
    </>
  );
}
