import type { z } from 'zod';
import type { chainEditSchema, Firm } from '../../../shared/api/chains';
import { errorData } from '../../../shared/result';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { describeEdit } from './edit-words';
import { addFirm, addTarget, deleteFirm, deleteTarget, updateFirm, updateTarget } from './firms-targets';
import { addLink, addSegment, deleteLink, moveSegments, setOverride, touchChain, updateSegment, type Actor } from './mutations';
import { readChainRow } from './queries';
import { deleteSegments, insertSegments } from './snapshot';

/** An edit as the contract parsed it (defaults filled in). */
export type Edit = z.output<typeof chainEditSchema>;

/** What one edit made (its ids) and the edits that take it back, in the order to apply them. */
interface Applied {
  ids: number[];
  inverse: Edit[];
}

/** The segments of a set that are not under another one of the set: deleting them deletes the set. */
function roots(segments: Array<{ id: number; parentId: number | null }>): number[] {
  const ids = new Set(segments.map((s) => s.id));
  return segments.filter((s) => s.parentId === null || !ids.has(s.parentId)).map((s) => s.id);
}

/** A firm as an edit gives it (its register USCC is read, not written). */
const firmFields = ({ id, segmentId, enterpriseId, companyName, role, notes }: Firm) => ({ id, segmentId, enterpriseId, companyName, role, notes });

function applyOne(db: Db, chainId: number, edit: Edit): Applied {
  switch (edit.op) {
    case 'segment.add': {
      const segment = addSegment(db, chainId, edit);
      return { ids: [segment.id], inverse: [{ op: 'segments.delete', ids: [segment.id] }] };
    }
    case 'segment.update': {
      const { id } = edit;
      const before = updateSegment(db, chainId, id, edit);
      return { ids: [id], inverse: [{ op: 'segment.update', id, name: before.name, parentId: before.parentId, tier: before.tier, notes: before.notes }] };
    }
    case 'segment.override': {
      const before = setOverride(db, chainId, edit.id, edit.override);
      return { ids: [edit.id], inverse: [{ op: 'segment.override', id: edit.id, override: before }] };
    }
    case 'segments.move': {
      const before = moveSegments(db, chainId, edit.positions);
      // backwards, so that a segment listed twice ends where it was before the first
      return { ids: edit.positions.map((p) => p.id), inverse: [{ op: 'segments.move', positions: before.reverse() }] };
    }
    case 'segments.delete': {
      const snapshot = deleteSegments(db, chainId, edit.ids);
      return { ids: snapshot.segments.map((s) => s.id), inverse: [{ op: 'segments.insert', snapshot, mode: 'restore', offset: { x: 0, y: 0 } }] };
    }
    case 'segments.insert': {
      const inserted = insertSegments(db, chainId, edit.snapshot, edit.mode, edit.offset);
      return { ids: inserted.segments.map((s) => s.id), inverse: [{ op: 'segments.delete', ids: roots(inserted.segments) }] };
    }
    case 'link.add': {
      const link = addLink(db, chainId, edit);
      return { ids: [link.id], inverse: [{ op: 'link.delete', id: link.id }] };
    }
    case 'link.delete': {
      const before = deleteLink(db, chainId, edit.id);
      return { ids: [edit.id], inverse: [{ op: 'link.add', ...before }] };
    }
    case 'firm.add': {
      const firm = addFirm(db, chainId, edit);
      return { ids: [firm.id], inverse: [{ op: 'firm.delete', id: firm.id }] };
    }
    case 'firm.update': {
      const before = updateFirm(db, chainId, edit.id, edit);
      return { ids: [edit.id], inverse: [{ op: 'firm.update', ...firmFields(before) }] };
    }
    case 'firm.delete': {
      const before = deleteFirm(db, chainId, edit.id);
      return { ids: [edit.id], inverse: [{ op: 'firm.add', ...firmFields(before) }] };
    }
    case 'target.add': {
      const target = addTarget(db, chainId, edit);
      return { ids: [target.id], inverse: [{ op: 'target.delete', id: target.id }] };
    }
    case 'target.update': {
      const before = updateTarget(db, chainId, edit.id, edit);
      return { ids: [edit.id], inverse: [{ op: 'target.update', id: edit.id, ...before }] };
    }
    case 'target.delete': {
      const before = deleteTarget(db, chainId, edit.id);
      return { ids: [edit.id], inverse: [{ op: 'target.add', ...before }] };
    }
  }
}

/** An edit's refusal, saying which edit it was (第 N 项：删除环节“电芯”) before what was wrong. */
function refusal(err: unknown, index: number, what: string): unknown {
  const prefix = `第 ${index + 1} 项修改（${what}）`;
  if (err instanceof AppError) {
    const base = errorData(err.code).message;
    const context = err.message.startsWith(`${base}：`) ? err.message.slice(base.length + 1) : err.message === base ? base : err.message;
    return new AppError(err.code, `${prefix}：${context}`, err.problems);
  }
  // a row already there under that id (an undo applied twice), or one that points at something gone
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return new AppError('CONFLICT', `${prefix}：与图谱的现状不符，请刷新后重试`, undefined, { logDetail: String((err as Error).message) });
  return err;
}

/**
 * Applies a chain map's edits in order, inside the caller's transaction: all of them or, when one is refused, none
 * (the error names the edit). Writes one audit entry for the batch and returns the edits that undo it.
 */
export function applyChainEdits({ db, user }: Actor, chainId: number, edits: Edit[], label: string): { applied: Array<{ op: string; ids: number[] }>; inverse: Edit[] } {
  readChainRow(db, chainId);
  const applied: Array<{ op: string; ids: number[] }> = [];
  const undo: Edit[][] = [];
  const words: string[] = [];
  edits.forEach((edit, i) => {
    const what = describeEdit(db, edit);
    try {
      const one = applyOne(db, chainId, edit);
      applied.push({ op: edit.op, ids: one.ids });
      undo.push(one.inverse);
      words.push(what);
    } catch (err) {
      throw refusal(err, i, what);
    }
  });
  const inverse = undo.reverse().flat();
  writeAudit(db, { user, action: 'update', entity: 'chain_edit', entityId: chainId, after: { operation: label || words[0], changes: words.join('；'), edits, inverse } });
  touchChain(db, chainId);
  return { applied, inverse };
}
