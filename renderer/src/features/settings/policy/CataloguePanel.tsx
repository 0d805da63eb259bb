import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { EncouragedCatalogue } from '../../../../../shared/api/policy';
import type { JobState } from '../../../../../shared/api/jobs';
import { api, ApiError } from '../../../api/client';
import { pickFile, saveFile } from '../../../api/platform';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { policyMessages } from '../../../components/policy/messages';

/** The imported 鼓励外商投资产业目录 versions, the template, and the import (a job; all or nothing). */
export function CataloguePanel() {
  const t = useT(policyMessages);
  const { message } = App.useApp();
  const [catalogues, setCatalogues] = useState<EncouragedCatalogue[] | null>(null);
  const [asking, setAsking] = useState(false);
  const [version, setVersion] = useState('');
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => void api.call('policy.catalogues', {}).then(setCatalogues, (e) => message.error(errorText(e))), [message]);
  useEffect(load, [load]);

  const template = async () => {
    try {
      const file = await api.call('policy.catalogueTemplate', {});
      await saveFile(file.fileId, file.name);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const importFile = async () => {
    setError(null);
    const file = await pickFile([{ name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'csv'] }], t('catalogueImport')).catch((e) => (message.error(errorText(e)), null));
    if (!file) return;
    setAsking(false);
    try {
      const done = await api.runJob('policy.importCatalogue', { fileId: file.fileId, version: version.trim() }, { onProgress: setJob });
      setJob(null);
      if (done.status !== 'done') return setError(new ApiError(done.error));
      message.success(t('catalogueImported', { items: done.result.items }));
      setVersion('');
      load();
    } catch (e) {
      setJob(null);
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('catalogueHelp')}
      </Typography.Paragraph>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="catalogue-template">
          {t('catalogueTemplate')}
        </Button>
        <Button type="primary" icon={<ImportOutlined />} onClick={() => setAsking(true)} data-testid="catalogue-import">
          {t('catalogueImport')}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      <List
        size="small"
        dataSource={catalogues ?? []}
        loading={catalogues === null}
        locale={{ emptyText: t('catalogueNone') }}
        data-testid="catalogue-list"
        renderItem={(c) => (
          <List.Item>
            <Space>
              <Tag color={c.active ? 'green' : 'default'}>{c.active ? t('catalogueActive') : t('catalogueInactive')}</Tag>
              {t('catalogueRow', { version: c.version, national: c.national, regional: c.regional, file: c.fileName, at: dayjs(c.importedAt).format('YYYY-MM-DD'), by: c.importedBy })}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={asking} title={t('catalogueImport')} onCancel={() => setAsking(false)} okText={t('catalogueFile')} okButtonProps={{ disabled: !version.trim() }} onOk={() => void importFile()} destroyOnHidden>
        <Input value={version} onChange={(e) => setVersion(e.target.value)} placeholder={t('catalogueVersion')} maxLength={40} autoFocus data-testid="catalogue-version" />
      </Modal>
      <Modal open={job !== null} title={t('importing')} footer={null} closable={false} maskClosable={false}>
        {job && <JobProgress job={job} />}
      </Modal>
    </Space>
  );
}
