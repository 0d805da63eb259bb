import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Cascader, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { PROJECT_ALERT_CODES, type ProjectFilter } from '../../../../shared/api/projects';
import { PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES } from '../../../../shared/domain/project';
import { useDebouncedCommit } from '../../components/useDebouncedCommit';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { useProjectList, useProjectStore } from '../../stores/projects';
import { FilterTags, hiddenFilterCount } from './FilterTags';
import { projectMessages } from './messages';
import { CountrySelect, DistrictSelect, IndustrySelect, PlatformSelect } from '../../components/pickers';
import { ACCESS_STATUS_CODES } from '../../../../shared/domain/policy';
import { policyMessages } from '../../components/policy/messages';
import { componentMessages } from '../../components/messages';

const wide = { minWidth: 150 };
/** The first row's selects keep their width whatever is chosen: the row stays one row at 1366 px. */
const compact = { width: 128 };

/**
 * The list's filters, all applied on the server: the ones used most in one row, the rest behind 更多筛选 (folded by
 * default; while folded, the ones set show as tags and as a count on the button).
 */
export function ProjectFilters() {
  const t = useT(projectMessages);
  const td = useT(domainMessages);
  const tp = useT(policyMessages);
  const tc = useT(componentMessages);
  const query = useProjectList((s) => s.query);
  const setQuery = useProjectList((s) => s.setQuery);
  const options = useProjectStore((s) => s.options);
  const [text, setText] = useState(query.filter.text ?? '');
  const [open, setOpen] = useState(false);
  const filter = query.filter;
  const setFilter = (patch: Partial<ProjectFilter>) => {
    const next: ProjectFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof ProjectFilter)[]) {
      const v = next[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    setQuery({ ...query, filter: next });
  };

  useEffect(() => {
    void useProjectStore.getState().loadOptions();
  }, []);
  // typing waits for a pause before it asks the server
  useDebouncedCommit(text, filter.text ?? '', (typed) => setFilter({ text: typed.trim() || undefined }));
  useEffect(() => setText(query.filter.text ?? ''), [query.filter.text]);

  const chainOptions = (options?.chains ?? []).map((c) => ({ value: c.id, label: c.name, children: c.segments.map((s) => ({ value: s.id, label: s.name })) }));
  const chainValue = filter.segmentId !== undefined ? [options?.chains.find((c) => c.segments.some((s) => s.id === filter.segmentId))?.id ?? 0, filter.segmentId] : filter.chainId !== undefined ? [filter.chainId] : undefined;

  const more = hiddenFilterCount(filter);
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Input.Search allowClear placeholder={t('filterText')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 240 }} data-testid="filter-text" />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterStage')}
          style={compact}
          maxTagCount="responsive"
          value={filter.stages ?? []}
          onChange={(stages) => setFilter({ stages })}
          options={PROJECT_STAGE_CODES.map((s) => ({ value: s, label: td(`stage.${s}`) }))}
          data-testid="filter-stage"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterAlerts')}
          style={compact}
          maxTagCount="responsive"
          value={filter.alerts ?? []}
          onChange={(alerts) => setFilter({ alerts })}
          options={PROJECT_ALERT_CODES.map((a) => ({ value: a, label: tc(`alert.${a}`) }))}
          data-testid="filter-alert"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={tp('filterAccess')}
          style={compact}
          maxTagCount="responsive"
          value={filter.access ?? []}
          onChange={(access) => setFilter({ access })}
          options={ACCESS_STATUS_CODES.map((a) => ({ value: a, label: tp(`status.${a}`) }))}
          data-testid="filter-access"
        />
        <Badge count={open ? 0 : more} size="small">
          <Button icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!open)} data-testid="more-filters" aria-expanded={open}>
            {t('moreFilters')}
          </Button>
        </Badge>
        {Object.keys(filter).length > 0 && (
          <Button type="link" onClick={() => setQuery({ ...query, filter: {} })} data-testid="clear-filters">
            {t('clearFilters')}
          </Button>
        )}
      </Flex>
      {open ? (
        <Flex gap={8} wrap data-testid="more-filters-panel">
          <DistrictSelect data-testid="filter-district" mode="multiple" placeholder={t('filterDistrict')} style={wide} value={filter.districtIds ?? []} onChange={(v) => setFilter({ districtIds: v as number[] })} />
          <PlatformSelect mode="multiple" placeholder={t('filterPlatform')} style={{ minWidth: 180 }} value={filter.platformIds ?? []} onChange={(v) => setFilter({ platformIds: v as number[] })} />
          <CountrySelect mode="multiple" placeholder={t('filterCountry')} style={wide} value={filter.countryCodes ?? []} onChange={(v) => setFilter({ countryCodes: v as string[] })} />
          <IndustrySelect placeholder={t('filterIndustry')} style={{ minWidth: 200 }} value={filter.industryCode ?? null} onChange={(v) => setFilter({ industryCode: (v as string | null) ?? undefined })} />
          <Cascader
            changeOnSelect
            placeholder={t('filterChain')}
            style={{ minWidth: 180 }}
            options={chainOptions}
            value={chainValue}
            onChange={(v) => setFilter(!v?.length ? { chainId: undefined, segmentId: undefined } : v.length === 1 ? { chainId: Number(v[0]), segmentId: undefined } : { chainId: undefined, segmentId: Number(v[1]) })}
          />
          <Select
            allowClear
            showSearch
            placeholder={t('filterOwner')}
            style={wide}
            value={filter.owner}
            onChange={(owner) => setFilter({ owner })}
            options={(options?.owners ?? []).map((o) => ({ value: o, label: o }))}
          />
          <Select
            allowClear
            placeholder={t('filterReinvestment')}
            style={{ minWidth: 110 }}
            value={filter.reinvestment === undefined ? undefined : filter.reinvestment ? 'yes' : 'no'}
            onChange={(v) => setFilter({ reinvestment: v === undefined ? undefined : v === 'yes' })}
            options={[
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ]}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('filterPriority')}
            style={{ minWidth: 120 }}
            value={filter.priorities ?? []}
            onChange={(priorities) => setFilter({ priorities })}
            options={PROJECT_PRIORITY_CODES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
        </Flex>
      ) : (
        <FilterTags filter={filter} onClear={setFilter} />
      )}
    </Flex>
  );
}
