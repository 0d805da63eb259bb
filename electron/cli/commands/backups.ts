import fs from 'node:fs';
import path from 'node:path';
import { errorData } from '../../../shared/result';
import { createBackend, type Backend } from '../../backend/create';
import { listBackups } from '../../backend/db/backups';
import { noteRestored, replaceUnopenableDatabase, restoreBackup } from '../../backend/db/restore';
import { AppError } from '../../backend/errors';
import { EXIT, isError, refuse, requireString, type CliCommand } from '../command';

const db = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const backupsCommand: CliCommand = {
  name: 'backups',
  summary: '列出数据库的备份（新的在前），不打开数据库，损坏时也可用',
  usage: 'backups --db FILE [--json]',
  options: db,
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const backups = listBackups(path.resolve(file));
    const human = backups.length ? backups.map((b) => `${b.name}\t${(b.size / 1048576).toFixed(1)} MB`).join('\n') : '没有备份';
    io.out(backups, human);
    return EXIT.ok;
  },
};

/** `--from` as a backup's name (from `backups`) or a path to any backup file. */
function findSource(dbPath: string, from: string): { path: string; name: string } | null {
  const named = listBackups(dbPath).find((b) => b.name === from);
  if (named) return named;
  return fs.statSync(from, { throwIfNoEntry: false })?.isFile() ? { path: path.resolve(from), name: path.basename(from) } : null;
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从备份恢复数据库（当前数据库先另存一份）；数据库损坏、无法打开时也可用',
  usage: 'restore --db FILE --from BACKUP [--json]    BACKUP：backups 列出的名称，或备份文件的路径',
  options: { ...db, from: { type: 'string' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const from = requireString(values, 'from');
    if (isError(from)) return io.fail(from);
    const dbPath = path.resolve(file);
    const source = findSource(dbPath, from);
    if (!source) return io.fail(errorData('FILE_NOT_FOUND', `${from}（用 backups --db ${file} 查看可用的备份）`));
    if (source.path === dbPath) return io.fail(refuse('INVALID_INPUT', '备份不能是数据库文件本身'));
    let backend: Backend | undefined;
    try {
      let result: { restoredFrom: string; savedCurrentAs: string | null };
      try {
        backend = await createBackend({ dbPath, log: () => undefined });
      } catch (err) {
        // a database no backend opens is replaced as a file (its bytes copied aside first)
        if (!(err instanceof AppError) || (err.code !== 'DB_DAMAGED' && err.code !== 'DB_UNREADABLE')) throw err;
      }
      if (backend) result = await restoreBackup(backend.ctx, source);
      else {
        result = await replaceUnopenableDatabase(dbPath, source);
        backend = await createBackend({ dbPath, log: () => undefined });
        noteRestored(backend.ctx, result.restoredFrom, result.savedCurrentAs);
      }
      const saved = result.savedCurrentAs ? `；原数据库另存为 ${result.savedCurrentAs}` : '';
      io.out({ db: dbPath, ...result }, `已从 ${result.restoredFrom} 恢复 ${dbPath}${saved}`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof AppError) return io.fail(err.toData());
      throw err;
    } finally {
      backend?.close();
    }
  },
};
