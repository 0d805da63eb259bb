import type { EncouragedItem, Measure, MeasureHit, Policy, PolicyDetail } from '../../../shared/api/policy';
import { restrictionText, type AccessStatus, type NegativeListStatus, type PolicyEntity } from '../../../shared/domain/policy';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { readJurisdiction } from '../settings/jurisdiction';
import { EFFECTIVE_MAPPING_SQL } from './industry';

/** The edition that applies everywhere (the FTZ edition, when loaded, is not applied: see the README). */
export const EDITION = 'national';

/** Each kind's rows as (id, industry code). A target without its own industry takes its linked project's. */
const SOURCE_SQL: Record<PolicyEntity, string> = {
  project: 'SELECT id, industry_code AS code FROM project',
  enterprise: 'SELECT id, industry_code AS code FROM enterprise',
  target: 'SELECT t.id, coalesce(t.industry_code, p.industry_code) AS code FROM target t LEFT JOIN project p ON p.id = t.project_id',
};

/**
 * Rows whose effective status — a person's override, else their industry's status, else `open` — is one of
 * `statuses`, as a condition on the outer query (`idSql`, `codeSql`: the row's id and industry code). Written as
 * set lookups, not a subquery per row, so a list of 100k projects is filtered in one pass.
 */
export function statusInSql(entity: PolicyEntity, idSql: string, codeSql: string, statuses: readonly AccessStatus[]): string {
  const list = statuses.map((s) => `'${s}'`).join(', ');
  const overridden = `SELECT entity_id FROM policy_override WHERE entity = '${entity}'`;
  const listed = `SELECT code FROM policy_industry WHERE edition = '${EDITION}'`;
  const computed = statuses.filter((s) => s !== 'open').length ? `${codeSql} IN (${listed} AND status IN (${list}))` : '0';
  const open = statuses.includes('open') ? ` OR ${codeSql} IS NULL OR ${codeSql} NOT IN (${listed})` : '';
  return `(${idSql} IN (${overridden} AND status IN (${list})) OR (${idSql} NOT IN (${overridden}) AND (${computed}${open})))`;
}

type MeasureRow = {
  edition: 'national' | 'ftz';
  version: string;
  no: number;
  section: string;
  text: string;
  kind: 'prohibited' | 'restricted';
  restriction: Measure['restriction'];
  equity_cap: number | null;
  restriction_note: string;
  text_source: string;
  text_check: string;
};
export const toMeasure = (r: MeasureRow): Measure => ({
  edition: r.edition,
  version: r.version,
  no: r.no,
  section: r.section,
  text: r.text,
  kind: r.kind,
  restriction: r.restriction,
  equityCap: r.equity_cap,
  restrictionNote: r.restriction_note,
  textSource: r.text_source,
  textCheck: r.text_check,
});

function measuresByNo(db: Db): Map<number, Measure> {
  const rows = db.prepare('SELECT * FROM ref_negative_measure WHERE edition = ?').all(EDITION) as MeasureRow[];
  return new Map(rows.map((r) => [r.no, toMeasure(r)]));
}

function toPolicy(status: AccessStatus | null, no: number | null, overridden: boolean, measures: Map<number, Measure>, encouraged: string | null): Policy {
  const negativeList = status && status !== 'open' ? (status as NegativeListStatus) : null;
  const measure = negativeList && no !== null ? measures.get(no) : undefined;
  return {
    negativeList,
    measure: measure?.text ?? null,
    measureNo: measure?.no ?? null,
    restriction: measure?.kind === 'restricted' ? restrictionText(measure.restriction, measure.equityCap) : null,
    encouraged,
    overridden,
  };
}

/** The effective standing of rows of one kind, by id (one query for a page of rows). */
export function policiesFor(db: Db, entity: PolicyEntity, ids: readonly number[]): Map<number, Policy> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT x.id, po.status AS o_status, po.no AS o_no, pi.status AS c_status, pi.no AS c_no, ei.text AS encouraged
       FROM (${SOURCE_SQL[entity]}) x
       LEFT JOIN policy_override po ON po.entity = @entity AND po.entity_id = x.id
       LEFT JOIN policy_industry pi ON pi.edition = @edition AND pi.code = x.code
       LEFT JOIN policy_encouraged_choice pc ON pc.entity = @entity AND pc.entity_id = x.id
       LEFT JOIN encouraged_item ei ON ei.id = pc.item_id
       WHERE x.id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ entity, edition: EDITION, ids: JSON.stringify(ids) }) as {
    id: number;
    o_status: AccessStatus | null;
    o_no: number | null;
    c_status: NegativeListStatus | null;
    c_no: number | null;
    encouraged: string | null;
  }[];
  const measures = measuresByNo(db);
  return new Map(
    rows.map((r) => {
      const overridden = r.o_status !== null;
      // an override names its measure, or keeps the computed one when it names none
      const no = overridden ? (r.o_no ?? r.c_no) : r.c_no;
      return [r.id, toPolicy(overridden ? r.o_status : r.c_status, no, overridden, measures, r.encouraged)];
    }),
  );
}

