import { App, Button, Descriptions, Popconfirm, Table } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { settingsMessages } from './messages';

type Key = keyof (typeof settingsMessages)['zh-CN'];
const REASONS: Record<string, Key> = { manual: 'reasonManual', 'before-import': 'reasonBeforeImport', 'before-restore': 'reasonBeforeRestore', damaged: 'reasonDamaged' };

/** A backup's reason as people say it; one this version does not know is shown as written. */
function reasonText(reason: string, t: (key: Key, params?: Record<string, string | number>) => string): string {
  const migrate = reason.match(/^before-migrate-v(\d+)$/);
  if (migrate) return t('reasonBeforeMigrate', { version: migrate[1]! });
  return REASONS[reason] ? t(REASONS[reason]!) : reason;
}

const size = (bytes: number) => (bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Where the database and its backups live, a backup button, and restore (the current file saved aside first). */
export function DatabasePanel() {
  const t = useT(settingsMessages);
  const { message } = App.useApp();
  const info = useSettingsStore((s) => s.info);
  const backups = useSettingsStore((s) => s.backups);
  const { loadBackups, backupNow, restore } = useSettingsStore.getState();
  useEffect(() => void loadBackups().catch(() => undefined), [loadBackups]);
  if (!info) return null;
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('dbPath')}>
          <code data-testid="db-path">{info.path}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('backupDir')}>
          <code>{info.backupDir}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('appVersion')}>{info.appVersion}</Descriptions.Item>
      </Descriptions>
      <Button
        style={{ margin: '12px 0' }}
        data-testid="backup-now"
        onClick={() => backupNow().then(() => message.success(t('backedUp')), (e) => message.error(errorText(e)))}
      >
        {t('backupNow')}
      </Button>
      <Table
        size="small"
        rowKey="name"
        dataSource={backups}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        data-testid="backups-table"
        columns={[
          { title: t('backupTime'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: t('backupReason'), dataIndex: 'reason', render: (reason: string) => reasonText(reason, t) },
          { title: t('backupSize'), dataIndex: 'size', render: size, width: 100 },
          {
            title: '',
            width: 160,
            render: (_, b) => (
              <Popconfirm
                title={t('restoreConfirm', { name: b.name })}
                onConfirm={() =>
                  restore(b.name).then((r) => message.success(t('restored', { saved: r.savedCurrentAs })), (e) => message.error(errorText(e)))
                }
              >
                <Button size="small" type="link">
                  {t('restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
