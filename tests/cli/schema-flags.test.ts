/**
 * CLI flags read from the methods' zod input schemas: kebab-case names, values coerced and checked in Chinese,
 * required flags asked for, usage and `<command> --help` from the same description — through real commands on a
 * real database.
 */
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { runCli } from '../../electron/cli/run';
import { flagsUsage, readSchemaFlags, schemaFlags } from '../../electron/cli/schema-flags';
import { tempDir } from '../helpers/backend';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('flags from an input schema', () => {
  const schema = z.object({
    year: z.number().int().min(1950),
    share: z.number().optional(),
    domesticReinvestment: z.enum(['excluded', 'included']).default('excluded'),
    comparable: z.boolean().default(false),
    areas: z.array(z.enum(['fdi', 'chains'])).optional(),
    ids: z.array(z.number().int()).optional(),
    name: z.string(),
  });
  const flags = schemaFlags(schema, { placeholders: { year: 'YYYY' } });

  it('are kebab-case, required where the field has no default, shown in the usage line', () => {
    expect(flags.map((f) => [f.flag, f.kind, f.required])).toEqual([
      ['year', 'integer', true],
      ['share', 'number', false],
      ['domestic-reinvestment', 'enum', false],
      ['comparable', 'boolean', false],
      ['areas', 'list', false],
      ['ids', 'list', false],
      ['name', 'string', true],
    ]);
    expect(flagsUsage(flags)).toBe('--year YYYY [--share N] [--domestic-reinvestment excluded|included] [--comparable] [--areas fdi,chains] [--ids N,N] --name TEXT');
  });

  it('coerce numbers, booleans, enums and lists, leaving out what was not given', () => {
    const input = readSchemaFlags({ year: '2026', share: '12.5', 'domestic-reinvestment': 'included', comparable: true, areas: 'fdi, chains', ids: '3,4', name: '某' }, flags);
    expect(input).toEqual({ year: 2026, share: 12.5, domesticReinvestment: 'included', comparable: true, areas: ['fdi', 'chains'], ids: [3, 4], name: '某' });
    expect(schema.safeParse(input).success).toBe(true);
    expect(readSchemaFlags({ year: '2026', name: 'x' }, flags)).toEqual({ year: 2026, name: 'x' });
  });

  it('refuse in Chinese, naming the flag', () => {
    const message = (values: Record<string, string>) => {
      const r = readSchemaFlags({ year: '2026', name: 'x', ...values }, flags) as { code?: string; message?: string };
      expect(r.code).toBe('INVALID_INPUT');
      return r.message;
    };
    expect(message({ year: '' })).toContain('--year 不是有效数字');
    expect(message({ year: '2026.5' })).toContain('--year 应为整数：2026.5');
    expect(message({ share: 'abc' })).toContain('--share 不是有效数字：abc');
    expect(message({ 'domestic-reinvestment': 'half' })).toContain('--domestic-reinvestment 应为 excluded、included 之一：half');
    expect(message({ areas: 'fdi,home' })).toContain('--areas 应为 fdi、chains 之一：home');
    expect(message({ ids: '3,x' })).toContain('--ids 不是有效数字：x');
    expect((readSchemaFlags({ year: '2026' }, flags) as { message: string }).message).toContain('缺少 --name');
  });

  it('follow the contract: every field of dashboard.setTarget, in its order', () => {
    expect(schemaFlags(contract['dashboard.setTarget'].input).map((f) => f.flag)).toEqual(['year', 'indicator', 'value', 'label', 'unit', 'actual']);
  });
});

describe('commands whose flags come from the schema', () => {
  it('set, list and delete a target; refuse a missing or malformed flag in Chinese with exit 1', async () => {
    const db = path.join(tempDir(), 'a.db');
    expect((await cli('init', '--db', db, '--empty')).code).toBe(0);
    const set = await cli('targets', 'set', '--db', db, '--year', '2026', '--indicator', 'custom:外资总部', '--value', '3', '--label', '外资总部企业', '--unit', '家', '--actual', '1', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ year: 2026, indicator: 'custom:外资总部', value: 3, unit: '家', actual: 1 });
    const list = await cli('targets', 'list', '--db', db, '--year', '2026');
    expect(list.stdout.trim()).toBe('2026 外资总部企业（custom:外资总部）目标 3家，已完成 1家');

    const missing = await cli('targets', 'set', '--db', db, '--year', '2026', '--indicator', 'actualFdi');
    expect([missing.code, missing.stderr.trim()]).toEqual([1, '错误 [INVALID_INPUT]：输入不符合要求：缺少 --value']);
    const year = await cli('targets', 'list', '--db', db, '--year', '二〇二六');
    expect([year.code, year.stderr.trim()]).toEqual([1, '错误 [INVALID_INPUT]：输入不符合要求：--year 不是有效数字：二〇二六']);
    // what the flags give is still checked by the method's schema
    const range = await cli('targets', 'list', '--db', db, '--year', '1066');
    expect(range.code).toBe(1);
    expect(range.stderr).toMatch(/^错误 \[INVALID_INPUT\]：.*year/);
    const scope = await cli('stats', '--db', db, '--from', '2026-01', '--to', '2026-03', '--scope', 'finance');
    expect([scope.code, scope.stderr.trim()]).toEqual([1, '错误 [INVALID_INPUT]：输入不符合要求：--scope 应为 all、excl-finance 之一：finance']);

    const del = await cli('targets', 'delete', '--db', db, '--year', '2026', '--indicator', 'custom:外资总部');
    expect([del.code, del.stdout.trim()]).toEqual([0, '已删除 2026 年 custom:外资总部 的目标']);
  });

  it('`<command> --help` describes each flag from the schema, then the others', async () => {
    const help = await cli('dashboard', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：npm run -s cli -- dashboard --db FILE --year YYYY --to YYYY-MM [--scope all|excl-finance]');
    expect(help.stdout).toMatch(/--year YYYY\n\s+整数，必填/);
    expect(help.stdout).toMatch(/--scope all\|excl-finance\n\s+其一，可选，默认 excl-finance/);
    expect(help.stdout).toMatch(/^ {2}--db …$/m);
    // a command without schema flags lists its options
    const check = await cli('check', '--help');
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('--db …')]);
  });
});
