import type { PosterCard, PosterContent, PosterItem } from './poster-content';
import { wrapText } from './text';

/**
 * Where everything of the chain poster goes, for a given page or screen: the largest type at which every card fits,
 * names wrapped (never cut). Stages are columns left to right; a stage with many cards gets more card columns than
 * one with few, so the picture fills the width and stays short. Pure geometry: the SVG (screen and exports) is drawn
 * from it, so what a leader sees in the room is what the PDF prints.
 */

export interface PosterOptions {
  width: number;
  height: number;
  /** Room kept free above the stages (an export's title and legend). */
  top?: number;
  /** Smallest and largest size of a segment's name, px. */
  minFont?: number;
  maxFont?: number;
  margin?: number;
}

export interface PosterMetrics {
  /** Segment names. */
  font: number;
  /** Firms and targets under a name. */
  detailFont: number;
  nameLine: number;
  detailLine: number;
  padX: number;
  padY: number;
  icon: number;
  /** Where a row's text starts, from the row's left edge (after the status icon). */
  textX: number;
  /** Room kept right of a name for its 强/弱/缺 letter. */
  letter: number;
  indent: number;
  cardPad: number;
  cardGap: number;
  rowGap: number;
  columnGap: number;
  columnHead: number;
}

export interface PosterRowBox {
  item: PosterItem;
  /** The card's own segment (drawn as the card's title when it has sub-segments). */
  head: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  nameLines: string[];
  firmLines: string[];
  targetLines: string[];
}

export interface PosterCardBox {
  x: number;
  y: number;
  w: number;
  h: number;
  rows: PosterRowBox[];
}

export interface PosterColumnBox {
  tier: string;
  label: string;
  counts: string;
  x: number;
  y: number;
  w: number;
  h: number;
  empty: boolean;
}

export interface PosterLayout {
  width: number;
  height: number;
  metrics: PosterMetrics;
  columns: PosterColumnBox[];
  cards: PosterCardBox[];
  rows: Map<number, PosterRowBox>;
  /** False when even the smallest type does not fit the height: the picture is then taller than asked. */
  fits: boolean;
}

export const POSTER_MIN_FONT = 15;
const MIN_DETAIL_FONT = 12;

export function posterMetrics(font: number): PosterMetrics {
  const detailFont = Math.max(Math.min(MIN_DETAIL_FONT, font), Math.round(font * 0.82 * 2) / 2);
  const [padX, icon] = [Math.round(font * 0.4), Math.round(font * 1.05)];
  return {
    font,
    detailFont,
    nameLine: Math.round(font * 1.3),
    detailLine: Math.round(detailFont * 1.3),
    padX,
    padY: Math.round(font * 0.25),
    icon,
    textX: padX + icon + Math.round(font * 0.35),
    letter: Math.round(font * 1.6),
    indent: Math.round(font * 0.9),
    cardPad: Math.round(font * 0.35),
    cardGap: Math.round(font * 0.6),
    rowGap: Math.max(2, Math.round(font * 0.2)),
    columnGap: Math.max(20, Math.round(font * 1.6)),
    columnHead: Math.round(font * 1.6 + detailFont * 1.3 + font * 0.6),
  };
}

/** Rows of one card at card width `w`, positioned from (0, 0); the card's height. */
function measureCard(card: PosterCard, w: number, m: PosterMetrics): { rows: PosterRowBox[]; h: number; wrapped: number } {
  const rows: PosterRowBox[] = [];
  let y = m.cardPad;
  for (const [i, item] of [card.head, ...card.items].entries()) {
    const indent = Math.max(0, item.depth - 1) * m.indent;
    const x = m.cardPad + indent;
    const rowW = w - 2 * m.cardPad - indent;
    const nameLines = wrapText(item.name, rowW - m.textX - m.letter - m.padX, m.font);
    const detailW = rowW - m.textX - m.padX;
    const firmLines = item.firms ? wrapText(item.firms, detailW, m.detailFont) : [];
    const targetLines = item.targets ? wrapText(item.targets, detailW, m.detailFont) : [];
    const h = 2 * m.padY + nameLines.length * m.nameLine + (firmLines.length + targetLines.length) * m.detailLine;
    rows.push({ item, head: i === 0, x, y, w: rowW, h, nameLines, firmLines, targetLines });
    y += h + m.rowGap;
  }
  return { rows, h: y - m.rowGap + m.cardPad, wrapped: rows.filter((r) => r.nameLines.length > 1).length };
}

