import fs from 'node:fs';
import { PROJECT_ALERT_CODES, type ImportCheck, type Project } from '../../../shared/api/projects';
import { ACCESS_STATUS_CODES, ACCESS_STATUSES } from '../../../shared/domain/policy';
import { PROJECT_STAGE_CODES, PROJECT_STAGES } from '../../../shared/domain/project';
import { errorData } from '../../../shared/result';
import { roundReported } from '../../../shared/rules/money';
import { callOrFail, failImport, runJob, saveJobFile, withBackend } from '../backend';
import { EXIT, headerRowsOption, isError, refuse, requireString, type CliCommand } from '../command';

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;
const PAGE = 500;

/** A register check or import as the command line prints it: counts, header rows, columns not imported, warnings. */
function registerSummary(r: ImportCheck) {
  return {
    file: r.fileName,
    sheet: r.sheet,
    headerRows: r.layout?.headerRows ?? [],
    rows: r.rows,
    skippedRows: r.skippedRows,
    created: r.create,
    updated: r.update,
    unchanged: r.unchanged,
    ignoredColumns: r.ignoredColumns,
    warnings: r.problems.filter((p) => p.severity === 'warning').map((p) => ({ code: p.code, sheet: p.sheet ?? null, row: p.row ?? null, column: p.column ?? null, message: p.message })),
  };
}

function registerLines(r: ImportCheck, head: string): string {
  const s = registerSummary(r);
  return [
    `${head}（${r.sheet}，表头第 ${s.headerRows.join('、')} 行）：新增 ${r.create}，更新 ${r.update}，未变 ${r.unchanged}，跳过 ${r.skippedRows} 行`,
    ...(s.ignoredColumns.length ? [`  未导入的列：${s.ignoredColumns.map((c) => `${c.column}（${c.header || '无表头'}）`).join('、')}`] : []),
    ...s.warnings.map((w) => `  提示 [${w.code}]：${w.row ? `第${w.row}行 ` : ''}${w.message}`),
  ].join('\n');
}

function importCommand(kind: 'projects' | 'enterprises', label: string): CliCommand {
  return {
    name: `import ${kind}`,
    summary: `导入${label}（.xlsx/.xls/.csv）；有错误时整体拒绝，数据库不变。--check 只检查不写入；--header-rows 3-4 指定表头行`,
    usage: `import ${kind} FILE --db FILE [--check] [--header-rows N-M] [--sheet NAME] [--json]`,
    options: { ...common, check: { type: 'boolean' }, 'header-rows': { type: 'string' }, sheet: { type: 'string' } },
    async run(values, files, io) {
      const db = requireString(values, 'db');
      if (isError(db)) return io.fail(db);
      if (files.length !== 1) return io.fail(refuse('INVALID_INPUT', '请给出一个要导入的文件'));
      const file = files[0]!;
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return io.fail(errorData('FILE_NOT_FOUND', file));
      const headerRows = headerRowsOption(values);
      if (isError(headerRows)) return io.fail(headerRows);
      const choice = { headerRows, sheet: typeof values.sheet === 'string' ? values.sheet : undefined };
      return withBackend(db, io, async (backend) => {
        const fileId = backend.ctx.files.register(file).fileId;
        if (values.check === true) {
          const checked = await runJob(backend, io, `${kind}.importCheck`, { fileId, ...choice });
          if ('code' in checked) return checked.code;
          const r = checked.value;
          const errors = r.problems.filter((p) => p.severity !== 'warning');
          io.out({ ...registerSummary(r), errors }, `${registerLines(r, `检查 ${r.fileName}`)}${errors.length ? `\n  错误 ${errors.length} 处，导入时将整体拒绝` : ''}`);
          return errors.length ? EXIT.refused : EXIT.ok;
        }
        const done = await runJob(backend, io, `${kind}.importCommit`, { fileId, ...choice }, (error) => failImport(io, error));
        if ('code' in done) return done.code;
        const r = done.value;
        io.out({ ...registerSummary(r), batchId: r.batchId }, registerLines(r, `第${r.batchId}批 ${r.fileName}`));
        return EXIT.ok;
      });
    },
  };
}

