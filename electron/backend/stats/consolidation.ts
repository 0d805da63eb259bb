import type { Consolidation, StatsQuery } from '../../../shared/api/stats';
import { roundReported } from '../../../shared/rules/money';
import { periodLabel } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { districtCheck, districtTable } from './tables-place';
import { readStatsContext } from './tables';

/**
 * 汇总 check for a range: the districts (with 未分区县) add up to the total, no record is left without a district,
 * every district has reported, every district file's records belong to the district it was imported for, and the
 * same months a year before have every district that reported now (else 同比 is not like for like).
 */
export function checkConsolidation(db: Db, query: StatsQuery): Consolidation {
  const range = { from: query.from, to: query.to };
  const { input, coverage } = readStatsContext(db, query);
  const check = districtCheck(input);
  const table = districtTable(input);
  const reported = new Set(input.cur.byPlace.map((p) => p.districtId));
  const missingDistricts = input.labels.districts.filter((d) => !reported.has(d.id)).map(({ id, name }) => ({ id, name }));
  const batchMismatches = (
    db
      .prepare(
        `SELECT b.id AS batchId, b.file_name AS fileName, bd.name AS batchDistrict, coalesce(rd.name, '未分区县') AS recordDistrict,
           count(*) AS records, coalesce(sum(r.actual_fdi), 0) AS actualFdi
         FROM import_batch b
         JOIN district bd ON bd.id = b.district_id
         JOIN fdi_record r ON r.batch_id = b.id AND r.period BETWEEN @from AND @to AND r.district_id IS NOT b.district_id
         LEFT JOIN district rd ON rd.id = r.district_id
         WHERE b.undone_at IS NULL
         GROUP BY b.id, r.district_id
         ORDER BY b.id, r.district_id`,
      )
      .all(range) as Consolidation['batchMismatches']
  ).map((m) => ({ ...m, actualFdi: roundReported(m.actualFdi) }));
  return {
    from: range.from,
    to: range.to,
    label: periodLabel(range.from, range.to),
    ok: check.ok && check.unassigned.records === 0 && missingDistricts.length === 0 && batchMismatches.length === 0 && !coverage.missingPrior.length,
    check,
    table,
    missingDistricts,
    missingPrior: coverage.missingPrior,
    batchMismatches,
  };
}
