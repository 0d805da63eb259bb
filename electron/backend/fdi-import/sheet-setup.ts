/** What is settled once per data sheet before its rows are checked: mapping, units, district, period, totals. */
import type { FdiImportField, FdiImportOptions } from '../../../shared/api/fdiImport';
import type { Problem } from '../../../shared/result';
import { findCnyUnit, type FdiAmountUnit } from '../../../shared/rules/units';
import { TotalsCheck } from '../workbook/totals';
import type { TableLayout } from '../workbook/table';
import { FDI_FIELD_SPECS } from './fields';
import { fileProblem, type DistrictSource, type FileFindings } from './findings';
import { mappedColumns, settleMapping } from '../import-layouts/remembered';
import type { StoredLayout } from './mapping';
import { districtNameIn } from './name-match';
import type { RowSetup } from './normalize';
import type { Place, PlaceBook } from './places';
import type { FdiResolvers } from './resolve';

/** What a run's files are checked against: the resolvers, the remembered layouts, the places the run has met. */
export interface CheckContext {
  resolvers: FdiResolvers;
  mappings: Readonly<Record<string, StoredLayout>>;
  places: PlaceBook;
}

export interface SheetTask {
  /** The name people know the file by. */
  name: string;
  options: FdiImportOptions;
}

/**
 * The file's own district, for rows without a district column value: the one chosen for this file; else the one its
 * 填报单位 line or title names (a known one, or else a name that reads like one); else its file name's; else the run's
 * default. A name not set up is an unknown place (see PlaceBook); null when the file names none.
 */
function fileDistrict(task: SheetTask, layout: TableLayout, { resolvers, places }: CheckContext): { place: Place | null; name: string; source: DistrictSource } | null {
  const { options } = task;
  const { reportingUnit, title } = layout.context;
  const texts = [reportingUnit, title];
  const candidates: Array<[string | null | undefined, DistrictSource]> = [
    [options.district, 'given'],
    [resolvers.districtIn(texts)?.name, 'file'],
    [texts.map((t) => (t ? districtNameIn(t, places.ownNames) : null)).find(Boolean), 'file'],
    [resolvers.districtIn([task.name])?.name, 'fileName'],
    [districtNameIn(task.name, places.ownNames), 'fileName'],
    [options.defaultDistrict, 'default'],
  ];
  const found = candidates.find(([name]) => name);
  if (!found) return null;
  const [name, source] = found as [string, DistrictSource];
  return { place: places.district(name, null), name, source };
}

/** Works out the mapping, units, district and period of an accepted sheet; null when its rows cannot be read. */
export function prepareSheet(task: SheetTask, layout: TableLayout, found: FileFindings, context: CheckContext, currentPeriod: string, note: (p: Problem) => void): RowSetup | null {
  const file = task.name;
  const { mapping, source } = settleMapping(context.mappings, layout, task.options.mapping);
  found.mapping = mapping as Partial<Record<FdiImportField, number | null>>;
  found.mappingSource = source;
  const columns = mappedColumns<FdiImportField>(mapping);
  let ok = true;
  for (const spec of FDI_FIELD_SPECS) {
    if (spec.required && columns[spec.key as FdiImportField] === undefined) {
      ok = false;
      note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', `找不到“${spec.label}”列，请在列对应中指定`));
    }
  }
  if (columns.contractedFdi === undefined && columns.actualFdi === undefined) {
    ok = false;
    note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '合同外资、实际使用外资两列至少要有一列'));
  }
  // a 统计期 of one month stands in for a missing date column
  const { period } = layout.context;
  found.period = period;
  const defaultPeriod = period && period.from === period.to ? period.from : null;
  if (columns.period === undefined && !defaultPeriod) {
    ok = false;
    note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '找不到“到资日期/月份”列，且统计期不是单一月份'));
  }
  // units: chosen > the column's header > a line above the table > assumed 万美元 (with a warning); 人民币 units
  // (元/万元/亿元) are converted row by row at the rate of the row's month (normalize.ts)
  const given = task.options.unit as FdiAmountUnit | undefined;
  const headerUnit = (c: number | undefined) => (c === undefined ? null : (layout.columnUnits[c] ?? findCnyUnit(layout.labels[c] ?? '')));
  const lineUnit = layout.unit ?? layout.context.lines.filter((l) => /单位/.test(l)).map(findCnyUnit).find((u) => u !== null) ?? null;
  const unitOf = (field: 'contractedFdi' | 'actualFdi'): FdiAmountUnit | null => {
    const column = columns[field];
    if (column === undefined) return null;
    return given ?? headerUnit(column) ?? lineUnit ?? '万美元';
  };
  found.units = {
    contractedFdi: unitOf('contractedFdi'),
    actualFdi: unitOf('actualFdi'),
    source: given ? 'given' : [columns.contractedFdi, columns.actualFdi].some((c) => headerUnit(c)) ? 'header' : lineUnit ? 'title' : 'assumed',
  };
  if (found.units.source === 'assumed') note(fileProblem(file, layout.sheet, 'UNIT_ASSUMED', undefined, 'warning'));

  const district = fileDistrict(task, layout, context);
  if (district?.place) {
    found.district = { id: district.place.id, name: district.place.name, source: district.source, isNew: district.place.id < 0 };
    const named = context.resolvers.districtIn([layout.context.reportingUnit, layout.context.title]);
    if (district.source === 'given' && named && named.id !== district.place.id) {
      note(fileProblem(file, layout.sheet, 'DISTRICT_CONFLICT', `填报单位或标题写的是${named.name}，按所选的${district.place.name}导入`, 'warning'));
    }
  } else if (district) found.fatal = true; // an unknown district the run may not add: named once by the checker

  const amountColumns = (['contractedFdi', 'actualFdi'] as const).flatMap((f) => (columns[f] === undefined ? [] : [{ index: columns[f]!, header: layout.labels[columns[f]!] || f }]));
  if (!ok) return null;
  return {
    file,
    sheet: layout.sheet,
    mapping: columns,
    labels: layout.labels,
    units: { contractedFdi: found.units.contractedFdi ?? '万美元', actualFdi: found.units.actualFdi ?? '万美元' },
    district: found.district ? { id: found.district.id, name: found.district.name } : null,
    defaultPeriod,
    period: period ? { from: period.from, to: period.to } : null,
    currentPeriod,
    resolvers: context.resolvers,
    places: context.places,
    totals: new TotalsCheck(layout.sheet, amountColumns),
  };
}
