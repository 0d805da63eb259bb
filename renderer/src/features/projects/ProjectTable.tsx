import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import type { Project, ProjectSort } from '../../../../shared/api/projects';
import { PagedVirtualTable, type VirtualColumn } from '../../components/PagedVirtualTable';
import { useT } from '../../i18n';
import { useProjectList, useProjectStore } from '../../stores/projects';
import { projectMessages } from './messages';
import { AlertTags, formatAmount, StageTag } from '../../components/tags';
import { PolicyTag } from '../../components/policy/PolicyTag';
import { policyMessages } from '../../components/policy/messages';

/**
 * The project list: virtualized, each column's sort and every filter served by the backend. 阶段 and the amounts come
 * right after the name, so they are in view on a 1366 px screen.
 */
export function ProjectTable({ height }: { height: number | string }) {
  const t = useT(projectMessages);
  const tp = useT(policyMessages);
  const total = useProjectList((s) => s.total ?? 0);
  useProjectList((s) => s.pages); // re-render when pages arrive
  const query = useProjectList((s) => s.query);
  const stale = useProjectList((s) => s.shownQuery !== s.query);
  const selectedId = useProjectStore((s) => s.detailId);
  const onRange = useCallback((from: number, to: number) => useProjectList.getState().ensure(from, to), []);
  const onSort = (field: string) => {
    const sort: ProjectSort = { field: field as ProjectSort['field'], order: query.sort.field === field && query.sort.order === 'desc' ? 'asc' : 'desc' };
    useProjectList.getState().setQuery({ ...query, sort });
  };

  const columns = useMemo<VirtualColumn<Project>[]>(
    () => [
      {
        key: 'name',
        title: t('name'),
        width: 300,
        sortField: 'name',
        render: (p) => (
          <span title={p.name}>
            {p.reinvestment && <Tag color="purple">{t('reinvestment')}</Tag>}
            {p.name}
          </span>
        ),
      },
      { key: 'stage', title: t('stage'), width: 90, sortField: 'stage', render: (p) => <StageTag stage={p.stage} /> },
      { key: 'total', title: t('totalInvestment'), width: 130, align: 'right', sortField: 'totalInvestment', render: (p) => formatAmount(p.totalInvestment) },
      { key: 'contracted', title: t('contractedFdi'), width: 150, align: 'right', sortField: 'contractedFdi', render: (p) => formatAmount(p.contractedFdi) },
      { key: 'alerts', title: t('alerts'), width: 190, render: (p) => <AlertTags alerts={p.alerts} /> },
      { key: 'access', title: tp('accessColumn'), width: 110, render: (p) => <PolicyTag policy={p.policy} /> },
      { key: 'investor', title: t('investor'), width: 200, render: (p) => p.investor },
      { key: 'country', title: t('country'), width: 100, sortField: 'country', render: (p) => p.countryName },
      { key: 'industry', title: t('industry'), width: 170, render: (p) => (p.industryCode ? `${p.industryCode} ${p.industryName ?? ''}` : '') },
      { key: 'district', title: t('district'), width: 100, sortField: 'district', render: (p) => p.district },
      { key: 'platform', title: t('platform'), width: 170, render: (p) => p.platform },
      { key: 'priority', title: t('priority'), width: 80, sortField: 'priority', render: (p) => t(`priority.${p.priority}`) },
      { key: 'owner', title: t('ownerPerson'), width: 90, render: (p) => p.ownerPerson },
      { key: 'followUp', title: t('lastFollowUpDate'), width: 110, sortField: 'lastFollowUpDate', render: (p) => p.lastFollowUpDate },
      { key: 'signed', title: t('signedDate'), width: 110, sortField: 'signedDate', render: (p) => p.signedDate },
      { key: 'updated', title: t('updatedAt'), width: 150, sortField: 'updatedAt', render: (p) => dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') },
    ],
    [t, tp],
  );

  return (
    <PagedVirtualTable<Project>
      columns={columns}
      total={total}
      rowAt={(i) => useProjectList.getState().rowAt(i)}
      onRange={onRange}
      sort={query.sort}
      onSort={onSort}
      onRowClick={(p) => void useProjectStore.getState().open(p.id)}
      selectedId={selectedId}
      stale={stale}
      height={height}
      testId="projects-table"
      rowTestId="project-row"
      emptyText={t('empty')}
    />
  );
}
