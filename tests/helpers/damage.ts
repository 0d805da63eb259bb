import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Damages a database file as a failing disk would: one b-tree page of `table` (a leaf from the middle) overwritten
 * with junk. The file must not be open; its WAL is checkpointed into it first.
 */
export function damagePage(file: string, table: string): number {
  const db = new Database(file);
  let page: number;
  let size: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table) as number[];
    if (!pages.length) throw new Error(`no leaf page of ${table}`);
    page = pages[Math.floor(pages.length / 2)]!;
    size = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (page - 1) * size);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}
