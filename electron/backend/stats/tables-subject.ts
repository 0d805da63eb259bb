import type { StatsRow, StatsTable } from '../../../shared/api/stats';
import { isDevZone, keyPair, keyedPair, placePair, platformTypeOf, totalPair, withExactNew, type BuildInput } from './build-context';
import { divisionOf } from './labels';
import { hasRecords, makeRow, type Pair } from './rows';

/** Tables by what was invested in and by whom: 总表, 分行业, 分国别（地区）. */

const TOTAL_HEAD = { key: 'total', code: null, name: '合计', level: 0, role: 'total', filter: {} } as const;

function highTechPairs(input: BuildInput) {
  const { highTech } = input.labels;
  const byCode = (set: Set<string>) => keyedPair(input, (a) => a.byIndustry, (k) => k !== null && set.has(k));
  return {
    all: withExactNew(byCode(highTech.all), 'highTech', input),
    manufacturing: withExactNew(byCode(highTech.manufacturing), 'highTechManufacturing', input),
    services: withExactNew(byCode(highTech.services), 'highTechServices', input),
  };
}

export function summaryTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const ht = highTechPairs(input);
  const typeOf = platformTypeOf(input);
  const devZone = withExactNew(placePair(input, (p) => p.platformId !== null && isDevZone(typeOf.get(p.platformId))), 'devZone', input);
  const ftz = withExactNew(placePair(input, (p) => p.platformId !== null && typeOf.get(p.platformId) === 'ftz_area'), 'ftz', input);
  const reinvestment = placePair(input, (p) => p.mode === 'reinvestment');
  const rows: StatsRow[] = [
    makeRow(TOTAL_HEAD, total, total),
    makeRow({ key: 'highTech', code: null, name: '高技术产业', level: 1, role: 'ofWhich', filter: { highTech: 'all' } }, ht.all, total),
    makeRow({ key: 'highTech:manufacturing', code: null, name: '高技术制造业', level: 2, role: 'ofWhich', filter: { highTech: 'manufacturing' } }, ht.manufacturing, total),
    makeRow({ key: 'highTech:services', code: null, name: '高技术服务业', level: 2, role: 'ofWhich', filter: { highTech: 'services' } }, ht.services, total),
    makeRow({ key: 'devZone', code: null, name: '开发区', level: 1, role: 'ofWhich', filter: { devZone: true } }, devZone, total),
    makeRow({ key: 'ftz', code: null, name: '自贸试验区', level: 1, role: 'ofWhich', filter: { platformType: 'ftz_area' } }, ftz, total),
    makeRow({ key: 'reinvestment', code: null, name: '利润再投资', level: 1, role: 'ofWhich', filter: { mode: 'reinvestment' } }, reinvestment, total),
  ];
  return { id: 'summary', title: '外商投资企业总表', formNo: '外资统计表1', rows };
}

/** 20 sections (all listed, zero or not), manufacturing by division, 未分行业 when any, then the high-tech rows. */
export function industryTable(input: BuildInput): StatsTable {
  const { sections, divisions, sectionOf } = input.labels;
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  for (const section of sections) {
    const pair = keyedPair(input, (a) => a.byIndustry, (k) => k !== null && sectionOf.get(k) === section.code);
    rows.push(makeRow({ key: `section:${section.code}`, code: section.code, name: section.name, level: 0, role: 'item', filter: { section: section.code } }, pair, total));
    if (section.code !== 'C') continue;
    for (const division of divisions.get('C') ?? []) {
      const dPair = keyedPair(input, (a) => a.byIndustry, (k) => k !== null && divisionOf(k) === division.code);
      rows.push(makeRow({ key: `division:${division.code}`, code: division.code, name: division.name, level: 1, role: 'item', filter: { division: division.code } }, dPair, total));
    }
  }
  const none = keyPair(input, (a) => a.byIndustry, null);
  if (hasRecords(none)) rows.push(makeRow({ key: 'section:none', code: null, name: '未分行业', level: 0, role: 'unassigned', filter: { industry: null } }, none, total));
  const ht = highTechPairs(input);
  rows.push(
    makeRow({ key: 'highTech:manufacturing', code: null, name: '高技术制造业', level: 0, role: 'ofWhich', filter: { highTech: 'manufacturing' } }, ht.manufacturing, total),
    makeRow({ key: 'highTech:services', code: null, name: '高技术服务业', level: 0, role: 'ofWhich', filter: { highTech: 'services' } }, ht.services, total),
  );
  return { id: 'industry', title: '外商投资分行业统计表', formNo: '外资统计表2', rows };
}

/** The groups (港澳台, 自由港, 东盟…, always listed) under 合计, then each source with records, largest first. */
export function countryTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  for (const group of input.labels.groups) {
    const pair = keyPair(input, (a) => a.byGroup, group.code);
    rows.push(makeRow({ key: `group:${group.code}`, code: group.code, name: group.name, level: 1, role: 'ofWhich', filter: { group: group.code } }, pair, total));
  }
  const codes = new Set<string>();
  for (const a of [input.cur, input.prior]) for (const k of a.byCountry.keys()) if (k !== null) codes.add(k);
  const sources = [...codes]
    .map((code) => ({ code, pair: keyPair(input, (a) => a.byCountry, code) }))
    .sort((x, y) => y.pair.cur.a - x.pair.cur.a || y.pair.prior.a - x.pair.prior.a || x.code.localeCompare(y.code));
  for (const { code, pair } of sources) {
    const name = input.labels.countryNames.get(code) ?? code;
    rows.push(makeRow({ key: `country:${code}`, code, name, level: 0, role: 'item', filter: { country: code } }, pair, total));
  }
  const none: Pair = keyPair(input, (a) => a.byCountry, null);
  if (hasRecords(none)) rows.push(makeRow({ key: 'country:none', code: null, name: '未填国别（地区）', level: 0, role: 'unassigned', filter: { country: null } }, none, total));
  return { id: 'country', title: '外商投资分国别（地区）统计表', formNo: '外资统计表3', rows };
}
