import type { RefList } from '../../../shared/api/reference';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { ALL_MONTHS, markStatsDirty } from '../stats/summary/dirty';

type Meta = { list: string; name: string; source: string; version: string; editedAt: string | null; editedBy: string | null };
type Item = RefList['items'][number];

const kindOf = (list: string): RefList['kind'] => (list.startsWith('scope:') ? 'divisions' : list.startsWith('group:') ? 'countries' : 'classes');

function items(db: Db, list: string): Item[] {
  const [type, key] = list.split(':') as [string, string];
  if (type === 'scope') {
    return db
      .prepare(`SELECT s.division AS code, coalesce(i.name, '') AS name, NULL AS validFrom, NULL AS validTo FROM ref_scope_division s
        LEFT JOIN ref_industry i ON i.code = s.division WHERE s.scope = ? ORDER BY s.division`)
      .all(key) as Item[];
  }
  if (type === 'group') {
    return db
      .prepare(`SELECT m.country_code AS code, coalesce(c.name, '') AS name, m.valid_from AS validFrom, m.valid_to AS validTo
        FROM ref_country_group_member m LEFT JOIN ref_country c ON c.code = m.country_code WHERE m.group_code = ? ORDER BY m.country_code`)
      .all(key) as Item[];
  }
  return db
    .prepare(`SELECT h.industry_code AS code, coalesce(i.name, '') || '（' || h.ht_name || '）' AS name, NULL AS validFrom, NULL AS validTo
      FROM ref_hightech h LEFT JOIN ref_industry i ON i.code = h.industry_code WHERE h.kind = ? ORDER BY h.industry_code`)
    .all(key) as Item[];
}

const META = 'SELECT list, name, source, version, edited_at AS editedAt, edited_by AS editedBy FROM ref_list';

export function listRefLists(db: Db): RefList[] {
  const metas = db.prepare(`${META} ORDER BY list`).all() as Meta[];
  return metas.map((m) => ({ ...m, kind: kindOf(m.list), items: items(db, m.list) }));
}

function checkCodes(db: Db, kind: RefList['kind'], codes: string[]): void {
  const sql = {
    divisions: "SELECT 1 FROM ref_industry WHERE code = ? AND level = 'division'",
    countries: 'SELECT 1 FROM ref_country WHERE code = ?',
    classes: "SELECT 1 FROM ref_industry WHERE code = ? AND level = 'class'",
  }[kind];
  const what = { divisions: 'GB/T 4754-2017 行业大类（两位）', countries: '国别（地区）代码（ISO 3166-1 三位字母）', classes: 'GB/T 4754-2017 行业小类（四位）' }[kind];
  const unknown = codes.filter((c) => db.prepare(sql).get(c) === undefined);
  if (unknown.length) throw new AppError('INVALID_INPUT', `不是${what}：${unknown.slice(0, 10).join('、')}`);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length) throw new AppError('INVALID_INPUT', `重复：${[...new Set(repeated)].join('、')}`);
}

/**
 * Replaces a list's items with the bureau's own, with the source and version it names. From then on a new shipped
 * version leaves the list alone (reference/load.ts). Lists the stats summary keys on (the scope's divisions, the
 * high-tech classes) have the summary counted again.
 */
export function saveRefList(
  db: Db,
  input: { list: string; items: Array<{ code: string; validFrom?: string | null | undefined; validTo?: string | null | undefined }>; source: string; version: string },
  user: string,
): RefList {
  const meta = db.prepare(`${META} WHERE list = ?`).get(input.list) as Meta | undefined;
  if (!meta) throw new AppError('NOT_FOUND', `参考清单 ${input.list}`);
  const kind = kindOf(input.list);
  const codes = input.items.map((i) => i.code.toUpperCase().trim());
  checkCodes(db, kind, codes);
  const before = { ...meta, items: items(db, input.list) };
  const [type, key] = input.list.split(':') as [string, string];
  if (type === 'scope') {
    db.prepare('DELETE FROM ref_scope_division WHERE scope = ?').run(key);
    const insert = db.prepare('INSERT INTO ref_scope_division (scope, division) VALUES (?, ?)');
    for (const c of codes) insert.run(key, c);
    markStatsDirty(db, ALL_MONTHS);
  } else if (type === 'group') {
    for (const i of input.items) if (i.validFrom && i.validTo && i.validFrom > i.validTo) throw new AppError('INVALID_INPUT', `${i.code}：起始月份晚于截止月份`);
    db.prepare('DELETE FROM ref_country_group_member WHERE group_code = ?').run(key);
    const insert = db.prepare('INSERT INTO ref_country_group_member (group_code, country_code, valid_from, valid_to) VALUES (?, ?, ?, ?)');
    input.items.forEach((i, n) => insert.run(key, codes[n], i.validFrom ?? null, i.validTo ?? null));
  } else {
    // a class kept keeps its category in the classification; one the bureau adds is marked as its own
    const kept = new Map((db.prepare('SELECT industry_code AS c, ht_code AS h, ht_name AS n, partial AS p FROM ref_hightech WHERE kind = ?').all(key) as Array<{ c: string; h: string; n: string; p: number }>).map((r) => [r.c, r]));
    db.prepare('DELETE FROM ref_hightech WHERE kind = ?').run(key);
    const insert = db.prepare('INSERT INTO ref_hightech (kind, ht_code, ht_name, industry_code, partial) VALUES (?, ?, ?, ?, ?)');
    for (const c of codes) {
      const k = kept.get(c);
      insert.run(key, k?.h ?? '', k?.n ?? '本局补充', c, k?.p ?? 0);
    }
    markStatsDirty(db, ALL_MONTHS);
  }
  const now = new Date().toISOString();
  db.prepare('UPDATE ref_list SET source = ?, version = ?, edited_at = ?, edited_by = ? WHERE list = ?').run(input.source, input.version, now, user, input.list);
  const after = listRefLists(db).find((l) => l.list === input.list)!;
  writeAudit(db, { user, action: 'update', entity: 'ref_list', entityId: input.list, before, after });
  return after;
}
