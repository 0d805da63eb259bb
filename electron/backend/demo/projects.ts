import type { EventKind, IssueCategory, ProjectPriority, ProjectStage } from '../../../shared/domain/project';
import { roundStored } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import type { DemoArea } from './fdi';
import type { Random } from './random';

/** What each demo industry's projects make, for plausible names. */
const PRODUCTS: ReadonlyArray<readonly [string, string, number]> = [
  ['3670', '年产{n}万套新能源汽车零部件', 10],
  ['3982', '高端印制电路板生产基地', 6],
  ['3972', '功率半导体器件封装测试', 5],
  ['3974', '新型显示模组', 4],
  ['3562', '半导体专用设备研发制造', 5],
  ['2710', '创新药原料药生产', 3],
  ['3581', '高端医疗影像设备', 4],
  ['3612', '新能源汽车整车配套', 2],
  ['3441', '精密真空泵制造', 3],
  ['3811', '氢燃料电池发电机组', 3],
  ['6513', '工业软件研发中心', 4],
  ['7320', '亚太研发中心', 4],
  ['5612', '航空货运分拨中心', 1],
];
const INVESTORS: ReadonlyArray<readonly [string, string]> = [
  ['JPN', '东洋精机株式会社'], ['JPN', '日进电子株式会社'], ['JPN', '山田化学工业株式会社'], ['KOR', '韩星电子株式会社'],
  ['KOR', '大新材料株式会社'], ['DEU', '克劳斯机械股份公司'], ['DEU', '莱茵精密技术有限公司'], ['USA', '太平洋半导体公司'],
  ['USA', '美科医疗器械公司'], ['SGP', '丰盛控股私人有限公司'], ['SGP', '狮城物流私人有限公司'], ['HKG', '香港汇丰达投资有限公司'],
  ['HKG', '香港新宇国际控股有限公司'], ['HKG', '香港博泰集团有限公司'], ['TWN', '友达精密股份有限公司'], ['TWN', '联创科技股份有限公司'],
  ['NLD', '安波生物科技有限公司'], ['FRA', '凯斯能源集团'], ['CHE', '森科仪器股份公司'], ['GBR', '普恩制药有限公司'],
];
const PEOPLE = ['张伟', '王芳', '李强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷'];
const LEADERS = ['王建国', '李志明', '张海涛', '陈立新', '刘振华'];
const STAGE_PLAN: ReadonlyArray<readonly [ProjectStage, number]> = [
  ['lead', 8], ['negotiating', 14], ['signed', 10], ['registered', 8], ['construction', 9], ['operating', 7], ['paused', 2], ['dropped', 2],
];
const PIPELINE: ProjectStage[] = ['lead', 'negotiating', 'signed', 'registered', 'construction', 'operating'];
const ISSUES: ReadonlyArray<readonly [IssueCategory, string]> = [
  ['land', '项目用地指标尚未落实，需协调自然资源部门'],
  ['energy', '能耗指标需省里统筹，能评尚未通过'],
  ['labour', '技术工人招聘困难，需人社部门对接职业院校'],
  ['approval', '环评审批进度滞后，需加快办理'],
  ['funding', '外资到位节奏慢，外汇登记需指导'],
  ['other', '外籍高管签证与子女入学需协调'],
];
const RESOLUTIONS = ['已召开专题协调会解决', '相关部门已办结', '已对接到位，企业确认无需继续协调'];
const EVENT_NOTES: Record<EventKind, string> = {
  visit: '上门走访，了解项目推进情况',
  talk: '与投资方就投资规模、选址进行洽谈',
  call: '电话沟通，确认下一步安排',
  meeting: '参加项目推进会，梳理需协调事项',
  signing: '举行签约仪式',
  other: '陪同考察园区载体',
};

const DAY = 86400000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * About 60 demo projects across the stages, with follow-up logs, problems (some past due, some projects not followed
 * up for weeks), planned arrival (some behind the actual FDI of their linked enterprise), and reinvestment projects of
 * demo enterprises. Dates are relative to `today`, so alerts show whatever day the demo is made.
 */