/** Policy for rows that must have one (a row missing from the map is a row that does not exist). */
export const NO_POLICY: Policy = { negativeList: null, measure: null, measureNo: null, restriction: null, encouraged: null, overridden: false };

/** The measures touching an industry code: its own mapping for a class, every class under it for a wider code. */
export function measuresForIndustry(db: Db, code: string): MeasureHit[] {
  const rows = db
    .prepare(
      `SELECT n.*, m.industry_code, m.coverage, m.note FROM (${EFFECTIVE_MAPPING_SQL}) m
       JOIN ref_negative_measure n ON n.edition = m.edition AND n.no = m.no
       WHERE m.edition = @edition AND m.coverage <> 'none'
         AND (substr(m.industry_code, 1, length(@code)) = @code
              OR (length(@code) = 1 AND (SELECT section FROM ref_industry WHERE code = m.industry_code) = @code))
       ORDER BY n.kind = 'restricted', m.coverage = 'partial', n.no, m.industry_code`,
    )
    .all({ edition: EDITION, code }) as (MeasureRow & { industry_code: string; coverage: 'full' | 'partial'; note: string })[];
  return rows.map((r) => ({ ...toMeasure(r), industryCode: r.industry_code, coverage: r.coverage, note: r.note }));
}

type ItemRow = {
  id: number;
  catalogue_id: number;
  version: string;
  active: number;
  part: 'national' | 'regional';
  region_name: string;
  section: string;
  no: string;
  text: string;
  codes: string | null;
};
export const ITEM_SELECT = `SELECT i.id, i.catalogue_id, k.version, k.active, i.part, i.region_name, i.section, i.no, i.text,
    (SELECT group_concat(industry_code, ',') FROM encouraged_item_class WHERE item_id = i.id) AS codes
  FROM encouraged_item i JOIN encouraged_catalogue k ON k.id = i.catalogue_id`;
export const toItem = (r: ItemRow): EncouragedItem => ({
  id: r.id,
  catalogueId: r.catalogue_id,
  catalogueVersion: r.version,
  active: r.active === 1,
  part: r.part,
  regionName: r.region_name,
  section: r.section,
  no: r.no,
  text: r.text,
  industryCodes: r.codes ? r.codes.split(',').sort() : [],
});

/** The bureau's province (its 2-digit NBS code), for the regional part of the catalogue. */
function provinceCode(db: Db): string | null {
  return readJurisdiction(db).code?.slice(0, 2) ?? null;
}

/**
 * Items of the active catalogue for an industry: national ones, and regional ones of the bureau's province, whose
 * codes cover the industry or lie under it.
 */
export function encouragedCandidates(db: Db, code: string): EncouragedItem[] {
  const rows = db
    .prepare(
      `${ITEM_SELECT}
       WHERE k.active = 1 AND (i.part = 'national' OR i.region_code = @province)
         AND EXISTS (SELECT 1 FROM encouraged_item_class c WHERE c.item_id = i.id
                     AND (substr(@code, 1, length(c.industry_code)) = c.industry_code OR substr(c.industry_code, 1, length(@code)) = @code))
       ORDER BY i.part, i.id LIMIT 50`,
    )
    .all({ code, province: provinceCode(db) }) as ItemRow[];
  return rows.map(toItem);
}

/** Everything the status panel shows for one project, target or enterprise. */
export function policyDetail(db: Db, entity: PolicyEntity, id: number): PolicyDetail {
  const row = db.prepare(`SELECT x.id, x.code, i.name FROM (${SOURCE_SQL[entity]}) x LEFT JOIN ref_industry i ON i.code = x.code WHERE x.id = ?`).get(id) as
    | { id: number; code: string | null; name: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `${entity} ${id}`);
  const computed = row.code
    ? (db.prepare('SELECT status, no FROM policy_industry WHERE edition = ? AND code = ?').get(EDITION, row.code) as { status: NegativeListStatus; no: number } | undefined)
    : undefined;
  const override = db.prepare('SELECT status, no, reason, by, at FROM policy_override WHERE entity = ? AND entity_id = ?').get(entity, id) as
    | { status: AccessStatus; no: number | null; reason: string; by: string; at: string }
    | undefined;
  const chosen = db.prepare(`${ITEM_SELECT} WHERE i.id = (SELECT item_id FROM policy_encouraged_choice WHERE entity = ? AND entity_id = ?)`).get(entity, id) as
    | ItemRow
    | undefined;
  return {
    entity,
    id,
    industryCode: row.code,
    industryName: row.name,
    computed: { status: computed?.status ?? 'open', measureNo: computed?.no ?? null, measures: row.code ? measuresForIndustry(db, row.code) : [] },
    override: override ? { status: override.status, measureNo: override.no, reason: override.reason, by: override.by, at: override.at } : null,
    effective: policiesFor(db, entity, [id]).get(id) ?? NO_POLICY,
    chosen: chosen ? toItem(chosen) : null,
    candidates: row.code ? encouragedCandidates(db, row.code) : [],
    catalogueVersion: (db.prepare('SELECT version FROM encouraged_catalogue WHERE active = 1').pluck().get() as string | undefined) ?? null,
  };
}
