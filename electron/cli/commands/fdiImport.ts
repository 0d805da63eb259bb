import fs from 'node:fs';
import path from 'node:path';
import type { ImportBatch } from '../../../shared/api/fdiImport';
import { errorData, type AppErrorData } from '../../../shared/result';
import type { Backend } from '../../backend/create';
import { callOrFail, failImport, runJob, withBackend } from '../backend';
import { EXIT, headerRowsOption, isError, refuse, requireString, type CliCommand, type CliIO, type CliValues } from '../command';

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

const KIND_ZH = { district: '区县', platform: '园区' } as const;

/** `--district NAME` for every file that names none; `--district FILE=NAME` for one file (by its path or name). */
function districtOptions(values: CliValues, files: string[]): { fallback?: string; perFile: Map<string, string> } | AppErrorData {
  const given = ([] as Array<string | boolean>).concat(values.district ?? []).filter((v): v is string => typeof v === 'string');
  const perFile = new Map<string, string>();
  let fallback: string | undefined;
  for (const value of given) {
    const eq = value.lastIndexOf('=');
    if (eq < 0) {
      fallback = value;
      continue;
    }
    const [name, district] = [value.slice(0, eq), value.slice(eq + 1)];
    const file = files.find((f) => f === name || path.resolve(f) === path.resolve(name) || path.basename(f) === name);
    if (!file || !district) return refuse('INVALID_INPUT', `--district ${value}：没有这个文件（应写作 --district 文件=区县）`);
    perFile.set(file, district);
  }
  return { fallback, perFile };
}

/** The batch a refused file was already imported as (ALREADY_IMPORTED carries its number as the value), by file name. */
function alreadyImported(error: AppErrorData): Map<string, number> {
  return new Map((error.problems ?? []).filter((p) => p.code === 'ALREADY_IMPORTED' && p.file).map((p) => [p.file!, Number(p.value)]));
}

/** What a refusal adds for people: which flag registers the unknown names, which one replaces an earlier import. */
function refusalExtras(error: AppErrorData) {
  const problems = error.problems ?? [];
  // each name once, with the files that use it (each file's problem names it for that file)
  const byName = new Map<string, { kind: 'district' | 'platform'; name: string; files: string[]; message: string }>();
  for (const p of problems.filter((x) => x.code === 'DISTRICT_UNKNOWN' || x.code === 'PLATFORM_UNKNOWN')) {
    const kind = p.code === 'DISTRICT_UNKNOWN' ? 'district' : 'platform';
    const key = `${kind}|${p.value}`;
    const entry = byName.get(key) ?? { kind, name: p.value ?? '', files: [], message: p.message };
    if (p.file && !entry.files.includes(p.file)) entry.files.push(p.file);
    byName.set(key, entry);
  }
  const unknown = [...byName.values()];
  const already = [...alreadyImported(error)].map(([file, batchId]) => ({ file, batchId }));
  const hints = [
    ...(unknown.length ? [`加 --add-unknown 可随导入登记这些区县/园区：${unknown.map((u) => `${KIND_ZH[u.kind]}“${u.name}”`).join('、')}`] : []),
    ...already.map((a) => `加 --replace 可撤销第 ${a.batchId} 批（${a.file}）并重新导入`),
  ];
  const warnings = problems.filter((p) => p.severity === 'warning').map((p) => ({ file: p.file ?? null, code: p.code, sheet: p.sheet ?? null, row: p.row ?? null, column: p.column ?? null, message: p.message }));
  return { json: { warnings, unknown, alreadyImported: already }, hints };
}

function failFdiImport(io: CliIO, error: AppErrorData): number {
  const { json, hints } = refusalExtras(error);
  const code = failImport(io, error, json);
  // hints go to stderr, under --json as well (stdout keeps the JSON alone)
  for (const h of hints) io.note(h);
  return code;
}

async function importFiles(backend: Backend, io: CliIO, files: string[], values: CliValues) {
  const districts = districtOptions(values, files);
  if (isError(districts)) return { code: io.fail(districts) };
  const headerRows = headerRowsOption(values);
  if (isError(headerRows)) return { code: io.fail(headerRows) };
  const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
  const registered = files.map((f) => ({ path: f, fileId: backend.ctx.files.register(f).fileId }));
  const input = (replace: Map<string, number>) => ({
    files: registered.map((f) => ({
      fileId: f.fileId,
      sheet,
      headerRows,
      district: districts.perFile.get(f.path),
      defaultDistrict: districts.fallback,
      replaceBatch: replace.get(path.basename(f.path)),
    })),
    allowPartial: values['allow-partial'] === true,
    addUnknown: values['add-unknown'] === true,
  });
  let refusal: AppErrorData | null = null;
  const first = await runJob(backend, io, 'fdiImport.consolidate', input(new Map()), (error) => {
    refusal = error;
    return EXIT.refused;
  });
  if (!('code' in first)) return first;
  const refused = refusal as AppErrorData | null;
  // undo and replace: the files already imported go in again, their earlier batches undone in the same transaction
  const replace = refused && values.replace === true ? alreadyImported(refused) : new Map<string, number>();
  if (!refused || !replace.size) return { code: refused ? failFdiImport(io, refused) : first.code };
  return runJob(backend, io, 'fdiImport.consolidate', input(replace), (error) => failFdiImport(io, error));
}

