import { orgCodeCheckChar, usccCheckChar } from '../../../shared/rules/uscc';
import type { Random } from './random';

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A made-up 统一社会信用代码 that passes both checks, for demo data and fixtures. */
export function fakeUscc(rng: Random, divisionCode: string): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += ORG_CHARS.charAt(rng.int(0, ORG_CHARS.length - 1));
  const org = body + orgCodeCheckChar(body)!;
  const first17 = `91${divisionCode.padEnd(6, '0').slice(0, 6)}${org}`;
  return first17 + usccCheckChar(first17);
}
