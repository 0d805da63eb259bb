import { projectQuerySchema, type ProjectQuery, type SavedView } from '../../../shared/api/projects';
import type { Db } from '../db/open';
import { AppError } from '../errors';

const AREA = 'projects';

/** Saved views: a named filter and sort. A view saved by an older version that no longer parses is dropped from the list. */
export function listViews(db: Db): SavedView[] {
  const rows = db.prepare('SELECT id, name, query FROM saved_view WHERE area = ? ORDER BY name').all(AREA) as { id: number; name: string; query: string }[];
  return rows.flatMap((r) => {
    const parsed = projectQuerySchema.safeParse(JSON.parse(r.query));
    return parsed.success ? [{ id: r.id, name: r.name, query: parsed.data }] : [];
  });
}

/** Saves a view; a view of the same name is replaced. */
export function saveView(db: Db, name: string, query: ProjectQuery): SavedView {
  db.prepare(
    `INSERT INTO saved_view (area, name, query) VALUES (?, ?, ?)
     ON CONFLICT(area, name) DO UPDATE SET query = excluded.query`,
  ).run(AREA, name, JSON.stringify(query));
  const row = db.prepare('SELECT id FROM saved_view WHERE area = ? AND name = ?').get(AREA, name) as { id: number };
  return { id: row.id, name, query };
}

export function deleteView(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM saved_view WHERE area = ? AND id = ?').run(AREA, id);
  if (info.changes === 0) throw new AppError('NOT_FOUND', `视图 ${id}`);
}
