import { Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '../../../shared/api/projects';
import { formatAmount } from '../../../shared/format';
import { useT } from '../i18n';
import { componentMessages } from './messages';

const ACTION_KEYS = {
  create: 'historyCreate',
  update: 'historyUpdate',
  delete: 'historyDelete',
  stage: 'historyStage',
  import: 'historyImport',
  resolve: 'historyResolve',
} as const;
const ENTITY_KEYS = { project: 'entityProject', project_event: 'entityEvent', project_issue: 'entityIssue' } as const;

/** Fields that hold amounts in 万美元 (totalInvestment, contractedFdi, plannedFdi…). */
const AMOUNT_FIELD = /fdi$|investment$|amount$/i;

function show(value: unknown, key: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && AMOUNT_FIELD.test(key)) return formatAmount(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Who changed what and when: each entry's changed fields as before → after. `label` names a field for people. */
export function AuditHistory({ entries, label, entityLabel }: { entries: AuditEntry[] | null; label(key: string): string; entityLabel?(entity: string): string }) {
  const t = useT(componentMessages);
  if (!entries) return null;
  if (entries.length === 0) return <Empty description={t('historyEmpty')} />;
  return (
    <List
      size="small"
      dataSource={entries}
      data-testid="audit-history"
      renderItem={(e) => {
        const before = (e.before ?? {}) as Record<string, unknown>;
        const after = (e.after ?? {}) as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => k !== 'projectId');
        const action = ACTION_KEYS[e.action as keyof typeof ACTION_KEYS];
        const entity = entityLabel?.(e.entity) ?? (ENTITY_KEYS[e.entity as keyof typeof ENTITY_KEYS] ? t(ENTITY_KEYS[e.entity as keyof typeof ENTITY_KEYS]) : e.entity);
        const created = e.action === 'create' || (e.action === 'import' && e.before === null);
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text> <Tag>{entity}</Tag>
              <Tag color="blue">{action ? t(action) : e.action}</Tag>
              {e.user && <Typography.Text>{e.user}</Typography.Text>}
              <div style={{ marginTop: 4 }}>
                {keys.slice(0, created ? 6 : 30).map((k) => (
                  <div key={k} style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">{label(k)}：</Typography.Text>
                    {created || e.action === 'delete' ? show(created ? after[k] : before[k], k) : `${show(before[k], k)} → ${show(after[k], k)}`}
                  </div>
                ))}
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
