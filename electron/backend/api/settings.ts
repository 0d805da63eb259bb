import type { settingsMethods } from '../../../shared/api/settings';
import { writeAudit } from '../audit';
import type { AreaHandlers } from '../context';
import { AppError } from '../errors';
import { listDistricts, listPlatforms, readJurisdiction, setJurisdiction } from '../settings/jurisdiction';
import { readPreferences, writeSetting } from '../settings/store';

/** Runs an insert/update of a named row, turning a UNIQUE violation into a CONFLICT the user can read. */
function uniqueName<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (String((err as Error).message).includes('UNIQUE')) throw new AppError('CONFLICT', `名称“${name}”已存在`);
    throw err;
  }
}

export const settingsHandlers: AreaHandlers<typeof settingsMethods> = {
  'settings.get': (_input, ctx) => ({
    jurisdiction: readJurisdiction(ctx.db),
    districts: listDistricts(ctx.db),
    platforms: listPlatforms(ctx.db),
    preferences: readPreferences(ctx.db),
  }),
  'settings.setJurisdiction': ({ code, reportingUnit }, ctx) => {
    const after = ctx.db.transaction(() => {
      const before = readJurisdiction(ctx.db);
      const set = setJurisdiction(ctx.db, code, reportingUnit);
      writeAudit(ctx.db, { user: ctx.userName(), action: 'update', entity: 'jurisdiction', before, after: set });
      return set;
    })();
    return after;
  },
  'settings.setPreferences': (input, ctx) => {
    const next = ctx.db.transaction(() => {
      const before = readPreferences(ctx.db);
      const merged = { ...before, ...input };
      writeSetting(ctx.db, 'preferences', merged);
      writeAudit(ctx.db, { user: ctx.userName(), action: 'update', entity: 'preferences', before, after: merged });
      return merged;
    })();
    return next;
  },
  'settings.saveDistrict': ({ id, name, code }, ctx) =>
    uniqueName(name, () =>
      ctx.db.transaction(() => {
        const before = id ? ctx.db.prepare('SELECT id, name, code FROM district WHERE id = ?').get(id) : undefined;
        if (id && !before) throw new AppError('NOT_FOUND', `区县 ${id}`);
        const newId = id
          ? (ctx.db.prepare('UPDATE district SET name = ?, code = ? WHERE id = ?').run(name, code, id), id)
          : Number(ctx.db.prepare('INSERT INTO district (name, code, sort) VALUES (?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM district))').run(name, code).lastInsertRowid);
        const after = { id: newId, name, code };
        writeAudit(ctx.db, { user: ctx.userName(), action: id ? 'update' : 'create', entity: 'district', entityId: newId, before, after });
        return after;
      })(),
    ),
  'settings.deleteDistrict': ({ id }, ctx) => {
    ctx.db.transaction(() => {
      const before = ctx.db.prepare('SELECT id, name, code FROM district WHERE id = ?').get(id);
      if (!before) throw new AppError('NOT_FOUND', `区县 ${id}`);
      const used = ctx.db.prepare('SELECT count(*) AS n FROM fdi_record WHERE district_id = ?').get(id) as { n: number };
      if (used.n > 0) throw new AppError('REFUSED', `该区县已有 ${used.n} 条外资统计记录，不能删除`);
      // import batches keep the district they were imported for, even after their records were undone
      const batches = ctx.db.prepare('SELECT count(*) AS n FROM import_batch WHERE district_id = ?').get(id) as { n: number };
      if (batches.n > 0) throw new AppError('REFUSED', `该区县有 ${batches.n} 个导入批次，不能删除`);
      ctx.db.prepare('DELETE FROM district WHERE id = ?').run(id);
      writeAudit(ctx.db, { user: ctx.userName(), action: 'delete', entity: 'district', entityId: id, before });
    })();
    return {};
  },
  'settings.savePlatform': ({ id, name, type, districtId }, ctx) =>
    uniqueName(name, () =>
      ctx.db.transaction(() => {
        const before = id ? ctx.db.prepare('SELECT id, name, type, district_id FROM platform WHERE id = ?').get(id) : undefined;
        if (id && !before) throw new AppError('NOT_FOUND', `园区 ${id}`);
        if (districtId !== null && !ctx.db.prepare('SELECT 1 FROM district WHERE id = ?').get(districtId)) {
          throw new AppError('NOT_FOUND', `区县 ${districtId}`);
        }
        const newId = id
          ? (ctx.db.prepare('UPDATE platform SET name = ?, type = ?, district_id = ? WHERE id = ?').run(name, type, districtId, id), id)
          : Number(
              ctx.db
                .prepare('INSERT INTO platform (name, type, district_id, sort) VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM platform))')
                .run(name, type, districtId).lastInsertRowid,
            );
        const after = { id: newId, name, type, districtId };
        writeAudit(ctx.db, { user: ctx.userName(), action: id ? 'update' : 'create', entity: 'platform', entityId: newId, before, after });
        return after;
      })(),
    ),
  'settings.deletePlatform': ({ id }, ctx) => {
    ctx.db.transaction(() => {
      const before = ctx.db.prepare('SELECT id, name, type FROM platform WHERE id = ?').get(id);
      if (!before) throw new AppError('NOT_FOUND', `园区 ${id}`);
      const used = ctx.db.prepare('SELECT count(*) AS n FROM fdi_record WHERE platform_id = ?').get(id) as { n: number };
      if (used.n > 0) throw new AppError('REFUSED', `该园区已有 ${used.n} 条外资统计记录，不能删除`);
      ctx.db.prepare('DELETE FROM platform WHERE id = ?').run(id);
      writeAudit(ctx.db, { user: ctx.userName(), action: 'delete', entity: 'platform', entityId: id, before });
    })();
    return {};
  },
};
