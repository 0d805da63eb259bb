import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Flex, List, Popconfirm, Space, Spin, Statistic, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { ProjectDetail } from '../../../../shared/api/projects';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { shellMessages } from '../../i18n/shell';
import { useProjectStore } from '../../stores/projects';
import { AuditHistory } from '../../components/AuditHistory';
import { projectMessages } from './messages';
import { ProjectActionModal, type ProjectAction } from './ProjectActions';
import { ProjectForm } from './ProjectForm';
import { AlertTags, formatAmount, StageTag } from '../../components/tags';
import { PolicyPanel } from '../../components/policy/PolicyPanel';
import { PolicyTag } from '../../components/policy/PolicyTag';
import { policyMessages } from '../../components/policy/messages';

type T = ReturnType<typeof useT<typeof projectMessages['zh-CN']>>;

function timelineItems(d: ProjectDetail, t: T, td: (k: `stage.${string}`) => string, onDeleteEvent: (id: number) => void) {
  const items: { date: string; order: number; color: string; children: ReactNode }[] = [];
  for (const s of d.stageLog) {
    items.push({
      date: s.date,
      order: 3,
      color: 'blue',
      children: (
        <>
          <Typography.Text strong>{s.fromStage ? t('tlStage', { from: td(`stage.${s.fromStage}`), to: td(`stage.${s.toStage}`) }) : t('tlStageFirst', { to: td(`stage.${s.toStage}`) })}</Typography.Text>
          {s.note && <div>{s.note}</div>}
          {s.by && (
            <div>
              <Typography.Text type="secondary">{t('by', { by: s.by })}</Typography.Text>
            </div>
          )}
        </>
      ),
    });
  }
  for (const e of d.events) {
    items.push({
      date: e.date,
      order: 2,
      color: 'green',
      children: (
        <div data-testid="timeline-event">
          <Tag color="green">{t(`kind.${e.kind}`)}</Tag>
          {e.notes}
          <div>
            {e.by && <Typography.Text type="secondary">{t('by', { by: e.by })}</Typography.Text>}
            <Popconfirm title={t('deleteEvent')} onConfirm={() => onDeleteEvent(e.id)}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} />
            </Popconfirm>
          </div>
        </div>
      ),
    });
  }
  for (const i of d.issues) {
    items.push({ date: i.createdAt.slice(0, 10), order: 1, color: 'red', children: <><Typography.Text strong>{t('tlIssue', { category: t(`category.${i.category}`) })}</Typography.Text> {i.description}</> });
    if (i.resolvedAt) items.push({ date: i.resolvedAt, order: 0, color: 'gray', children: <><Typography.Text strong>{t('tlResolved', { category: t(`category.${i.category}`) })}</Typography.Text> {i.resolution}</> });
  }
  items.sort((a, b) => b.date.localeCompare(a.date) || a.order - b.order);
  return items.map((it, k) => ({ key: k, color: it.color, children: <><Typography.Text type="secondary">{it.date}</Typography.Text><div>{it.children}</div></> }));
}

