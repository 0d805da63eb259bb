/**
 * Text in pictures made without a DOM (the chain poster is laid out in shared code, for the screen and for exports):
 * how wide a line is, and where it wraps. Widths are estimates for a CJK sans font: CJK characters and full-width
 * punctuation are one em, Latin letters, digits and ASCII punctuation at most 0.6 em (most are narrower), so a line
 * laid out here never runs past its box in Noto Sans CJK, Source Han Sans or Microsoft YaHei.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Latin, digits and punctuation (up to U+02FF, and the general punctuation block) take about 0.6 of a CJK glyph. */
const isNarrow = (code: number) => code <= 0x2ff || (code >= 0x2000 && code <= 0x206f);

/** Width of one character in ems. */
function charEm(ch: string): number {
  if (ch === ' ') return 0.3;
  return isNarrow(ch.codePointAt(0) ?? 0) ? 0.6 : 1;
}

export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size;
}

/** Characters a line must not start with (closing brackets and punctuation): they go to the end of the line before. */
const NO_LINE_START = /[）)】」』》〉、，。；：！？,.;:!?%·…]/;
/** Characters a line must not end with (opening brackets). */
const NO_LINE_END = /[（(【「『《〈]/;

/**
 * Breaks `text` into lines no wider than `width` at `size`: between any two CJK characters, and between Latin words
 * (a Latin word longer than a line is broken anyway). Drops nothing but the spaces at a break.
 */
export function wrapText(text: string, width: number, size: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const w = charEm(ch) * size;
    if (used + w > width && line !== '' && !NO_LINE_START.test(ch)) {
      let cut = line.length;
      // keep a Latin word whole when it started on this line
      if (/[A-Za-z0-9]/.test(ch)) {
        const m = /[A-Za-z0-9.\-/]+$/.exec(line);
        if (m && m.index > 0) cut = m.index;
      }
      // an opening bracket goes with what it opens
      while (cut > 1 && NO_LINE_END.test(line[cut - 1]!)) cut--;
      const carry = line.slice(cut);
      lines.push(line.slice(0, cut).trimEnd());
      line = carry.trimStart();
      used = textWidth(line, size);
    }
    line += ch;
    used += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A company's name without its legal-form suffix (有限公司…), as posters print them; the full name is in the panel. */
export function shortCompanyName(name: string): string {
  const short = name.trim().replace(/(私人有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|株式会社)$/, (m) => (m === '集团有限公司' ? '集团' : ''));
  return short.length >= 2 ? short : name.trim();
}
