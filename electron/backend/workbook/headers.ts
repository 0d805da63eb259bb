/**
 * Header wording varies from file to file: full- and half-width brackets, spaces and line breaks inside cells,
 * units in brackets, a `*` for required columns. Labels are normalised before they are compared with a field's
 * synonyms, and each column goes to the field it matches best.
 */

import type { CellValue } from './cells';

/** A field an importer wants, and the header wordings that mean it. */
export interface FieldSpec {
  key: string;
  /** Chinese name shown to people (and used as the column name in templates). */
  label: string;
  /** Header wordings, best first; compared after `normalizeLabel`. */
  synonyms: readonly string[];
  required?: boolean;
  /**
   * Whether a (non-blank) cell looks like this field's content. A column no header names is taken for the field when
   * most of its cells under the header do (see recogniseByContent): a stage column under a header no list foresaw.
   */
  looksLike?: (value: CellValue) => boolean;
  /**
   * What content alone may do for this field: `take` a column no header names (the default), or only `suggest` it —
   * yes/no flags look alike (是/否), so a flag column is never taken by content; a look-alike is a warning instead.
   */
  byContent?: 'take' | 'suggest';
  /**
   * A free-text field (备注, 项目进展) whose header match gives way when the column's cells plainly hold another
   * field's words: a 项目进展 column of 签约/洽谈 is the stage column, not notes.
   */
  givesWayToContent?: boolean;
}

/** A field → 0-based column index. */
export type ColumnMapping = Record<string, number>;

const UNIT_IN_BRACKETS = /\((?:[^()]*?(?:美元|人民币|元|单位|%|％|个|家|户)[^()]*?)\)/g;

/** NFKC (full-width → half-width), no whitespace, no `*`, no bracketed units, one kind of bracket, lower case. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, '')
    .replace(/[*※★]/g, '')
    .replace(UNIT_IN_BRACKETS, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** The label with every bracketed part removed: `国别(地区)` → `国别`. */
function withoutBrackets(normalized: string): string {
  return normalized.replace(/\([^()]*\)/g, '');
}

/** Normalised forms, kept: finding a header block compares a few hundred labels with every synonym. */
const normalized = new Map<string, { plain: string; bare: string }>();
function norm(text: string): { plain: string; bare: string } {
  let hit = normalized.get(text);
  if (!hit) {
    const plain = normalizeLabel(text);
    hit = { plain, bare: withoutBrackets(plain) };
    if (normalized.size > 20_000) normalized.clear();
    normalized.set(text, hit);
  }
  return hit;
}

/** How well one header label means one field: 0 none; higher is better. */
export function labelScore(label: string, field: FieldSpec): number {
  const variants = label.split('/').map(normalizeLabel).filter(Boolean);
  // the whole `父/子…` label first, then the lowest part (the child), then the parents upwards
  const candidates = [variants.join('/'), ...variants.slice().reverse()].map(norm);
  let best = 0;
  field.synonyms.forEach((synonym, index) => {
    const s = norm(synonym);
    const order = 1 - index / (field.synonyms.length + 1); // earlier synonyms win ties
    for (const [i, c] of candidates.entries()) {
      const position = i === 0 || i === 1 ? 1 : 0.9; // the child names the column better than its parent
      let score = 0;
      if (c.plain === s.plain) score = 30;
      else if (c.bare === s.bare && s.bare) score = 20;
      else if (s.plain.length >= 2 && c.plain.includes(s.plain)) score = 10 + Math.min(s.plain.length, 9) / 10;
      if (score) best = Math.max(best, (score + order) * position);
    }
  });
  return best;
}

/**
 * Gives each field the column that matches it best, each column to at most one field (best matches first; on a tie
 * the leftmost column). Returns the mapping and the score of each match.
 */
export function matchColumns(labels: readonly string[], fields: readonly FieldSpec[]): { mapping: ColumnMapping; scores: Record<string, number> } {
  const pairs: Array<{ field: string; column: number; score: number }> = [];
  for (const field of fields) {
    labels.forEach((label, column) => {
      if (!label) return;
      const score = labelScore(label, field);
      if (score > 0) pairs.push({ field: field.key, column, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const scores: Record<string, number> = {};
  const taken = new Set<number>();
  for (const p of pairs) {
    if (p.field in mapping || taken.has(p.column)) continue;
    mapping[p.field] = p.column;
    scores[p.field] = p.score;
    taken.add(p.column);
  }
  return { mapping, scores };
}

/** A stable key for a header layout, to remember the mapping a person chose for it. */
export function headerSignature(labels: readonly string[]): string {
  return labels.map((l) => l.split('/').map(normalizeLabel).join('/')).join('|');
}
