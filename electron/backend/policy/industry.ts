import type { MeasureKind, NegativeListStatus } from '../../../shared/domain/policy';
import type { Db } from '../db/open';

/**
 * The classes each measure touches as the app uses them: the shipped mapping, corrected by the bureau's own edits
 * (an edit's coverage wins; `none` takes a class away; an edit may add a class the shipped list lacks).
 */
export const EFFECTIVE_MAPPING_SQL = `
  SELECT c.edition, c.no, c.industry_code, coalesce(e.coverage, c.coverage) AS coverage, c.mapping_basis, c.note,
         e.reason AS edit_reason
  FROM ref_negative_measure_class c
  LEFT JOIN policy_mapping_edit e ON e.edition = c.edition AND e.no = c.no AND e.industry_code = c.industry_code
  UNION ALL
  SELECT e.edition, e.no, e.industry_code, e.coverage, 'judgement', '', e.reason
  FROM policy_mapping_edit e
  WHERE NOT EXISTS (SELECT 1 FROM ref_negative_measure_class c WHERE c.edition = e.edition AND c.no = e.no AND c.industry_code = e.industry_code)`;

interface MappingRow {
  edition: string;
  no: number;
  industry_code: string;
  coverage: 'full' | 'partial';
  kind: MeasureKind;
}

/** One class's strongest mapping: a whole-class measure over a partial one, a prohibition over a restriction. */
const rank = (m: Pick<MappingRow, 'coverage' | 'kind'>) => (m.coverage === 'full' ? 2 : 0) + (m.kind === 'prohibited' ? 1 : 0);
const statusOf = (m: Pick<MappingRow, 'coverage' | 'kind'>): NegativeListStatus => (m.coverage === 'full' ? m.kind : 'partial');
const better = (a: MappingRow, b: MappingRow | undefined) => !b || rank(a) > rank(b) || (rank(a) === rank(b) && a.no < b.no);

/**
 * Rebuilds policy_industry: every GB/T 4754 code's status under each edition of the list. A class takes its strongest
 * measure; a group, division or section takes the status all its classes share when they share one whole-class
 * status, and `partial` when only some are covered. Run inside the transaction that changed the list or its mapping.
 */
export function refreshPolicyIndustry(db: Db): void {
  db.exec('DELETE FROM policy_industry');
  const rows = db
    .prepare(
      `SELECT m.edition, m.no, m.industry_code, m.coverage, n.kind FROM (${EFFECTIVE_MAPPING_SQL}) m
       JOIN ref_negative_measure n ON n.edition = m.edition AND n.no = m.no WHERE m.coverage <> 'none'`,
    )
    .all() as MappingRow[];
  if (rows.length === 0) return;
  const industries = db.prepare("SELECT code, parent, level FROM ref_industry").all() as { code: string; parent: string | null; level: string }[];
  const parentOf = new Map(industries.map((i) => [i.code, i.parent]));
  const classesUnder = new Map<string, number>();
  for (const i of industries) {
    if (i.level !== 'class') continue;
    for (let up = i.parent; up; up = parentOf.get(up) ?? null) classesUnder.set(up, (classesUnder.get(up) ?? 0) + 1);
  }
  const insert = db.prepare('INSERT INTO policy_industry (edition, code, status, no) VALUES (?, ?, ?, ?)');
  for (const edition of new Set(rows.map((r) => r.edition))) {
    const best = new Map<string, MappingRow>();
    for (const r of rows) if (r.edition === edition && better(r, best.get(r.industry_code))) best.set(r.industry_code, r);
    // each ancestor: how many of its classes carry each status, and its strongest measure
    const above = new Map<string, { counts: Map<NegativeListStatus, number>; top: MappingRow }>();
    for (const [code, m] of best) {
      insert.run(edition, code, statusOf(m), m.no);
      for (let up = parentOf.get(code) ?? null; up; up = parentOf.get(up) ?? null) {
        const a = above.get(up) ?? { counts: new Map(), top: m };
        a.counts.set(statusOf(m), (a.counts.get(statusOf(m)) ?? 0) + 1);
        if (better(m, a.top)) a.top = m;
        above.set(up, a);
      }
    }
    for (const [code, a] of above) {
      const [only] = a.counts.size === 1 ? [...a.counts] : [];
      const whole = only && only[0] !== 'partial' && only[1] === classesUnder.get(code);
      insert.run(edition, code, whole ? only[0] : 'partial', a.top.no);
    }
  }
}
