import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Drawer, Flex, Input, Select, Table, Tag, theme, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditFilter, AuditRow } from '../../../../../shared/api/audit';
import { AUDIT_AREA_CODES, auditChanges, auditEntityName, type AuditArea } from '../../../../../shared/domain/audit';
import { api } from '../../../api/client';
import { useChanged } from '../../../api/useChanged';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useExport } from '../../../components/useExport';
import { PagedVirtualTable, type VirtualColumn } from '../../../components/PagedVirtualTable';
import { useDebouncedCommit } from '../../../components/useDebouncedCommit';
import { useT } from '../../../i18n';
import { useAuditList } from '../../../stores/audit';
import { auditMessages } from './messages';

const AREA_COLORS: Record<AuditArea, string> = {
  projects: 'blue',
  enterprises: 'cyan',
  fdi: 'geekblue',
  chains: 'purple',
  home: 'magenta',
  policy: 'volcano',
  settings: 'default',
  database: 'red',
  other: 'default',
};

/** A long value (a layout, a deleted chain's snapshot) is cut in the table; the raw entry below has all of it. */
const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

/** One line for the list: `字段：前 → 后；…`. */
function summary(row: AuditRow, removed: string): string {
  return auditChanges(row.before, row.after)
    .map((c) => `${c.label ? `${c.label}：` : ''}${c.before && c.after ? `${c.before} → ${c.after}` : c.after || `${removed}${c.before}`}`)
    .join('；');
}

/**
 * 设置 → 操作记录: every logged change in the database — who, when, what, before → after — filtered by area, user,
 * day and kind on the server, read a page at a time as the list scrolls, and exported to Excel as a job.
 */
export function AuditTrail() {
  const t = useT(auditMessages);
  const filter = useAuditList((s) => s.query);
  const total = useAuditList((s) => s.total);
  useAuditList((s) => s.pages);
  const stale = useAuditList((s) => s.shownQuery !== s.query);
  const failed = useAuditList((s) => s.error);
  const [facets, setFacets] = useState<{ users: string[]; entities: string[] }>({ users: [], entities: [] });
  const [entityId, setEntityId] = useState(filter.entityId ?? '');
  const [open, setOpen] = useState<AuditRow | null>(null);
  const exporter = useExport((rows) => t('exported', { rows }));
  const setFilter = (patch: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof AuditFilter)[]) {
      const v = next[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    if (!next.entity) delete next.entityId;
    useAuditList.getState().setQuery(next);
  };

  useEffect(() => {
    const list = useAuditList.getState();
    // the log grows with every change anywhere: always read it afresh when the view opens
    list.setQuery(list.query);
    void api.call('audit.facets', {}).then(setFacets, () => undefined);
  }, []);
  useChanged('audit', () => void useAuditList.getState().reload());
  useDebouncedCommit(entityId, filter.entityId ?? '', (typed) => setFilter({ entityId: typed.trim() || undefined }));

  const onRange = useCallback((from: number, to: number) => useAuditList.getState().ensure(from, to), []);
  const columns = useMemo<VirtualColumn<AuditRow>[]>(
    () => [
      { key: 'at', title: t('colAt'), width: 150, render: (r) => dayjs(r.at).format('YYYY-MM-DD HH:mm:ss') },
      { key: 'user', title: t('colUser'), width: 90, render: (r) => r.user || <Typography.Text type="secondary">{t('noUser')}</Typography.Text> },
      { key: 'area', title: t('colArea'), width: 100, render: (r) => <Tag color={AREA_COLORS[r.area]}>{t(`area.${r.area}`)}</Tag> },
      { key: 'action', title: t('colAction'), width: 110, render: (r) => <span data-testid="audit-action">{r.actionName}</span> },
      { key: 'entity', title: t('colEntity'), width: 110, render: (r) => `${r.entityName}${r.entityId && r.entityId.length < 8 && r.entityId !== r.subject && !/^[a-z]/.test(r.entityId) ? ` ${r.entityId}` : ''}` },
      { key: 'subject', title: t('colSubject'), width: 220, render: (r) => <span title={r.subject}>{r.subject}</span> },
      { key: 'changes', title: t('colChanges'), width: 280, grow: true, render: (r) => <span title={summary(r, t('removed'))}>{summary(r, t('removed'))}</span> },
    ],
    [t],
  );

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterArea')}
          style={{ minWidth: 160 }}
          value={filter.areas ?? []}
          onChange={(areas) => setFilter({ areas })}
          options={AUDIT_AREA_CODES.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          data-testid="audit-filter-area"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterUser')}
          style={{ minWidth: 130 }}
          value={filter.users ?? []}
          onChange={(users) => setFilter({ users })}
          options={facets.users.map((u) => ({ value: u, label: u || t('noUser') }))}
          data-testid="audit-filter-user"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('filterFrom'), t('filterTo')]}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(v) => setFilter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: 250 }}
          data-testid="audit-filter-dates"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('filterEntity')}
          style={{ minWidth: 140 }}
          value={filter.entity}
          onChange={(entity) => setFilter({ entity })}
          options={facets.entities.map((e) => ({ value: e, label: auditEntityName(e) }))}
          data-testid="audit-filter-entity"
        />
        {filter.entity && <Input allowClear placeholder={t('filterEntityId')} value={entityId} onChange={(e) => setEntityId(e.target.value)} style={{ width: 100 }} />}
        {Object.keys(filter).length > 0 && <Button onClick={() => (setEntityId(''), useAuditList.getState().setQuery({}))}>{t('clearFilters')}</Button>}
        <Typography.Text type="secondary" data-testid="audit-total">
          {total === null ? t('loading') : t('total', { total })}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void exporter.run('audit.export', { filter })} style={{ marginLeft: 'auto' }} data-testid="audit-export">
          {t('export')}
        </Button>
      </Flex>
      {failed ? <ErrorAlert error={failed} onRetry={() => void useAuditList.getState().reload()} /> : null}
      <PagedVirtualTable<AuditRow>
        columns={columns}
        total={total ?? 0}
        rowAt={(i) => useAuditList.getState().rowAt(i)}
        onRange={onRange}
        onRowClick={setOpen}
        selectedId={open?.id ?? null}
        stale={stale}
        height="calc(100vh - 260px)"
        testId="audit-table"
        rowTestId="audit-row"
        emptyText={t('empty')}
      />
      <AuditEntryDrawer
        row={open}
        onClose={() => setOpen(null)}
        onOpenItem={(r) => {
          setOpen(null);
          setEntityId(r.entityId ?? '');
          setFilter({ entity: r.entity, entityId: r.entityId ?? undefined });
        }}
      />
      {exporter.progress}
    </Flex>
  );
}

