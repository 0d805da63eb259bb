import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create';
import { loadReferenceData, VERSIONS } from '../../electron/backend/reference/load';
import type { Country, Division, Industry } from '../../shared/api/reference';
import { call, tempBackend } from '../helpers/backend';

describe('reference data loaded on init', () => {
  it('has the counts of the published classifications', async () => {
    const b = await tempBackend();
    const byLevel = Object.fromEntries(
      (b.ctx.db.prepare('SELECT level, count(*) AS n FROM ref_industry GROUP BY level').all() as { level: string; n: number }[]).map((r) => [r.level, r.n]),
    );
    expect(byLevel).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
    const divisions = Object.fromEntries(
      (b.ctx.db.prepare('SELECT level, count(*) AS n FROM ref_division GROUP BY level').all() as { level: string; n: number }[]).map((r) => [r.level, r.n]),
    );
    expect(divisions).toEqual({ province: 31, city: 342, county: 2978 });
    const countries = await call<Country[]>(b, 'reference.listCountries');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    // the three regions come first, under the names the returns use
    expect(countries.slice(0, 3).map((c) => [c.code, c.name, c.isRegion])).toEqual([
      ['HKG', '中国香港', true],
      ['MAC', '中国澳门', true],
      ['TWN', '中国台湾', true],
    ]);
    // every industry's parent exists, at the level above
    const orphans = b.ctx.db
      .prepare(`SELECT c.code FROM ref_industry c LEFT JOIN ref_industry p ON p.code = c.parent WHERE c.parent IS NOT NULL AND p.code IS NULL`)
      .all();
    expect(orphans).toEqual([]);
    // every high-tech class is a real GB/T 4754 class
    const unknownHightech = b.ctx.db
      .prepare(`SELECT h.industry_code FROM ref_hightech h LEFT JOIN ref_industry i ON i.code = h.industry_code WHERE i.code IS NULL`)
      .all();
    expect(unknownHightech).toEqual([]);
  });

  it('records each data set with its version and row count', async () => {
    const b = await tempBackend();
    const versions = await call<{ dataset: string; version: string; rows: number }[]>(b, 'reference.versions');
    expect(Object.fromEntries(versions.map((v) => [v.dataset, v.version]))).toEqual(VERSIONS);
    const rows = Object.fromEntries(versions.map((v) => [v.dataset, v.rows]));
    expect(rows.industries).toBe(20 + 97 + 473 + 1381);
    expect(rows.divisions).toBe(3351);
    expect(rows.countries).toBeGreaterThanOrEqual(249);
    expect(rows.hightech).toBeGreaterThan(150);
    expect(rows.countryGroups).toBe(b.ctx.db.prepare('SELECT count(*) AS n FROM ref_country_group_member').pluck().get());
  });

  it('loads nothing when every version is current', async () => {
    const b = await tempBackend();
    expect(loadReferenceData(b.ctx.db, b.ctx.referenceDir)).toEqual([]);
  });

  it('reloads a data set whose stored version differs, also when enterprises and records point at its codes', async () => {
    const b = await tempBackend({ demo: true });
    const db = b.ctx.db;
    expect(db.prepare('SELECT count(*) FROM enterprise WHERE industry_code IS NOT NULL').pluck().get()).toBeGreaterThan(0);
    db.prepare(`UPDATE ref_industry SET name = '改过的名称' WHERE code = '3670'`).run();
    db.prepare(`DELETE FROM ref_division WHERE code = '320505'`).run();
    db.prepare(`UPDATE ref_country SET name = '改过' WHERE code = 'JPN'`).run();
    // codes a new version dropped: one still used by an enterprise, one unused
    db.prepare(`INSERT INTO ref_industry (code, name, level, parent, section) VALUES ('3999', '旧行业（已停用）', 'class', '399', 'C'), ('3998', '无人使用', 'class', '399', 'C')`).run();
    const enterpriseId = db.prepare('SELECT id FROM enterprise LIMIT 1').pluck().get() as number;
    db.prepare(`UPDATE enterprise SET industry_code = '3999' WHERE id = ?`).run(enterpriseId);
    db.prepare(`UPDATE ref_version SET version = 'older' WHERE dataset IN ('industries', 'divisions', 'countries', 'countryGroups', 'hightech')`).run();
    const counts = db.prepare('SELECT (SELECT count(*) FROM enterprise) AS e, (SELECT count(*) FROM fdi_record) AS f').get();
    b.close();

    const again = await createBackend({ dbPath: b.ctx.dbPath, workDir: path.join(b.dir, 'work2'), log: () => undefined });
    try {
      const db2 = again.ctx.db;
      expect(db2.prepare(`SELECT name FROM ref_industry WHERE code = '3670'`).pluck().get()).toBe('汽车零部件及配件制造');
      expect(db2.prepare(`SELECT name FROM ref_division WHERE code = '320505'`).pluck().get()).toBe('虎丘区');
      expect(db2.prepare(`SELECT name FROM ref_country WHERE code = 'JPN'`).pluck().get()).toBe('日本');
      expect(db2.prepare(`SELECT name FROM ref_industry WHERE code = '3999'`).pluck().get()).toBe('旧行业（已停用）');
      expect(db2.prepare(`SELECT count(*) FROM ref_industry WHERE code = '3998'`).pluck().get()).toBe(0);
      expect(db2.prepare('SELECT (SELECT count(*) FROM enterprise) AS e, (SELECT count(*) FROM fdi_record) AS f').get()).toEqual(counts);
      expect(db2.prepare(`SELECT count(*) FROM ref_version WHERE version = 'older'`).pluck().get()).toBe(0);
      expect(db2.pragma('foreign_key_check')).toEqual([]);
    } finally {
      again.close();
    }
  });
});