export const importFdiCommand: CliCommand = {
  name: 'import fdi',
  summary:
    '导入外资统计报表（.xlsx/.csv，可多个区县文件一并汇总，每个文件一批）；有错误时整体拒绝。区县按：区县列 > 填报单位或标题 > 文件名 > --district；' +
    '--district 文件=区县 指定某个文件的区县；--add-unknown 随导入登记尚未登记的区县/园区；--replace 撤销同一文件先前的导入并重新导入；--header-rows 3-4 指定表头行',
  usage: 'import fdi FILE... --db FILE [--district NAME|FILE=NAME]... [--add-unknown] [--replace] [--header-rows N-M] [--sheet NAME] [--allow-partial] [--json]',
  options: {
    ...common,
    district: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    'header-rows': { type: 'string' },
    'allow-partial': { type: 'boolean' },
    'add-unknown': { type: 'boolean' },
    replace: { type: 'boolean' },
  },
  async run(values, files, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    if (!files.length) return io.fail(refuse('INVALID_INPUT', '请给出要导入的文件'));
    const missing = files.find((f) => !fs.existsSync(f) || !fs.statSync(f).isFile());
    if (missing) return io.fail(errorData('FILE_NOT_FOUND', missing));
    return withBackend(db, io, async (backend) => {
      const done = await importFiles(backend, io, files, values);
      if ('code' in done) return done.code;
      const result = done.value;
      const batches = result.batches.map((b) => ({
        file: b.file,
        rows: b.rows,
        skippedRows: b.skippedRows,
        unit: b.unit,
        batchId: b.batchId,
        district: b.district,
        headerRows: b.headerRows,
        ignoredColumns: b.ignoredColumns,
        totals: b.totals,
        warnings: b.warnings,
      }));
      const human = [
        ...result.replaced.map((id) => `已撤销第${id}批（被本次导入替换）`),
        ...result.added.map((a) => `已登记${KIND_ZH[a.kind]}：${a.name}（${a.type}）`),
        ...result.matched.map((m) => `${KIND_ZH[m.kind]}“${m.name}”按“${m.to}”导入`),
        ...result.batches.flatMap((b) => [
          `第${b.batchId}批 ${b.file}：导入 ${b.rows} 行，跳过 ${b.skippedRows} 行${b.rejectedRows ? `，有错未导入 ${b.rejectedRows} 行` : ''}（单位：${b.unit}${b.district ? `，${b.district}` : ''}；表头第 ${b.headerRows.join('、')} 行）`,
          ...(b.totals.checked ? [`  合计/小计核对：${b.totals.checked} 处，${b.totals.mismatches ? `${b.totals.mismatches} 处不符` : '全部相符'}`] : []),
          ...(b.ignoredColumns.length ? [`  未导入的列：${b.ignoredColumns.map((c) => `${c.column}（${c.header || '无表头'}）`).join('、')}`] : []),
          ...b.warnings.map((w) => `  警告 [${w.code}]：${w.message}`),
        ]),
        `共导入 ${result.imported} 条记录；导入前的备份：${result.batches[0]?.backup ?? ''}`,
      ].join('\n');
      io.out({ batches, imported: result.imported, added: result.added, matched: result.matched, replaced: result.replaced }, human);
      return EXIT.ok;
    });
  },
};
export const batchesCommand: CliCommand = {
  name: 'batches',
  summary: '列出外资统计导入记录',
  usage: 'batches --db FILE [--json]',
  options: common,
  async run(values, _pos, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    return withBackend(db, io, async (backend) => {
      const listed = await callOrFail<ImportBatch[]>(backend, io, 'fdiImport.batches', {});
      if ('code' in listed) return listed.code;
      const human = listed.value.length
        ? listed.value
            .map((b) => `第${b.id}批  ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.fileName}  ${b.rows}行  ${b.district ?? ''}${b.undoneAt ? '  （已撤销）' : ''}`)
            .join('\n')
        : '还没有导入记录';
      io.out({ batches: listed.value }, human);
      return EXIT.ok;
    });
  },
};

export const undoCommand: CliCommand = {
  name: 'undo',
  summary: '撤销一批外资统计导入',
  usage: 'undo BATCH --db FILE [--json]',
  options: common,
  async run(values, positionals, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    const batchId = Number(positionals[0]);
    if (!Number.isInteger(batchId) || batchId <= 0) return io.fail(refuse('INVALID_INPUT', '请给出批次号，如 undo 3'));
    return withBackend(path.resolve(db), io, async (backend) => {
      const undone = await callOrFail<{ batchId: number; removedRecords: number; removedEnterprises: number; restoredEnterprises: number }>(
        backend,
        io,
        'fdiImport.undo',
        { batchId },
      );
      if ('code' in undone) return undone.code;
      const u = undone.value;
      io.out(u, `已撤销第${u.batchId}批：删除 ${u.removedRecords} 条记录、${u.removedEnterprises} 家由该批新建的企业，恢复 ${u.restoredEnterprises} 家企业的原信息`);
      return EXIT.ok;
    });
  },
};
