import type { MethodOutput } from '../../../shared/api';
import type { RecordSource, RecordsFilter } from '../../../shared/api/stats';
import { FDI_MODE_CODES, FDI_MODES, type FdiMode } from '../../../shared/domain/fdi';
import { callOrFail, withBackend } from '../backend';
import { EXIT, isError, refuse, type CliCommand } from '../command';
import { RANGE_USAGE, readArgs, rangeOptions } from './stats';
import { RANGE_FLAGS, STATS_FLAGS, STATS_OPTIONS_USAGE } from './stats-options';

const PAGE = 500;

type Page = MethodOutput<'stats.records'>;

/**
 * `records`: the records behind a figure, each with where it came from (batch, file, sheet, Excel row) — the same
 * conditions and 口径 as `stats` (the cell's records, all of them, not a page). `--cells` adds each row's cells as
 * they were in the file (reads the kept files again: slow for rows deep in a big file).
 */
export const recordsCommand: CliCommand = {
  name: 'records',
  summary: '统计数字背后的记录，每条注明来源批次、文件、工作表与行号（口径同 stats）',
  usage: `records ${RANGE_USAGE} [--country ISO3] [--mode ${FDI_MODE_CODES.join('|')}] [--district 名称] [--section A-T] ${STATS_OPTIONS_USAGE} [--cells] [--json]`,
  schemaFlags: [...RANGE_FLAGS, ...STATS_FLAGS],
  options: { ...rangeOptions, country: { type: 'string' }, mode: { type: 'string' }, district: { type: 'string' }, section: { type: 'string' }, cells: { type: 'boolean' } },
  async run(values, _pos, io) {
    const args = readArgs(values);
    if (isError(args)) return io.fail(args);
    const filter: RecordsFilter = {};
    if (typeof values.country === 'string') {
      if (!/^[A-Za-z]{3}$/.test(values.country)) return io.fail(refuse('INVALID_INPUT', `--country 应为三位字母代码（ISO 3166-1），如 HKG：${values.country}`));
      filter.country = values.country.toUpperCase();
    }
    if (typeof values.mode === 'string') {
      if (!(FDI_MODE_CODES as readonly string[]).includes(values.mode)) return io.fail(refuse('INVALID_INPUT', `--mode 应为 ${FDI_MODE_CODES.join('、')} 之一：${values.mode}`));
      filter.mode = values.mode as FdiMode;
    }
    if (typeof values.section === 'string') {
      if (!/^[A-Ta-t]$/.test(values.section)) return io.fail(refuse('INVALID_INPUT', `--section 应为行业门类字母 A-T：${values.section}`));
      filter.section = values.section.toUpperCase();
    }
    return withBackend(args.db, io, async (backend) => {
      if (typeof values.district === 'string') {
        const settings = await callOrFail<MethodOutput<'settings.get'>>(backend, io, 'settings.get', {});
        if ('code' in settings) return settings.code;
        const name = values.district;
        const found = name === '未分区县' ? null : settings.value.districts.find((d) => d.name === name);
        if (found === undefined) return io.fail(refuse('NOT_FOUND', `没有名为“${name}”的区县（设置—区县中可查）`));
        filter.district = found === null ? null : found.id;
      }
      const records: Array<Record<string, unknown>> = [];
      let sums: Page['sums'] | undefined;
      let unit: string | undefined;
      for (let page = 1; ; page++) {
        const r = await callOrFail<Page>(backend, io, 'stats.records', { ...args.query, filter, page, pageSize: PAGE });
        if ('code' in r) return r.code;
        sums = r.value.sums;
        unit = r.value.unit;
        for (const row of r.value.rows) {
          const out: Record<string, unknown> = {
            enterprise: row.enterpriseName,
            uscc: row.uscc,
            period: row.period,
            mode: row.mode,
            contractedFdi: row.contractedFdi,
            actualFdi: row.actualFdi,
            weight: row.weight,
            source: row.source,
          };
          if (values.cells && row.source?.row) {
            const cells = await backend.dispatch('stats.recordSource', { recordId: row.id });
            out.cells = cells.ok ? (cells.value as RecordSource).cells : null;
          }
          records.push(out);
        }
        if (page * PAGE >= r.value.total) break;
      }
      const line = (r: Record<string, unknown>) => {
        const source = r.source as Page['rows'][number]['source'];
        const where = source ? `${source.file}${source.sheet ? `［${source.sheet}］` : ''} 第${source.row ?? '?'}行（批次${source.batchId}）` : '（无来源文件）';
        return `${r.period}  ${r.enterprise}  ${FDI_MODES[r.mode as FdiMode]}  合同 ${r.contractedFdi}  实际 ${r.actualFdi}  ← ${where}`;
      };
      const head = `${records.length} 条记录；合计（${unit}）合同外资 ${sums?.contractedFdi ?? 0}，实际使用外资 ${sums?.actualFdi ?? 0}（记录金额为万美元）`;
      io.out({ ...args.query, filter, unit, sums, records }, [head, ...records.map(line)].join('\n'));
      return EXIT.ok;
    });
  },
};
