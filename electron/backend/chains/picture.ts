import { Resvg } from '@resvg/resvg-js';
import { chainPicture, type PicturePage } from '../../../shared/chains/picture';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { analyse, chainDetail, countryNames, readChainRow } from './queries';

/**
 * Pictures of a chain for the CLI and the UI's export menu: the poster SVG from shared/chains/picture.ts, rasterised
 * with resvg (a native SVG renderer, no browser needed — the backend never has Electron's Chromium) for PNG, and the
 * PNG's pixels wrapped in a one-page PDF (shared/chains/pdf.ts). resvg shapes each text run with the full CJK font,
 * which takes ~20 ms a run: fine for the CLI, too slow for the editor, whose exports rasterise in the browser instead.
 */

/** Above this many pixels a raster is scaled down (a 500-segment poster at 2× would need half a gigabyte). */
const MAX_PIXELS = 60_000_000;

export function chainSvg(db: Db, chainId: number, page: PicturePage, today = new Date()): { svg: string; width: number; height: number } {
  const chain = readChainRow(db, chainId);
  const detail = chainDetail(db, chainId);
  const analysis = analyse(chain, detail.segments, detail.firms, detail.targets);
  const names = countryNames(db);
  return chainPicture(detail, analysis, { page, today, countryName: (code) => names.get(code) ?? code });
}

export interface Raster {
  png: Buffer;
  rgba: Buffer;
  width: number;
  height: number;
  /** The scale actually used (lower than asked for a very large picture). */
  scale: number;
}

export function rasterise(svg: string, width: number, height: number, scale: number): Raster {
  const fit = Math.min(scale, Math.sqrt(MAX_PIXELS / (width * height)));
  try {
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: fit },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    });
    const image = resvg.render();
    return { png: image.asPng(), rgba: image.pixels, width: image.width, height: image.height, scale: fit };
  } catch (err) {
    throw new AppError('PICTURE_FAILED', String((err as Error).message ?? err));
  }
}
