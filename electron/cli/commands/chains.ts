import path from 'node:path';
import type { ChainExportFormat, ChainGaps, ChainSummary } from '../../../shared/api/chains';
import { SEGMENT_STATUSES, tierLabel } from '../../../shared/domain/chain';
import type { Backend } from '../../backend/create';
import { callOrFail, runJob, saveJobFile, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand, type CliIO } from '../command';

const db = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

async function chainId(backend: Backend, io: CliIO, name: string): Promise<{ value: number } | { code: number }> {
  const chains = await callOrFail<ChainSummary[]>(backend, io, 'chains.list', {});
  if ('code' in chains) return chains;
  const found = chains.value.find((c) => c.name === name.trim());
  return found ? { value: found.id } : { code: io.fail(refuse('NOT_FOUND', `产业链“${name}”`)) };
}

export const importChainCommand: CliCommand = {
  name: 'import chain',
  summary: '从工作簿导入一条产业链（环节、本地企业、招商目标；有错则不写入任何数据）',
  usage: 'import chain FILE --name NAME --db DB [--threshold N] [--json]',
  options: { ...db, name: { type: 'string' }, threshold: { type: 'string' } },
  async run(values, positionals, io) {
    const file = positionals[0];
    if (!file) return io.fail(refuse('INVALID_INPUT', '缺少工作簿文件'));
    const dbFile = requireString(values, 'db');
    if (isError(dbFile)) return io.fail(dbFile);
    const name = requireString(values, 'name');
    if (isError(name)) return io.fail(name);
    const threshold = values.threshold === undefined ? 3 : Number(values.threshold);
    return withBackend(dbFile, io, async (backend) => {
      const stored = backend.ctx.files.register(file);
      const result = await runJob(backend, io, 'chains.import', { fileId: stored.fileId, name, threshold });
      if ('code' in result) return result.code;
      const r = result.value;
      const lines = [`已导入产业链“${r.name}”：环节 ${r.segments} 个，供给关系 ${r.links} 条，本地企业 ${r.firms} 家，招商目标 ${r.targets} 个`];
      if (r.ignoredColumns.length) lines.push(`  未导入的列：${r.ignoredColumns.map((c) => `${c.sheet} ${c.column}（${c.header || '无表头'}）`).join('、')}`);
      for (const w of r.warnings) lines.push(`  提示：${[w.sheet, w.row !== undefined ? `第${w.row}行` : ''].filter(Boolean).join(' ')} ${w.message}`);
      io.out(r, lines.join('\n'));
      return EXIT.ok;
    });
  },
};

export const chainsListCommand: CliCommand = {
  name: 'chains list',
  summary: '列出产业链及其完整度、缺弱环节数',
  usage: 'chains list --db DB [--json]',
  options: db,
  async run(values, _pos, io) {
    const dbFile = requireString(values, 'db');
    if (isError(dbFile)) return io.fail(dbFile);
    return withBackend(dbFile, io, async (backend) => {
      const chains = await callOrFail<ChainSummary[]>(backend, io, 'chains.list', {});
      if ('code' in chains) return chains.code;
      const rows = chains.value.map(({ id, name, owner, segments, firms, targets, completeness, gaps, threshold }) => ({ id, name, owner, segments, firms, targets, completeness, gaps, threshold }));
      io.out(
        rows,
        rows.length === 0
          ? '（尚无产业链）'
          : rows.map((c) => `${c.name}　环节 ${c.segments}　本地企业 ${c.firms}　招商目标 ${c.targets}　完整度 ${c.completeness ?? '—'}%　缺弱环节 ${c.gaps}`).join('\n'),
      );
      return EXIT.ok;
    });
  },
};

