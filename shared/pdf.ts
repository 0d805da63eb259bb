/**
 * A one-page PDF showing one image: all the app's PDF exports need (the dashboard's meeting pack, chain maps), so this
 * small writer (PDF 1.4: catalog, pages, page, image XObject, content stream, optional document info, xref) stands in
 * for a PDF library. Pure, bytes in and bytes out: the backend and the renderer make the same file.
 */

export interface PdfImage {
  /** JPEG bytes (DCTDecode) or zlib-compressed 8-bit RGB (FlateDecode). */
  data: Uint8Array;
  filter: 'DCTDecode' | 'FlateDecode';
  width: number;
  height: number;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** Points to two decimals, as PDF writers print them. */
const pt = (n: number) => String(Math.round(n * 100) / 100);

/** A PDF text string in UTF-16BE hex, so Chinese survives in the document properties. */
export function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The image drawn into `at` (in points, from the page's bottom left) on a page of `page` points. `info` entries are
 * written as given (PDF strings or dates: see pdfText).
 */
export function imagePagePdf(options: {
  page: { width: number; height: number };
  image: PdfImage;
  at: { x: number; y: number; width: number; height: number };
  info?: Record<string, string>;
}): Uint8Array<ArrayBuffer> {
  const { page, image, at, info } = options;
  const content = `q ${pt(at.width)} 0 0 ${pt(at.height)} ${pt(at.x)} ${pt(at.y)} cm /Im0 Do Q`;
  const stream = (dict: string, data: Uint8Array) => concat([ascii(`${dict}\nstream\n`), data, ascii('\nendstream')]);
  const objects: Uint8Array[] = [
    ascii('<< /Type /Catalog /Pages 2 0 R >>'),
    ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    ascii(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pt(page.width)} ${pt(page.height)}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    stream(
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /${image.filter} /Length ${image.data.length} >>`,
      image.data,
    ),
    stream(`<< /Length ${content.length} >>`, ascii(content)),
  ];
  if (info) objects.push(ascii(`<< ${Object.entries(info).map(([k, v]) => `/${k} ${v}`).join(' ')} >>`));
  // the comment line of bytes above 127 tells transfer programs the file is binary
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
  const trailer = `<< /Size ${objects.length + 1} /Root 1 0 R${info ? ` /Info ${objects.length} 0 R` : ''} >>`;
  chunks.push(ascii(`${xref}trailer\n${trailer}\nstartxref\n${length}\n%%EOF\n`));
  return concat(chunks);
}
