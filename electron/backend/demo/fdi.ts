import type { Db } from '../db/open';
import { roundStored } from '../../../shared/rules/money';
import type { Random } from './random';
import { fakeUscc } from './uscc';

/** A plausible 苏州-like mix: industries (GB/T 4754 classes, several high-tech) and sources, weighted. */
const INDUSTRIES: ReadonlyArray<readonly [string, number]> = [
  ['3670', 10], ['3982', 8], ['3972', 6], ['3974', 5], ['3562', 5], ['2710', 4], ['3581', 4], ['3612', 3],
  ['2929', 6], ['3399', 5], ['3441', 4], ['3811', 3], ['2651', 3], ['6513', 6], ['7320', 4], ['5612', 2],
  ['7212', 3], ['5191', 4], ['7010', 2],
  // banking, securities, insurance: what the plan's headline scope leaves out
  ['6621', 2], ['6712', 1], ['6811', 1],
];
const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['HKG', 45], ['SGP', 9], ['JPN', 8], ['KOR', 6], ['TWN', 7], ['DEU', 6], ['USA', 5], ['VGB', 5], ['NLD', 3],
  ['GBR', 2], ['CHE', 2], ['FRA', 2], ['MYS', 1], ['THA', 1], ['CYM', 2], ['ITA', 1],
];
const NAME_HEADS = ['精密', '华瑞', '博泰', '汇丰达', '新宇', '东洋', '德尔', '凯斯', '联创', '友达', '安波', '森科', '弘业', '力嘉', '美科', '泰和', '英诺', '日进', '韩星', '普恩'];
const NAME_TAILS: Record<string, string> = {
  C: '制造有限公司', I: '信息科技有限公司', M: '技术研发有限公司', G: '物流有限公司', F: '贸易有限公司', L: '企业管理有限公司',
  J: '金融服务有限公司',
};

export interface DemoArea {
  districtIds: number[];
  platformIds: number[];
  divisionCode: string;
}

/**
 * Demo enterprises and their FDI records for the last two full years and this year up to last month: each firm a
 * 新设 record, some 增资/并购/利润再投资/境内再投资 later, amounts in 万美元; firms with 境内再投资 mostly have a
 * foreign share (外资比例) kept, a few not (the byForeignShare 口径 reports them).
 */
export function seedDemoFdi(db: Db, rng: Random, area: DemoArea, today = new Date()): void {
  const now = today.toISOString();
  const sectionOf = db.prepare('SELECT section FROM ref_industry WHERE code = ?');
  const insertEnterprise = db.prepare(
    `INSERT INTO enterprise (name, uscc, investor, country_code, industry_code, registered_capital, setup_date, district_id,
       platform_id, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const batch = db
    .prepare(
      `INSERT INTO import_batch (kind, file_name, file_hash, unit, rows, created_at, created_by) VALUES ('fdi', '演示数据', 'demo', '万美元', 0, ?, '演示')`,
    )
    .run(now).lastInsertRowid;
  const insertRecord = db.prepare(
    `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, uscc, mode, contracted_fdi, actual_fdi, industry_code,
       country_code, district_id, platform_id, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // the last month already reported is last month: December of last year when today is in January
  const thisMonth = today.getUTCMonth(); // 0-based, so also the count of this year's months already reported
  const lastYear = thisMonth === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const lastMonth = thisMonth === 0 ? 12 : thisMonth;
  const firstYear = today.getUTCFullYear() - 2;
  const usedNames = new Set<string>();
  let rows = 0;
  for (let i = 0; i < 160; i++) {
    const industry = rng.weighted(INDUSTRIES);
    const section = (sectionOf.get(industry) as { section: string } | undefined)?.section ?? 'C';
    let name = `苏州${rng.pick(NAME_HEADS)}${rng.pick(['', '电子', '新材料', '精工', '生物', '智能'])}${NAME_TAILS[section] ?? '有限公司'}`;
    if (usedNames.has(name)) name = name.replace('苏州', `苏州${rng.pick(NAME_HEADS)}`);
    if (usedNames.has(name)) name = name.replace('有限公司', `${i}有限公司`);
    usedNames.add(name);
    const country = rng.weighted(COUNTRIES);
    const year = rng.int(firstYear, lastYear);
    const month = year === lastYear ? rng.int(1, Math.max(1, lastMonth)) : rng.int(1, 12);
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const district = rng.pick(area.districtIds);
    const platform = rng.next() < 0.6 ? rng.pick(area.platformIds) : null;
    const uscc = fakeUscc(rng, area.divisionCode);
    const contracted = roundStored(rng.int(50, 3000) + rng.next());
    const enterpriseId = Number(
      insertEnterprise.run(name, uscc, `${name.slice(2, 4)}控股`, country, industry, contracted, `${period}-${String(rng.int(1, 28)).padStart(2, '0')}`, district, platform, now, now).lastInsertRowid,
    );
    insertRecord.run(period, enterpriseId, name, uscc, 'new', contracted, roundStored(contracted * (0.2 + rng.next() * 0.6)), industry, country, district, platform, batch, now);
    rows++;
    // later capital increases, mergers and reinvestment by the same firm
    for (let k = 0; k < rng.int(0, 3); k++) {
      const y2 = rng.int(year, lastYear);
      const m2 = y2 === lastYear ? rng.int(1, Math.max(1, lastMonth)) : rng.int(1, 12);
      const p2 = `${y2}-${String(m2).padStart(2, '0')}`;
      if (p2 <= period) continue;
      const mode = rng.weighted([['increase', 6], ['profit_reinvestment', 2], ['domestic_reinvestment', 1], ['merger', 1]] as const);
      const amount = roundStored(rng.int(20, 1500) + rng.next());
      insertRecord.run(p2, enterpriseId, name, uscc, mode, mode === 'profit_reinvestment' ? 0 : amount, roundStored(amount * (0.3 + rng.next() * 0.7)), industry, country, district, platform, batch, now);
      rows++;
    }
  }
  db.prepare('UPDATE import_batch SET rows = ? WHERE id = ?').run(rows, batch);
  const setShare = db.prepare('UPDATE enterprise SET foreign_share = ? WHERE id = ?');
  const reinvesting = db.prepare("SELECT DISTINCT enterprise_id FROM fdi_record WHERE batch_id = ? AND mode = 'domestic_reinvestment' ORDER BY enterprise_id").pluck().all(batch) as number[];
  for (const id of reinvesting) if (rng.next() < 0.8) setShare.run(rng.int(25, 100), id);
}
