import type { SegmentStatus } from '../domain/chain';

/**
 * How a segment's status looks, the same on screen, in meeting mode and in exported pictures. Colour alone is never
 * the signal: each status also has its own icon, border and fill pattern and its one-character name (强/弱/缺), so
 * the map reads in black-and-white print and for colour-blind viewers. Colours are from the Okabe–Ito palette.
 */
export const STATUS_STYLE: Record<SegmentStatus, { color: string; fill: string; darkFill: string; dash: string; pattern: 'none' | 'dots' | 'hatch'; borderWidth: number }> = {
  strong: { color: '#007a5a', fill: '#e3f4ee', darkFill: '#0f3b30', dash: '', pattern: 'none', borderWidth: 3 },
  weak: { color: '#b36b00', fill: '#fdf0d8', darkFill: '#4a3410', dash: '8 4', pattern: 'dots', borderWidth: 2.5 },
  missing: { color: '#c2410c', fill: '#fde6dc', darkFill: '#4d1f0f', dash: '3 3', pattern: 'hatch', borderWidth: 2.5 },
};

/** Icons drawn as paths in a 24×24 box: ✔ in a filled disc (强), a half-filled disc (弱), ✕ in a ring (缺). */
export const STATUS_ICON: Record<SegmentStatus, { disc: 'full' | 'half' | 'ring'; mark: string }> = {
  strong: { disc: 'full', mark: 'M6.5 12.5 L10.5 16.5 L17.5 8.5' },
  weak: { disc: 'half', mark: '' },
  missing: { disc: 'ring', mark: 'M8 8 L16 16 M16 8 L8 16' },
};

/** SVG markup of a status icon at (x, y) with size `size`, for pictures made as text (exports). */
export function statusIconSvg(status: SegmentStatus, x: number, y: number, size: number, background = '#ffffff'): string {
  const { color } = STATUS_STYLE[status];
  const icon = STATUS_ICON[status];
  const s = size / 24;
  const parts = [`<g transform="translate(${x} ${y}) scale(${s})">`];
  if (icon.disc === 'full') parts.push(`<circle cx="12" cy="12" r="11" fill="${color}"/>`);
  if (icon.disc === 'half')
    parts.push(`<circle cx="12" cy="12" r="10" fill="${background}" stroke="${color}" stroke-width="2.5"/><path d="M12 2 A10 10 0 0 0 12 22 Z" fill="${color}"/>`);
  if (icon.disc === 'ring') parts.push(`<circle cx="12" cy="12" r="10" fill="${background}" stroke="${color}" stroke-width="2.5"/>`);
  if (icon.mark) parts.push(`<path d="${icon.mark}" fill="none" stroke="${icon.disc === 'full' ? '#ffffff' : color}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`);
  parts.push('</g>');
  return parts.join('');
}

/** Pattern definitions for an SVG's <defs>: dots for 弱, diagonal hatching for 缺. */
export function statusPatternDefs(prefix = 'st'): string {
  return [
    `<pattern id="${prefix}-dots" width="8" height="8" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1.2" fill="${STATUS_STYLE.weak.color}" fill-opacity="0.45"/></pattern>`,
    `<pattern id="${prefix}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="${STATUS_STYLE.missing.color}" stroke-opacity="0.35" stroke-width="2"/></pattern>`,
  ].join('');
}

export const MAP_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";

/** Lane header tint per stage position (first, second, third…), light. */
export const LANE_TINTS = ['#eef4fb', '#f3f0fa', '#eef7f1', '#fbf5ec', '#f4f4f4'];
