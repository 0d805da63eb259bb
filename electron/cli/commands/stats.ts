import fs from 'node:fs';
import type { StatsTables } from '../../../shared/api/stats';
import { flattenStatsTables } from '../../backend/stats/flat';
import { callOrFail, runJob, saveJobFile, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand, type CliValues } from '../command';
import { flagOptions, flagsUsage, readSchemaFlags } from '../schema-flags';
import { RANGE_FLAGS, readStatsOptions, STATS_FLAGS, STATS_OPTION_FLAGS, STATS_OPTIONS_USAGE } from './stats-options';
import { statsAsText } from './stats-text';

export const rangeOptions = { db: { type: 'string' }, ...flagOptions(RANGE_FLAGS), json: { type: 'boolean' }, ...STATS_OPTION_FLAGS } as const;
export const RANGE_USAGE = `--db FILE ${flagsUsage(RANGE_FLAGS)}`;

/** --db, --from, --to and the stats options, checked. */
export function readArgs(values: CliValues) {
  const db = requireString(values, 'db');
  if (isError(db)) return db;
  const range = readSchemaFlags(values, RANGE_FLAGS);
  if (isError(range)) return range;
  const options = readStatsOptions(values);
  if (isError(options)) return options;
  return { db, query: { ...(range as { from: string; to: string }), ...options } };
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: '外资统计标准表（万美元或亿元人民币，含上年同期与同比，注明口径与区县覆盖）',
  usage: `stats ${RANGE_USAGE} ${STATS_OPTIONS_USAGE} [--json]`,
  schemaFlags: [...RANGE_FLAGS, ...STATS_FLAGS],
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
  usage: `export stats ${RANGE_USAGE} --out FILE.xlsx ${STATS_OPTIONS_USAGE} [--force] [--json]`,
  schemaFlags: [...RANGE_FLAGS, ...STATS_FLAGS],
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
