import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE, imagePdf } from '../../renderer/src/features/home/export/pdf';
import { pdfFromRaster } from '../../shared/chains/pdf';
import { PICTURE_PAGES } from '../../shared/chains/picture';
import zlib from 'node:zlib';
import { tempDir } from '../helpers/backend';

const jpeg = new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/dashboard/tiny.jpg')));
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the one-image A4 landscape PDF', () => {
  it('has a correct cross-reference table, an A4 landscape page and the JPEG untouched', () => {
    const pdf = imagePdf(jpeg, 16, 16);
    const text = latin1(pdf);
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(text.match(/startxref\n(\d+)\n%%EOF\n$/)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBe(5);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(text).toContain(`/MediaBox [0 0 ${A4_LANDSCAPE.width.toFixed(2)} ${A4_LANDSCAPE.height.toFixed(2)}]`);
    expect(Buffer.from(pdf).indexOf(Buffer.from(jpeg))).toBeGreaterThan(0);
    // a square image fits the page height, centred
    const cm = text.match(/q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm/)!.slice(1).map(Number);
    expect(cm[0]).toBeCloseTo(A4_LANDSCAPE.height - 36, 1);
    expect(cm[2]! * 2 + cm[0]!).toBeCloseTo(A4_LANDSCAPE.width, 1);
  });

  it('refuses bytes that are not a JPEG', () => {
    expect(() => imagePdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 1, 1)).toThrow();
  });

  // poppler's pdfinfo is strict about structure (it reports every syntax error); where it is installed, ask it too
  const hasPdfinfo = (() => {
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasPdfinfo)('is read by pdfinfo without complaint as one A4 page', () => {
    const file = path.join(tempDir(), 'dashboard.pdf');
    fs.writeFileSync(file, imagePdf(jpeg, 16, 16));
    const run = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toMatch(/Pages:\s+1/);
    expect(out).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
  });
});

describe('a chain picture on its page', () => {
  it('fills an A4 landscape or 16:9 page keeping its proportions, centred, even when taller than the page', async () => {
    const raster = (width: number, height: number) => ({ rgba: new Uint8Array(width * height * 4).fill(255), width, height });
    const cm = (pdf: Uint8Array) => latin1(pdf).match(/q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm/)!.slice(1).map(Number);
    const deflate = (b: Uint8Array) => zlib.deflateSync(b);
    const a4 = PICTURE_PAGES.a4.points;
    const fitted = await pdfFromRaster(raster(168, 119), a4, '图谱', deflate);
    expect(latin1(fitted)).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(cm(fitted)[0]).toBeCloseTo(841.89, -1); // the A4 poster is 1684×1191 px, a hair off the page's own ratio
    // a poster grown taller than its page is shrunk onto it, centred across
    const tall = cm(await pdfFromRaster(raster(168, 238), a4, '图谱', deflate));
    expect(tall[1]).toBeCloseTo(595.28, 1);
    expect(tall[2]! * 2 + tall[0]!).toBeCloseTo(841.89, 1);
    expect(latin1(await pdfFromRaster(raster(192, 108), PICTURE_PAGES.wide.points, '图谱', deflate))).toContain('/MediaBox [0 0 960 540]');
  });
});
