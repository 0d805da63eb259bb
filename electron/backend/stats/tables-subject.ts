import type { StatsRow, StatsTable } from '../../../shared/api/stats';
import { counts, isDevZone, keyPair, keyedPair, placePair, platformTypeOf, sumsPair, totalPair, type BuildInput } from './build-context';
import { addSums } from './aggregates';
import { hasRecords, makeRow, type Pair } from './rows';

/** Tables by what was invested in and by whom: 总表, 分行业, 分国别（地区）. */

const TOTAL_HEAD = { key: 'total', code: null, name: '合计', level: 0, role: 'total', filter: {} } as const;

function highTechPairs(input: BuildInput) {
  const manufacturing = sumsPair(input, (a) => a.highTech.manufacturing);
  const services = sumsPair(input, (a) => a.highTech.services);
  return { all: { cur: addSums(manufacturing.cur, services.cur), prior: addSums(manufacturing.prior, services.prior) }, manufacturing, services };
}

export function summaryTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const ht = highTechPairs(input);
  const typeOf = platformTypeOf(input);
  const devZone = placePair(input, (p) => p.platformId !== null && isDevZone(typeOf.get(p.platformId)));
  const ftz = placePair(input, (p) => p.platformId !== null && typeOf.get(p.platformId) === 'ftz_area');
  const profit = placePair(input, (p) => p.mode === 'profit_reinvestment');
  const domestic = placePair(input, (p) => p.mode === 'domestic_reinvestment', true);
  const domesticCounts = counts(input, { mode: 'domestic_reinvestment' });
  const rows: StatsRow[] = [
    makeRow(TOTAL_HEAD, total, total),
    makeRow({ key: 'highTech', code: null, name: '高技术产业', level: 1, role: 'ofWhich', filter: { highTech: 'all' } }, ht.all, total),
    makeRow({ key: 'highTech:manufacturing', code: null, name: '高技术制造业', level: 2, role: 'ofWhich', filter: { highTech: 'manufacturing' } }, ht.manufacturing, total),
    makeRow({ key: 'highTech:services', code: null, name: '高技术服务业', level: 2, role: 'ofWhich', filter: { highTech: 'services' } }, ht.services, total),
    makeRow({ key: 'devZone', code: null, name: '开发区', level: 1, role: 'ofWhich', filter: { devZone: true } }, devZone, total),
    makeRow({ key: 'ftz', code: null, name: '自贸试验区', level: 1, role: 'ofWhich', filter: { platformType: 'ftz_area' } }, ftz, total),
    makeRow({ key: 'profitReinvestment', code: null, name: '利润再投资', level: 1, role: 'ofWhich', filter: { mode: 'profit_reinvestment' } }, profit, total),
    makeRow(
      { key: 'domesticReinvestment', code: null, name: '境内再投资', level: 1, role: domesticCounts ? 'ofWhich' : 'memo', filter: { mode: 'domestic_reinvestment' } },
      domestic,
      total,
    ),
  ];
  return { id: 'summary', title: '外商投资企业总表', formNo: '', rows };
}

/** 20 sections (all listed, zero or not), manufacturing by division, 未分行业 when any, then the high-tech rows. */
// byIndustry is keyed by division (or the code stored when it is not under a division): its section comes from labels
export function industryTable(input: BuildInput): StatsTable {
  const { sections, divisions, sectionOf } = input.labels;
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  for (const section of sections) {
    const pair = keyedPair(input, (a) => a.byIndustry, (k) => k !== null && sectionOf.get(k) === section.code);
    rows.push(makeRow({ key: `section:${section.code}`, code: section.code, name: section.name, level: 0, role: 'item', filter: { section: section.code } }, pair, total));
    if (section.code !== 'C') continue;
    for (const division of divisions.get('C') ?? []) {
      const dPair = keyPair(input, (a) => a.byIndustry, division.code);
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
  return { id: 'industry', title: '外商投资分行业统计表', formNo: '', rows };
}

/** The groups (港澳台, 自由港, 东盟…, always listed) under 合计, then each source with records, largest first. */
export function countryTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  // a group without members (一带一路 until the bureau fills it in) would read as a true zero: it is left out
  for (const group of input.labels.groups.filter((g) => g.members > 0)) {
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
  return { id: 'country', title: '外商投资分国别（地区）统计表', formNo: '', rows };
}
