import type { SegmentStatus } from '../domain/chain';
import type { PosterLayout, PosterRowBox } from './poster-layout';
import { LANE_TINTS, MAP_FONT, STATUS_STYLE, statusIconSvg } from './style';
import { escapeXml, textWidth } from './text';

/**
 * The chain poster as one SVG document, drawn from its layout: stage columns, cards, segments with status colour,
 * icon, border and letter (readable in black-and-white print), firms and targets, and supply links where they run
 * between columns. Meeting mode shows this very markup; exports rasterise it. Every segment is a `<g data-segment>`
 * (for clicks and tests), its name one `<text data-role="name">` with a line per `<tspan>`.
 */

export interface PosterTheme {
  background: string;
  columns: readonly string[];
  card: string;
  cardBorder: string;
  head: string;
  fg: string;
  muted: string;
  target: string;
  link: string;
  dark: boolean;
}

export const POSTER_THEMES: Record<'light' | 'dark', PosterTheme> = {
  light: { background: '#ffffff', columns: LANE_TINTS, card: '#ffffff', cardBorder: '#d0d7de', head: '#eaeef2', fg: '#1f2328', muted: '#3d444d', target: '#0550ae', link: '#6e7781', dark: false },
  dark: { background: '#0d1117', columns: ['#161b22'], card: '#0d1117', cardBorder: '#30363d', head: '#21262d', fg: '#f0f3f6', muted: '#c9d1d9', target: '#79c0ff', link: '#8b949e', dark: true },
};

export interface PosterHeader {
  title: string;
  /** Lines under the title: date, completeness and how it is computed, owner. */
  lines: string[];
  legend: Array<[SegmentStatus, string]>;
  note: string;
  titleFont: number;
  font: number;
}

export interface PosterDrawOptions {
  theme?: 'light' | 'dark';
  /** The segment being discussed: highlighted, everything else dimmed. */
  focusId?: number | null;
  /** Supply links (those running left to right between card columns are drawn). */
  links?: Array<{ fromId: number; toId: number }>;
  showLinks?: boolean;
  /** An export's title block, drawn in the room the layout kept at the top. */
  header?: PosterHeader;
  /** Status letters (强/弱/缺) in the viewer's language. */
  statusLetter?: (status: SegmentStatus) => string;
}

const LETTERS: Record<SegmentStatus, string> = { strong: '强', weak: '弱', missing: '缺' };
const DIMMED = 0.22;

function rowSvg(r: PosterRowBox, layout: PosterLayout, theme: PosterTheme, asTitle: boolean, letter: string, focus: 'on' | 'off' | null): string {
  const m = layout.metrics;
  const st = STATUS_STYLE[r.item.status];
  const radius = Math.round(m.font * 0.25);
  const fill = asTitle ? theme.head : theme.dark ? st.darkFill : st.fill;
  const border = asTitle ? '' : ` stroke="${st.color}" stroke-width="${focus === 'on' ? 4 : 1.5}"${st.dash && focus !== 'on' ? ` stroke-dasharray="${st.dash}"` : ''}`;
  const textX = r.x + m.textX;
  const baseline = (top: number, line: number, size: number) => (top + line / 2 + size * 0.36).toFixed(1);
  let y = r.y + m.padY;
  const name = r.nameLines
    .map((line, i) => `<tspan x="${textX}" y="${baseline(y + i * m.nameLine, m.nameLine, m.font)}">${escapeXml(line)}</tspan>`)
    .join('');
  const parts = [
    `<g data-segment="${r.item.segmentId}" data-name="${escapeXml(r.item.name)}" data-status="${r.item.status}" data-leaf="${r.item.isLeaf ? 1 : 0}"${focus === 'off' ? ` opacity="${DIMMED}"` : ''} style="cursor:pointer">`,
    `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="${radius}" fill="${fill}"${border}/>`,
    asTitle ? '' : `<rect x="${r.x}" y="${r.y}" width="${Math.round(m.font * 0.28)}" height="${r.h}" rx="${Math.min(radius, 3)}" fill="${st.color}"/>`,
    statusIconSvg(r.item.status, r.x + m.padX, y + (m.nameLine - m.icon) / 2, m.icon, fill),
    `<text data-role="name" font-size="${m.font}" font-weight="700" fill="${theme.fg}">${name}</text>`,
    `<text x="${r.x + r.w - m.padX}" y="${baseline(y, m.nameLine, m.font)}" font-size="${m.font}" font-weight="700" fill="${theme.dark ? theme.fg : st.color}" text-anchor="end">${escapeXml(letter)}${r.item.overridden ? '*' : ''}</text>`,
  ];
  y += r.nameLines.length * m.nameLine;
  for (const [lines, color] of [
    [r.firmLines, theme.muted],
    [r.targetLines, theme.target],
  ] as const) {
    for (const line of lines) {
      parts.push(`<text x="${textX}" y="${baseline(y, m.detailLine, m.detailFont)}" font-size="${m.detailFont}" fill="${color}">${escapeXml(line)}</text>`);
      y += m.detailLine;
    }
  }
  parts.push('</g>');
  return parts.join('');
}