describe('reference.searchIndustries', () => {
  it('finds a class by code with or without its section letter, in any case or width', async () => {
    const b = await tempBackend();
    for (const query of ['C3670', '3670', 'c3670', ' C3670 ', 'Ｃ３６７０']) {
      const found = await call<Industry[]>(b, 'reference.searchIndustries', { query });
      expect(found[0], query).toEqual({ code: '3670', name: '汽车零部件及配件制造', level: 'class', parent: '367', section: 'C' });
    }
  });

  it('a section letter that does not match the code finds nothing', async () => {
    const b = await tempBackend();
    expect(await call<Industry[]>(b, 'reference.searchIndustries', { query: 'A3670' })).toEqual([]);
  });

  it('lists the exact code first, then longer codes under it', async () => {
    const b = await tempBackend();
    const found = await call<Industry[]>(b, 'reference.searchIndustries', { query: '36', limit: 50 });
    expect(found[0]!.code).toBe('36');
    expect(found.every((i) => i.code.startsWith('36') || i.name.includes('36'))).toBe(true);
    expect(found.map((i) => i.code)).toContain('3670');
    const section = await call<Industry[]>(b, 'reference.searchIndustries', { query: 'C' });
    expect(section[0]).toMatchObject({ code: 'C', name: '制造业', level: 'section' });
  });

  it('finds by name, filtered by level, within the limit', async () => {
    const b = await tempBackend();
    const byName = await call<Industry[]>(b, 'reference.searchIndustries', { query: '汽车零部件', limit: 10 });
    expect(byName.map((i) => i.code)).toEqual(['367', '3670']);
    const classes = await call<Industry[]>(b, 'reference.searchIndustries', { query: '软件', level: 'class', limit: 200 });
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((i) => i.level === 'class' && i.name.includes('软件'))).toBe(true);
    const limited = await call<Industry[]>(b, 'reference.searchIndustries', { query: '制造', limit: 5 });
    expect(limited).toHaveLength(5);
    expect(await call<Industry[]>(b, 'reference.searchIndustries', { query: '不存在的行业' })).toEqual([]);
  });

  it('refuses a limit outside 1..200 and an over-long query', async () => {
    const b = await tempBackend();
    for (const input of [{ query: '36', limit: 0 }, { query: '36', limit: 201 }, { query: 'x'.repeat(51) }]) {
      const r = await b.dispatch('reference.searchIndustries', input);
      expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('reference.resolveCountry', () => {
  const WRITTEN: Array<[string, string]> = [
    ['香港', 'HKG'],
    ['中国香港', 'HKG'],
    ['香港特别行政区', 'HKG'],
    ['HK', 'HKG'],
    ['HKG', 'HKG'],
    ['hong kong', 'HKG'],
    ['Hong Kong', 'HKG'],
    ['台湾', 'TWN'],
    ['中国台湾', 'TWN'],
    ['Taiwan', 'TWN'],
    ['澳门', 'MAC'],
    ['英属维尔京群岛', 'VGB'],
    ['维尔京群岛(英属)', 'VGB'],
    ['维尔京群岛（英属）', 'VGB'],
    ['美利坚合众国', 'USA'],
    ['美国', 'USA'],
    ['U.S.A.', 'USA'],
    ['United States', 'USA'],
    ['usa', 'USA'],
    ['韩国', 'KOR'],
    ['大韩民国', 'KOR'],
    ['Korea, Republic of', 'KOR'],
    ['朝鲜', 'PRK'],
    ['开曼群岛', 'CYM'],
    ['  日本 ', 'JPN'],
    ['新加坡', 'SGP'],
    ['德国', 'DEU'],
    ['俄罗斯联邦', 'RUS'],
  ]
  it('resolves the ways bureau files write a source country or region', async () => {
    const b = await tempBackend();
    for (const [text, code] of WRITTEN) expect((await call<Country | null>(b, 'reference.resolveCountry', { text }))?.code, text).toBe(code);
  });

  it('regions are marked as such', async () => {
    const b = await tempBackend();
    expect(await call(b, 'reference.resolveCountry', { text: '香港' })).toEqual({ code: 'HKG', name: '中国香港', nameEn: 'Hong Kong', isRegion: true });
    expect((await call<Country>(b, 'reference.resolveCountry', { text: '日本' })).isRegion).toBe(false);
  });

  it('anything else is null, never a guess (Congo is two countries)', async () => {
    const b = await tempBackend();
    for (const text of ['unknown', '火星', '', '   ', '()', 'Congo', 'XX']) expect(await call(b, 'reference.resolveCountry', { text }), text).toBeNull();
  });
});

describe('reference.listDivisions', () => {
  it('walks province → city → county', async () => {
    const b = await tempBackend();
    const provinces = await call<Division[]>(b, 'reference.listDivisions', {});
    expect(provinces).toHaveLength(31);
    expect(provinces.every((d) => d.level === 'province' && d.parent === null)).toBe(true);
    expect(provinces).toContainEqual({ code: '32', name: '江苏省', level: 'province', parent: null });
    const cities = await call<Division[]>(b, 'reference.listDivisions', { parent: '32' });
    expect(cities).toContainEqual({ code: '3205', name: '苏州市', level: 'city', parent: '32' });
    expect(cities.every((d) => d.level === 'city')).toBe(true);
    const counties = await call<Division[]>(b, 'reference.listDivisions', { parent: '3205' });
    expect(counties.map((d) => d.name)).toEqual(expect.arrayContaining(['姑苏区', '吴江区', '常熟市', '苏州工业园区']));
    expect(counties.every((d) => d.level === 'county' && d.parent === '3205')).toBe(true);
    expect(counties.map((d) => d.code)).toEqual([...counties.map((d) => d.code)].sort());
    expect(await call(b, 'reference.listDivisions', { parent: '320505' })).toEqual([]);
  });

  it('looks through placeholder levels: 北京市 lists its districts, not 市辖区', async () => {
    const b = await tempBackend();
    const beijing = await call<Division[]>(b, 'reference.listDivisions', { parent: '11' });
    expect(beijing.map((d) => d.name)).toContain('东城区');
    expect(beijing.map((d) => d.name)).not.toContain('市辖区');
    expect(beijing.every((d) => d.level === 'county')).toBe(true);
    const hainan = await call<Division[]>(b, 'reference.listDivisions', { parent: '46' });
    expect(hainan.map((d) => d.name)).toContain('五指山市');
    expect(hainan.map((d) => d.name)).not.toContain('省直辖县级行政区划');
  });
});

describe('reference.listCountryGroups', () => {
  it('has the seven groups with dated members (一带一路 still without members: its list could not be found)', async () => {
    const b = await tempBackend();
    type Group = { code: string; name: string; members: { code: string; validFrom: string | null; validTo: string | null }[] };
    const groups = await call<Group[]>(b, 'reference.listCountryGroups');
    expect(groups.map((g) => g.code)).toEqual(['HMT', 'FREEPORT', 'ASEAN', 'EU', 'RCEP', 'BRICS', 'BRI']);
    expect(groups.map((g) => g.name)).toEqual(['港澳台', '自由港', '东盟', '欧盟', 'RCEP成员', '金砖国家', '一带一路']);
    const byCode = Object.fromEntries(groups.map((g) => [g.code, g]));
    expect(byCode.HMT!.members.map((m) => m.code)).toEqual(['HKG', 'MAC', 'TWN']);
    expect(byCode.ASEAN!.members).toHaveLength(11);
    expect(byCode.ASEAN!.members.find((m) => m.code === 'TLS')).toEqual({ code: 'TLS', validFrom: '2025-10', validTo: null });
    expect(byCode.ASEAN!.members.find((m) => m.code === 'SGP')).toEqual({ code: 'SGP', validFrom: null, validTo: null });
    expect(byCode.EU!.members.find((m) => m.code === 'GBR')).toEqual({ code: 'GBR', validFrom: null, validTo: '2020-01' });
    expect(byCode.FREEPORT!.members.map((m) => m.code)).toEqual(expect.arrayContaining(['VGB', 'CYM']));
    expect(byCode.BRI!.members).toEqual([]);
    // every member is a known country
    const known = new Set((await call<Country[]>(b, 'reference.listCountries')).map((c) => c.code));
    for (const g of groups) for (const m of g.members) expect(known.has(m.code), `${g.code}/${m.code}`).toBe(true);
  });
});
