import type { Db } from './open';

/**
 * Drops secondary indexes for a bulk load and builds them again afterwards, inside the caller's transaction (DDL is
 * transactional in SQLite: a rollback brings them back). Filling a table whose indexes are kept up row by row costs
 * every index a random insert per row (ten on fdi_record: 34 µs a row); building them once at the end is a sort,
 * about ten times cheaper. Worth it only when the rows loaded are many compared with those already there.
 */
export class DeferredIndexes {
  private readonly dropped: Array<{ name: string; sql: string }> = [];

  constructor(private readonly db: Db) {}

  /** Drops the named tables' indexes (not the automatic ones behind UNIQUE), except those in `keep`. */
  drop(tables: readonly string[], keep: ReadonlySet<string> = new Set()): void {
    const indexes = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
      .all(...tables) as Array<{ name: string; sql: string }>;
    for (const index of indexes) {
      if (keep.has(index.name)) continue;
      this.db.exec(`DROP INDEX "${index.name}"`);
      this.dropped.push(index);
    }
  }

  /** Builds the dropped indexes again, from the statements that made them. */
  rebuild(progress?: (done: number, total: number) => void): void {
    for (const [i, index] of this.dropped.entries()) {
      this.db.exec(index.sql);
      progress?.(i + 1, this.dropped.length);
    }
    this.dropped.length = 0;
  }
}
