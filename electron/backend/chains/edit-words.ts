import { tierLabel } from '../../../shared/domain/chain';
import type { Db } from '../db/open';
import type { Edit } from './edits';

/** An edit of a chain map in words, for its audit entry and for the error that refuses it (read before it runs). */

function named(db: Db, sql: string, id: number, fallback: string): string {
  const name = db.prepare(sql).pluck().get(id) as string | undefined;
  return name ? `“${name}”` : `${fallback} ${id}`;
}
const segmentName = (db: Db, id: number) => named(db, 'SELECT name FROM segment WHERE id = ?', id, '编号');
const firmName = (db: Db, id: number) => named(db, 'SELECT company_name FROM segment_enterprise WHERE id = ?', id, '编号');
const targetName = (db: Db, id: number) => named(db, 'SELECT company FROM target WHERE id = ?', id, '编号');

function segments(db: Db, ids: number[]): string {
  const names = ids.slice(0, 3).map((id) => segmentName(db, id));
  return ids.length > 3 ? `${names.join('、')}等 ${ids.length} 个环节` : `环节${names.join('、')}`;
}

export function describeEdit(db: Db, edit: Edit): string {
  switch (edit.op) {
    case 'segment.add':
      return `新增环节“${edit.name}”（${tierLabel(edit.tier)}）`;
    case 'segment.update':
      return `修改环节${segmentName(db, edit.id)}${edit.tier !== undefined ? `，位置改为${tierLabel(edit.tier)}` : ''}`;
    case 'segment.override':
      return edit.override ? `人工认定环节${segmentName(db, edit.id)}` : `取消环节${segmentName(db, edit.id)}的人工认定`;
    case 'segments.move':
      return `移动 ${edit.positions.length} 个环节`;
    case 'segments.delete':
      return `删除${segments(db, edit.ids)}（连同下级、企业、目标）`;
    case 'segments.insert': {
      const names = edit.snapshot.segments.slice(0, 3).map((s) => `“${s.name}”`);
      const what = edit.snapshot.segments.length > 3 ? `${names.join('、')}等 ${edit.snapshot.segments.length} 个环节` : `环节${names.join('、')}`;
      return `${edit.mode === 'restore' ? '恢复' : '粘贴'}${what}`;
    }
    case 'link.add':
      return `连接${segmentName(db, edit.fromId)}到${segmentName(db, edit.toId)}`;
    case 'link.delete': {
      const link = db.prepare('SELECT from_segment_id AS f, to_segment_id AS t FROM segment_link WHERE id = ?').get(edit.id) as { f: number; t: number } | undefined;
      return link ? `删除${segmentName(db, link.f)}到${segmentName(db, link.t)}的供给关系` : `删除供给关系 ${edit.id}`;
    }
    case 'firm.add':
      return `在环节${segmentName(db, edit.segmentId)}中添加企业${edit.companyName ? `“${edit.companyName}”` : ''}`;
    case 'firm.update':
      return `修改企业${firmName(db, edit.id)}`;
    case 'firm.delete':
      return `移除企业${firmName(db, edit.id)}`;
    case 'target.add':
      return `在环节${segmentName(db, edit.segmentId)}中添加招商目标“${edit.company}”`;
    case 'target.update':
      return `修改招商目标${targetName(db, edit.id)}`;
    case 'target.delete':
      return `删除招商目标${targetName(db, edit.id)}`;
  }
}
