import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, List, Modal, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { EnterpriseDetail } from '../../../../shared/api/enterprises';
import { TIERS } from '../../../../shared/domain/chain';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useEnterpriseList, useEnterpriseStore } from '../../stores/enterprises';
import { AuditHistory } from '../../components/AuditHistory';
import { EnterpriseSelect } from '../../components/pickers';
import { formatAmount, StageTag } from '../../components/tags';
import { EnterpriseForm } from './EnterpriseForm';
import { enterpriseMessages } from './messages';
import { PolicyPanel } from '../../components/policy/PolicyPanel';
import { policyMessages } from '../../components/policy/messages';

type Record_ = EnterpriseDetail['fdiRecords'][number];

/** One enterprise: its facts, FDI records, projects and chain roles, history; edit and merge. */
export function EnterpriseDrawer() {
  const t = useT(enterpriseMessages);
  const ts = useT(shellMessages);
  const td = useT(domainMessages);
  const tp = useT(policyMessages);
  const { message } = App.useApp();
  const { detail, detailId, history } = useEnterpriseStore();
  const [tab, setTab] = useState('overview');
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState<number | null | undefined>(undefined);
  const store = useEnterpriseStore.getState();
  const e = detail?.enterprise;
  useEffect(() => {
    if (tab === 'history' && history === null && detailId !== null) void useEnterpriseStore.getState().loadHistory();
  }, [tab, history, detailId]);
  const label = (k: string) => (k in enterpriseMessages['zh-CN'] ? t(k as keyof (typeof enterpriseMessages)['zh-CN']) : k);

  return (
    <Drawer
      open={detailId !== null}
      size={760}
      onClose={() => store.close()}
      destroyOnHidden
      data-testid="enterprise-drawer"
      title={e ? `${e.name}${e.uscc ? `（${e.uscc}）` : ''}` : t('detail')}
      extra={
        e && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {ts('edit')}
            </Button>
            <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(null)}>
              {t('merge')}
            </Button>
          </Space>
        )
      }
    >
      {!detail || !e ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'overview',
              label: t('overview'),
              children: (
                <Descriptions size="small" bordered column={2}>
                  <Descriptions.Item label={t('investor')}>{e.investor}</Descriptions.Item>
                  <Descriptions.Item label={t('country')}>{e.countryName}</Descriptions.Item>
                  <Descriptions.Item label={t('industry')}>{e.industryCode && `${e.industryCode} ${e.industryName ?? ''}`}</Descriptions.Item>
                  <Descriptions.Item label={t('registeredCapital')}>{formatAmount(e.registeredCapital)}</Descriptions.Item>
                  <Descriptions.Item label={t('foreignShare')}>{e.foreignShare === null ? '—' : `${e.foreignShare}%`}</Descriptions.Item>
                  <Descriptions.Item label={t('setupDate')}>{e.setupDate}</Descriptions.Item>
                  <Descriptions.Item label={t('district')}>{e.district}</Descriptions.Item>
                  <Descriptions.Item label={t('platform')}>{e.platform}</Descriptions.Item>
                  <Descriptions.Item label={t('notes')}>{e.notes}</Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'fdi',
              label: `${t('fdiRecords')}（${detail.fdiRecords.length}）`,
              children: (
                <>
                  <Typography.Paragraph>{t('totals', { contracted: formatAmount(detail.totals.contractedFdi), actual: formatAmount(detail.totals.actualFdi) })}</Typography.Paragraph>
                  <Table<Record_>
                    size="small"
                    rowKey="id"
                    dataSource={detail.fdiRecords}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    locale={{ emptyText: t('noRecords') }}
                    data-testid="enterprise-fdi"
                    columns={[
                      { title: t('period'), dataIndex: 'period', width: 90 },
                      { title: t('mode'), dataIndex: 'mode', render: (m: Record_['mode']) => td(`mode.${m}`) },
                      { title: t('contractedFdi'), dataIndex: 'contractedFdi', align: 'right', render: formatAmount },
                      { title: t('actualFdi'), dataIndex: 'actualFdi', align: 'right', render: formatAmount },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'projects',
              label: `${t('projects')}（${detail.projects.length}）`,
              children: (
                <List
                  dataSource={detail.projects}
                  locale={{ emptyText: <Empty description={t('noProjects')} /> }}
                  renderItem={(p) => (
                    <List.Item>
                      <Space>
                        <StageTag stage={p.stage} />
                        <Tag>{p.link === 'registered' ? t('linkRegistered') : t('linkReinvestment')}</Tag>
                        <Typography.Link onClick={() => useAppStore.getState().navigate('projects', [p.id])}>{p.name}</Typography.Link>
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'chains',
              label: `${t('chainRoles')}（${detail.chainRoles.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey={(r) => `${r.segmentId}-${r.role}`}
                  dataSource={detail.chainRoles}
                  pagination={false}
                  locale={{ emptyText: t('noRoles') }}
                  columns={[
                    { title: t('chain'), dataIndex: 'chainName' },
                    { title: t('segment'), dataIndex: 'segmentName' },
                    { title: t('tier'), dataIndex: 'tier', render: (tier: string) => TIERS[tier as keyof typeof TIERS] ?? tier },
                    { title: t('role'), dataIndex: 'role', render: (r: 'leader' | 'backbone' | 'supporting') => t(`role.${r}`) },
                  ]}
                />
              ),
            },
            {
              key: 'access',
              label: tp('access'),
              children: (
                <PolicyPanel
                  key={e.industryCode ?? ''}
                  entity="enterprise"
                  id={e.id}
                  onChanged={(d) => useEnterpriseList.getState().patchRow({ ...e, policy: d.effective })}
                />
              ),
            },
            { key: 'history', label: t('history'), children: history ? <AuditHistory entries={history} label={label} entityLabel={() => t('detail')} /> : <Spin /> },
          ]}
        />
      )}
      <EnterpriseForm open={editing} detail={detail} onClose={() => setEditing(false)} />
      <Modal
        open={merging !== undefined}
        title={t('merge')}
        onCancel={() => setMerging(undefined)}
        okButtonProps={{ disabled: !merging }}
        onOk={() =>
          e &&
          merging &&
          store.merge(e.id, merging).then(
            () => {
              setMerging(undefined);
              message.success(t('merged'));
            },
            (err) => message.error(errorText(err)),
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('mergeHelp')}</Typography.Paragraph>
        <EnterpriseSelect style={{ width: '100%' }} placeholder={t('mergeWith')} value={merging ?? null} onChange={(v) => setMerging((v as number | null) ?? null)} />
      </Modal>
    </Drawer>
  );
}
