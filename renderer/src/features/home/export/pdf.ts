import { imagePagePdf } from '../../../../../shared/pdf';

/** The dashboard's meeting pack: one JPEG fitted into an A4 landscape page with a margin. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

export function imagePdf(jpeg: Uint8Array, pixelWidth: number, pixelHeight: number, margin = 18): Uint8Array<ArrayBuffer> {
  if (!(jpeg[0] === 0xff && jpeg[1] === 0xd8)) throw new Error('not a JPEG image');
  const page = A4_LANDSCAPE;
  const scale = Math.min((page.width - 2 * margin) / pixelWidth, (page.height - 2 * margin) / pixelHeight);
  const [width, height] = [pixelWidth * scale, pixelHeight * scale];
  return imagePagePdf({
    page,
    image: { data: jpeg, filter: 'DCTDecode', width: pixelWidth, height: pixelHeight },
    at: { x: (page.width - width) / 2, y: (page.height - height) / 2, width, height },
  });
}
