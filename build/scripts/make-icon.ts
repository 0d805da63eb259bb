import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/**
 * Draws the app icon (build/icon.png, 512×512) with no image tools and no downloads: a blue rounded square with
 * three rising white bars (the statistics) under a gold dot. electron-builder derives .ico/.icns from it.
 * Run `npx tsx build/scripts/make-icon.ts` to redraw.
 */
const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

type Rgba = [number, number, number, number];
const BLUE_TOP: Rgba = [31, 94, 178, 255];
const BLUE_BOTTOM: Rgba = [14, 55, 120, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [246, 190, 59, 255];
const NONE: Rgba = [0, 0, 0, 0];

function insideRoundRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const BARS = [
  { left: 128, right: 196, top: 300 },
  { left: 222, right: 290, top: 236 },
  { left: 316, right: 384, top: 164 },
];

function colourAt(x: number, y: number): Rgba {
  if (!insideRoundRect(x, y, 24, 24, 488, 488, 96)) return NONE;
  for (const bar of BARS) if (insideRoundRect(x, y, bar.left, bar.top, bar.right, 392, 10)) return WHITE;
  if ((x - 162) ** 2 + (y - 178) ** 2 <= 40 ** 2) return GOLD;
  const t = (y - 24) / 464;
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i]! - c) * t)) as Rgba;
}

export function drawIcon(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          // premultiply so transparent samples do not darken the edge
          sum[0]! += c[0] * c[3];
          sum[1]! += c[1] * c[3];
          sum[2]! += c[2] * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (SAMPLES * SAMPLES);
      const at = row + 1 + x * 4;
      raw[at] = alpha ? Math.round(sum[0]! / sum[3]!) : 0;
      raw[at + 1] = alpha ? Math.round(sum[1]! / sum[3]!) : 0;
      raw[at + 2] = alpha ? Math.round(sum[2]! / sum[3]!) : 0;
      raw[at + 3] = Math.round(alpha);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'icon.png');
  fs.writeFileSync(target, drawIcon());
  process.stdout.write(`${target}\n`);
}
