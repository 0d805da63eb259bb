import type { AuditFilter, AuditRow } from '../../../shared/api/audit';
import { AUDIT_AREA_CODES, AUDIT_AREAS, AUDIT_ENTITIES, type AuditArea } from '../../../shared/domain/audit';
import { localTime } from '../../backend/audit-trail/export';
import { callOrFail, runJob, saveJobFile, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand } from '../command';

const PAGE = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `--entity` as a kind's code (project, import_batch…) or its Chinese name (项目, 导入批次…). */
function entityCode(text: string): string {
  const byName = Object.entries(AUDIT_ENTITIES).find(([, e]) => e.name === text);
  return byName ? byName[0] : text;
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '操作记录：全库的修改、导入、撤销、恢复与设置变更（新的在前）；--out 导出为 Excel',
  usage: 'audit --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--entity KIND [--id ID]] [--area AREA] [--user NAME] [--limit N] [--out FILE.xlsx] [--json]',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    entity: { type: 'string' },
    id: { type: 'string' },
    area: { type: 'string' },
    user: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _pos, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined);
    for (const name of ['from', 'to']) {
      const v = text(name);
      if (v !== undefined && !DATE.test(v)) return io.fail(refuse('INVALID_INPUT', `--${name} 应为 YYYY-MM-DD`));
    }
    const area = text('area');
    if (area !== undefined && !(AUDIT_AREA_CODES as readonly string[]).includes(area)) {
      return io.fail(refuse('INVALID_INPUT', `--area 应为 ${AUDIT_AREA_CODES.map((a) => `${a}（${AUDIT_AREAS[a]}）`).join('、')} 之一`));
    }
    const limit = text('limit') === undefined ? Infinity : Number(text('limit'));
    if (!(limit > 0)) return io.fail(refuse('INVALID_INPUT', '--limit 应为正整数'));
    const entity = text('entity');
    const filter: AuditFilter = {
      ...(text('from') ? { from: text('from') } : {}),
      ...(text('to') ? { to: text('to') } : {}),
      ...(entity ? { entity: entityCode(entity), ...(text('id') ? { entityId: text('id') } : {}) } : {}),
      ...(area ? { areas: [area as AuditArea] } : {}),
      ...(text('user') !== undefined ? { users: [text('user')!] } : {}),
    };
    return withBackend(db, io, async (backend) => {
      const out = text('out');
      if (out) {
        const done = await runJob(backend, io, 'audit.export', { filter });
        if ('code' in done) return done.code;
        const file = saveJobFile(backend, done.value.fileId, out);
        io.out({ out: file, rows: done.value.rows }, `已导出 ${done.value.rows} 条操作记录到 ${file}`);
        return EXIT.ok;
      }
      const entries: AuditRow[] = [];
      let total = 0;
      for (let offset = 0; entries.length < limit; offset += PAGE) {
        const page = await callOrFail<{ rows: AuditRow[]; total: number }>(backend, io, 'audit.list', { filter, offset, limit: Math.min(PAGE, limit - entries.length) });
        if ('code' in page) return page.code;
        total = page.value.total;
        entries.push(...page.value.rows);
        if (page.value.rows.length === 0 || offset + page.value.rows.length >= total) break;
      }
      const human = entries.length
        ? entries
            .map((e) => `${localTime(e.at)}  ${e.user || '（未署名）'}  ${AUDIT_AREAS[e.area]}  ${e.actionName}  ${e.entityName}${e.entityId ? ` ${e.entityId}` : ''}${e.subject ? `  ${e.subject}` : ''}`)
            .join('\n')
        : '没有符合条件的操作记录';
      io.out({ total, entries }, human);
      return EXIT.ok;
    });
  },
};
