import { STATS_TABLE_IDS } from '../../../shared/api/stats';
import { formMetaSchema, signatureSchema, type FxRate, type StatsSettings } from '../../../shared/api/statsSettings';
import type { DomesticReinvestmentRule } from '../../../shared/domain/fdi';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/store';
import { markRateDirty } from './summary/dirty';

const KEYS = { rule: 'stats.domesticReinvestment', forms: 'stats.forms', signature: 'stats.signature' } as const;

/** The national FDI definition leaves 境内再投资 out; a province that counts it says so here. */
export const DEFAULT_RULE: DomesticReinvestmentRule = 'excluded';

export function readStatsSettings(db: Db): StatsSettings {
  const forms = readSetting<Record<string, unknown>>(db, KEYS.forms, {});
  return {
    domesticReinvestment: readSetting<DomesticReinvestmentRule>(db, KEYS.rule, DEFAULT_RULE),
    forms: Object.fromEntries(STATS_TABLE_IDS.map((id) => [id, formMetaSchema.parse(forms[id] ?? {})])) as StatsSettings['forms'],
    signature: signatureSchema.parse(readSetting(db, KEYS.signature, {})),
  };
}

export interface StatsSettingsPatch {
  domesticReinvestment?: DomesticReinvestmentRule | undefined;
  forms?: Partial<StatsSettings['forms']> | undefined;
  signature?: StatsSettings['signature'] | undefined;
}

export function saveStatsSettings(db: Db, input: StatsSettingsPatch, user: string): StatsSettings {
  const before = readStatsSettings(db);
  if (input.domesticReinvestment) writeSetting(db, KEYS.rule, input.domesticReinvestment);
  if (input.forms) writeSetting(db, KEYS.forms, { ...before.forms, ...input.forms });
  if (input.signature) writeSetting(db, KEYS.signature, input.signature);
  const after = readStatsSettings(db);
  writeAudit(db, { user, action: 'update', entity: 'setting', entityId: 'stats', before, after });
  return after;
}

type RateRow = { period: string; rate: number; source: string; updatedAt: string };
const RATE_COLUMNS = 'period, rate, source, updated_at AS updatedAt';

export function listRates(db: Db): FxRate[] {
  return db.prepare(`SELECT ${RATE_COLUMNS} FROM fx_rate ORDER BY period DESC`).all() as RateRow[];
}

/** Sets a rate; the months it applies to get their 人民币 figures again. */
export function saveRate(db: Db, input: { period: string; rate: number; source: string }, user: string): FxRate {
  const before = db.prepare(`SELECT ${RATE_COLUMNS} FROM fx_rate WHERE period = ?`).get(input.period) ?? null;
  db.prepare(
    `INSERT INTO fx_rate (period, rate, source, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (period) DO UPDATE SET rate = excluded.rate, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(input.period, input.rate, input.source, new Date().toISOString());
  markRateDirty(db, input.period);
  const after = db.prepare(`SELECT ${RATE_COLUMNS} FROM fx_rate WHERE period = ?`).get(input.period) as RateRow;
  writeAudit(db, { user, action: before ? 'update' : 'create', entity: 'fx_rate', entityId: input.period, before, after });
  return after;
}

export function deleteRate(db: Db, period: string, user: string): void {
  const before = db.prepare(`SELECT ${RATE_COLUMNS} FROM fx_rate WHERE period = ?`).get(period);
  if (!before) throw new AppError('NOT_FOUND', `没有 ${period} 的汇率`);
  db.prepare('DELETE FROM fx_rate WHERE period = ?').run(period);
  markRateDirty(db, period);
  writeAudit(db, { user, action: 'delete', entity: 'fx_rate', entityId: period, before });
}