/** The open project: its progress timeline (stages, follow-ups, problems), problems, facts and history. */
export function ProjectDrawer() {
  const t = useT(projectMessages);
  const ts = useT(shellMessages);
  const td = useT(domainMessages);
  const tp = useT(policyMessages);
  const { message } = App.useApp();
  const { detail, detailId, history } = useProjectStore();
  const [action, setAction] = useState<ProjectAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('timeline');
  const store = useProjectStore.getState();
  const p = detail?.project;
  const fail = (e: unknown) => message.error(errorText(e));
  // an edit clears the history; while its tab is open, fetch it again
  useEffect(() => {
    if (tab === 'history' && history === null && detailId !== null) void useProjectStore.getState().loadHistory();
  }, [tab, history, detailId]);

  const overview = p && detail && (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('investor')}>{p.investor}</Descriptions.Item>
        <Descriptions.Item label={t('country')}>{p.countryName}</Descriptions.Item>
        <Descriptions.Item label={t('industry')}>{p.industryCode && `${p.industryCode} ${p.industryName ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('priority')}>{t(`priority.${p.priority}`)}</Descriptions.Item>
        <Descriptions.Item label={t('district')}>{p.district}</Descriptions.Item>
        <Descriptions.Item label={t('platform')}>{p.platform}</Descriptions.Item>
        <Descriptions.Item label={t('totalInvestment')}>{formatAmount(p.totalInvestment)}</Descriptions.Item>
        <Descriptions.Item label={t('contractedFdi')}>{formatAmount(p.contractedFdi)}</Descriptions.Item>
        <Descriptions.Item label={t('reinvestment')}>{p.reinvestment ? `${t('yes')}${p.reinvestEnterpriseName ? `（${p.reinvestEnterpriseName}）` : ''}` : t('no')}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise')}>{p.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('ownerUnit')}>{p.ownerUnit}</Descriptions.Item>
        <Descriptions.Item label={t('ownerPerson')}>{p.ownerPerson}</Descriptions.Item>
        <Descriptions.Item label={t('leader')}>{p.leader}</Descriptions.Item>
        <Descriptions.Item label={t('lastFollowUpDate')}>{p.lastFollowUpDate}</Descriptions.Item>
        <Descriptions.Item label={t('firstContactDate')}>{p.firstContactDate}</Descriptions.Item>
        <Descriptions.Item label={t('signedDate')}>{p.signedDate}</Descriptions.Item>
        <Descriptions.Item label={t('registeredDate')}>{p.registeredDate}</Descriptions.Item>
        <Descriptions.Item label={t('constructionDate')}>{p.constructionDate}</Descriptions.Item>
        <Descriptions.Item label={t('operationDate')}>{p.operationDate}</Descriptions.Item>
        <Descriptions.Item label={t('segments')}>{detail.segments.map((s) => `${s.chainName}/${s.name}`).join('；')}</Descriptions.Item>
        <Descriptions.Item label={t('notes')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.notes}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('arrival')}
      </Typography.Title>
      <Flex gap={32} data-testid="arrival">
        <Statistic title={t('arrivalPlanTotal')} value={formatAmount(detail.arrival.planTotal)} />
        <Statistic title={t('arrivalPlanned', { month: detail.arrival.asOf })} value={formatAmount(detail.arrival.plannedToDate)} />
        {detail.arrival.actualToDate === null ? (
          <Typography.Text type="secondary">{t('arrivalNoEnterprise')}</Typography.Text>
        ) : (
          <Statistic title={t('arrivalActual', { month: detail.arrival.asOf })} value={formatAmount(detail.arrival.actualToDate)} />
        )}
      </Flex>
      {detail.plan.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {detail.plan.map((e) => `${e.period}：${formatAmount(e.amount)}`).join('；')}
        </Typography.Paragraph>
      )}
      {detail.targets.length > 0 && (
        <>
          <Typography.Title level={5}>{t('targets')}</Typography.Title>
          {detail.targets.map((x) => (
            <Tag key={x.id}>{`${x.chainName}/${x.segmentName}：${x.company}`}</Tag>
          ))}
        </>
      )}
    </>
  );

  const issues = detail && (
    <List
      dataSource={detail.issues}
      locale={{ emptyText: <Empty description={t('noIssues')} /> }}
      data-testid="issue-list"
      renderItem={(i) => (
        <List.Item
          data-testid="issue-item"
          data-status={i.status}
          actions={
            i.status === 'open'
              ? [
                  <Button key="r" size="small" type="primary" onClick={() => setAction({ kind: 'resolve', issue: i })} data-testid="resolve-issue">
                    {t('resolveIssue')}
                  </Button>,
                  <Button key="e" size="small" onClick={() => setAction({ kind: 'editIssue', issue: i })}>
                    {ts('edit')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag>{t(`category.${i.category}`)}</Tag>
                {i.status === 'resolved' ? <Tag color="success">{t('issueResolvedTag')}</Tag> : i.overdue ? <Tag color="error">{t('issueOverdue')}</Tag> : <Tag color="warning">{t('issueOpen')}</Tag>}
                <span>{i.description}</span>
              </Space>
            }
            description={[i.owner && `${t('issueOwner')}：${i.owner}`, i.dueDate && `${t('issueDue')}：${i.dueDate}`, i.resolvedAt && `${t('resolvedDate')}：${i.resolvedAt}，${i.resolution}`]
              .filter(Boolean)
              .join('　')}
          />
        </List.Item>
      )}
    />
  );

  const fieldLabel = (k: string) => (k in projectMessages['zh-CN'] ? t(k as keyof typeof projectMessages['zh-CN']) : k === 'stage' ? t('stage') : k);

  return (
    <Drawer
      open={detailId !== null}
      size={760}
      onClose={() => store.close()}
      destroyOnHidden
      title={
        p ? (
          <Space wrap data-testid="drawer-title">
            <span>{p.name}</span>
            <StageTag stage={p.stage} />
            <AlertTags alerts={p.alerts} />
            <PolicyTag policy={p.policy} />
          </Space>
        ) : (
          t('detail')
        )
      }
      extra={
        p && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-project">
              {ts('edit')}
            </Button>
            <Popconfirm title={t('deleteProjectConfirm', { name: p.name })} onConfirm={() => store.remove(p.id).catch(fail)}>
              <Button danger icon={<DeleteOutlined />}>
                {ts('delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
      data-testid="project-drawer"
    >
      {!detail || !p ? (
        <Spin />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Button type="primary" onClick={() => setAction({ kind: 'event' })} data-testid="log-event">
              {t('logEvent')}
            </Button>
            <Button onClick={() => setAction({ kind: 'stage' })} data-testid="change-stage">
              {t('changeStage')}
            </Button>
            <Button onClick={() => setAction({ kind: 'issue' })} data-testid="raise-issue">
              {t('raiseIssue')}
            </Button>
          </Space>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'timeline',
                label: t('timeline'),
                children: detail.events.length || detail.stageLog.length ? <Timeline items={timelineItems(detail, t, td as never, (id) => void store.deleteEvent(id).catch(fail))} data-testid="timeline" /> : <Empty description={t('noEvents')} />,
              },
              { key: 'issues', label: `${t('issues')}（${detail.issues.filter((i) => i.status === 'open').length}）`, children: issues },
              { key: 'overview', label: t('overview'), children: overview },
              { key: 'access', label: tp('access'), children: <PolicyPanel key={p.industryCode ?? ''} entity="project" id={p.id} onChanged={() => void store.refresh(p.id).catch(fail)} /> },
              { key: 'history', label: t('history'), children: history ? <AuditHistory entries={history} label={fieldLabel} /> : <Spin /> },
            ]}
          />
          <ProjectActionModal projectId={p.id} stage={p.stage} action={action} onClose={() => setAction(null)} />
          <ProjectForm open={editing} detail={detail} onClose={() => setEditing(false)} />
        </>
      )}
    </Drawer>
  );
}