function AuditEntryDrawer({ row, onClose, onOpenItem }: { row: AuditRow | null; onClose(): void; onOpenItem(row: AuditRow): void }) {
  const t = useT(auditMessages);
  const { token } = theme.useToken();
  const changes = row ? auditChanges(row.before, row.after) : [];
  return (
    <Drawer open={row !== null} onClose={onClose} size={620} title={t('detail')} data-testid="audit-drawer">
      {row && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('colAt')}>{dayjs(row.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label={t('colUser')}>{row.user || t('noUser')}</Descriptions.Item>
            <Descriptions.Item label={t('colArea')}>{t(`area.${row.area}`)}</Descriptions.Item>
            <Descriptions.Item label={t('colAction')}>{row.actionName}</Descriptions.Item>
            <Descriptions.Item label={t('colEntity')}>
              {row.entityName} {row.entityId}
              {row.entityId && (
                <Button type="link" size="small" onClick={() => onOpenItem(row)}>
                  {t('openItem', { entity: row.entityName })}
                </Button>
              )}
            </Descriptions.Item>
            {row.subject ? <Descriptions.Item label={t('colSubject')}>{row.subject}</Descriptions.Item> : null}
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey={(c) => c.field || '-'}
            dataSource={changes}
            columns={[
              { title: t('field'), width: 110, render: (_, c) => c.label || '—' },
              { title: t('before'), width: '45%', render: (_, c) => <Typography.Text style={{ wordBreak: 'break-all' }}>{clip(c.before)}</Typography.Text> },
              { title: t('after'), width: '45%', render: (_, c) => <Typography.Text style={{ wordBreak: 'break-all' }}>{clip(c.after)}</Typography.Text> },
            ]}
          />
          <Typography.Text type="secondary">{t('raw')}</Typography.Text>
          <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, maxHeight: 240, overflow: 'auto', background: token.colorFillQuaternary, padding: 8, margin: 0 }}>
            {JSON.stringify({ before: row.before, after: row.after }, null, 1)}
          </pre>
        </Flex>
      )}
    </Drawer>
  );
}
