import { App, Button, Empty, Popconfirm, Progress, Space, Table, Tag } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { ChainSummary } from '../../../../shared/api/chains';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { routeHash, useAppStore } from '../../stores/app';
import { useChainsStore } from '../../stores/chains';
import { CreateChainModal } from './CreateChainModal';
import { ImportChainModal } from './ImportChainModal';
import { chainsMessages } from './messages';

/** The chains of the area with their completeness and gaps; new from a template, import, open, delete. */
export function ChainList() {
  const t = useT(chainsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const list = useChainsStore((s) => s.list);
  const navigate = useAppStore((s) => s.navigate);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const load = () => {
    setError(null);
    useChainsStore.getState().loadList().catch(setError);
  };
  useEffect(load, []);
  return (
    <>
      <PageHeader
        title={ts('section.chains')}
        testId="page-title"
        extra={
          <Space>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-chain">
              {t('importChain')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-chain">
              {t('newChain')}
            </Button>
          </Space>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={load} retryLabel={ts('retry')} /> : null}
      <Table<ChainSummary>
        rowKey="id"
        loading={list === null && !error}
        dataSource={list ?? []}
        pagination={false}
        data-testid="chain-list"
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        onRow={(c) => ({ onDoubleClick: () => navigate('chains', [c.id]) })}
        columns={[
          {
            title: t('name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Space>
                <a href={routeHash('chains', [c.id])}>{name}</a>
                {c.isDemo && <Tag>{t('demo')}</Tag>}
              </Space>
            ),
          },
          { title: t('owner'), dataIndex: 'owner' },
          { title: t('segments'), dataIndex: 'segments', width: 80, align: 'right' },
          { title: t('firms'), dataIndex: 'firms', width: 90, align: 'right' },
          { title: t('targets'), dataIndex: 'targets', width: 90, align: 'right' },
          {
            title: t('completeness'),
            dataIndex: 'completeness',
            width: 180,
            render: (v: number | null) => (v === null ? '—' : <Progress percent={v} size="small" format={(p) => `${p}%`} />),
          },
          { title: t('gaps'), dataIndex: 'gaps', width: 90, align: 'right' },
          {
            title: '',
            width: 150,
            render: (_, c) => (
              <Space>
                <Button size="small" type="link" onClick={() => navigate('chains', [c.id])}>
                  {t('open')}
                </Button>
                <Popconfirm
                  title={ts('confirmDelete', { name: c.name })}
                  onConfirm={() => useChainsStore.getState().remove(c.id).then(() => message.success(ts('deleted')), (e) => message.error(errorText(e)))}
                >
                  <Button size="small" type="link" danger>
                    {ts('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CreateChainModal open={creating} onClose={() => setCreating(false)} />
      <ImportChainModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