function linkSvg(a: PosterRowBox, b: PosterRowBox, theme: PosterTheme, focused: boolean): string {
  const [x1, y1, x2, y2] = [a.x + a.w, a.y + Math.min(a.h / 2, 18), b.x, b.y + Math.min(b.h / 2, 18)];
  const bend = Math.max(24, (x2 - x1) / 2);
  const color = focused ? theme.fg : theme.link;
  const width = focused ? 2.5 : 1.4;
  // the arrowhead is drawn, not a <marker>: resvg aborts on markers that fall outside the canvas
  return [
    `<path d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - 7} ${y2}" fill="none" stroke="${color}" stroke-width="${width}" stroke-opacity="${focused ? 1 : 0.6}"/>`,
    `<path d="M${x2} ${y2} L${x2 - 9} ${y2 - 4.5} L${x2 - 9} ${y2 + 4.5} Z" fill="${color}" fill-opacity="${focused ? 1 : 0.6}"/>`,
  ].join('');
}

function headerSvg(h: PosterHeader, theme: PosterTheme): string {
  const x = 24;
  let y = 20 + h.titleFont;
  const parts = [`<text x="${x}" y="${y}" font-size="${h.titleFont}" font-weight="700" fill="${theme.fg}">${escapeXml(h.title)}</text>`];
  for (const line of h.lines) {
    y += Math.round(h.font * 1.5);
    parts.push(`<text x="${x}" y="${y}" font-size="${h.font}" fill="${theme.muted}">${escapeXml(line)}</text>`);
  }
  y += Math.round(h.font * 0.6);
  let lx = x;
  for (const [status, text] of h.legend) {
    parts.push(statusIconSvg(status, lx, y, h.font * 1.2, theme.background), `<text x="${lx + h.font * 1.5}" y="${y + h.font}" font-size="${h.font}" fill="${theme.fg}">${escapeXml(text)}</text>`);
    lx += h.font * 1.5 + textWidth(text, h.font) + h.font * 1.6;
  }
  parts.push(`<text x="${lx}" y="${y + h.font}" font-size="${h.font}" fill="${theme.muted}">${escapeXml(h.note)}</text>`);
  return parts.join('');
}

/** Height of an export's title block for `header`, to keep free at the top of the layout. */
export function posterHeaderHeight(h: Pick<PosterHeader, 'lines' | 'titleFont' | 'font'>): number {
  return Math.ceil(20 + h.titleFont + h.lines.length * h.font * 1.5 + h.font * 0.6 + h.font * 1.4 + 8);
}

export function renderPosterSvg(layout: PosterLayout, options: PosterDrawOptions = {}): string {
  const theme = POSTER_THEMES[options.theme ?? 'light'];
  const m = layout.metrics;
  const focusId = options.focusId ?? null;
  const letter = options.statusLetter ?? ((s: SegmentStatus) => LETTERS[s]);
  const { width, height } = layout;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_FONT.replace(/"/g, "'")}">`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
  ];
  if (options.header) parts.push(headerSvg(options.header, theme));
  const pad = Math.round(m.columnGap / 4);
  layout.columns.forEach((c, i) => {
    const labelY = c.y + Math.round(m.font * 1.5);
    parts.push(
      `<g data-tier="${escapeXml(c.tier)}">`,
      `<rect x="${c.x - pad}" y="${c.y}" width="${c.w + 2 * pad}" height="${c.h}" rx="8" fill="${theme.columns[i % theme.columns.length]}"/>`,
      `<text x="${c.x + c.w / 2}" y="${labelY}" font-size="${Math.round(m.font * 1.35)}" font-weight="700" fill="${theme.fg}" text-anchor="middle">${escapeXml(c.label)}</text>`,
      `<text x="${c.x + c.w / 2}" y="${labelY + Math.round(m.detailFont * 1.4)}" font-size="${m.detailFont}" fill="${theme.muted}" text-anchor="middle">${escapeXml(c.counts)}</text>`,
      '</g>',
    );
  });
  // links that run rightwards through a gap between card columns: behind the cards, showing in the gaps; those of the
  // segment in focus on top, across the dimmed cards
  const focusedLinks: string[] = [];
  if (options.showLinks !== false) {
    for (const l of options.links ?? []) {
      const a = layout.rows.get(l.fromId);
      const b = layout.rows.get(l.toId);
      if (!a || !b || a.x + a.w >= b.x) continue;
      if (focusId === null) parts.push(linkSvg(a, b, theme, false));
      else if (l.fromId === focusId || l.toId === focusId) focusedLinks.push(linkSvg(a, b, theme, true));
    }
  }
  const radius = Math.round(m.font * 0.35);
  for (const card of layout.cards) {
    parts.push(`<rect x="${card.x}" y="${card.y}" width="${card.w}" height="${card.h}" rx="${radius}" fill="${theme.card}" stroke="${theme.cardBorder}"/>`);
    for (const r of card.rows) {
      const focus = focusId === null ? null : r.item.segmentId === focusId ? 'on' : 'off';
      parts.push(rowSvg(r, layout, theme, r.head && card.rows.length > 1, letter(r.item.status), focus));
    }
  }
  parts.push(...focusedLinks, '</svg>');
  return parts.join('');
}
