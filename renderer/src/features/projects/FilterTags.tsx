import { Flex, Tag } from 'antd';
import type { ProjectFilter } from '../../../../shared/api/projects';
import { useT } from '../../i18n';
import { useProjectStore } from '../../stores/projects';
import { useSettingsStore } from '../../stores/settings';
import { projectMessages } from './messages';
import { useCountries } from '../../components/pickers';

/** The filters behind 更多筛选, as tags while the panel is closed: what the list is narrowed by stays in view. */
export function FilterTags({ filter, onClear }: { filter: ProjectFilter; onClear(patch: Partial<ProjectFilter>): void }) {
  const t = useT(projectMessages);
  const settings = useSettingsStore((s) => s.data);
  const chains = useProjectStore((s) => s.options)?.chains ?? [];
  const countries = useCountries();
  const named = (ids: (number | string)[] | undefined, list: { id: number; name: string }[] | { code: string; name: string }[]) =>
    (ids ?? []).map((id) => (list as { id?: number; code?: string; name: string }[]).find((x) => ('id' in x ? x.id : x.code) === id)?.name ?? String(id));
  const segment = chains.flatMap((c) => c.segments.map((s) => ({ ...s, chain: c.name }))).find((s) => s.id === filter.segmentId);
  const tags: { key: string; label: string; values: string[]; clear: Partial<ProjectFilter> }[] = [
    { key: 'district', label: t('filterDistrict'), values: named(filter.districtIds, settings?.districts ?? []), clear: { districtIds: undefined } },
    { key: 'platform', label: t('filterPlatform'), values: named(filter.platformIds, settings?.platforms ?? []), clear: { platformIds: undefined } },
    { key: 'country', label: t('filterCountry'), values: named(filter.countryCodes, countries), clear: { countryCodes: undefined } },
    { key: 'industry', label: t('filterIndustry'), values: filter.industryCode ? [filter.industryCode] : [], clear: { industryCode: undefined } },
    {
      key: 'chain',
      label: t('filterChain'),
      values: segment ? [`${segment.chain} / ${segment.name}`] : named(filter.chainId === undefined ? [] : [filter.chainId], chains),
      clear: { chainId: undefined, segmentId: undefined },
    },
    { key: 'owner', label: t('filterOwner'), values: filter.owner ? [filter.owner] : [], clear: { owner: undefined } },
    { key: 'reinvestment', label: t('filterReinvestment'), values: filter.reinvestment === undefined ? [] : [t(filter.reinvestment ? 'yes' : 'no')], clear: { reinvestment: undefined } },
    { key: 'priority', label: t('filterPriority'), values: (filter.priorities ?? []).map((p) => t(`priority.${p}`)), clear: { priorities: undefined } },
  ].filter((tag) => tag.values.length > 0);
  if (!tags.length) return null;
  return (
    <Flex gap={4} wrap data-testid="filter-tags">
      {tags.map((tag) => (
        <Tag key={tag.key} closable onClose={() => onClear(tag.clear)} data-testid={`filter-tag-${tag.key}`}>
          {tag.label}：{tag.values.join('、')}
        </Tag>
      ))}
    </Flex>
  );
}

/** How many of the filters behind 更多筛选 are set. */
export function hiddenFilterCount(filter: ProjectFilter): number {
  const hidden: (keyof ProjectFilter)[] = ['districtIds', 'platformIds', 'countryCodes', 'industryCode', 'owner', 'reinvestment', 'priorities'];
  return hidden.filter((k) => filter[k] !== undefined).length + (filter.chainId !== undefined || filter.segmentId !== undefined ? 1 : 0);
}
