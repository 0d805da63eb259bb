import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Enterprise, EnterpriseFilter } from '../../../../shared/api/enterprises';
import { PagedVirtualTable, type VirtualColumn } from '../../components/PagedVirtualTable';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedCommit } from '../../components/useDebouncedCommit';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useChanged } from '../../api/useChanged';
import { useEnterpriseList, useEnterpriseStore } from '../../stores/enterprises';
import { RegisterImportModal } from '../../components/import/register/RegisterImportModal';
import { CountrySelect, DistrictSelect, IndustrySelect, PlatformSelect } from '../../components/pickers';
import { formatAmount } from '../../components/tags';
import { useExport } from '../../components/useExport';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { EnterpriseForm } from './EnterpriseForm';
import { enterpriseMessages } from './messages';

/** 企业库: the register of foreign-invested enterprises, searched and paged on the server. */
export default function EnterprisesPage() {
  const t = useT(enterpriseMessages);
  const ts = useT(shellMessages);
  const total = useEnterpriseList((s) => s.total);
  useEnterpriseList((s) => s.pages);
  const query = useEnterpriseList((s) => s.query);
  const stale = useEnterpriseList((s) => s.shownQuery !== s.query);
  const selectedId = useEnterpriseStore((s) => s.detailId);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [text, setText] = useState(query.filter.text ?? '');
  const exporter = useExport();

  useEffect(() => {
    const list = useEnterpriseList.getState();
    if (list.total === null) list.setQuery(list.query);
    else void list.reload();
  }, []);
  // another window, an FDI import or an undo changed enterprises (this window's own edits were patched in place)
  useChanged(['enterprises', 'fdi'], () => void useEnterpriseList.getState().reload(), { ignoreOwn: true });
  const setFilter = (patch: Partial<EnterpriseFilter>) => {
    const filter: EnterpriseFilter = { ...query.filter, ...patch };
    for (const k of Object.keys(filter) as (keyof EnterpriseFilter)[]) {
      const v = filter[k];
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete filter[k];
    }
    useEnterpriseList.getState().setQuery({ ...query, filter });
  };
  useDebouncedCommit(text, query.filter.text ?? '', (typed) => setFilter({ text: typed.trim() || undefined }));

  const onRange = useCallback((from: number, to: number) => useEnterpriseList.getState().ensure(from, to), []);
  const columns = useMemo<VirtualColumn<Enterprise>[]>(
    () => [
      { key: 'name', title: t('name'), width: 260, sortField: 'name', render: (e) => e.name },
      { key: 'uscc', title: t('uscc'), width: 180, sortField: 'uscc', render: (e) => e.uscc },
      { key: 'country', title: t('country'), width: 100, sortField: 'country', render: (e) => e.countryName },
      { key: 'industry', title: t('industry'), width: 180, render: (e) => (e.industryCode ? `${e.industryCode} ${e.industryName ?? ''}` : '') },
      { key: 'district', title: t('district'), width: 100, render: (e) => e.district },
      { key: 'investor', title: t('investor'), width: 180, render: (e) => e.investor },
      { key: 'capital', title: t('registeredCapital'), width: 130, align: 'right', sortField: 'registeredCapital', render: (e) => formatAmount(e.registeredCapital) },
      { key: 'platform', title: t('platform'), width: 170, render: (e) => e.platform },
      { key: 'setup', title: t('setupDate'), width: 110, sortField: 'setupDate', render: (e) => e.setupDate },
      { key: 'fdi', title: t('fdiRecords'), width: 80, align: 'right', render: (e) => e.fdiRecords },
      { key: 'projects', title: t('projects'), width: 70, align: 'right', render: (e) => e.projects },
      { key: 'updated', title: t('updatedAt'), width: 140, sortField: 'updatedAt', render: (e) => dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm') },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={ts('section.enterprises')}
        testId="page-title"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-enterprise">
              {t('newEnterprise')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-enterprises">
              {t('import')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exporter.run('enterprises.export', query)} data-testid="export-enterprises">
              {t('export')}
            </Button>
          </Space>
        }
      />
      {/* fixed widths, chosen values counted: one row down to a 1366 laptop at 125 % */}
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="enterprise-filters">
        <Input.Search allowClear placeholder={t('filterText')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} data-testid="enterprise-search" />
        <CountrySelect mode="multiple" maxTagCount="responsive" placeholder={t('country')} style={{ width: 140 }} value={query.filter.countryCodes ?? []} onChange={(v) => setFilter({ countryCodes: v as string[] })} />
        <IndustrySelect placeholder={t('industry')} style={{ width: 200 }} value={query.filter.industryCode ?? null} onChange={(v) => setFilter({ industryCode: (v as string | null) ?? undefined })} />
        <DistrictSelect mode="multiple" maxTagCount="responsive" placeholder={t('district')} style={{ width: 140 }} value={query.filter.districtIds ?? []} onChange={(v) => setFilter({ districtIds: v as number[] })} />
        <PlatformSelect mode="multiple" maxTagCount="responsive" placeholder={t('platform')} style={{ width: 160 }} value={query.filter.platformIds ?? []} onChange={(v) => setFilter({ platformIds: v as number[] })} />
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="enterprises-total">
        {total === null ? '' : t('total', { total })}
      </Typography.Text>
      <PagedVirtualTable<Enterprise>
        columns={columns}
        total={total ?? 0}
        rowAt={(i) => useEnterpriseList.getState().rowAt(i)}
        onRange={onRange}
        sort={query.sort}
        onSort={(field) =>
          useEnterpriseList.getState().setQuery({
            ...query,
            sort: { field: field as typeof query.sort.field, order: query.sort.field === field && query.sort.order === 'asc' ? 'desc' : 'asc' },
          })
        }
        onRowClick={(e) => void useEnterpriseStore.getState().open(e.id)}
        selectedId={selectedId}
        stale={stale}
        height="calc(100vh - 260px)"
        testId="enterprises-table"
        rowTestId="enterprise-row"
        emptyText={t('empty')}
      />
      <EnterpriseDrawer />
      <EnterpriseForm open={creating} detail={null} onClose={() => setCreating(false)} />
      <RegisterImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title={t('importTitle')}
        help={t('importHelp')}
        check="enterprises.importCheck"
        commit="enterprises.importCommit"
        onImported={() => void useEnterpriseList.getState().reload()}
      />
      {exporter.progress}
    </>
  );
}
