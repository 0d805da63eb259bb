/**
 * A one-page PDF holding one JPEG image, fitted into an A4 landscape page with a margin. The dashboard's meeting-pack
 * export needs nothing more, so this small writer (PDF 1.4: catalog, pages, page, image XObject with DCTDecode,
 * content stream, xref) stands in for a PDF library. Pure: bytes in, bytes out, so it is unit-tested.
 */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const fixed = (n: number) => n.toFixed(2);

export function imagePdf(jpeg: Uint8Array, pixelWidth: number, pixelHeight: number, margin = 18): Uint8Array<ArrayBuffer> {
  if (!(jpeg[0] === 0xff && jpeg[1] === 0xd8)) throw new Error('not a JPEG image');
  const page = A4_LANDSCAPE;
  const scale = Math.min((page.width - 2 * margin) / pixelWidth, (page.height - 2 * margin) / pixelHeight);
  const w = pixelWidth * scale;
  const h = pixelHeight * scale;
  const x = (page.width - w) / 2;
  const y = (page.height - h) / 2;
  const content = `q ${fixed(w)} 0 0 ${fixed(h)} ${fixed(x)} ${fixed(y)} cm /Im0 Do Q`;
  const objects: Array<Array<Uint8Array>> = [
    [ascii('<< /Type /Catalog /Pages 2 0 R >>')],
    [ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')],
    [
      ascii(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${fixed(page.width)} ${fixed(page.height)}] ` +
          '/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
      ),
    ],
    [
      ascii(
        `<< /Type /XObject /Subtype /Image /Width ${pixelWidth} /Height ${pixelHeight} /ColorSpace /DeviceRGB ` +
          `/BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      ascii('\nendstream'),
    ],
    [ascii(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)],
  ];
  const parts: Uint8Array[] = [ascii('%PDF-1.4\n'), Uint8Array.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]; // binary marker line
  let offset = parts.reduce((s, p) => s + p.length, 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = [ascii(`${i + 1} 0 obj\n`), ...body, ascii('\nendobj\n')];
    for (const c of chunk) offset += c.length;
    parts.push(...chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(ascii(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
