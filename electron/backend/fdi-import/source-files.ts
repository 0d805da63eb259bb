import fs from 'node:fs';
import type { Db } from '../db/open';

/** Parts of this size: a file goes in and out without being held whole in memory. */
const PART_BYTES = 1 << 20;

/**
 * Keeps an imported file's bytes in the database, by content hash, so every record traces to its row as it was
 * (stats/source.ts reads it back). A file imported again is kept once. Costs the file's size: the compressed .xlsx
 * is the cheapest form of its cells (the 1M-record bench file is ~40 MB; see `npm run bench -- fdi-import`).
 */
export function storeSourceFile(db: Db, fileHash: string, filePath: string): void {
  if (db.prepare('SELECT 1 FROM import_source WHERE file_hash = ? LIMIT 1').get(fileHash)) return;
  const insert = db.prepare('INSERT INTO import_source (file_hash, part, bytes) VALUES (?, ?, ?)');
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.allocUnsafe(PART_BYTES);
    for (let part = 0; ; part++) {
      const n = fs.readSync(fd, buffer, 0, PART_BYTES, null);
      if (n === 0) break;
      insert.run(fileHash, part, buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a kept file out to `target`; false when it was not kept (imported before this version, or demo data). */
export function writeSourceFile(db: Db, fileHash: string, target: string): boolean {
  const parts = db.prepare('SELECT bytes FROM import_source WHERE file_hash = ? ORDER BY part').pluck();
  const fd = fs.openSync(target, 'w');
  let any = false;
  try {
    for (const bytes of parts.iterate(fileHash) as Iterable<Buffer>) {
      fs.writeSync(fd, bytes);
      any = true;
    }
  } finally {
    fs.closeSync(fd);
  }
  return any;
}
