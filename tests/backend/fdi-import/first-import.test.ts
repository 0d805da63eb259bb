/**
 * The first import of returns nobody here wrote, from the command line, on a database made with `init --empty`: the
 * real sample and a LibreOffice-written return with a two-row header and the district only in its file name. Their
 * standard tables (`stats --json`) must be the ones computed here, independently, from the files' cells.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { tempDir } from '../../helpers/backend';
import { layoutReturn, writeBureauReturn } from '../../helpers/bureau-return';
import { makeRecords, toCellValue } from '../../helpers/fdi-fixtures';

const SAMPLE = fileURLToPath(new URL('../../fixtures/fdi/sample-fdi-return-2025H1.xlsx', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: stdout.trim().startsWith('{') ? JSON.parse(stdout) : null };
}

/** Country as written → ISO code: the alias list shipped with the app, the ISO names in Chinese, or an ISO code. */
function countryCodes(): (name: string) => string {
  const aliases = new Map(
    fs
      .readFileSync(path.join(REFERENCE, 'country-aliases-zh.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',') as [string, string])
      .map(([iso, alias]) => [alias, iso]),
  );
  return (name) => {
    const code = aliases.get(name) ?? countries.getAlpha3Code(name, 'zh') ?? (countries.isValid(name) ? countries.toAlpha3(name) : undefined);
    if (!code) throw new Error(`no code for ${name}`);
    return code;
  };
}

const MODES: Record<string, string> = { 新设: 'new', 新设立: 'new', 增资: 'increase', 追加投资: 'increase', 并购: 'merger', 股权并购: 'merger' };
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

interface Detail {
  uscc: string;
  country: string;
  mode: string;
  contracted: number;
  actual: number;
  district: string;
  platform: string | null;
}

/**
 * The detail rows of a return read whole by exceljs: rows with a 统一社会信用代码, columns found by the words of their
 * headers (the lowest header row naming them).
 */
async function detailRows(file: string, district: string): Promise<Detail[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map(toCellValue);
  const column: Record<string, number> = {};
  for (let r = 1; r <= 8; r++) {
    cells(r).forEach((v, c) => {
      const text = typeof v === 'string' ? v.replace(/（.*?）/g, '') : '';
      for (const word of ['统一社会信用代码', '国别', '合同外资', '实际使用外资', '所属园区', '投资方式', '类别']) if (text.startsWith(word)) column[word] = c;
    });
  }
  const mode = column['投资方式'] ?? column['类别']!;
  const out: Detail[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const v = cells(r);
    if (typeof v[column['统一社会信用代码']!] !== 'string' || !USCC.test(v[column['统一社会信用代码']!] as string)) continue;
    const amount = (x: unknown) => (x === null ? 0 : Number(x));
    out.push({
      uscc: v[column['统一社会信用代码']!] as string,
      country: v[column['国别']!] as string,
      mode: v[mode] as string,
      contracted: amount(v[column['合同外资']!]),
      actual: amount(v[column['实际使用外资']!]),
      district,
      platform: (v[column['所属园区']!] as string | null) || null,
    });
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function sumBy(rows: Detail[], key: (d: Detail) => string | null) {
  const groups = new Map<string | null, { contractedFdi: number; actualFdi: number; firms: Set<string> }>();
  for (const d of rows) {
    const k = key(d);
    const g = groups.get(k) ?? { contractedFdi: 0, actualFdi: 0, firms: new Set<string>() };
    g.contractedFdi += d.contracted;
    g.actualFdi += d.actual;
    if (MODES[d.mode] === 'new') g.firms.add(d.uscc);
    groups.set(k, g);
  }
  return new Map([...groups].map(([k, g]) => [k, { newEnterprises: g.firms.size, contractedFdi: round2(g.contractedFdi), actualFdi: round2(g.actualFdi) }]));
}

type Item = { code: string | null; name: string; newEnterprises: number; contractedFdi: number; actualFdi: number };

/** Each computed group is the table's item of that key, and every other item of the table is zero. */
function expectItems(items: Item[], computed: Map<string | null, { newEnterprises: number; contractedFdi: number; actualFdi: number }>, keyOf: (i: Item) => string | null) {
  for (const [key, figures] of computed) expect({ key, ...items.find((i) => keyOf(i) === key)! }).toMatchObject({ key, ...figures });
  for (const i of items.filter((i) => !computed.has(keyOf(i)))) expect([keyOf(i), i.contractedFdi, i.actualFdi]).toEqual([keyOf(i), 0, 0]);
}

describe('first import on an empty database, from the command line', () => {
  it('imports the sample and a LibreOffice two-row-header return with --add-unknown; the tables are the files’ own', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    expect((await cli('init', '--empty', '--db', db)).code).toBe(0);
    const laid = layoutReturn(makeRecords(30, { seed: 12, prefix: '吴江' }), { levels: 2, title: '2025年1-9月外商投资企业到资情况表', groups: 2, numbering: true });
    const lo = await writeBureauReturn(path.join(dir, '吴江区2025年1-9月.xlsx'), laid, 'libreoffice');

    const refused = await cli('import', 'fdi', SAMPLE, lo, '--db', db, '--json');
    expect(refused.code).toBe(1);
    // each unknown name once, not once per row, and the flag that adds them
    const unknown = refused.json.unknown.map((u: { kind: string; name: string }) => `${u.kind}:${u.name}`);
    expect(unknown).toEqual([...new Set(unknown)]);
    expect(unknown).toEqual(expect.arrayContaining(['district:江北区', 'district:吴江区', 'platform:江海经济技术开发区', 'platform:自贸试验区江海片区', 'platform:江海综合保税区']));
    expect(refused.stderr).toContain('--add-unknown');

    const run = await cli('import', 'fdi', SAMPLE, lo, '--db', db, '--add-unknown', '--json');
    expect(run.code).toBe(0);
    expect(run.json.added.map((a: { kind: string; name: string; type: string }) => [a.kind, a.name, a.type])).toEqual([
      ['district', '江北区', 'district'],
      ['platform', '江海经济技术开发区', 'national_etdz'],
      ['platform', '自贸试验区江海片区', 'ftz_area'],
      ['platform', '江海综合保税区', 'bonded_zone'],
      ['district', '吴江区', 'district'],
    ]);
    expect(run.json.batches.map((b: { district: string; headerRows: number[] }) => [b.district, b.headerRows])).toEqual([['江北区', [3]], ['吴江区', laid.headerRows]]);

    // every record of both files: all industries, 境内再投资 counted in full
    const stats = await cli('stats', '--db', db, '--from', '2025-01', '--to', '2025-09', '--scope', 'all', '--domestic-reinvestment', 'included', '--json');
    expect(stats.code).toBe(0);
    const tables = stats.json;
    const rows = [...(await detailRows(SAMPLE, '江北区')), ...(await detailRows(lo, '吴江区'))];
    expect(rows.length).toBe(24 + 30);
    const code = countryCodes();
    const all = sumBy(rows, () => 'all').get('all')!;
    expect(tables.totals).toMatchObject(all);
    expectItems(tables.byCountry, sumBy(rows, (d) => code(d.country)), (i) => i.code);
    expectItems(tables.byDistrict, sumBy(rows, (d) => d.district), (i) => i.name);
    expectItems(tables.byPlatform, sumBy(rows, (d) => d.platform), (i) => (i.code === null ? null : i.name));
    // 新设, 增资 and 并购; the words for reinvestment are the stats area's to sort
    const byMode = sumBy(rows, (d) => MODES[d.mode] ?? 'other');
    for (const mode of ['new', 'increase', 'merger']) expect(tables.byMode.find((i: Item) => i.code === mode)).toMatchObject(byMode.get(mode)!);
  }, 240_000);
});
