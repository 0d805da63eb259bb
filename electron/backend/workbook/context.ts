/** What the lines above a table say: its title, who filed it, its 统计期, the unit of its amounts. */
import { findUnit, type AmountUnit } from '../../../shared/rules/units';
import { cellText, type SheetRow } from './cells';

/** A statistical period as months, `YYYY-MM` to `YYYY-MM` inclusive, and the words it was read from. */
export interface PeriodSpan {
  from: string;
  to: string;
  text: string;
}

export interface TableContext {
  /** The table's title line, if any (`江北区2025年1-6月外商直接投资到位情况表`). */
  title: string | null;
  /** Who filed it (`填报单位：江北区商务局` → `江北区商务局`). */
  reportingUnit: string | null;
  /** The period text of a `统计期：`/`报告期：` line. */
  periodText: string | null;
  /** The period the 统计期 line or the title names (`2025年1-10月` → 2025-01 to 2025-10), if any. */
  period: PeriodSpan | null;
  /** Every non-blank line above the header, as text. */
  lines: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const DASH = '[-—–~至到]';
const QUARTERS: Record<string, [number, number]> = { 一: [1, 3], 二: [4, 6], 三: [7, 9], 四: [10, 12], 1: [1, 3], 2: [4, 6], 3: [7, 9], 4: [10, 12] };

function span(text: string, fromYear: number, fromMonth: number, toYear: number, toMonth: number): PeriodSpan | null {
  if (fromMonth < 1 || fromMonth > 12 || toMonth < 1 || toMonth > 12) return null;
  const from = `${fromYear}-${pad(fromMonth)}`;
  const to = `${toYear}-${pad(toMonth)}`;
  return from <= to ? { from, to, text } : null;
}

/**
 * The period a title or 统计期 text names: `2025年1-10月`, `2025年1月-10月`, `2024年12月至2025年3月`, `2025年3月`,
 * `2025年上半年`, `2025年第一季度`, `2025年前三季度`, `2025年度`/`2025年`. Null when it names none.
 */
export function periodSpan(text: string): PeriodSpan | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  let m = t.match(new RegExp(`(\\d{4})年(\\d{1,2})月份?${DASH}(\\d{4})年(\\d{1,2})月`));
  if (m) return span(m[0], +m[1]!, +m[2]!, +m[3]!, +m[4]!);
  m = t.match(new RegExp(`(\\d{4})年(\\d{1,2})月?${DASH}(\\d{1,2})月`));
  if (m) return span(m[0], +m[1]!, +m[2]!, +m[1]!, +m[3]!);
  m = t.match(/(\d{4})年(上半年|下半年|前三季度|第?([一二三四1-4])季度)/);
  if (m) {
    const year = +m[1]!;
    const [a, b] = m[2] === '上半年' ? [1, 6] : m[2] === '下半年' ? [7, 12] : m[2] === '前三季度' ? [1, 9] : QUARTERS[m[3]!]!;
    return span(m[0], year, a, year, b);
  }
  m = t.match(/(\d{4})年(\d{1,2})月(?!\d)/);
  if (m) return span(m[0], +m[1]!, +m[2]!, +m[1]!, +m[2]!);
  m = t.match(/(\d{4})年(?:度|全年)?(?![\d年])/);
  if (m) return span(m[0], +m[1]!, 1, +m[1]!, 12);
  return null;
}

const REPORTING_UNIT = /(?:填报|报送|填表)单位[:：]\s*((?:(?!统计期|报告期|计量单位|金额单位|单位[:：]|日期[:：])\S)+)/;
const PERIOD_LINE = /(?:统计期|报告期|统计时间|报告时间|所属期)[:：]\s*(\d{4}\S*)/;

/** Reads the lines above a header: title, 填报单位, 统计期 and a unit. */
export function readContext(above: readonly SheetRow[]): { context: TableContext; unit: AmountUnit | null } {
  const lines = above.map((r) => r.cells.map(cellText).filter(Boolean).join('  ')).filter(Boolean);
  let title: string | null = null;
  let reportingUnit: string | null = null;
  let periodText: string | null = null;
  let unit: AmountUnit | null = null;
  for (const line of lines) {
    const plain = line.normalize('NFKC');
    const ru = plain.match(REPORTING_UNIT);
    if (ru && !reportingUnit) reportingUnit = ru[1]!.replace(/[(（]盖章[)）]/g, '').trim() || null;
    const pe = plain.match(PERIOD_LINE);
    if (pe && !periodText) periodText = pe[1]!;
    unit ??= findUnit(plain);
    if (!ru && !pe && !/^(计量|金额)?单位[:：]/.test(plain) && !title) title = line;
  }
  // a 填报日期 line names a day, not the period
  const candidates = [periodText, title, ...lines.filter((l) => !/日期|\d日/.test(l))];
  const period = candidates.reduce<PeriodSpan | null>((found, text) => found ?? (text ? periodSpan(text) : null), null);
  return { context: { title, reportingUnit, periodText, period, lines }, unit };
}
