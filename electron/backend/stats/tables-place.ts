import type { DistrictCheck, StatsRow, StatsTable } from '../../../shared/api/stats';
import { FDI_MODES, FDI_MODE_CODES } from '../../../shared/domain/fdi';
import { PLATFORM_TYPES, PLATFORM_TYPE_CODES } from '../../../shared/domain/platform';
import { roundReported } from '../../../shared/rules/money';
import { counts, keyedPair, placePair, totalPair, type BuildInput } from './build-context';
import { hasRecords, makeRow } from './rows';

/** Tables by how and where the money came: 分投资方式, 分区县, 分园区, and the check that districts add up. */

const TOTAL_HEAD = { key: 'total', code: null, name: '合计', level: 0, role: 'total', filter: {} } as const;

export function modeTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  for (const mode of FDI_MODE_CODES) {
    const pair = placePair(input, (p) => p.mode === mode, true);
    const role = counts(input, { mode }) ? 'item' : 'memo';
    rows.push(makeRow({ key: `mode:${mode}`, code: mode, name: FDI_MODES[mode], level: 0, role, filter: { mode } }, pair, total));
  }
  return { id: 'mode', title: '外商投资分投资方式统计表', formNo: '', rows };
}

/** Every district of the jurisdiction (zero or not), and 未分区县 for records without one. */
export function districtTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  for (const d of input.labels.districts) {
    const pair = placePair(input, (p) => p.districtId === d.id);
    rows.push(makeRow({ key: `district:${d.id}`, code: d.code, name: d.name, level: 0, role: 'item', filter: { district: d.id } }, pair, total));
  }
  const none = placePair(input, (p) => p.districtId === null);
  if (hasRecords(none)) rows.push(makeRow({ key: 'district:none', code: null, name: '未分区县', level: 0, role: 'unassigned', filter: { district: null } }, none, total));
  return { id: 'district', title: '外商投资分区县统计表', formNo: '', rows };
}

/** By platform type, each type's platforms under it, then 园区外 for records outside any platform. */
export function platformTable(input: BuildInput): StatsTable {
  const total = totalPair(input);
  const rows: StatsRow[] = [makeRow(TOTAL_HEAD, total, total)];
  const { platforms } = input.labels;
  for (const type of PLATFORM_TYPE_CODES) {
    const ofType = platforms.filter((p) => p.type === type);
    if (!ofType.length) continue;
    const ids = new Set(ofType.map((p) => p.id));
    const pair = placePair(input, (p) => p.platformId !== null && ids.has(p.platformId));
    rows.push(makeRow({ key: `platformType:${type}`, code: type, name: PLATFORM_TYPES[type], level: 0, role: 'item', filter: { platformType: type } }, pair, total));
    for (const platform of ofType) {
      const pPair = placePair(input, (p) => p.platformId === platform.id);
      rows.push(makeRow({ key: `platform:${platform.id}`, code: null, name: platform.name, level: 1, role: 'item', filter: { platform: platform.id, platformType: type } }, pPair, total));
    }
  }
  const none = placePair(input, (p) => p.platformId === null);
  if (hasRecords(none)) rows.push(makeRow({ key: 'platform:none', code: null, name: '园区外', level: 0, role: 'unassigned', filter: { platform: null } }, none, total));
  return { id: 'platform', title: '外商投资分园区统计表', formNo: '', rows };
}

/** Half a cent of 万美元: sums taken in a different order may differ in the last binary digits, never by this much. */
const TOLERANCE = 0.005;

/**
 * The districts (with 未分区县) against the total counted by industry — two different summary tables and groupings of
 * the same records — for the current range. A difference means records the district breakdown does not see.
 */
export function districtCheck(input: BuildInput): DistrictCheck {
  const byIndustry = keyedPair(input, (a) => a.byIndustry, () => true).cur;
  // the district rows the table prints: a district id without a district row (only reachable with foreign keys off)
  // is in no row, and the check says so
  const known = new Set(input.labels.districts.map((d) => d.id));
  const byDistrict = placePair(input, (p) => p.districtId === null || known.has(p.districtId)).cur;
  const unassigned = placePair(input, (p) => p.districtId === null).cur;
  const diff = { c: byDistrict.c - byIndustry.c, a: byDistrict.a - byIndustry.a };
  return {
    ok: byIndustry.records === byDistrict.records && Math.abs(diff.c) < TOLERANCE && Math.abs(diff.a) < TOLERANCE,
    total: { contractedFdi: roundReported(byIndustry.c), actualFdi: roundReported(byIndustry.a) },
    sumOfDistricts: { contractedFdi: roundReported(byDistrict.c), actualFdi: roundReported(byDistrict.a) },
    difference: { contractedFdi: roundReported(diff.c), actualFdi: roundReported(diff.a) },
    unassigned: { records: unassigned.records, contractedFdi: roundReported(unassigned.c), actualFdi: roundReported(unassigned.a) },
  };
}