export function seedDemoProjects(db: Db, rng: Random, area: DemoArea, today: Date): void {
  const now = today.toISOString();
  const t0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const enterprises = db
    .prepare('SELECT id, name, investor, country_code, industry_code, district_id, platform_id FROM enterprise WHERE is_demo = 1 ORDER BY id')
    .all() as { id: number; name: string; investor: string; country_code: string; industry_code: string; district_id: number; platform_id: number | null }[];
  const segments = (db.prepare('SELECT id FROM segment ORDER BY id').all() as { id: number }[]).map((s) => s.id);
  const insertProject = db.prepare(
    `INSERT INTO project (name, investor, country_code, industry_code, district_id, platform_id, total_investment, contracted_fdi, stage,
       reinvestment, reinvest_enterprise_id, enterprise_id, priority, owner_unit, owner_person, leader, first_contact_date, signed_date,
       registered_date, construction_date, operation_date, last_follow_up_date, notes, is_demo, created_at, updated_at)
     VALUES (@name, @investor, @country, @industry, @district, @platform, @total, @contracted, @stage, @reinvestment, @reinvestEnterprise,
       @enterprise, @priority, @ownerUnit, @ownerPerson, @leader, @first, @signed, @registered, @construction, @operation, NULL, @notes, 1, @now, @now)`,
  );
  const stageLog = db.prepare('INSERT INTO project_stage_log (project_id, from_stage, to_stage, date, by) VALUES (?, ?, ?, ?, ?)');
  const event = db.prepare(`INSERT INTO project_event (project_id, date, kind, notes, by, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const issue = db.prepare(
    `INSERT INTO project_issue (project_id, category, description, owner, due_date, status, resolution, resolved_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const plan = db.prepare('INSERT INTO project_plan (project_id, period, amount) VALUES (?, ?, ?)');
  const actualSince = db.prepare('SELECT coalesce(sum(actual_fdi), 0) AS s FROM fdi_record WHERE enterprise_id = ? AND period >= ? AND period <= ?');
  const districtName = db.prepare('SELECT name FROM district WHERE id = ?');
  const platformDistrictOf = db.prepare('SELECT district_id FROM platform WHERE id = ?');
  const usedEnterprises = new Set<number>();
  const pickEnterprise = () => {
    for (let i = 0; i < 20 && enterprises.length; i++) {
      const e = rng.pick(enterprises);
      if (!usedEnterprises.has(e.id)) return usedEnterprises.add(e.id), e;
    }
    return null;
  };

  const usedNames = new Set<string>();
  let n = 0;
  for (const [stage, count] of STAGE_PLAN) {
    for (let k = 0; k < count; k++, n++) {
      const reached = stage === 'paused' || stage === 'dropped' ? rng.pick(PIPELINE.slice(1, 4)) : stage;
      const depth = PIPELINE.indexOf(reached);
      const reinvest = depth >= 1 && rng.next() < 0.22;
      const linked = reinvest || depth >= 3 ? pickEnterprise() : null;
      const [industry, product] = linked ? [linked.industry_code, '增资扩产'] : (() => {
        const [code, text] = rng.weighted(PRODUCTS.map(([c, t, w]) => [[c, t] as const, w] as const));
        return [code, text.replace('{n}', String(rng.int(5, 200)))];
      })();
      const [country, investor] = linked ? [linked.country_code, linked.investor || linked.name] : rng.pick(INVESTORS);
      const short = linked ? linked.name.replace(/^苏州/, '').replace(/(有限公司|股份有限公司)$/, '') : investor.replace(/(株式会社|股份公司|私人有限公司|有限公司|公司|集团|股份有限公司)$/, '').replace(/^香港/, '');
      let name = linked && reinvest ? `${short}${rng.pick(['增资扩产', '二期', '研发中心', '新建厂房'])}项目` : `${short}${product}项目`;
      if (usedNames.has(name)) name = name.replace(/项目$/, '（二期）项目');
      if (usedNames.has(name)) name = name.replace(/项目$/, `${n}`) + '项目';
      usedNames.add(name);
      const platform = linked ? linked.platform_id : rng.next() < 0.65 ? rng.pick(area.platformIds) : null;
      // a platform lies in its district
      const platformDistrict = platform === null ? null : ((platformDistrictOf.get(platform) as { district_id: number | null } | undefined)?.district_id ?? null);
      const district = linked?.district_id ?? platformDistrict ?? rng.pick(area.districtIds);
      const total = roundStored(rng.int(800, 60000) + rng.int(0, 99) / 100);
      const contracted = depth >= 2 ? roundStored(total * (0.3 + rng.next() * 0.5)) : rng.next() < 0.4 ? roundStored(total * 0.5) : null;
      // stage dates walk forward from the first contact, ending before today
      const span = 90 + depth * 150 + rng.int(0, 200);
      const dates: number[] = [t0 - span * DAY];
      for (let s = 1; s <= depth; s++) dates.push(dates[s - 1]! + Math.floor((span - 20) / Math.max(1, depth)) * DAY * (0.6 + rng.next() * 0.4));
      const dateOf = (s: ProjectStage) => (PIPELINE.indexOf(s) <= depth && PIPELINE.indexOf(s) >= 2 ? iso(dates[PIPELINE.indexOf(s)]!) : null);
      const priority: ProjectPriority = rng.weighted([['provincial', 2], ['city', 3], ['normal', 5]] as const);
      const districtLabel = (districtName.get(district) as { name: string } | undefined)?.name ?? '';
      const id = Number(
        insertProject.run({
          name, investor, country, industry, district, platform, total, contracted, stage,
          reinvestment: reinvest ? 1 : 0,
          reinvestEnterprise: reinvest ? linked?.id ?? null : null,
          enterprise: !reinvest ? linked?.id ?? null : null,
          priority,
          ownerUnit: platform && rng.next() < 0.5 ? '园区招商局' : `${districtLabel}商务局`,
          ownerPerson: rng.pick(PEOPLE),
          leader: priority === 'normal' ? '' : rng.pick(LEADERS),
          first: iso(dates[0]!),
          signed: dateOf('signed'),
          registered: dateOf('registered'),
          construction: dateOf('construction'),
          operation: dateOf('operating'),
          notes: reinvest ? '存量外资企业利润再投资，扩大产能' : '',
          now,
        }).lastInsertRowid,
      );
      let from: ProjectStage | null = null;
      for (let s = 0; s <= depth; s++) {
        stageLog.run(id, from, PIPELINE[s], iso(dates[s]!), '演示');
        from = PIPELINE[s]!;
      }
      if (stage === 'paused' || stage === 'dropped') stageLog.run(id, from, stage, iso(dates[depth]! + 30 * DAY), '演示');

      // follow-ups: active projects mostly recent; about a quarter left without one for weeks (stale)
      const stale = rng.next() < 0.25;
      const lastEvent = stale ? t0 - rng.int(45, 120) * DAY : t0 - rng.int(1, 25) * DAY;
      const eventCount = rng.int(2, 6);
      let latest = '';
      for (let e = 0; e < eventCount; e++) {
        const t = e === eventCount - 1 ? lastEvent : dates[0]! + rng.next() * Math.max(DAY, lastEvent - dates[0]!);
        const kind: EventKind = rng.weighted([['visit', 4], ['talk', 3], ['call', 3], ['meeting', 2], ['other', 1]] as const);
        const date = iso(Math.max(dates[0]!, Math.min(t, lastEvent)));
        event.run(id, date, kind, EVENT_NOTES[kind], rng.pick(PEOPLE), now);
        if (date > latest) latest = date;
      }
      if (depth >= 2) event.run(id, iso(dates[2]!), 'signing', EVENT_NOTES.signing, '演示', now);
      if (depth >= 2 && iso(dates[2]!) > latest) latest = iso(dates[2]!);
      db.prepare('UPDATE project SET last_follow_up_date = ? WHERE id = ?').run(latest, id);

      // problems: some resolved, some open and past due, some open and due later
      if (rng.next() < 0.4) {
        for (let q = 0; q < rng.int(1, 2); q++) {
          const [category, description] = rng.pick(ISSUES);
          const state = rng.weighted([['resolved', 2], ['overdue', 2], ['open', 2]] as const);
          const due = state === 'open' ? t0 + rng.int(10, 60) * DAY : t0 - rng.int(5, 60) * DAY;
          const raised = new Date(Math.min(t0, due) - rng.int(20, 90) * DAY).toISOString();
          issue.run(
            id, category, description, rng.pick(['自然资源和规划局', '发展改革委', '人社局', '生态环境局', '外汇管理局', '园区管委会']), iso(due),
            state === 'resolved' ? 'resolved' : 'open',
            state === 'resolved' ? rng.pick(RESOLUTIONS) : '',
            state === 'resolved' ? iso(due - rng.int(0, 10) * DAY) : null,
            raised, raised,
          );
        }
      }

      // planned arrival from the signing month: where a firm is linked, about half are planned ahead of what arrived
      if (depth >= 2 && contracted) {
        // money arrives through an enterprise: without one yet, the plan starts next month
        const start = linked ? new Date(dates[2]!) : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
        const months = rng.int(6, 12);
        const periods = Array.from({ length: months }, (_, m) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1)).toISOString().slice(0, 7));
        const pastCount = periods.filter((p) => p <= lastMonth).length;
        let perMonth = (contracted * 0.7) / months;
        if (linked && pastCount > 0) {
          const arrived = (actualSince.get(linked.id, periods[0], lastMonth) as { s: number }).s;
          const factor = rng.next() < 0.5 ? 1.4 : 0.7;
          if (arrived > 0) perMonth = (arrived * factor) / pastCount;
        }
        for (const p of periods) plan.run(id, p, roundStored(perMonth * (0.8 + rng.next() * 0.4)));
      }
      if (segments.length && rng.next() < 0.5) {
        db.prepare('INSERT OR IGNORE INTO project_segment (project_id, segment_id) VALUES (?, ?)').run(id, rng.pick(segments));
      }
    }
  }
}
