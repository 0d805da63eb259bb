import { Select, type SelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Country, Industry } from '../../../shared/api/reference';
import { api } from '../api/client';
import { useSettingsStore } from '../stores/settings';

let countries: Promise<Country[]> | null = null;
/** The country list, fetched once per session (it is reference data). */
export function useCountries(): Country[] {
  const [list, setList] = useState<Country[]>([]);
  useEffect(() => {
    countries ??= api.call('reference.listCountries', {});
    let alive = true;
    countries.then((l) => alive && setList(l)).catch(() => (countries = null));
    return () => {
      alive = false;
    };
  }, []);
  return list;
}

type Pass<V> = Omit<SelectProps<V>, 'options' | 'onSearch' | 'filterOption'>;

/** Countries and regions, searchable by Chinese name, English name or code. */
export function CountrySelect(props: Pass<string | string[] | null>) {
  const list = useCountries();
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="search"
      options={list.map((c) => ({ value: c.code, label: c.name, search: `${c.name} ${c.nameEn ?? ''} ${c.code}` }))}
      {...props}
    />
  );
}

/** A GB/T 4754-2017 industry, searched on the server by code or name (`3670`, `C36`, `汽车零部件`). */
export function IndustrySelect({ level, initial, ...props }: Pass<string | null> & { level?: Industry['level']; initial?: { code: string; name: string } | null }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ? [{ value: initial.code, label: `${initial.code} ${initial.name}` }] : []);
  const seq = useRef(0);
  const search = (query: string) => {
    const mine = ++seq.current;
    void api.call('reference.searchIndustries', { query, level, limit: 30 }).then((rows) => {
      if (mine === seq.current) setOptions(rows.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` })));
    });
  };
  useEffect(() => {
    if (initial) setOptions((o) => (o.some((x) => x.value === initial.code) ? o : [{ value: initial.code, label: `${initial.code} ${initial.name}` }, ...o]));
  }, [initial]);
  return <Select showSearch allowClear filterOption={false} onSearch={search} onFocus={() => options.length <= 1 && search('')} options={options} {...props} />;
}

/** An enterprise of the register, searched by name or 统一社会信用代码. */
export function EnterpriseSelect({ initial, ...props }: Pass<number | null> & { initial?: { id: number; name: string } | null }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>(initial ? [{ value: initial.id, label: initial.name }] : []);
  const seq = useRef(0);
  const search = (text: string) => {
    const mine = ++seq.current;
    void api.call('enterprises.list', { filter: { text }, sort: { field: 'name', order: 'asc' }, limit: 30 }).then(({ rows }) => {
      if (mine === seq.current) setOptions(rows.map((r) => ({ value: r.id, label: r.uscc ? `${r.name}（${r.uscc}）` : r.name })));
    });
  };
  return <Select showSearch allowClear filterOption={false} onSearch={search} onFocus={() => options.length <= 1 && search('')} options={options} {...props} />;
}

/** Districts (区县) as set in 设置. */
export function DistrictSelect(props: Pass<number | number[] | null>) {
  const districts = useSettingsStore((s) => s.data?.districts ?? []);
  return <Select allowClear showSearch optionFilterProp="label" options={districts.map((d) => ({ value: d.id, label: d.name }))} {...props} />;
}

/** Platforms (园区) as set in 设置. */
export function PlatformSelect(props: Pass<number | number[] | null>) {
  const platforms = useSettingsStore((s) => s.data?.platforms ?? []);
  return <Select allowClear showSearch optionFilterProp="label" options={platforms.map((p) => ({ value: p.id, label: p.name }))} {...props} />;
}
