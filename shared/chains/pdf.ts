import { imagePagePdf, pdfText } from '../pdf';

/**
 * A chain picture as a one-page PDF: an RGBA raster (alpha dropped: the pictures have a white background) as large as
 * fits the page (A4 landscape, 16:9) keeping its proportions, centred, the title in the document properties. The backend (zlib) and the renderer
 * (CompressionStream) make the same file; `deflate` must return zlib-format data (FlateDecode).
 */

/** PDF viewers refuse pages larger than 200 inches. */
const MAX_PAGE_POINTS = 14_400;

export async function pdfFromRaster(
  raster: { rgba: Uint8Array; width: number; height: number },
  page: { width: number; height: number },
  title: string,
  deflate: (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array,
  now = new Date(),
): Promise<Uint8Array> {
  const shrink = Math.min(1, MAX_PAGE_POINTS / Math.max(page.width, page.height));
  const [width, height] = [page.width * shrink, page.height * shrink];
  const fit = Math.min(width / raster.width, height / raster.height);
  const at = { width: raster.width * fit, height: raster.height * fit };
  const rgb = new Uint8Array(raster.width * raster.height * 3);
  for (let i = 0, j = 0; i < raster.rgba.length; i += 4, j += 3) {
    rgb[j] = raster.rgba[i]!;
    rgb[j + 1] = raster.rgba[i + 1]!;
    rgb[j + 2] = raster.rgba[i + 2]!;
  }
  return imagePagePdf({
    page: { width, height },
    image: { data: await deflate(rgb), filter: 'FlateDecode', width: raster.width, height: raster.height },
    at: { x: (width - at.width) / 2, y: (height - at.height) / 2, ...at },
    info: { Title: pdfText(title), Producer: pdfText('外资工作台'), CreationDate: `(D:${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)` },
  });
}
