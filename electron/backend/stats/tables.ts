import type { Coverage, StatsQuery, StatsRange, StatsTables } from '../../../shared/api/stats';
import { CURRENCY_UNITS, DOMESTIC_REINVESTMENT_RULES, STATS_SCOPES, type DomesticReinvestmentRule } from '../../../shared/domain/fdi';
import { periodLabel, periodRange, priorYear } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { districtsWithRecords, domesticWithoutShare, monthsWithoutRate, readAggregates, type ReadOptions } from './aggregates';
import type { BuildInput } from './build-context';
import { readLabels, type StatsLabels } from './labels';
import { readStatsSettings } from './settings';
import { ensureStatsSummary } from './summary/refresh';
import { districtCheck, districtTable, modeTable, platformTable } from './tables-place';
import { countryTable, industryTable, summaryTable } from './tables-subject';

/** The months of the year before, for 同比. */
export function priorRange({ from, to }: StatsRange): StatsRange {
  return { from: priorYear(from), to: priorYear(to) };
}

/** Everything a result needs besides its tables: both ranges' aggregates, the 口径 resolved, coverage. */
export interface StatsContext {
  input: BuildInput;
  read: ReadOptions;
  coverage: Coverage;
  domesticWithoutShare: number;
}

const NO_DISTRICT = '未分区县';

function coverageOf(labels: StatsLabels, current: number[], prior: number[]): Coverage {
  const order = new Map(labels.districts.map((d, i) => [d.id, i]));
  const name = (id: number) => (id === 0 ? NO_DISTRICT : (labels.districts.find((d) => d.id === id)?.name ?? `区县${id}`));
  const names = (ids: number[]) => [...ids].sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9)).map(name);
  return {
    current: names(current),
    prior: names(prior),
    missingPrior: names(current.filter((d) => !prior.includes(d))),
    missingCurrent: names(prior.filter((d) => !current.includes(d))),
  };
}

/** The 口径 of 境内再投资 a call uses: its own, else the setting. */
export function ruleOf(db: Db, query: Pick<StatsQuery, 'domesticReinvestment'>): DomesticReinvestmentRule {
  return query.domesticReinvestment ?? readStatsSettings(db).domesticReinvestment;
}

/**
 * Reads both ranges in one read transaction (after bringing the summary up to date), so the current and prior figures
 * come from the same state of the data. With `comparable`, both are limited to the districts with records in both.
 */
export function readStatsContext(db: Db, query: StatsQuery): StatsContext {
  ensureStatsSummary(db);
  const prior = priorRange(query);
  return db.transaction(() => {
    const labels = readLabels(db);
    const current = districtsWithRecords(db, query.from, query.to);
    const before = districtsWithRecords(db, prior.from, prior.to);
    const districts = query.comparable ? current.filter((d) => before.includes(d)) : null;
    if (query.currency === 'cny') {
      const missing = [...monthsWithoutRate(db, prior.from, prior.to), ...monthsWithoutRate(db, query.from, query.to)];
      if (missing.length) throw new AppError('RATE_MISSING', `${monthRuns(missing)}，请在“外资统计—统计设置—汇率”中填写月平均或年平均汇率`);
    }
    const read: ReadOptions = { scope: query.scope, currency: query.currency, rule: ruleOf(db, query), districts };
    return {
      input: { cur: readAggregates(db, query.from, query.to, read), prior: readAggregates(db, prior.from, prior.to, read), labels, rule: read.rule },
      read,
      coverage: coverageOf(labels, current, before),
      domesticWithoutShare: read.rule === 'byForeignShare' ? domesticWithoutShare(db, query.from, query.to, districts) : 0,
    };
  })();
}

/** Months as runs: 2025-01至2025-09、2026-03. */
export function monthRuns(months: string[]): string {
  const runs: string[][] = [];
  for (const m of [...new Set(months)].sort()) {
    const last = runs.at(-1);
    if (last && periodRange(last.at(-1)!, m).length === 2) last.push(m);
    else runs.push([m]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0]}至${r.at(-1)}` : r[0])).join('、');
}

/** The scope and 口径 in words: 不含银行、证券、保险；境内再投资不计入；可比口径（…）. */
export function basisText(o: { scope: StatsQuery['scope']; rule: DomesticReinvestmentRule; comparable: boolean }): string {
  return [STATS_SCOPES[o.scope], DOMESTIC_REINVESTMENT_RULES[o.rule], ...(o.comparable ? ['可比口径（两期均有数据的区县）'] : [])].join('；');
}

/** All six standard tables for a month range, with the prior-year figures and 同比, as the options say. */
export function computeStatsTables(db: Db, query: StatsQuery): StatsTables {
  const ctx = readStatsContext(db, query);
  const prior = priorRange(query);
  const forms = readStatsSettings(db).forms;
  const tables = [summaryTable, industryTable, countryTable, modeTable, districtTable, platformTable].map((build) => {
    const table = build(ctx.input);
    return { ...table, formNo: forms[table.id].formNo };
  });
  return {
    from: query.from,
    to: query.to,
    priorFrom: prior.from,
    priorTo: prior.to,
    label: periodLabel(query.from, query.to),
    priorLabel: periodLabel(prior.from, prior.to),
    scope: query.scope,
    comparable: query.comparable,
    currency: query.currency,
    unit: CURRENCY_UNITS[query.currency],
    domesticReinvestment: ctx.read.rule,
    basis: basisText({ scope: query.scope, rule: ctx.read.rule, comparable: query.comparable }),
    coverage: ctx.coverage,
    domesticWithoutShare: ctx.domesticWithoutShare,
    tables,
    districtCheck: districtCheck(ctx.input),
  };
}
