/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation type (1), division code
 * (6), the organisation's GB 11714 code (9, with its own check digit) and a check character (1).
 */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Value of each character code in USCC_CHARSET, -1 for characters outside it (checked once per row of an import). */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) USCC_VALUE[USCC_CHARSET.charCodeAt(i)] = i;
const valueOf = (code: number) => (code < 128 ? USCC_VALUE[code]! : -1);

export type UsccCheck =
  | { valid: true; code: string; warnings: Array<'USCC_ORG_CODE_WARNING'> }
  | { valid: false; code: string; reason: 'length' | 'charset' | 'division' | 'checksum' };

/** Upper-cases, strips spaces and converts full-width characters, as people paste codes from documents. */
export function normalizeUscc(raw: string): string {
  if (/^[0-9A-Z]*$/.test(raw)) return raw; // as most codes come
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += valueOf(first17.charCodeAt(i)) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 organisation code check character for the 8-character body. */
export function orgCodeCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (value < 0) return null;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkUscc(raw: string): UsccCheck {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return { valid: false, code, reason: 'length' };
  for (let i = 0; i < 18; i++) if (valueOf(code.charCodeAt(i)) < 0) return { valid: false, code, reason: 'charset' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { valid: false, code, reason: 'division' };
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { valid: false, code, reason: 'checksum' };
  const warnings: Array<'USCC_ORG_CODE_WARNING'> = [];
  if (orgCodeCheckChar(code.slice(8, 16)) !== code.charAt(16)) warnings.push('USCC_ORG_CODE_WARNING');
  return { valid: true, code, warnings };
}

export const USCC_REASON_ZH: Record<'length' | 'charset' | 'division' | 'checksum', string> = {
  length: '应为18位',
  charset: '含有不允许的字符（不使用 I、O、Z、S、V）',
  division: '第3-8位应为行政区划代码',
  checksum: '校验位不符',
};
