import type { Measure, MeasureClass } from '../../../shared/api/policy';
import type { Db } from '../db/open';
import { EFFECTIVE_MAPPING_SQL } from './industry';
import { toMeasure } from './status';

type MeasureWithClasses = Measure & { classes: MeasureClass[] };

/** The loaded list's measures, each with the classes it touches after the bureau's corrections. */
export function listMeasures(db: Db, only?: { edition: string; no: number }): { version: string | null; measures: MeasureWithClasses[] } {
  const where = only ? 'WHERE edition = @edition AND no = @no' : '';
  const measures = (db.prepare(`SELECT * FROM ref_negative_measure ${where} ORDER BY edition, no`).all(only ?? {}) as Parameters<typeof toMeasure>[0][]).map(toMeasure);
  const classes = db
    .prepare(
      `SELECT m.edition, m.no, m.industry_code, i.name, m.coverage, m.mapping_basis, m.note, m.edit_reason
       FROM (${EFFECTIVE_MAPPING_SQL}) m JOIN ref_industry i ON i.code = m.industry_code
       WHERE m.coverage <> 'none' ${only ? 'AND m.edition = @edition AND m.no = @no' : ''} ORDER BY m.industry_code`,
    )
    .all(only ?? {}) as {
    edition: string;
    no: number;
    industry_code: string;
    name: string;
    coverage: 'full' | 'partial';
    mapping_basis: 'text' | 'judgement';
    note: string;
    edit_reason: string | null;
  }[];
  const byMeasure = new Map<string, MeasureClass[]>();
  for (const c of classes) {
    const key = `${c.edition}:${c.no}`;
    byMeasure.set(key, [
      ...(byMeasure.get(key) ?? []),
      { industryCode: c.industry_code, industryName: c.name, coverage: c.coverage, basis: c.mapping_basis, note: c.note, edited: c.edit_reason },
    ]);
  }
  const version = (db.prepare("SELECT version FROM ref_version WHERE dataset = 'negativeList'").get() as { version: string } | undefined)?.version ?? null;
  return { version, measures: measures.map((m) => ({ ...m, classes: byMeasure.get(`${m.edition}:${m.no}`) ?? [] })) };
}
