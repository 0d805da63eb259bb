import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Cascader, Flex, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { PROJECT_ALERT_CODES, type ProjectFilter } from '../../../../shared/api/projects';
import { PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES } from '../../../../shared/domain/project';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { useProjectList, useProjectStore } from '../../stores/projects';
import { projectMessages } from './messages';
import { CountrySelect, DistrictSelect, IndustrySelect, PlatformSelect } from './pickers';
import { ACCESS_STATUS_CODES } from '../../../../shared/domain/policy';
import { policyMessages } from '../policy/messages';

const wide = { minWidth: 150 };

/** The list's filters (all applied on the server) and the saved views. */
export function ProjectFilters() {
  const t = useT(projectMessages);
  const td = useT(domainMessages);
  const tp = useT(policyMessages);
  const { message } = App.useApp();
  const query = useProjectList((s) => s.query);
  const setQuery = useProjectList((s) => s.setQuery);
  const { views, options } = useProjectStore();
  const [text, setText] = useState(query.filter.text ?? '');
  const [viewId, setViewId] = useState<number | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const filter = query.filter;
  const setFilter = (patch: Partial<ProjectFilter>) => {
    const next: ProjectFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof ProjectFilter)[]) {
      const v = next[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    setViewId(null);
    setQuery({ ...query, filter: next });
  };

  useEffect(() => {
    void useProjectStore.getState().loadViews();
    void useProjectStore.getState().loadOptions();
  }, []);
  // typing waits for a pause before it asks the server
  useEffect(() => {
    if ((filter.text ?? '') === text) return;
    const timer = setTimeout(() => setFilter({ text: text.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setText(query.filter.text ?? ''), [query.filter.text]);

  const chainOptions = (options?.chains ?? []).map((c) => ({ value: c.id, label: c.name, children: c.segments.map((s) => ({ value: s.id, label: s.name })) }));
  const chainValue = filter.segmentId !== undefined ? [options?.chains.find((c) => c.segments.some((s) => s.id === filter.segmentId))?.id ?? 0, filter.segmentId] : filter.chainId !== undefined ? [filter.chainId] : undefined;

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap>
        <Input.Search allowClear placeholder={t('filterText')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 280 }} data-testid="filter-text" />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterStage')}
          style={wide}
          value={filter.stages ?? []}
          onChange={(stages) => setFilter({ stages })}
          options={PROJECT_STAGE_CODES.map((s) => ({ value: s, label: td(`stage.${s}`) }))}
          data-testid="filter-stage"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterAlerts')}
          style={wide}
          value={filter.alerts ?? []}
          onChange={(alerts) => setFilter({ alerts })}
          options={PROJECT_ALERT_CODES.map((a) => ({ value: a, label: t(`alert.${a}`) }))}
          data-testid="filter-alert"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={tp('filterAccess')}
          style={{ minWidth: 120 }}
          value={filter.access ?? []}
          onChange={(access) => setFilter({ access })}
          options={ACCESS_STATUS_CODES.map((a) => ({ value: a, label: tp(`status.${a}`) }))}
          data-testid="filter-access"
        />
        <DistrictSelect mode="multiple" placeholder={t('filterDistrict')} style={wide} value={filter.districtIds ?? []} onChange={(v) => setFilter({ districtIds: v as number[] })} />
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
        {Object.keys(filter).length > 0 && (
          <Button onClick={() => setQuery({ ...query, filter: {} })} data-testid="clear-filters">
            {t('clearFilters')}
          </Button>
        )}
      </Flex>
      <Space>
        <Select
          allowClear
          placeholder={t('viewPlaceholder')}
          style={{ minWidth: 200 }}
          value={viewId}
          onChange={(id: number | null) => {
            setViewId(id ?? null);
            const view = views.find((v) => v.id === id);
            if (view) setQuery(view.query);
          }}
          options={views.map((v) => ({ value: v.id, label: v.name }))}
          data-testid="view-select"
        />
        <Button icon={<SaveOutlined />} onClick={() => setNaming(views.find((v) => v.id === viewId)?.name ?? '')} data-testid="save-view">
          {t('saveView')}
        </Button>
        {viewId !== null && (
          <Tooltip title={t('deleteView')}>
            <Button
              icon={<DeleteOutlined />}
              onClick={() =>
                useProjectStore
                  .getState()
                  .deleteView(viewId)
                  .then(() => setViewId(null), (e) => message.error(errorText(e)))
              }
            />
          </Tooltip>
        )}
      </Space>
      <Modal
        open={naming !== null}
        title={t('saveView')}
        okButtonProps={{ disabled: !naming?.trim(), 'data-testid': 'save-view-ok' }}
        onCancel={() => setNaming(null)}
        onOk={() =>
          useProjectStore
            .getState()
            .saveView(naming!.trim(), query)
            .then(
              (view) => {
                setNaming(null);
                setViewId(view.id);
                message.success(t('viewSaved', { name: view.name }));
              },
              (e) => message.error(errorText(e)),
            )
        }
        destroyOnHidden
      >
        <Input autoFocus placeholder={t('viewName')} maxLength={40} value={naming ?? ''} onChange={(e) => setNaming(e.target.value)} data-testid="view-name" />
      </Modal>
    </Flex>
  );
}
