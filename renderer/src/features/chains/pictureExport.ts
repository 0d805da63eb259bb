import type { ChainDetail } from '../../../../shared/api/chains';
import { pdfFromRaster } from '../../../../shared/chains/pdf';
import { chainPicture, PICTURE_PAGES, type PicturePage } from '../../../../shared/chains/picture';
import type { ChainGapAnalysis } from '../../../../shared/rules/gap';
import { saveBlob } from '../../api/platform';

/** Largest side and area a canvas is asked for: big chains are exported at less than 2× rather than failing. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 60_000_000;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // 'deflate' is zlib-wrapped, which is what PDF's FlateDecode expects
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Exports the chain poster as the backend would draw it (the same shared SVG), rasterised here by the browser: fast,
 * and with the fonts the user sees. PNG at 2×, SVG as is, PDF one page (A4 landscape or 16:9) with the 2× raster.
 */
export async function exportPicture(
  format: 'png' | 'svg' | 'pdf',
  page: PicturePage,
  detail: ChainDetail,
  analysis: ChainGapAnalysis,
  countryName: (code: string) => string,
): Promise<{ name: string; width: number; height: number }> {
  const picture = chainPicture(detail, analysis, { page, countryName });
  const base = `${detail.chain.name.replace(/[\\/:*?"<>|]/g, '_')}产业链图谱`;
  if (format === 'svg') {
    saveBlob(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${picture.svg}`], { type: 'image/svg+xml' }), `${base}.svg`);
    return { name: `${base}.svg`, width: picture.width, height: picture.height };
  }
  const scale = Math.min(2, MAX_SIDE / picture.width, MAX_SIDE / picture.height, Math.sqrt(MAX_PIXELS / (picture.width * picture.height)));
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    if (format === 'png') {
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png'));
      saveBlob(blob, `${base}.png`);
      return { name: `${base}.png`, width: canvas.width, height: canvas.height };
    }
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const pdf = await pdfFromRaster(
      { rgba: new Uint8Array(pixels.data.buffer), width: canvas.width, height: canvas.height },
      PICTURE_PAGES[page].points,
      `${detail.chain.name}产业链招商图谱`,
      deflate,
    );
    saveBlob(new Blob([pdf as BlobPart], { type: 'application/pdf' }), `${base}.pdf`);
    return { name: `${base}.pdf`, width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
