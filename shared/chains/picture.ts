import type { ChainDetail } from '../api/chains';
import type { ChainGapAnalysis } from '../rules/gap';
import type { ChainLayout } from './layout';
import { renderChainSvg, type PictureSegment } from './svg';

/**
 * The picture of a chain from what the editor and the backend both hold (detail, gap analysis, layout), so the
 * editor's exports and the CLI's are the same picture: title, date, completeness, gaps, owner, legend, lanes, map.
 */
export function chainPicture(detail: ChainDetail, analysis: ChainGapAnalysis, layout: ChainLayout, today = new Date()): { svg: string; width: number; height: number } {
  const gapOf = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  const projectCount = new Map<number, number>();
  for (const p of detail.projects) projectCount.set(p.segmentId, (projectCount.get(p.segmentId) ?? 0) + 1);
  const segments: PictureSegment[] = detail.segments.map((s) => {
    const g = gapOf.get(s.id)!;
    return { id: s.id, parentId: s.parentId, name: s.name, status: g.status, overridden: g.overridden, firms: g.firms, targets: g.targets, projects: projectCount.get(s.id) ?? 0 };
  });
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const subtitle = [
    `导出日期：${day}`,
    `完整度：${analysis.completeness === null ? '—' : `${analysis.completeness}%`}`,
    `缺链 ${analysis.gaps.missing} 个 · 弱链 ${analysis.gaps.weak} 个`,
    detail.chain.owner ? `链长：${detail.chain.owner}` : '',
  ]
    .filter(Boolean)
    .join('　　');
  return renderChainSvg({ title: `${detail.chain.name}产业链招商图谱`, subtitle, layout, segments, links: detail.links });
}
