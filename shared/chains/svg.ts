import { SEGMENT_STATUSES, tierLabel, type SegmentStatus } from '../domain/chain';
import { LANE_HEADER, NODE_HEIGHT, NODE_WIDTH, type ChainLayout } from './layout';
import { LANE_TINTS, MAP_FONT, STATUS_STYLE, statusIconSvg, statusPatternDefs } from './style';

/**
 * The whole chain map as one SVG document: title, date and completeness, legend, swimlanes, segments with their
 * status (colour + icon + border + pattern + 强/弱/缺) and counts, sub-segment and supply links. The backend rasterises
 * it for PNG/PDF; it is also the SVG export. Pure string building, no DOM.
 */

export interface PictureSegment {
  id: number;
  parentId: number | null;
  name: string;
  status: SegmentStatus;
  overridden: boolean;
  firms: number;
  targets: number;
  projects: number;
}

export interface PictureInput {
  title: string;
  /** Second line: date, completeness, owner… */
  subtitle: string;
  layout: ChainLayout;
  segments: PictureSegment[];
  links: Array<{ fromId: number; toId: number }>;
}

const MARGIN = 32;
const HEADER = 132;
const LEGEND: Array<[SegmentStatus, string]> = [
  ['strong', '强：有链主，或本地企业达到强链阈值'],
  ['weak', '弱：有本地企业，但未达阈值且无链主'],
  ['missing', '缺：尚无本地企业'],
];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts a name to what fits in `width` px at `size` px (CJK ≈ 1 em, Latin ≈ 0.55 em), with an ellipsis. */
export function fitText(text: string, width: number, size: number): string {
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    used += /[\u0000-\u00ff]/.test(text[i]!) ? size * 0.55 : size;
    if (used > width) return `${text.slice(0, Math.max(1, i - 1))}…`;
  }
  return text;
}

function nodeSvg(s: PictureSegment, x: number, y: number): string {
  const st = STATUS_STYLE[s.status];
  const pattern = st.pattern === 'none' ? '' : `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="url(#st-${st.pattern})"/>`;
  const counts = `企业 ${s.firms} · 目标 ${s.targets} · 项目 ${s.projects}`;
  return [
    `<g>`,
    `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${st.fill}"/>`,
    pattern,
    `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="none" stroke="${st.color}" stroke-width="${st.borderWidth}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
    statusIconSvg(s.status, x + 10, y + 10, 22, st.fill),
    `<text x="${x + 38}" y="${y + 27}" font-size="15" font-weight="700" fill="#1f2328">${escapeXml(fitText(s.name, NODE_WIDTH - 76, 15))}</text>`,
    `<text x="${x + NODE_WIDTH - 12}" y="${y + 27}" font-size="15" font-weight="700" fill="${st.color}" text-anchor="end">${SEGMENT_STATUSES[s.status]}${s.overridden ? '*' : ''}</text>`,
    `<text x="${x + 12}" y="${y + 51}" font-size="12" fill="#3d444d">${counts}</text>`,
    `</g>`,
  ].join('');
}

export function renderChainSvg(input: PictureInput): { svg: string; width: number; height: number } {
  const { layout } = input;
  const minX = Math.min(0, ...layout.lanes.map((l) => l.x));
  // a segment dragged above the lanes still belongs in the picture: shift everything down
  const minY = Math.min(0, ...[...layout.positions.values()].map((p) => p.y - LANE_HEADER));
  const width = Math.ceil(Math.max(960, layout.width + 2 * MARGIN));
  const height = Math.ceil(HEADER + layout.height - minY + MARGIN);
  const ox = MARGIN - minX;
  const oy = HEADER - minY;
  const pos = (id: number) => layout.positions.get(id);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_FONT.replace(/"/g, "'")}">`,
    `<defs>${statusPatternDefs()}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="46" font-size="28" font-weight="700" fill="#1f2328">${escapeXml(input.title)}</text>`,
    `<text x="${MARGIN}" y="76" font-size="15" fill="#3d444d">${escapeXml(input.subtitle)}</text>`,
  );
  // legend, one line under the title
  let lx = MARGIN;
  for (const [status, text] of LEGEND) {
    parts.push(statusIconSvg(status, lx, 92, 20), `<text x="${lx + 26}" y="107" font-size="14" fill="#1f2328">${escapeXml(text)}</text>`);
    lx += 26 + text.length * 14 + 28;
  }
  parts.push(`<text x="${lx}" y="107" font-size="14" fill="#3d444d">* 人工认定　实线箭头：供给关系　虚线：下级环节</text>`);
  parts.push(`<g transform="translate(${ox} ${oy})">`);
  layout.lanes.forEach((lane, i) => {
    parts.push(
      `<rect x="${lane.x}" y="${minY}" width="${lane.width}" height="${layout.height - minY}" fill="${LANE_TINTS[i % LANE_TINTS.length]}" stroke="#d0d7de"/>`,
      `<text x="${lane.x + lane.width / 2}" y="${minY + LANE_HEADER / 2 + 8}" font-size="20" font-weight="700" fill="#3d444d" text-anchor="middle">${escapeXml(tierLabel(lane.tier))}</text>`,
    );
  });
  for (const s of input.segments) {
    const a = s.parentId === null ? undefined : pos(s.parentId);
    const b = pos(s.id);
    if (!a || !b) continue;
    parts.push(
      `<path d="M${a.x + NODE_WIDTH} ${a.y + NODE_HEIGHT / 2} C${a.x + NODE_WIDTH + 28} ${a.y + NODE_HEIGHT / 2} ${b.x - 28} ${b.y + NODE_HEIGHT / 2} ${b.x} ${b.y + NODE_HEIGHT / 2}" fill="none" stroke="#8c959f" stroke-width="1.5" stroke-dasharray="5 4"/>`,
    );
  }
  for (const l of input.links) {
    const a = pos(l.fromId);
    const b = pos(l.toId);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = [a.x + NODE_WIDTH, a.y + NODE_HEIGHT / 2, b.x, b.y + NODE_HEIGHT / 2];
    const bend = Math.max(40, Math.abs(x2 - x1) / 3);
    // the arrowhead is drawn, not a <marker>: resvg aborts the process on markers that fall outside the canvas
    parts.push(
      `<path d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - 8} ${y2}" fill="none" stroke="#6e7781" stroke-width="1.6"/>`,
      `<path d="M${x2} ${y2} L${x2 - 10} ${y2 - 5} L${x2 - 10} ${y2 + 5} Z" fill="#6e7781"/>`,
    );
  }
  for (const s of input.segments) {
    const p = pos(s.id);
    if (p) parts.push(nodeSvg(s, p.x, p.y));
  }
  parts.push('</g></svg>');
  return { svg: parts.join(''), width, height };
}
