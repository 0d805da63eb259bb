import { rowLabel, type StatsTables } from '../../../shared/api/stats';

/** The standard tables as aligned plain text for a terminal (CJK characters take two columns). */

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

const amount = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (n: number | null) => (n === null ? '' : n.toFixed(1));

const HEADINGS = ['项目', '新设企业', '上年同期', '同比%', '合同外资', '上年同期', '同比%', '实际使用外资', '上年同期', '同比%', '占比%'];

export function statsAsText(tables: StatsTables): string {
  const cover = tables.coverage;
  const out: string[] = [
    `外资统计表  统计期：${tables.label}（上年同期：${tables.priorLabel}）  计量单位：${tables.unit}`,
    `统计口径：${tables.basis}`,
    `区县覆盖：本期 ${cover.current.join('、') || '无'}；上年同期 ${cover.prior.join('、') || '无'}${cover.missingPrior.length ? `；上年同期缺 ${cover.missingPrior.join('、')}${tables.comparable ? '（已按可比口径剔除）' : '，同比非可比口径'}` : ''}`,
  ];
  for (const table of tables.tables) {
    const lines = table.rows.map((r) => [
      `${'  '.repeat(r.level)}${rowLabel(r)}`,
      String(r.current.newEnterprises),
      String(r.prior.newEnterprises),
      percent(r.yoy.newEnterprises),
      amount(r.current.contractedFdi),
      amount(r.prior.contractedFdi),
      percent(r.yoy.contractedFdi),
      amount(r.current.actualFdi),
      amount(r.prior.actualFdi),
      percent(r.yoy.actualFdi),
      percent(r.share.actualFdi),
    ]);
    const widths = HEADINGS.map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i]!))));
    const format = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
    out.push('', `${table.formNo ? `${table.formNo}  ` : ''}${table.title}（${tables.unit}）`, format(HEADINGS), ...lines.map(format));
  }
  const check = tables.districtCheck;
  out.push(
    '',
    check.ok
      ? `分区县核对：各区县之和等于合计${check.unassigned.records ? `（其中未分区县 ${check.unassigned.records} 条）` : ''}`
      : `分区县核对：各区县之和与合计不符，差额 合同外资 ${amount(check.difference.contractedFdi)}、实际使用外资 ${amount(check.difference.actualFdi)}`,
  );
  return out.join('\n');
}
