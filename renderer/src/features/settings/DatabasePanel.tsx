import { App, Button, Descriptions, Popconfirm, Table } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { settingsMessages } from './messages';

const size = (bytes: number) => (bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Why a backup was made, for people: the backend names them in English codes (manual, before-import…). */
function useBackupReason(): (reason: string) => string {
  const t = useT(settingsMessages);
  return (reason) => {
    const migrate = /^before-migrate-v(\d+)$/.exec(reason);
    if (migrate) return t('reasonBeforeMigrate', { version: migrate[1]! });
    const known = { manual: 'reasonManual', 'before-import': 'reasonBeforeImport', 'before-restore': 'reasonBeforeRestore' } as const;
    return reason in known ? t(known[reason as keyof typeof known]) : reason;
  };
}

/** Where the database and its backups live, a backup button, and restore (the current file saved aside first). */
export function DatabasePanel() {
  const t = useT(settingsMessages);
  const { message } = App.useApp();
  const backupReason = useBackupReason();
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
          { title: t('backupReason'), dataIndex: 'reason', render: backupReason },
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
