/**
 * Fuzzing the workbook and CSV readers (issue 13 item 8): fast-check mutations of real files — bytes flipped, cut
 * short, zip entries deleted, stored or renamed, XML given huge coordinates, long attributes, stray entities, unclosed
 * tags; CSV given stray quotes, long fields and bytes of no encoding. Every case must end in rows or in a refusal
 * with a code and a Chinese message free of library text. Bounded for CI: the counts below run in well under a
 * minute on a loaded 2-core machine (each .xls case starts a reading thread, so there are few of them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/backend/errors';
import { readRows } from '../../../electron/backend/workbook';
import { makeRecords, writeReturnXlsx } from '../../helpers/fdi-fixtures';
import { MIMICS, writeMimic } from '../../helpers/writer-mimics';

const RUNS = { zip: 100, xml: 100, bytes: 60, csv: 60, xls: 8 };
const REFUSALS = new Set(['FILE_UNREADABLE', 'FILE_LIMIT', 'FILE_TOO_LARGE']);
/** Words of library messages (yauzl, zlib, SheetJS, csv-parse, V8) that must not reach the message a person reads. */
const LIBRARY_WORDS = /invalid|unexpected|error|cannot|corrupt|signature|offset|expected|undefined|properties|end of/i;

let dir = '';
const seeds: Record<string, Buffer> = {};
let cases = 0;
const started = performance.now();

