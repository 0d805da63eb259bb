import type { ChainTemplateInfo } from '../../../shared/api/chains';
import { DEFAULT_TIER_CODES } from '../../../shared/domain/chain';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import biomed from './templates/biomed.json';
import ic from './templates/ic.json';
import nev from './templates/nev.json';

/**
 * Templates for common key chains, shipped as data (templates/*.json): a starting point the user edits, not an
 * authority. Imported statically so that the bundler carries them into the packaged app.
 */

export interface TemplateSegment {
  name: string;
  tier?: string;
  children?: TemplateSegment[];
}
export interface ChainTemplate {
  key: string;
  name: string;
  note: string;
  version: string;
  tiers?: string[];
  segments: TemplateSegment[];
  links: Array<[string, string]>;
}

export const TEMPLATES: readonly ChainTemplate[] = [nev as ChainTemplate, ic as ChainTemplate, biomed as ChainTemplate];

function countSegments(list: TemplateSegment[]): number {
  return list.reduce((n, s) => n + 1 + countSegments(s.children ?? []), 0);
}

export function templateInfos(): ChainTemplateInfo[] {
  return TEMPLATES.map((t) => ({ key: t.key, name: t.name, note: t.note, version: t.version, segments: countSegments(t.segments) }));
}

export function findTemplate(key: string): ChainTemplate {
  const t = TEMPLATES.find((x) => x.key === key || x.name === key);
  if (!t) throw new AppError('NOT_FOUND', `产业链模板“${key}”`);
  return t;
}

/** Fills a new chain with a template's segments (children take their parent's tier) and supply links. */
export function applyTemplate(db: Db, chainId: number, template: ChainTemplate): Map<string, number> {
  const ids = new Map<string, number>();
  const insert = db.prepare('INSERT INTO segment (chain_id, parent_id, name, tier, sort) VALUES (?, ?, ?, ?, ?)');
  let sort = 0;
  const tiers: readonly string[] = template.tiers ?? DEFAULT_TIER_CODES;
  const add = (s: TemplateSegment, parentId: number | null, parentTier: string) => {
    const tier = s.tier ?? parentTier;
    if (!tiers.includes(tier)) throw new AppError('INTERNAL', `模板“${template.name}”的环节“${s.name}”位置无效`);
    const id = Number(insert.run(chainId, parentId, s.name, tier, ++sort).lastInsertRowid);
    ids.set(s.name, id);
    for (const c of s.children ?? []) add(c, id, tier);
  };
  for (const s of template.segments) add(s, null, tiers[0]!);
  const link = db.prepare('INSERT OR IGNORE INTO segment_link (chain_id, from_segment_id, to_segment_id) VALUES (?, ?, ?)');
  for (const [from, to] of template.links) {
    const a = ids.get(from);
    const b = ids.get(to);
    if (a === undefined || b === undefined) throw new AppError('INTERNAL', `模板“${template.name}”的供给关系指向不存在的环节：${from} → ${to}`);
    link.run(chainId, a, b);
  }
  return ids;
}
