/**
 * A one-page PDF showing an RGBA raster (alpha dropped: map pictures have a white background), hand-written because
 * it is all a map export needs: a page, one image, the title in the document properties. Pure, so the backend (zlib)
 * and the renderer (CompressionStream) make the same file; `deflate` must return zlib-format data (FlateDecode).
 */

/** PDF viewers refuse pages larger than 200 inches. */
const MAX_PAGE_POINTS = 14_400;

const ascii = (text: string) => new TextEncoder().encode(text);

function pdfText(text: string): string {
  // a UTF-16BE hex string, so Chinese titles survive in the document properties
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function pdfFromRaster(
  raster: { rgba: Uint8Array; width: number; height: number },
  page: { width: number; height: number },
  title: string,
  deflate: (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array,
  now = new Date(),
): Promise<Uint8Array> {
  const shrink = Math.min(1, MAX_PAGE_POINTS / Math.max(page.width, page.height));
  const [w, h] = [Math.round(page.width * shrink * 100) / 100, Math.round(page.height * shrink * 100) / 100];
  const rgb = new Uint8Array(raster.width * raster.height * 3);
  for (let i = 0, j = 0; i < raster.rgba.length; i += 4, j += 3) {
    rgb[j] = raster.rgba[i]!;
    rgb[j + 1] = raster.rgba[i + 1]!;
    rgb[j + 2] = raster.rgba[i + 2]!;
  }
  const image = await deflate(rgb);
  const content = ascii(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`);
  const stream = (dict: string, data: Uint8Array) => concat([ascii(`${dict}\nstream\n`), data, ascii('\nendstream')]);
  const objects: Uint8Array[] = [
    ascii('<< /Type /Catalog /Pages 2 0 R >>'),
    ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    ascii(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    stream(`<< /Type /XObject /Subtype /Image /Width ${raster.width} /Height ${raster.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`, image),
    stream(`<< /Length ${content.length} >>`, content),
    ascii(`<< /Title ${pdfText(title)} /Producer ${pdfText('外资工作台')} /CreationDate (D:${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) >>`),
  ];
  const chunks: Uint8Array[] = [concat([ascii('%PDF-1.4\n%'), new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3]), ascii('\n')])];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = concat([ascii(`${i + 1} 0 obj\n`), body, ascii('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(ascii(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return concat(chunks);
}