beforeAll(async () => {
  // a folder for the whole file (tempDir's is removed after each test)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-fuzz-'));
  const records = makeRecords(25).map((r) => r.cells);
  seeds.exceljs = fs.readFileSync(await writeReturnXlsx(path.join(dir, 'seed.xlsx'), makeRecords(25), { title: '江北区外商直接投资情况表', twoRowHeader: true, subtotalEvery: 10, footer: true }));
  seeds.wps = fs.readFileSync(await writeMimic(path.join(dir, 'wps.xlsx'), MIMICS.wps!));
  seeds.strict = fs.readFileSync(await writeMimic(path.join(dir, 'strict.xlsx'), MIMICS['strict ooxml']!));
  const csv = ['企业名称,国别（地区）,实际使用外资（万美元）', ...records.map((r) => `"${r.name}",${r.country},${r.actual}`)].join('\r\n');
  seeds.csv = iconv.encode(csv, 'gbk');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['企业名称', '金额'], ...records.map((r) => [r.name, r.actual])]), '外资');
  seeds.xls = XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`workbook fuzz: ${cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
});

/** Reads a mutated file to its end: rows, or a clean refusal. */
async function readsOrRefuses(bytes: Buffer, name: string): Promise<void> {
  cases++;
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  try {
    for await (const row of readRows(file)) void row;
  } catch (err) {
    if (!(err instanceof AppError) || !REFUSALS.has(err.code)) throw new Error(`not a clean refusal: ${(err as Error)?.stack ?? err}`, { cause: err });
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    expect(err.message, err.message).not.toMatch(LIBRARY_WORDS);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const seedOf = (names: string[]) => fc.constantFrom(...names);

/** Byte-level damage: some bytes replaced, or the file cut short. */
const byteDamage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('cut' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

type Damage = { kind: 'flip'; at: Array<[number, number]> } | { kind: 'cut'; keep: number };

function damage(bytes: Buffer, d: Damage): Buffer {
  const out = Buffer.from(bytes);
  if (d.kind === 'cut') return out.subarray(0, Math.floor(out.length * d.keep));
  for (const [at, value] of d.at) out[at % out.length] = value;
  return out;
}

/** Things a hostile writer puts into a part's XML: [what, for what, everywhere or once]. */
type XmlEdit = readonly [string, string, boolean?];
const xmlEdits = fc.array(
  fc.oneof(
    fc.constantFrom<XmlEdit>(
      ['r="A', 'r="XFE'],
      ['r="A', 'r="ABCDEFGHIJ'],
      ['<row r="', '<row r="99999999'],
      ['<row r="', '<row r="-'],
      ['<v>', '<v>&#99999999;'],
      ['<t>', '<t>&bogus;&#x0;&#xD800;'],
      ['<t>', '<t><![CDATA[<x>]]>'],
      ['</c>', ''],
      ['</row>', '<row>'],
      ['<sheetData>', '<sheetData><!-- unclosed'],
      ['<c ', '<c t="s" '],
      ['<v>', '<v>1e400'],
      ['<mergeCell ref="', '<mergeCell ref="A1:ZZZZZ'],
      ['date1904="', 'date1904="ON'],
      ['<sst', '<!DOCTYPE x [<!ENTITY a "aaaa">]><sst'],
    ).map(([from, to]): XmlEdit => [from, to, true]),
    fc.integer({ min: 1, max: 6 * 1024 * 1024 }).map((n): XmlEdit => ['<c ', `<c x="${'a'.repeat(n)}" `]),
    fc.integer({ min: 30_000, max: 300_000 }).map((n): XmlEdit => ['<t>', `<t>${'字'.repeat(n)}`]),
  ),
  { minLength: 1, maxLength: 4 },
);

/** Zip-level changes, then XML edits in one part. */
function edit(text: string, edits: readonly XmlEdit[]): string {
  return edits.reduce((t, [from, to, everywhere]) => (everywhere ? t.split(from).join(to) : t.replace(from, to)), text);
}

async function mutateZip(seed: Buffer, ops: { drop: number | null; store: boolean; rename: number | null; part: number; edits: readonly XmlEdit[] }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(seed);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const part = names[ops.part % names.length]!;
  zip.file(part, edit(await zip.file(part)!.async('string'), ops.edits));
  if (ops.rename !== null) {
    const name = names[ops.rename % names.length]!;
    const bytes = await zip.file(name)!.async('nodebuffer');
    zip.remove(name);
    zip.file(name.toUpperCase().replace('.XML', '.xml'), bytes);
  }
  if (ops.drop !== null) zip.remove(names[ops.drop % names.length]!);
  return zip.generateAsync({ type: 'nodebuffer', compression: ops.store ? 'STORE' : 'DEFLATE' });
}

describe('workbook readers under fuzzing', () => {
  it('zip entries dropped, stored, renamed, and a part edited as a hostile writer would', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        seedOf(['exceljs', 'wps', 'strict']),
        fc.record({ drop: fc.option(fc.nat(), { freq: 4 }), store: fc.boolean(), rename: fc.option(fc.nat(), { freq: 4 }), part: fc.nat(), edits: xmlEdits }),
        async (seed, ops) => readsOrRefuses(await mutateZip(seeds[seed]!, ops), '样本.xlsx'),
      ),
      { numRuns: RUNS.zip },
    );
  });

  it('sheet and shared-string XML with hostile content, parts kept', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(seedOf(['exceljs', 'wps']), fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml'), xmlEdits, async (seed, part, edits) => {
        const zip = await JSZip.loadAsync(seeds[seed]!);
        const file = zip.file(part);
        if (file) zip.file(part, edit(await file.async('string'), edits));
        await readsOrRefuses(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), '样本.xlsx');
      }),
      { numRuns: RUNS.xml },
    );
  });

  it('bytes flipped or cut in .xlsx files', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(seedOf(['exceljs', 'wps', 'strict']), byteDamage, async (seed, d) => readsOrRefuses(damage(seeds[seed]!, d), '样本.xlsx')),
      { numRuns: RUNS.bytes },
    );
  });

  it('CSV with stray quotes, long fields, odd bytes and BOMs', { timeout: 120_000 }, async () => {
    const csvEdit = fc.oneof(
      byteDamage.map((d) => (bytes: Buffer) => damage(bytes, d)),
      fc.constantFrom('"', '\r', '\n', '\uFEFF', ',,,,', '\0').map((s) => (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 40), Buffer.from(s), bytes.subarray(40)])),
      fc.integer({ min: 30_000, max: 2_000_000 }).map((n) => (bytes: Buffer) => Buffer.concat([bytes, Buffer.from(`\r\n"${'x'.repeat(n)}`)])),
      fc.integer({ min: 16_000, max: 40_000 }).map((n) => (bytes: Buffer) => Buffer.concat([bytes, Buffer.from(`\r\n${','.repeat(n)}`)])),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(csvEdit, { minLength: 1, maxLength: 3 }), async (edits) => readsOrRefuses(edits.reduce((b, edit) => edit(b), seeds.csv!), '样本.csv')),
      { numRuns: RUNS.csv },
    );
  });

  it('.xls with bytes flipped or cut (each read in its own thread)', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(byteDamage, async (d) => readsOrRefuses(damage(seeds.xls!, d), '样本.xls')),
      { numRuns: RUNS.xls },
    );
  });
});