export const chainsGapsCommand: CliCommand = {
  name: 'chains gaps',
  summary: '产业链缺链弱链分析：每个环节的强弱、理由、本地企业与招商目标数',
  usage: 'chains gaps --chain NAME --db DB [--json]',
  options: { ...db, chain: { type: 'string' } },
  async run(values, _pos, io) {
    const dbFile = requireString(values, 'db');
    if (isError(dbFile)) return io.fail(dbFile);
    const name = requireString(values, 'chain');
    if (isError(name)) return io.fail(name);
    return withBackend(dbFile, io, async (backend) => {
      const gaps = await callOrFail<ChainGaps>(backend, io, 'chains.gaps', { name });
      if ('code' in gaps) return gaps.code;
      const g = gaps.value;
      const out = {
        chain: g.chain,
        completeness: g.completeness,
        segments: g.segments.map(({ name: n, parent, tier, status, overridden, firms, targets, reason }) => ({ name: n, parent, tier, status, overridden, firms, targets, reason })),
      };
      const human = [
        `${g.chain}　完整度 ${g.completeness ?? '—'}%　缺链 ${g.gaps.missing}　弱链 ${g.gaps.weak}　（有招商目标 ${g.gaps.withTargets}，无 ${g.gaps.withoutTargets}）`,
        ...g.segments.map((s) => `  [${SEGMENT_STATUSES[s.status]}${s.overridden ? '*' : ''}] ${tierLabel(s.tier)} ${s.parent ? `${s.parent} / ` : ''}${s.name}　企业 ${s.firms}　目标 ${s.targets}　${s.reason}`),
      ].join('\n');
      io.out(out, human);
      return EXIT.ok;
    });
  },
};

const FORMATS: Record<string, ChainExportFormat> = { '.xlsx': 'xlsx', '.png': 'png', '.svg': 'svg', '.pdf': 'pdf' };
const PAGES: Record<string, 'wide' | 'a4'> = { '16:9': 'wide', wide: 'wide', a4: 'a4' };

export const exportChainCommand: CliCommand = {
  name: 'export chain',
  summary: '导出产业链：.xlsx 整链工作簿（--targets 为招商目标清单），.png/.svg/.pdf 图谱图片',
  usage: 'export chain --chain NAME --db DB --out FILE.xlsx|png|svg|pdf [--targets] [--page 16:9|a4] [--scale N] [--json]',
  options: { ...db, chain: { type: 'string' }, out: { type: 'string' }, targets: { type: 'boolean' }, page: { type: 'string' }, scale: { type: 'string' } },
  async run(values, _pos, io) {
    const dbFile = requireString(values, 'db');
    if (isError(dbFile)) return io.fail(dbFile);
    const name = requireString(values, 'chain');
    if (isError(name)) return io.fail(name);
    const out = requireString(values, 'out');
    if (isError(out)) return io.fail(out);
    const byExt = FORMATS[path.extname(out).toLowerCase()];
    if (!byExt) return io.fail(refuse('FILE_UNSUPPORTED', `${out}：请用 .xlsx、.png、.svg 或 .pdf`));
    const format: ChainExportFormat = values.targets && byExt === 'xlsx' ? 'targets' : byExt;
    const scale = values.scale === undefined ? 2 : Number(values.scale);
    const page = values.page === undefined ? undefined : PAGES[String(values.page).toLowerCase()];
    if (values.page !== undefined && !page) return io.fail(refuse('INVALID_INPUT', `--page ${values.page}：请用 16:9 或 a4`));
    return withBackend(dbFile, io, async (backend) => {
      const id = await chainId(backend, io, name);
      if ('code' in id) return id.code;
      const result = await runJob(backend, io, 'chains.export', { chainId: id.value, format, scale, page });
      if ('code' in result) return result.code;
      const target = saveJobFile(backend, result.value.fileId, out);
      const r = { out: target, format, size: result.value.size, width: result.value.width, height: result.value.height };
      io.out(r, `已导出 ${target}${r.width ? `（${r.width}×${r.height} 像素）` : ''}`);
      return EXIT.ok;
    });
  },
};
