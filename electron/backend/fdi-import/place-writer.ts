import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { inferDistrictType, type PlaceKind } from './name-match';
import type { NewPlace } from './places';

export interface AddedPlace {
  kind: PlaceKind;
  name: string;
  /** A platform's type, or a district's level (see inferDistrictType). */
  type: string;
  id: number;
}

/**
 * Registers the districts and platforms a commit meets for the first time, inside the import's transaction (so an
 * import refused or cancelled leaves none behind), and maps the parse worker's negative ids to the rows' ids.
 */
export class PlaceWriter {
  private readonly ids: Record<PlaceKind, Map<number, number>> = { district: new Map(), platform: new Map() };
  readonly added: AddedPlace[] = [];
  private readonly insertDistrict;
  private readonly insertPlatform;

  constructor(
    private readonly db: Db,
    private readonly user: string,
  ) {
    this.insertDistrict = db.prepare('INSERT INTO district (name, code, sort) VALUES (?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM district))');
    this.insertPlatform = db.prepare('INSERT INTO platform (name, type, district_id, sort) VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM platform))');
  }

  register(places: readonly NewPlace[]): void {
    for (const p of places) {
      let id: number;
      try {
        id =
          p.kind === 'district'
            ? Number(this.insertDistrict.run(p.name, p.code).lastInsertRowid)
            : Number(this.insertPlatform.run(p.name, p.type ?? 'other', this.real('district', p.districtId)).lastInsertRowid);
      } catch (err) {
        if (String((err as Error).message).includes('UNIQUE')) throw new AppError('CONFLICT', `名称“${p.name}”已存在（导入期间在“设置”中添加的？），未导入任何记录，请重新导入`);
        throw err;
      }
      this.ids[p.kind].set(p.tempId, id);
      const type = p.kind === 'platform' ? (p.type ?? 'other') : inferDistrictType(p.name);
      const after = p.kind === 'district' ? { id, name: p.name, code: p.code } : { id, name: p.name, type, districtId: this.real('district', p.districtId) };
      writeAudit(this.db, { user: this.user, action: 'create', entity: p.kind, entityId: id, after: { ...after, via: 'fdi-import' } });
      this.added.push({ kind: p.kind, name: p.name, type, id });
    }
  }

  /** The stored id for an id the parse worker gave (negative: a place this commit registered). */
  real(kind: PlaceKind, id: number | null): number | null {
    return id !== null && id < 0 ? (this.ids[kind].get(id) ?? null) : id;
  }
}