function exportCommand(kind: 'projects' | 'enterprises', label: string): CliCommand {
  return {
    name: `export ${kind}`,
    summary: `导出${label}为 .xlsx${kind === 'projects' ? '（--layout progress：重点外资项目推进情况表）' : ''}`,
    usage: `export ${kind} --db FILE --out FILE.xlsx${kind === 'projects' ? ' [--layout list|progress]' : ''} [--json]`,
    options: kind === 'projects' ? { ...common, out: { type: 'string' }, layout: { type: 'string' } } : { ...common, out: { type: 'string' } },
    async run(values, _pos, io) {
      const db = requireString(values, 'db');
      if (isError(db)) return io.fail(db);
      const out = requireString(values, 'out');
      if (isError(out)) return io.fail(out);
      const layout = values.layout ?? 'list';
      if (layout !== 'list' && layout !== 'progress') return io.fail(refuse('INVALID_INPUT', '--layout 只能是 list 或 progress'));
      return withBackend(db, io, async (backend) => {
        const done = await runJob(backend, io, `${kind}.export`, kind === 'projects' ? { layout } : {});
        if ('code' in done) return done.code;
        const target = saveJobFile(backend, done.value.fileId, out);
        io.out({ out: target, rows: done.value.rows }, `已导出 ${done.value.rows} 行到 ${target}`);
        return EXIT.ok;
      });
    },
  };
}

export const projectsListCommand: CliCommand = {
  name: 'projects list',
  summary: '列出项目（--stage 按阶段，--alert 只列有提醒的：久未跟进、问题逾期、到资落后于计划、负面清单禁止；--access 按外资准入状态）',
  usage: 'projects list --db FILE [--stage CODE] [--alert] [--access prohibited,restricted,partial,open] [--json]',
  options: { ...common, stage: { type: 'string' }, alert: { type: 'boolean' }, access: { type: 'string' } },
  async run(values, _pos, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    const stage = values.stage;
    if (stage !== undefined && !(PROJECT_STAGE_CODES as readonly unknown[]).includes(stage)) {
      return io.fail(refuse('INVALID_INPUT', `--stage 应为 ${PROJECT_STAGE_CODES.join('/')} 之一`));
    }
    const access = typeof values.access === 'string' ? values.access.split(',').map((a) => a.trim()).filter(Boolean) : [];
    if (access.some((a) => !(ACCESS_STATUS_CODES as readonly string[]).includes(a))) {
      return io.fail(refuse('INVALID_INPUT', `--access 应为 ${ACCESS_STATUS_CODES.join('/')} 中的一个或几个（逗号分隔）`));
    }
    const filter = {
      ...(stage ? { stages: [stage] } : {}),
      ...(values.alert ? { alerts: [...PROJECT_ALERT_CODES] } : {}),
      ...(access.length ? { access } : {}),
    };
    return withBackend(db, io, async (backend) => {
      const rows: Project[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await callOrFail<{ rows: Project[]; total: number }>(backend, io, 'projects.list', { filter, sort: { field: 'name', order: 'asc' }, offset, limit: PAGE });
        if ('code' in page) return page.code;
        rows.push(...page.value.rows);
        if (rows.length >= page.value.total || page.value.rows.length === 0) break;
      }
      const amount = (v: number | null) => (v === null ? null : roundReported(v));
      const projects = rows.map((p) => ({
        id: p.id,
        name: p.name,
        stage: p.stage,
        countryCode: p.countryCode,
        industryCode: p.industryCode,
        contractedFdi: amount(p.contractedFdi),
        totalInvestment: amount(p.totalInvestment),
        reinvestment: p.reinvestment,
        district: p.district,
        platform: p.platform,
        ...(values.alert ? { alerts: p.alerts } : {}),
        policy: { negativeList: p.policy.negativeList, measure: p.policy.measure, encouraged: p.policy.encouraged },
      }));
      const human = rows.length
        ? rows
            .map((p) => {
              const no = p.policy.measureNo === null ? '' : `：第${p.policy.measureNo}条`;
              const access = p.policy.negativeList ? `  【${ACCESS_STATUSES[p.policy.negativeList]}${no}】` : '';
              return `${String(p.id).padStart(5)}  ${PROJECT_STAGES[p.stage]}  ${p.name}${p.alerts.length ? `  [${p.alerts.join(',')}]` : ''}${access}`;
            })
            .join('\n')
        : '没有符合条件的项目';
      io.out({ projects }, human);
      return EXIT.ok;
    });
  },
};

export const PROJECT_COMMANDS: CliCommand[] = [
  importCommand('projects', '项目清单'),
  exportCommand('projects', '项目清单'),
  projectsListCommand,
  importCommand('enterprises', '企业名录'),
  exportCommand('enterprises', '企业名录'),
];
