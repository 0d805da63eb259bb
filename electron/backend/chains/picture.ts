import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { layoutChain } from '../../../shared/chains/layout';
import { renderChainSvg, type PictureSegment } from '../../../shared/chains/svg';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { analyse, chainDetail, chainTiers, readChainRow } from './queries';

/**
 * Pictures of a chain map for the CLI and the UI's export menu: the SVG from shared/chains/svg.ts, rasterised with
 * resvg (a native SVG renderer, no browser needed — the backend never has Electron's Chromium) for PNG, and the PNG's
 * pixels wrapped in a one-page PDF.
 */

/** Above this many pixels a raster is scaled down (a 500-segment map at 2× would need half a gigabyte). */
const MAX_PIXELS = 60_000_000;
/** PDF viewers refuse pages larger than 200 inches. */
const MAX_PAGE_POINTS = 14_400;

export async function chainSvg(db: Db, chainId: number, today = new Date()): Promise<{ svg: string; width: number; height: number }> {
  const chain = readChainRow(db, chainId);
  const detail = chainDetail(db, chainId);
  const analysis = analyse(chain, detail.segments, detail.firms, detail.targets);
  const gapOf = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  const projectCount = new Map<number, number>();
  for (const p of detail.projects) projectCount.set(p.segmentId, (projectCount.get(p.segmentId) ?? 0) + 1);
  const layout = await layoutChain(detail.segments, detail.links, chainTiers(chain));
  const segments: PictureSegment[] = detail.segments.map((s) => {
    const g = gapOf.get(s.id)!;
    return { id: s.id, parentId: s.parentId, name: s.name, status: g.status, overridden: g.overridden, firms: g.firms, targets: g.targets, projects: projectCount.get(s.id) ?? 0 };
  });
  const subtitle = [
    `导出日期：${today.toISOString().slice(0, 10)}`,
    `完整度：${analysis.completeness === null ? '—' : `${analysis.completeness}%`}`,
    `缺链 ${analysis.gaps.missing} 个 · 弱链 ${analysis.gaps.weak} 个`,
    chain.owner ? `链长：${chain.owner}` : '',
  ]
    .filter(Boolean)
    .join('　　');
  return renderChainSvg({ title: `${chain.name}产业链招商图谱`, subtitle, layout, segments, links: detail.links });
}

export interface Raster {
  png: Buffer;
  rgba: Buffer;
  width: number;
  height: number;
  /** The scale actually used (lower than asked for a very large map). */
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

function pdfText(text: string): string {
  // a UTF-16BE hex string, so Chinese titles survive in the document properties
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/** A one-page PDF showing an RGBA raster (alpha dropped: the picture has a white background) at `pageWidth` points. */
export function pdfFromRaster(raster: Pick<Raster, 'rgba' | 'width' | 'height'>, pageWidth: number, pageHeight: number, title: string): Buffer {
  const shrink = Math.min(1, MAX_PAGE_POINTS / Math.max(pageWidth, pageHeight));
  const [w, h] = [Math.round(pageWidth * shrink * 100) / 100, Math.round(pageHeight * shrink * 100) / 100];
  const rgb = Buffer.alloc(raster.width * raster.height * 3);
  for (let i = 0, j = 0; i < raster.rgba.length; i += 4, j += 3) {
    rgb[j] = raster.rgba[i]!;
    rgb[j + 1] = raster.rgba[i + 1]!;
    rgb[j + 2] = raster.rgba[i + 2]!;
  }
  const image = zlib.deflateSync(rgb);
  const content = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${raster.width} /Height ${raster.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`),
      image,
      Buffer.from('\nendstream'),
    ]),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
    Buffer.from(`<< /Title ${pdfText(title)} /Producer ${pdfText('外资工作台')} /CreationDate (D:${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) >>`),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(chunks);
}