/**
 * Splits cards, in order, into `k` columns so the tallest is as short as possible (cards keep their reading order
 * down each column, then across). Returns the column heights' maximum and where each column starts.
 */
function partition(heights: number[], k: number, gap: number): { height: number; starts: number[] } {
  const n = heights.length;
  if (n === 0) return { height: 0, starts: [0] };
  k = Math.min(k, n);
  const prefix = [0];
  for (const h of heights) prefix.push(prefix[prefix.length - 1]! + h);
  const span = (i: number, j: number) => prefix[j]! - prefix[i]! + (j - i - 1) * gap;
  // best[c][j]: tallest column when the first j cards go into c columns
  const best: number[][] = [Array.from({ length: n + 1 }, (_, j) => (j === 0 ? 0 : Infinity))];
  const cut: number[][] = [[]];
  for (let c = 1; c <= k; c++) {
    best.push(Array(n + 1).fill(Infinity));
    cut.push(Array(n + 1).fill(0));
    for (let j = 1; j <= n; j++) {
      for (let i = c - 1; i < j; i++) {
        const v = Math.max(best[c - 1]![i]!, span(i, j));
        if (v < best[c]![j]!) {
          best[c]![j] = v;
          cut[c]![j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let c = k, j = n; c > 0; c--) {
    j = cut[c]![j]!;
    starts.unshift(j);
  }
  return { height: best[k]![n]!, starts };
}

interface Arrangement {
  cardW: number;
  /** Card columns per stage. */
  perColumn: number[];
  /** The tallest card column. */
  height: number;
  /** Names that take more than one line. */
  wrapped: number;
}

/**
 * How many card columns each stage gets at this type size: the fewest in all (the widest cards, the fewest wrapped
 * names) whose tallest column fits `limit`; when none fits, the split with the shortest tallest column.
 */
function arrange(content: PosterContent, m: PosterMetrics, width: number, limit: number): Arrangement {
  const tiers = content.columns.length;
  const minCardW = m.font * 9;
  const most = content.columns.map((col) => Math.max(1, col.cards.length));
  const mostTotal = most.reduce((a, b) => a + b, 0);
  // every way of giving `total` card columns to the stages, at least one each and no more than its cards
  const splits = (t: number, left: number): number[][] => {
    if (t === tiers - 1) return left >= 1 && left <= most[t]! ? [[left]] : [];
    const out: number[][] = [];
    for (let k = 1; k <= Math.min(most[t]!, left - (tiers - 1 - t)); k++) for (const rest of splits(t + 1, left - k)) out.push([k, ...rest]);
    return out;
  };
  let shortest: Arrangement | null = null;
  for (let total = tiers; total <= mostTotal; total++) {
    const cardW = (width - (tiers - 1) * m.columnGap - (total - tiers) * m.cardGap) / total;
    if (cardW < minCardW && total > tiers) break;
    const measured = content.columns.map((col) => col.cards.map((c) => measureCard(c, cardW, m)));
    const heights = measured.map((col) => col.map((c) => c.h));
    const wrapped = measured.flat().reduce((n, c) => n + c.wrapped, 0);
    const tallest = new Map<string, number>();
    const tierHeight = (t: number, k: number) => {
      const key = `${t}:${k}`;
      if (!tallest.has(key)) tallest.set(key, partition(heights[t]!, k, m.cardGap).height);
      return tallest.get(key)!;
    };
    let best: Arrangement | null = null;
    for (const perColumn of splits(0, total)) {
      const height = Math.max(0, ...perColumn.map((k, t) => tierHeight(t, k)));
      if (!best || height < best.height) best = { cardW, perColumn, height, wrapped };
    }
    if (!best) continue;
    if (best.height <= limit) return best;
    if (!shortest || best.height < shortest.height) shortest = best;
  }
  return shortest ?? { cardW: width / Math.max(1, tiers), perColumn: content.columns.map(() => 1), height: Infinity, wrapped: 0 };
}

/**
 * Lays the poster out at the largest name size (in half pixels) at which it fits the height with few names wrapped:
 * large type in narrow cards breaks short names (晶圆代|工), which reads worse than a size smaller on one line. When
 * names must wrap anyway, the largest size that fits; when nothing fits, the smallest size, taller than asked.
 */
export function layoutPoster(content: PosterContent, options: PosterOptions): PosterLayout {
  const margin = options.margin ?? 16;
  const top = options.top ?? 0;
  const minFont = options.minFont ?? POSTER_MIN_FONT;
  const maxFont = Math.max(minFont, options.maxFont ?? 32);
  const innerW = options.width - 2 * margin;
  const names = content.columns.reduce((n, c) => n + c.cards.reduce((k, card) => k + 1 + card.items.length, 0), 0);
  const fewWraps = Math.max(2, Math.floor(names * 0.1));
  const attempts = new Map<number, { m: PosterMetrics; a: Arrangement; fits: boolean }>();
  const attempt = (halfPx: number) => {
    if (!attempts.has(halfPx)) {
      const m = posterMetrics(halfPx / 2);
      const bodyH = options.height - top - 2 * margin - m.columnHead;
      const a = arrange(content, m, innerW, bodyH);
      attempts.set(halfPx, { m, a, fits: a.height <= bodyH });
    }
    return attempts.get(halfPx)!;
  };
  /** The largest size in [lo, hi] (half pixels) passing `good`, assuming larger sizes pass it less; null if none. */
  const largest = (good: (halfPx: number) => boolean): number | null => {
    let [lo, hi] = [Math.round(minFont * 2), Math.round(maxFont * 2)];
    if (!good(lo)) return null;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (good(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const size = largest((h) => attempt(h).fits && attempt(h).a.wrapped <= fewWraps) ?? largest((h) => attempt(h).fits) ?? Math.round(minFont * 2);
  const chosen = attempt(size);
  return place(content, options, chosen.m, chosen.a, margin, top, chosen.fits);
}

function place(content: PosterContent, options: PosterOptions, m: PosterMetrics, a: Arrangement, margin: number, top: number, fits: boolean): PosterLayout {
  const columns: PosterColumnBox[] = [];
  const cards: PosterCardBox[] = [];
  const rows = new Map<number, PosterRowBox>();
  const bodyTop = top + margin + m.columnHead;
  let x = margin;
  let bottom = bodyTop;
  content.columns.forEach((col, t) => {
    const k = a.perColumn[t]!;
    const colW = k * a.cardW + (k - 1) * m.cardGap;
    const measured = col.cards.map((c) => measureCard(c, a.cardW, m));
    const { starts } = partition(
      measured.map((c) => c.h),
      k,
      m.cardGap,
    );
    measured.forEach((card, i) => {
      const sub = starts.filter((s) => s <= i).length - 1;
      const cx = x + sub * (a.cardW + m.cardGap);
      const above = measured.slice(starts[sub], i).reduce((sum, c) => sum + c.h + m.cardGap, 0);
      const cy = bodyTop + above;
      const placed = card.rows.map((r) => ({ ...r, x: r.x + cx, y: r.y + cy }));
      for (const r of placed) rows.set(r.item.segmentId, r);
      cards.push({ x: cx, y: cy, w: a.cardW, h: card.h, rows: placed });
      bottom = Math.max(bottom, cy + card.h);
    });
    columns.push({ tier: col.tier, label: col.label, counts: col.counts, x, y: top + margin, w: colW, h: 0, empty: col.cards.length === 0 });
    x += colW + m.columnGap;
  });
  const height = Math.max(options.height, Math.ceil(bottom + margin));
  for (const c of columns) c.h = height - margin - c.y;
  return { width: options.width, height, metrics: m, columns, cards, rows, fits };
}
