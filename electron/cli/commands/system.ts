import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../../backend/demo';
import { checkDatabase } from '../../backend/api/system';
import { backupTo } from '../../backend/db/backups';
import { damagedError } from '../../backend/db/health';
import { failDamaged, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand } from '../command';

const db = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const initCommand: CliCommand = {
  name: 'init',
  summary: '新建数据库（默认带演示数据；--empty 为空库）',
  usage: 'init --db FILE [--empty] [--json]',
  options: { ...db, empty: { type: 'boolean' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    if (fs.existsSync(file) && fs.statSync(file).size > 0) return io.fail(refuse('REFUSED', `文件已存在：${file}`));
    return withBackend(
      file,
      io,
      async (backend) => {
        if (!values.empty) seedDemo(backend.ctx.db);
        const report = checkDatabase(backend.ctx);
        io.out({ db: path.resolve(file), demo: !values.empty, counts: report.counts }, `已创建 ${path.resolve(file)}${values.empty ? '' : '（含演示数据）'}`);
        return EXIT.ok;
      },
      { create: true },
    );
  },
};

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查数据库完整性、版本与记录数',
  usage: 'check --db FILE [--json]',
  options: db,
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    return withBackend(file, io, async (backend) => {
      const report = checkDatabase(backend.ctx);
      const lines = [
        `完整性：${report.integrity}`,
        `数据库版本：${report.schemaVersion}（程序：${report.appSchemaVersion}）`,
        ...Object.entries(report.counts).map(([t, n]) => `${t}: ${n}`),
      ];
      if (report.integrity !== 'ok') {
        // as when opening finds damage: exit 2, with the backups to restore from
        const damaged = damagedError(backend.ctx.dbPath, { ok: false, findings: report.integrity.split('\n'), unchecked: [] });
        return failDamaged(io, backend.ctx.dbPath, damaged.toData(), { report });
      }
      io.out(report, lines.join('\n'));
      return report.ok ? EXIT.ok : io.fail(refuse('DB_INTEGRITY', `数据库版本 ${report.schemaVersion}，程序 ${report.appSchemaVersion}`));
    });
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '把数据库备份到指定文件',
  usage: 'backup --db FILE --out FILE [--json]',
  options: { ...db, out: { type: 'string' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const out = requireString(values, 'out');
    if (isError(out)) return io.fail(out);
    if (fs.existsSync(out)) return io.fail(refuse('REFUSED', `目标文件已存在：${out}`));
    return withBackend(file, io, async (backend) => {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      await backupTo(backend.ctx.db, out);
      const size = fs.statSync(out).size;
      io.out({ out: path.resolve(out), size }, `已备份到 ${path.resolve(out)}（${size} 字节）`);
      return EXIT.ok;
    });
  },
};
