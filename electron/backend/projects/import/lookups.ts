import { checkUscc } from '../../../../shared/rules/uscc';
import type { Db } from '../../db/open';

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Finds what project lists name besides reference data: enterprises (by code or exact name) and chain segments. */
export class ProjectLookups {
  private byUscc: (code: string) => { id: number } | undefined;
  private byName: (name: string) => { id: number }[];
  private segments = new Map<string, number | null>();

  constructor(db: Db) {
    const uscc = db.prepare('SELECT id FROM enterprise WHERE uscc = ?');
    const name = db.prepare('SELECT id FROM enterprise WHERE name = ? LIMIT 2');
    this.byUscc = (code) => uscc.get(code) as { id: number } | undefined;
    this.byName = (n) => name.all(n) as { id: number }[];
    const rows = db.prepare('SELECT s.id, s.name, c.name AS chain FROM segment s JOIN chain c ON c.id = s.chain_id').all() as { id: number; name: string; chain: string }[];
    const bySegment = new Map<string, number[]>();
    for (const r of rows) {
      this.segments.set(`${squash(r.chain)}/${squash(r.name)}`, r.id);
      bySegment.set(squash(r.name), [...(bySegment.get(squash(r.name)) ?? []), r.id]);
    }
    // a segment name alone will do where only one chain has it
    for (const [segment, ids] of bySegment) if (!this.segments.has(segment)) this.segments.set(segment, ids.length === 1 ? ids[0]! : null);
  }

  /** An enterprise by its 统一社会信用代码, or by its exact name when that names one firm only. */
  enterprise(text: string): number | null {
    const check = checkUscc(text);
    if (check.valid) return this.byUscc(check.code)?.id ?? null;
    const named = this.byName(text.trim());
    return named.length === 1 ? named[0]!.id : null;
  }

  /** A segment written `产业链/环节` (or `环节` alone when unambiguous). */
  segment(label: string): number | null {
    const key = squash(label).replace(/[\\>]/g, '/');
    return this.segments.get(key) ?? null;
  }
}
