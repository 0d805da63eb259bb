import type Database from 'better-sqlite3';
import type { AppErrorData, Problem } from '../../../shared/result';
import { AppError } from '../errors';
import { listBackups } from './backups';

/**
 * Up to this many pages (256 MiB at SQLite's 4 KiB) a database is checked whole (`quick_check`) when it is opened
 * or before it is restored. Measured on a 1M-record database (352 MB, 86k pages): 1.2 s with the file in the page
 * cache, 4.7 s from disk — too long for every start of the app and every CLI command, so a larger file is checked
 * table by table, leaving out the tables that grow into millions of rows (0.13 s there). `check` still reads it all.
 */
export const WHOLE_CHECK_PAGES = 65_536;
const LEFT_TO_FULL_CHECK = new Set(['fdi_record']);
/** quick_check stops after this many findings: a damaged file is refused on the first, the rest are for the log. */
const MAX_FINDINGS = 10;

export interface Health {
  ok: boolean;
  /** SQLite's findings, in its words (for the log and the `detail` of a refusal). */
  findings: string[];
  /** Tables left out because the file is over the page budget. */
  unchecked: string[];
}

function rows(db: Database.Database, pragma: string): string[] {
  return (db.pragma(pragma) as Array<Record<string, string>>).map((r) => Object.values(r)[0]!).filter((v) => v !== 'ok');
}

/**
 * A bounded structural check of the database on `db` (SQLite's `quick_check`: every page of every b-tree, not the
 * agreement of indexes with their tables). A file so damaged that the check itself fails counts as a finding.
 */
export function quickHealth(db: Database.Database, wholeCheckPages = WHOLE_CHECK_PAGES): Health {
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    if (pages <= wholeCheckPages) {
      const findings = rows(db, `quick_check(${MAX_FINDINGS})`);
      return { ok: findings.length === 0, findings, unchecked: [] };
    }
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    const findings: string[] = [];
    for (const table of tables.filter((t) => !LEFT_TO_FULL_CHECK.has(t))) {
      findings.push(...rows(db, `quick_check("${table.replace(/"/g, '""')}")`));
      if (findings.length) break;
    }
    return { ok: findings.length === 0, findings, unchecked: tables.filter((t) => LEFT_TO_FULL_CHECK.has(t)) };
  } catch (err) {
    return { ok: false, findings: [(err as Error).message], unchecked: [] };
  }
}

/** The backups a damaged or unreadable database can be restored from, newest first, as problems to list. */
export function backupProblems(dbPath: string): Problem[] {
  return listBackups(dbPath).map((b) => ({ value: b.name, code: 'BACKUP_AVAILABLE', message: '可用于恢复的备份', severity: 'warning' }));
}

/** DB_DAMAGED for a database whose check failed: SQLite's finding, and the backups to restore it from. */
export function damagedError(dbPath: string, health: Health): AppError {
  const backups = backupProblems(dbPath);
  const hint = backups.length ? `最新的备份是 ${backups[0]!.value}（共 ${backups.length} 个）` : '备份文件夹中没有备份';
  const finding: Problem = { file: dbPath, value: health.findings[0] ?? '', code: 'DB_DAMAGED', message: '完整性检查的发现', severity: 'error' };
  return new AppError('DB_DAMAGED', `${dbPath}；${hint}`, [finding, ...backups]);
}

/** A refusal to open, as lines for a person: the message, then the backups it lists (for a dialog or a terminal). */
export function refusalLines(error: AppErrorData): string[] {
  const backups = (error.problems ?? []).filter((p) => p.code === 'BACKUP_AVAILABLE').map((p) => `  ${p.value}`);
  return [error.message, ...(backups.length ? ['可用于恢复的备份（新的在前）：', ...backups] : [])];
}
