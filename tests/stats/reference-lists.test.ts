import { describe, expect, it } from 'vitest';
import type { RefList } from '../../shared/api/reference';
import type { StatsTables } from '../../shared/api/stats';
import { roundReported } from '../../shared/rules/money';
import { loadReferenceData } from '../../electron/backend/reference/load';
import { call, tempBackend } from '../helpers/backend';

const list = (lists: RefList[], id: string) => lists.find((l) => l.list === id)!;
const row = (t: StatsTables, table: string, key: string) => t.tables.find((x) => x.id === table)!.rows.find((r) => r.key === key);

describe('editable reference lists', () => {
  it('ship with their source and version: the excluded divisions, 一带一路 (no members yet), the high-tech classes', async () => {
    const b = await tempBackend();
    const lists = await call<RefList[]>(b, 'reference.lists');
    for (const l of lists) {
      expect(l.source.length, l.list).toBeGreaterThan(10);
      expect(l.version.length, l.list).toBeGreaterThan(0);
      expect(l.editedAt).toBeNull();
    }
    expect(list(lists, 'scope:excl-finance').items.map((i) => [i.code, i.name])).toEqual([['66', '货币金融服务'], ['67', '资本市场服务'], ['68', '保险业']]);
    expect(list(lists, 'scope:excl-finance').source).toContain('专栏1');
    expect(list(lists, 'group:BRI')).toMatchObject({ kind: 'countries', items: [] });
    expect(list(lists, 'group:BRI').source).toContain('未能取得');
    expect(list(lists, 'hightech:services').items.length).toBe(97);
    expect(list(lists, 'hightech:services').source).toContain('其他高技术服务');
  });

  it('take the bureau’s edits — the tables follow at once — and keep them over a new shipped version', async () => {
    const b = await tempBackend({ demo: true });
    const db = b.ctx.db;
    const bri = await call<RefList>(b, 'reference.saveList', { list: 'group:BRI', items: [{ code: 'SGP' }, { code: 'kor' }, { code: 'DEU', validFrom: '2026-01' }], source: '本局据中国一带一路网名单（2025年X月）整理', version: '2025-10' });
    expect(bri).toMatchObject({ editedBy: '', items: [{ code: 'DEU', validFrom: '2026-01' }, { code: 'KOR' }, { code: 'SGP' }] });
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10' });
    const sql = (from: string, to: string, where: string) =>
      roundReported(db.prepare(`SELECT coalesce(sum(actual_fdi), 0) FROM fdi_record WHERE period BETWEEN ? AND ? AND mode <> 'domestic_reinvestment' AND ${where}`).pluck().get(from, to) as number);
    expect(row(t, 'country', 'group:BRI')!.current.actualFdi).toBe(sql('2026-01', '2026-10', "country_code IN ('SGP', 'KOR', 'DEU')"));
    // DEU counts from 2026-01 only: not in the prior year's figure
    expect(row(t, 'country', 'group:BRI')!.prior.actualFdi).toBe(sql('2025-01', '2025-10', "country_code IN ('SGP', 'KOR')"));

    // insurance no longer left out of the plan's scope
    const before = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10', scope: 'excl-finance' });
    await call(b, 'reference.saveList', { list: 'scope:excl-finance', items: [{ code: '66' }, { code: '67' }], source: '本局口径：仅不含银行、证券', version: '2026-01' });
    const after = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10', scope: 'excl-finance' });
    const expected = sql('2026-01', '2026-10', "NOT (substr(industry_code, 1, 2) IN ('66', '67'))");
    expect(after.tables[0]!.rows[0]!.current.actualFdi).toBe(expected);
    expect(after.tables[0]!.rows[0]!.current.actualFdi).toBeGreaterThan(before.tables[0]!.rows[0]!.current.actualFdi);

    // an app update with new versions of the lists leaves the edited ones alone
    db.prepare("UPDATE ref_version SET version = 'older' WHERE dataset IN ('countryGroups', 'scopes', 'lists')").run();
    loadReferenceData(db, b.ctx.referenceDir);
    const lists = await call<RefList[]>(b, 'reference.lists');
    expect(list(lists, 'group:BRI').items.map((i) => i.code)).toEqual(['DEU', 'KOR', 'SGP']);
    expect(list(lists, 'scope:excl-finance')).toMatchObject({ version: '2026-01', items: [{ code: '66' }, { code: '67' }] });
    expect(list(lists, 'group:ASEAN').items.length).toBe(11);
  });

  it('refuses codes that are not of the list’s kind, in Chinese', async () => {
    const b = await tempBackend();
    const bad = await b.dispatch('reference.saveList', { list: 'scope:excl-finance', items: [{ code: '6621' }], source: '某文件', version: '1' });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(!bad.ok && bad.error.message).toContain('行业大类');
    const noSource = await b.dispatch('reference.saveList', { list: 'group:BRI', items: [], source: '', version: '1' });
    expect(!noSource.ok && noSource.error.message).toContain('来源');
  });
});
