import type { Db } from '../../electron/backend/db/open';
import { seededRandom } from '../../electron/backend/demo/random';
import { PROJECT_STAGE_CODES } from '../../shared/domain/project';

const DAY = 86400000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Fills a database (already set up with districts and platforms, e.g. by seedDemo) with `count` generated projects
 * and what their alerts read: enterprises with FDI records, planned arrival, follow-ups and problems. Written with
 * plain inserts in one transaction (the audited path would take minutes); the same seed gives the same data. No
 * ANALYZE: the app does not run it either, so the plans measured are the plans people get.
 */
export function generateProjects(db: Db, count: number, today = new Date(), seed = 7): void {
  const rng = seededRandom(seed);
  const t0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const districts = (db.prepare('SELECT id FROM district').all() as { id: number }[]).map((r) => r.id);
  const platforms = (db.prepare('SELECT id FROM platform').all() as { id: number }[]).map((r) => r.id);
  const countries = (db.prepare('SELECT code FROM ref_country ORDER BY code LIMIT 60').all() as { code: string }[]).map((r) => r.code);
  const industries = (db.prepare(`SELECT code FROM ref_industry WHERE level = 'class' AND section IN ('C', 'I', 'M')`).all() as { code: string }[]).map((r) => r.code);
  const people = Array.from({ length: 300 }, (_, i) => `责任人${i}`);
  const words = ['精密', '电子', '新材料', '医疗', '半导体', '汽车零部件', '研发中心', '智能装备', '生物医药', '物流'];
  const now = today.toISOString();
  db.transaction(() => {
    const insertEnterprise = db.prepare(
      `INSERT INTO enterprise (name, country_code, industry_code, district_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertRecord = db.prepare(
      `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, contracted_fdi, actual_fdi, created_at) VALUES (?, ?, ?, 'new', ?, ?, ?)`,
    );
    const enterpriseCount = Math.max(1, Math.floor(count / 5));
    const firstEnterprise = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM enterprise').get() as { id: number }).id;
    for (let e = 0; e < enterpriseCount; e++) {
      const id = Number(insertEnterprise.run(`生成企业${e}有限公司`, rng.pick(countries), rng.pick(industries), rng.pick(districts), now, now).lastInsertRowid);
      for (let r = 0; r < 3; r++) {
        const t = t0 - rng.int(0, 900) * DAY;
        insertRecord.run(iso(t).slice(0, 7), id, `生成企业${e}有限公司`, rng.int(10, 500), rng.int(5, 400), now);
      }
    }
    const insertProject = db.prepare(
      `INSERT INTO project (name, investor, country_code, industry_code, district_id, platform_id, total_investment, contracted_fdi, stage,
         reinvestment, reinvest_enterprise_id, enterprise_id, priority, owner_unit, owner_person, leader, first_contact_date, signed_date,
         last_follow_up_date, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    );
    const insertPlan = db.prepare('INSERT INTO project_plan (project_id, period, amount) VALUES (?, ?, ?)');
    const insertEvent = db.prepare(`INSERT INTO project_event (project_id, date, kind, notes, by, created_at) VALUES (?, ?, 'visit', '', '', ?)`);
    const insertIssue = db.prepare(
      `INSERT INTO project_issue (project_id, category, description, owner, due_date, status, created_at, updated_at) VALUES (?, 'land', '用地', '', ?, ?, ?, ?)`,
    );
    const insertSegment = db.prepare('INSERT OR IGNORE INTO project_segment (project_id, segment_id) VALUES (?, ?)');
    if (!db.prepare('SELECT 1 FROM segment LIMIT 1').get()) {
      // a chain to link projects to, when the database has none
      const chain = db.prepare(`INSERT INTO chain (name, created_at, updated_at) VALUES ('基准测试产业链', ?, ?)`).run(now, now).lastInsertRowid;
      for (let s = 0; s < 12; s++) db.prepare(`INSERT INTO segment (chain_id, name, tier, sort) VALUES (?, ?, 'midstream', ?)`).run(chain, `环节${s}`, s);
    }
    const segments = (db.prepare('SELECT id FROM segment').all() as { id: number }[]).map((r) => r.id);
    for (let i = 0; i < count; i++) {
      const stage = rng.pick(PROJECT_STAGE_CODES);
      const reinvest = rng.next() < 0.15;
      const linked = reinvest || rng.next() < 0.3 ? firstEnterprise + rng.int(0, enterpriseCount - 1) : null;
      const first = t0 - rng.int(30, 1500) * DAY;
      // most projects followed up within the month, some left for longer (the stale alert)
      const last = t0 - (rng.next() < 0.85 ? rng.int(0, 28) : rng.int(31, 200)) * DAY;
      const updated = new Date(t0 - rng.int(0, 400) * DAY).toISOString();
      const total = rng.int(100, 90000);
      const id = Number(
        insertProject.run(
          `${rng.pick(words)}项目${i}`, `投资方${rng.int(0, 5000)}`, rng.pick(countries), rng.pick(industries), rng.pick(districts),
          rng.next() < 0.6 ? rng.pick(platforms) : null, total, rng.next() < 0.7 ? Math.round(total * 0.4) : null, stage,
          reinvest ? 1 : 0, reinvest ? linked : null, reinvest ? null : linked, rng.pick(['provincial', 'city', 'normal', 'normal']),
          `单位${rng.int(0, 40)}`, rng.pick(people), rng.next() < 0.3 ? rng.pick(people) : '', iso(first),
          ['signed', 'registered', 'construction', 'operating'].includes(stage) ? iso(first + 100 * DAY) : null, iso(last), updated, updated,
        ).lastInsertRowid,
      );
      if (['signed', 'registered', 'construction', 'operating'].includes(stage)) {
        for (let m = 0; m < 8; m++) insertPlan.run(id, iso(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6 + m, 1)).slice(0, 7), rng.int(10, 200));
      }
      insertEvent.run(id, iso(last), now);
      if (rng.next() < 0.3) insertIssue.run(id, iso(t0 + rng.int(-60, 60) * DAY), rng.next() < 0.5 ? 'open' : 'resolved', now, now);
      if (segments.length && rng.next() < 0.3) insertSegment.run(id, rng.pick(segments));
    }
  })();
}
