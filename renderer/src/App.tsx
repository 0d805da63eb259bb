import { Alert, App as AntApp, ConfigProvider, Layout, Menu, Result, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect, useState } from 'react';
import { BackendStatusBanner } from './components/BackendStatusBanner';
import { ErrorAlert } from './components/ErrorAlert';
import { SECTION_PAGES } from './features/sections';
import { useT } from './i18n';
import { shellMessages } from './i18n/shell';
import { SECTIONS, useAppStore } from './stores/app';
import { useSettingsStore } from './stores/settings';

function Shell() {
  const t = useT(shellMessages);
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const settings = useSettingsStore((s) => s.data);
  const info = useSettingsStore((s) => s.info);
  const [error, setError] = useState<unknown>(null);
  const [folded, setFolded] = useState(false);
  const load = () => {
    setError(null);
    useSettingsStore.getState().load().catch(setError);
  };
  useEffect(load, []);

  if (error) return <Result status="error" title={t('loadFailed', { message: '' })} extra={<ErrorAlert error={error} onRetry={load} retryLabel={t('retry')} />} />;
  if (!settings) return <Spin size="large" fullscreen tip={t('loading')} />;
  const Page = SECTION_PAGES[route.section].page;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* below 1200 px (a 1366 laptop at 125 %) the menu folds to its icons: the tables need the width */}
      <Layout.Sider width={200} theme="light" breakpoint="xl" collapsible collapsed={folded} onCollapse={setFolded}>
        <Typography.Title level={4} style={{ padding: folded ? '16px 0' : '16px 20px', margin: 0, textAlign: folded ? 'center' : undefined }}>
          {folded ? t('appShort') : t('appName')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[route.section]}
          data-testid="main-menu"
          items={SECTIONS.map((s) => ({ key: s, icon: SECTION_PAGES[s].icon, label: t(`section.${s}`) }))}
          onClick={({ key }) => navigate(key as (typeof SECTIONS)[number])}
        />
      </Layout.Sider>
      <Layout>
        <BackendStatusBanner />
        {info?.isDemo && <Alert type="warning" banner title={t('demoBanner')} data-testid="demo-banner" />}
        <Layout.Content style={{ padding: 24 }}>
          {!settings.jurisdiction.code && route.section !== 'settings' && (
            <Alert type="info" showIcon title={t('jurisdictionMissing')} style={{ marginBottom: 16 }} />
          )}
          <Suspense fallback={<Spin />}>
            <Page />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const locale = useAppStore((s) => s.locale);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
