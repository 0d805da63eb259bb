import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/api';
import { amountOutOfRange, MAX_AMOUNT_WAN, plausibleYears, yearOutOfRange } from '../../shared/rules/bounds';

type Found = { path: string; min: number; max: number };

/** Every number a schema takes, wherever it sits (objects, arrays, unions, records, optional, defaults, pipes). */
function numbersIn(schema: z.ZodType, path: string, out: Found[] = [], seen = new Set<unknown>()): Found[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as any)._zod.def;
  const inner = (s: unknown, p = path) => numbersIn(s as z.ZodType, p, out, seen);
  switch (def.type) {
    case 'number':
      out.push({ path, min: (schema as any).minValue, max: (schema as any).maxValue });
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape)) inner(value, `${path}.${key}`);
      break;
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      inner(def.innerType);
      break;
    case 'array':
      inner(def.element, `${path}[]`);
      break;
    case 'union':
      for (const option of def.options) inner(option);
      break;
    case 'record':
      inner(def.valueType, `${path}{}`);
      break;
    case 'pipe':
      inner(def.in);
      inner(def.out);
      break;
    case 'intersection':
      inner(def.left);
      inner(def.right);
      break;
    case 'tuple':
      def.items.forEach((item: unknown, i: number) => inner(item, `${path}[${i}]`));
      break;
    case 'lazy':
      inner(def.getter());
      break;
  }
  return out;
}

describe('numeric input bounds', () => {
  const found = Object.entries(contract).flatMap(([method, spec]) => numbersIn(spec.input as z.ZodType, method));

  it('every number any method takes has finite bounds (an input error, never a value like 1e308)', () => {
    expect(found.length).toBeGreaterThan(50); // the walk reaches them
    expect(found.filter((f) => !Number.isFinite(f.min) || !Number.isFinite(f.max)).map((f) => f.path)).toEqual([]);
  });

  it('targets and chain positions are refused beyond their plausible range', () => {
    const setTarget = contract['dashboard.setTarget'].input;
    expect(setTarget.safeParse({ year: 2026, indicator: 'actualFdi', value: 1e308 }).success).toBe(false);
    expect(setTarget.safeParse({ year: 2026, indicator: 'actualFdi', value: MAX_AMOUNT_WAN }).success).toBe(true);
    const move = (x: number) => contract['chains.applyEdits'].input.safeParse({ chainId: 1, edits: [{ op: 'segments.move', positions: [{ id: 1, x, y: 0 }] }] }).success;
    expect(move(1e300)).toBe(false);
    expect(move(120)).toBe(true);
  });

  it('says why an amount or a year is implausible', () => {
    expect(amountOutOfRange(MAX_AMOUNT_WAN)).toBeNull();
    expect(amountOutOfRange(MAX_AMOUNT_WAN * 1.01)).toMatch(/^超过 100000000 万美元/);
    expect(amountOutOfRange(Infinity)).toMatch(/^超过/);
    expect(amountOutOfRange(NaN)).toBe('不是有效的数字');
    const today = new Date(2026, 5, 1);
    expect(plausibleYears({ today })).toMatchObject({ first: 1979, last: 2027 });
    expect(yearOutOfRange(1978, { today })).toBe('年份应在 1979–2027 之间');
    expect(yearOutOfRange(2027, { today })).toBeNull();
    expect(yearOutOfRange(2035, { today })).not.toBeNull();
    expect(yearOutOfRange(2035, { today, plan: true })).toBeNull();
  });
});
