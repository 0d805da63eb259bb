import { Empty, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DashboardAlert } from '../../../../shared/api/dashboard';
import { ISSUE_CATEGORIES } from '../../../../shared/domain/project';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { useAppStore } from '../../stores/app';
import { dashboardMessages } from './messages';

const KIND_COLOR = { noFollowUp: 'orange', issueOverdue: 'red', gapWithoutTarget: 'purple' } as const;

/** Each alert is a link to its project or chain. */
export function AlertsList({ alerts }: { alerts: DashboardAlert[] }) {
  const t = useT(dashboardMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const [kind, setKind] = useState<DashboardAlert['kind'] | 'all'>('all');
  if (!alerts.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noAlerts')} />;
  const detail = (a: DashboardAlert): string => {
    switch (a.kind) {
      case 'noFollowUp':
        return t(a.lastFollowUp ? 'noFollowUpDetail' : 'neverFollowedUp', { stage: a.stage ? td(`stage.${a.stage}`) : '', days: a.days ?? 0 });
      case 'issueOverdue':
        return t('issueDetail', {
          category: a.category ? ISSUE_CATEGORIES[a.category] : '',
          description: a.description ?? '',
          owner: a.owner || t('noOwner'),
          days: a.days ?? 0,
        });
      case 'gapWithoutTarget':
        return t('gapDetail', { segment: a.segment ?? '', status: a.segmentStatus === 'missing' ? t('chainMissing') : t('chainWeak') });
    }
  };
  const kinds = (Object.keys(KIND_COLOR) as Array<DashboardAlert['kind']>).filter((k) => alerts.some((a) => a.kind === k));
  const shown = kind === 'all' ? alerts : alerts.filter((a) => a.kind === kind);
  return (
    <>
      {kinds.length > 1 && (
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={[
            { value: 'all', label: t('allAlerts') },
            ...kinds.map((k) => ({ value: k, label: `${t(`alert.${k}`)} ${alerts.filter((a) => a.kind === k).length}` })),
          ]}
          data-testid="alert-kinds"
        />
      )}
      <List
        size="small"
        data-testid="alerts"
        dataSource={shown}
        style={{ maxHeight: 330, overflow: 'auto' }}
        renderItem={(a, i) => (
          <List.Item key={`${a.kind}-${a.id}-${i}`}>
            <div>
              <Tag color={KIND_COLOR[a.kind]}>{t(`alert.${a.kind}`)}</Tag>
              <Typography.Link data-testid="alert-link" onClick={() => navigate(a.section, [a.id])}>
                {a.title}
              </Typography.Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {detail(a)}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </>
  );
}
