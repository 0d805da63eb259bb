import type { ChainDetail } from '../api/chains';
import { formatPercent } from '../format';
import type { ChainGapAnalysis } from '../rules/gap';
import { posterContent } from './poster-content';
import { layoutPoster } from './poster-layout';
import { posterHeaderHeight, renderPosterSvg, type PosterHeader } from './poster-svg';

/**
 * The exported picture of a chain (PNG, SVG, PDF): the meeting poster on a page — 16:9 for projectors and screens,
 * A4 landscape for print — under a title block with the date, 完整度 and how it is computed, the owner and the
 * legend. The editor's exports and the CLI's are the same picture.
 */

export type PicturePage = 'wide' | 'a4';

/** Page size in px (A4 landscape at 144 dpi) and in PDF points. */
export const PICTURE_PAGES: Record<PicturePage, { width: number; height: number; points: { width: number; height: number } }> = {
  wide: { width: 1920, height: 1080, points: { width: 960, height: 540 } },
  a4: { width: 1684, height: 1191, points: { width: 841.89, height: 595.28 } },
};

export const LEGEND_ZH: PosterHeader['legend'] = [
  ['strong', '强：有链主，或本地企业达到强链阈值'],
  ['weak', '弱：有本地企业，但未达阈值且无链主'],
  ['missing', '缺：尚无本地企业'],
];

/** 完整度 with how it is computed, in Chinese: “完整度 48.6%：35 个末级环节中 17 个已有本地企业（缺 18 · 弱 11 · 强 6）”. */
export function completenessLine(analysis: ChainGapAnalysis): string {
  if (analysis.completeness === null) return '完整度 —（尚无环节）';
  const { strong, weak, missing } = analysis.leafStatus;
  return `完整度 ${formatPercent(analysis.completeness)}：${analysis.leaves} 个末级环节中 ${analysis.leavesCovered} 个已有本地企业（缺 ${missing} · 弱 ${weak} · 强 ${strong}）`;
}

export function chainPicture(
  detail: ChainDetail,
  analysis: ChainGapAnalysis,
  options: { page?: PicturePage; today?: Date; countryName?: (code: string) => string } = {},
): { svg: string; width: number; height: number; page: PicturePage } {
  const page = options.page ?? 'wide';
  const size = PICTURE_PAGES[page];
  const today = options.today ?? new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const header: PosterHeader = {
    title: `${detail.chain.name}产业链招商图谱`,
    lines: [[`导出日期：${day}`, detail.chain.owner ? `链长：${detail.chain.owner}` : '', `招商目标 ${detail.targets.length} 个`].filter(Boolean).join('　　'), completenessLine(analysis)],
    legend: LEGEND_ZH,
    note: '* 人工认定　箭头：供给关系',
    titleFont: 40,
    font: 20,
  };
  const content = posterContent(detail, analysis, { countryName: options.countryName });
  const layout = layoutPoster(content, { width: size.width, height: size.height, top: posterHeaderHeight(header), maxFont: 28 });
  const svg = renderPosterSvg(layout, { links: content.links, header });
  return { svg, width: layout.width, height: layout.height, page };
}
