import fs from 'node:fs';
import type { StatsTables } from '../../../shared/api/stats';
import { flattenStatsTables } from '../../backend/stats/flat';
import { callOrFail, runJob, saveJobFile, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand, type CliValues } from '../command';
import { readStatsOptions, STATS_OPTION_FLAGS, STATS_OPTIONS_USAGE } from './stats-options';
import { statsAsText } from './stats-text';

export const rangeOptions = { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, ...STATS_OPTION_FLAGS } as const;

/** --db, --from, --to and the stats options, checked. */
export function readArgs(values: CliValues) {
  const db = requireString(values, 'db');
  if (isError(db)) return db;
  const from = requireString(values, 'from');
  if (isError(from)) return from;
  const to = requireString(values, 'to');
  if (isError(to)) return to;
  const options = readStatsOptions(values);
  if (isError(options)) return options;
  return { db, query: { from, to, ...options } };
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: '外资统计标准表（万美元或亿元人民币，含上年同期与同比，注明口径与区县覆盖）',
  usage: `stats --db FILE --from YYYY-MM --to YYYY-MM ${STATS_OPTIONS_USAGE} [--json]`,
  options: rangeOptions,
  async run(values, _pos, io) {
    const args = readArgs(values);
    if (isError(args)) return io.fail(args);
    return withBackend(args.db, io, async (backend) => {
      const result = await callOrFail<StatsTables>(backend, io, 'stats.tables', args.query);
      if ('code' in result) return result.code;
      io.out(flattenStatsTables(result.value), statsAsText(result.value));
      return EXIT.ok;
    });
  },
};

export const exportStatsCommand: CliCommand = {
  name: 'export stats',
  summary: '导出外资统计表 xlsx（每表一页，按统计报表格式）',
  usage: `export stats --db FILE --from YYYY-MM --to YYYY-MM --out FILE.xlsx ${STATS_OPTIONS_USAGE} [--force] [--json]`,
  options: { ...rangeOptions, out: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, _pos, io) {
    const args = readArgs(values);
    if (isError(args)) return io.fail(args);
    const out = requireString(values, 'out');
    if (isError(out)) return io.fail(out);
    if (!out.toLowerCase().endsWith('.xlsx')) return io.fail(refuse('INVALID_INPUT', '--out 应为 .xlsx 文件'));
    if (fs.existsSync(out) && !values.force) return io.fail(refuse('REFUSED', `目标文件已存在：${out}（覆盖请加 --force）`));
    return withBackend(args.db, io, async (backend) => {
      const done = await runJob(backend, io, 'stats.export', args.query);
      if ('code' in done) return done.code;
      const file = done.value;
      const target = saveJobFile(backend, file.fileId, out);
      io.out({ out: target, size: file.size, from: args.query.from, to: args.query.to }, `已导出 ${target}（${file.size} 字节）`);
      return EXIT.ok;
    });
  },
};
