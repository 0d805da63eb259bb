import { ERROR_MESSAGES, type ErrorCode } from '../../../../shared/errors';
import type { Problem } from '../../../../shared/result';
import type { AmountUnit } from '../../../../shared/rules/units';
import type { FieldSpec, TableLayout } from '../../workbook';

/** Field specs for the workbook layer from our column lists: the header we write first, then the other names. */
export function fieldSpecs(columns: ReadonlyArray<{ key: string; header: string; synonyms: readonly string[] }>, required: readonly string[]): FieldSpec[] {
  return columns.map((c) => ({ key: c.key, label: c.header, synonyms: [c.header, ...c.synonyms], required: required.includes(c.key) }));
}

export function fileProblem(file: string, sheet: string | undefined, code: ErrorCode, detail?: string, severity: 'error' | 'warning' = 'error'): Problem {
  return { file, sheet, code, message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code], severity };
}

const RMB = /[千万亿]?元/;
const hasRmb = (text: string | null | undefined) => !!text && RMB.test(text.normalize('NFKC').replace(/美元/g, ''));

/**
 * The unit of an amount column: named in its header, else in a line above the table, else 万美元 (assumed, with a
 * warning). A column or title in 元/万元/亿元 (人民币) is refused: amounts are kept in 美元 and we do not guess a rate.
 */
export function amountUnit(layout: TableLayout, column: number, note: (p: Problem) => void, file: string): AmountUnit | null {
  const label = layout.labels[column] ?? '';
  const own = layout.columnUnits[column];
  if (own) return own;
  if (hasRmb(label) || (!layout.unit && layout.context.lines.some((l) => /单位/.test(l) && hasRmb(l)))) {
    note(fileProblem(file, layout.sheet, 'UNIT_UNKNOWN', `“${label}”是人民币金额，请先按汇率折算为美元（万美元）`));
    return null;
  }
  if (layout.unit) return layout.unit;
  note(fileProblem(file, layout.sheet, 'UNIT_ASSUMED', `“${label}”`, 'warning'));
  return '万美元';
}
