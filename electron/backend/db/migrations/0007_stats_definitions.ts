import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

const OLD_MODE_CHECK = "CHECK (mode IN ('new','increase','merger','reinvestment'))";
const NEW_MODE_CHECK = "CHECK (mode IN ('new','increase','merger','profit_reinvestment','domestic_reinvestment'))";
/** Partial indexes that counted new enterprises distinct per range; the stats summary counts them now. */
const DROPPED_INDEXES = new Set(['fdi_record_stats_new_industry', 'fdi_record_stats_new_country', 'fdi_record_stats_new_place']);

/**
 * Statistics as the official system defines them (issue 14):
 *
 * - 境内再投资 becomes a mode of its own (`domestic_reinvestment`), apart from 利润再投资 (`profit_reinvestment`, the old
 *   `reinvestment`). The mode CHECK changes, so fdi_record is rebuilt (SQLite's 12-step way, its indexes and triggers
 *   taken over from sqlite_master, so columns or triggers other migrations added stay). Which stored records were
 *   written 境内再投资 in their files cannot be known: the word was never stored. They all become 利润再投资; an audit
 *   entry lists the batches concerned, and README says how to correct them (undo, import the file again).
 * - enterprise.foreign_share: the foreign share (%) that 境内再投资 into the enterprise counts by (`byForeignShare`).
 * - fx_rate: the bureau's 美元/人民币 rates (monthly or yearly averages, with their source).
 * - import_source: each imported file's bytes, in parts, by content hash: a record traces to its row as it was.
 * - ref_list / ref_scope_division: editable reference lists with their source and version; the 不含银行、证券、保险
 *   divisions.
 * - The stats summary (stats_*): sums by month, quarter and year kept for the standard tables, refreshed for the months
 *   writers mark dirty (see electron/backend/stats/summary); `*` = everything, built on first use.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'stats definitions',
  up(db: Database.Database) {
    rebuildFdiRecord(db);
    db.exec(`
ALTER TABLE enterprise ADD COLUMN foreign_share REAL CHECK (foreign_share IS NULL OR (foreign_share > 0 AND foreign_share <= 100));

CREATE TABLE fx_rate (
  period TEXT PRIMARY KEY,        -- YYYY-MM (monthly average) or YYYY (yearly average)
  rate REAL NOT NULL CHECK (rate > 0),   -- 人民币元 per 美元
  source TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE import_source (
  file_hash TEXT NOT NULL,        -- sha256, as import_batch.file_hash
  part INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  UNIQUE (file_hash, part)
);

CREATE TABLE ref_list (
  list TEXT PRIMARY KEY,          -- scope:excl-finance, group:BRI, hightech:services…
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  version TEXT NOT NULL,
  edited_at TEXT,                 -- set when the bureau edited it: a new shipped version no longer replaces it
  edited_by TEXT
);
CREATE TABLE ref_scope_division (
  scope TEXT NOT NULL,
  division TEXT NOT NULL,         -- GB/T 4754-2017 division left out of the scope
  PRIMARY KEY (scope, division)
) WITHOUT ROWID;

CREATE TABLE stats_dirty (period TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE stats_state (id INTEGER PRIMARY KEY CHECK (id = 1), max_id INTEGER NOT NULL);
CREATE TABLE stats_first_new (ekey INTEGER PRIMARY KEY, record_id INTEGER NOT NULL UNIQUE, period TEXT NOT NULL);
CREATE INDEX stats_first_new_period ON stats_first_new(period);
${cube('stats_cube_industry', ['ind TEXT', 'ht INTEGER', 'dr INTEGER'])}
${cube('stats_cube_country', ['country TEXT', 'fin INTEGER', 'dr INTEGER'])}
${cube('stats_cube_place', ['mode TEXT', 'fin INTEGER', 'platform INTEGER'])}
INSERT INTO stats_dirty VALUES ('*');
INSERT INTO stats_state VALUES (1, 0);
`);
  },
};

/**
 * A summary table: one row per month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY) and key, district 0 for none.
 * Measures: records, n (new enterprises: records that are their enterprise's first 新设), contracted and actual FDI in
 * 万美元 (c, a), the same with 境内再投资 weighted by foreign share (cw, aw; ns counts 境内再投资 records without a
 * share), and the four in 亿元人民币 (null where the month has no rate). Without rowid, keyed by period first: a range
 * reads its periods' rows in place.
 */
function cube(name: string, keys: string[]): string {
  const names = keys.map((k) => k.split(' ')[0]);
  return `CREATE TABLE ${name} (
  period TEXT NOT NULL, ${keys.map((k) => `${k} NOT NULL`).join(', ')}, district INTEGER NOT NULL,
  records INTEGER NOT NULL, n INTEGER NOT NULL, ns INTEGER NOT NULL,
  c REAL NOT NULL, a REAL NOT NULL, cw REAL NOT NULL, aw REAL NOT NULL,
  c_cny REAL, a_cny REAL, cw_cny REAL, aw_cny REAL,
  PRIMARY KEY (period, ${names.join(', ')}, district)
) WITHOUT ROWID;`;
}

function rebuildFdiRecord(db: Database.Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'fdi_record'").pluck().get() as string;
  if (!table.includes(OLD_MODE_CHECK)) throw new Error('fdi_record 的投资方式约束与预期不符');
  const dependents = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'fdi_record' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .all() as Array<{ name: string; sql: string }>;
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('fdi_record') as string[]).map((c) => `"${c}"`);
  const reinvested = db
    .prepare("SELECT batch_id AS batchId, count(*) AS records FROM fdi_record WHERE mode = 'reinvestment' GROUP BY batch_id ORDER BY batch_id")
    .all() as Array<{ batchId: number | null; records: number }>;
  db.exec(table.replace(/^CREATE TABLE "?fdi_record"?/, 'CREATE TABLE fdi_record_next').replace(OLD_MODE_CHECK, NEW_MODE_CHECK));
  const select = columns.map((c) => (c === '"mode"' ? `CASE mode WHEN 'reinvestment' THEN 'profit_reinvestment' ELSE mode END` : c));
  db.exec(`INSERT INTO fdi_record_next (${columns.join(', ')}) SELECT ${select.join(', ')} FROM fdi_record`);
  db.exec('DROP TABLE fdi_record');
  db.exec('ALTER TABLE fdi_record_next RENAME TO fdi_record');
  for (const d of dependents) if (!DROPPED_INDEXES.has(d.name)) db.exec(d.sql);
  if (reinvested.length) {
    db.prepare(`INSERT INTO audit_log (at, user, action, entity, entity_id, before, after) VALUES (?, '', 'migrate', 'fdi_record', NULL, ?, ?)`).run(
      new Date().toISOString(),
      JSON.stringify({ mode: 'reinvestment', batches: reinvested }),
      JSON.stringify({
        mode: 'profit_reinvestment',
        note: '升级前导入的“再投资”记录未保存原文用词，无法区分利润再投资与境内再投资，已全部按利润再投资处理；如其中有境内再投资，请撤销该批次后重新导入原文件',
      }),
    );
  }
}
