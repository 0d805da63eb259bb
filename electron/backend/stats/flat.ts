import { rowLabel, type StatsRow, type StatsTable, type StatsTableId, type StatsTables } from '../../../shared/api/stats';
import { PLATFORM_TYPES, type PlatformType } from '../../../shared/domain/platform';

/**
 * The standard tables as flat lists, the shape `stats --json` prints (and scripts, the dashboard's checks, compare
 * against): per item its code, name and current figures, with prior, 同比 and share alongside.
 */
export interface FlatItem {
  code: string | null;
  name: string;
  newEnterprises: number;
  contractedFdi: number;
  actualFdi: number;
  prior: StatsRow['prior'];
  yoy: StatsRow['yoy'];
  share: StatsRow['share'];
  [extra: string]: unknown;
}

function item(row: StatsRow, extra: Record<string, unknown> = {}): FlatItem {
  return { code: row.code, name: row.name, ...row.current, prior: row.prior, yoy: row.yoy, share: row.share, ...extra };
}

function table(tables: StatsTables, id: StatsTableId): StatsTable {
  const found = tables.tables.find((t) => t.id === id);
  if (!found) throw new Error(`missing table ${id}`);
  return found;
}

function rowsWithKey(t: StatsTable, prefix: string): StatsRow[] {
  return t.rows.filter((r) => r.key.startsWith(prefix));
}

function byKey(t: StatsTable, key: string): StatsRow {
  const row = t.rows.find((r) => r.key === key);
  if (!row) throw new Error(`missing row ${key} in ${t.id}`);
  return row;
}

export function flattenStatsTables(tables: StatsTables) {
  const summary = table(tables, 'summary');
  const total = byKey(summary, 'total');
  const ofWhich = (key: string) => byKey(summary, key);
  const totals = {
    /** The 口径 of 境内再投资 these figures follow. */
    domesticReinvestment: tables.domesticReinvestment,
    ...total.current,
    highTechActualFdi: ofWhich('highTech').current.actualFdi,
    highTechShare: ofWhich('highTech').share.actualFdi,
    devZoneActualFdi: ofWhich('devZone').current.actualFdi,
    devZoneShare: ofWhich('devZone').share.actualFdi,
    ftzActualFdi: ofWhich('ftz').current.actualFdi,
    ftzShare: ofWhich('ftz').share.actualFdi,
    profitReinvestmentActualFdi: ofWhich('profitReinvestment').current.actualFdi,
    domesticReinvestmentActualFdi: ofWhich('domesticReinvestment').current.actualFdi,
    prior: {
      ...total.prior,
      highTechActualFdi: ofWhich('highTech').prior.actualFdi,
      devZoneActualFdi: ofWhich('devZone').prior.actualFdi,
      ftzActualFdi: ofWhich('ftz').prior.actualFdi,
      profitReinvestmentActualFdi: ofWhich('profitReinvestment').prior.actualFdi,
      domesticReinvestmentActualFdi: ofWhich('domesticReinvestment').prior.actualFdi,
    },
    yoy: total.yoy,
  };
  const platform = table(tables, 'platform');
  return {
    from: tables.from,
    to: tables.to,
    priorFrom: tables.priorFrom,
    priorTo: tables.priorTo,
    label: tables.label,
    scope: tables.scope,
    comparable: tables.comparable,
    currency: tables.currency,
    unit: tables.unit,
    basis: tables.basis,
    coverage: tables.coverage,
    totals,
    byCountry: table(tables, 'country').rows.filter((r) => r.key.startsWith('country:')).map((r) => item(r)),
    byGroup: rowsWithKey(table(tables, 'country'), 'group:').map((r) => item(r, { code: r.filter.group })),
    bySection: rowsWithKey(table(tables, 'industry'), 'section:').map((r) => item(r)),
    byDivision: rowsWithKey(table(tables, 'industry'), 'division:').map((r) => item(r)),
    byHighTech: rowsWithKey(table(tables, 'industry'), 'highTech:').map((r) => item(r, { code: r.filter.highTech })),
    // counted: false for 境内再投资 when the 口径 leaves it out of the totals
    byMode: rowsWithKey(table(tables, 'mode'), 'mode:').map((r) => item(r, { counted: r.role !== 'memo' })),
    byDistrict: rowsWithKey(table(tables, 'district'), 'district:').map((r) => item(r, { id: r.filter.district ?? null })),
    byPlatform: rowsWithKey(platform, 'platform:').map((r) => {
      const type: PlatformType | null = r.filter.platformType ?? null;
      return item(r, { code: r.filter.platform === null ? null : String(r.filter.platform), id: r.filter.platform ?? null, type, typeName: type ? PLATFORM_TYPES[type] : null });
    }),
    byPlatformType: rowsWithKey(platform, 'platformType:').map((r) => item(r, { name: rowLabel(r) })),
    districtCheck: tables.districtCheck,
  };
}
export type FlatStats = ReturnType<typeof flattenStatsTables>;
