import { roundStored } from './money';

/**
 * Amount units bureau files use, with their factor to 万美元. Longest names first so that 百万美元 never reads as
 * 万美元, nor 万美元 as 美元.
 */
const UNIT_FACTORS: ReadonlyArray<readonly [AmountUnit, number]> = [
  ['千万美元', 1000],
  ['百万美元', 100],
  ['亿美元', 10000],
  ['万美元', 1],
  ['千美元', 0.1],
  ['美元', 0.0001],
];
export type AmountUnit = '千万美元' | '百万美元' | '亿美元' | '万美元' | '千美元' | '美元';

/** Finds the unit named in a header or title text (`单位：美元`, `实际使用外资（万美元）`), or null. */
export function findUnit(text: string): AmountUnit | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  for (const [name] of UNIT_FACTORS) if (t.includes(name)) return name;
  return null;
}

export function toWan(amount: number, unit: AmountUnit): number {
  const factor = UNIT_FACTORS.find(([name]) => name === unit)![1];
  return roundStored(amount * factor);
}

export type AmountParse =
  | { ok: true; value: number | null }
  | { ok: false; code: 'AMOUNT_INVALID' | 'AMOUNT_NEGATIVE' };

/**
 * Reads an amount cell: numbers pass; text may carry thousands separators (also full-width), spaces, or a dash for
 * nothing. Blank or a lone dash is null (no amount). Negatives, including accounting `(12)`, are refused.
 */
export function parseAmount(cell: unknown): AmountParse {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, code: 'AMOUNT_INVALID' };
    return cell < 0 ? { ok: false, code: 'AMOUNT_NEGATIVE' } : { ok: true, value: cell };
  }
  if (typeof cell !== 'string') return { ok: false, code: 'AMOUNT_INVALID' };
  const t = cell.normalize('NFKC').replace(/[\s,]/g, '');
  if (t === '' || /^[-—–－]+$/.test(t)) return { ok: true, value: null };
  if (/^\(.*\)$/.test(t) || t.startsWith('-')) {
    return /^\(?-?\d+(\.\d+)?\)?$/.test(t) ? { ok: false, code: 'AMOUNT_NEGATIVE' } : { ok: false, code: 'AMOUNT_INVALID' };
  }
  if (!/^\+?\d+(\.\d+)?$/.test(t)) return { ok: false, code: 'AMOUNT_INVALID' };
  return { ok: true, value: Number(t) };
}

/**
 * 人民币 units a return may give its amounts in. Kept apart from the dollar units (findUnit never answers one): only the
 * FDI importer converts them, month by month at the bureau's rate table; the other importers refuse them.
 */
const CNY_FACTORS: ReadonlyArray<readonly [CnyUnit, number]> = [
  ['亿元', 10000],
  ['万元', 1],
  ['元', 0.0001],
];
export type CnyUnit = '亿元' | '万元' | '元';
export type FdiAmountUnit = AmountUnit | CnyUnit;

export function isCnyUnit(unit: string): unit is CnyUnit {
  return CNY_FACTORS.some(([name]) => name === unit);
}

/** A 人民币 unit named in a header or a 单位 line (`单位：万元`, `实际使用外资（元）`); dollar units do not count. */
export function findCnyUnit(text: string): CnyUnit | null {
  const t = text.normalize('NFKC').replace(/\s/g, '').replace(/[千百]?[万亿]?美元/g, '');
  for (const [name] of CNY_FACTORS) if (t.includes(name)) return name;
  return null;
}

/** An amount in a 人民币 unit as 万美元, at `rate` 元 per 美元 (1 万元 is 1/rate 万美元). */
export function cnyToWan(amount: number, unit: CnyUnit, rate: number): number {
  const factor = CNY_FACTORS.find(([name]) => name === unit)![1];
  return roundStored((amount * factor) / rate);
}
