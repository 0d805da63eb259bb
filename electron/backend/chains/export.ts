import fs from 'node:fs';
import type { ChainExportFormat, ChainExportResult } from '../../../shared/api/chains';
import type { BackendContext } from '../context';
import type { Db } from '../db/open';
import type { JobControl } from '../jobs';
import zlib from 'node:zlib';
import { pdfFromRaster } from '../../../shared/chains/pdf';
import { PICTURE_PAGES, type PicturePage } from '../../../shared/chains/picture';
import { chainSvg, rasterise } from './picture';
import { readChainRow } from './queries';
import { writeChainWorkbook, writeTargetList } from './workbook-export';

/** Writes one export of a chain to `file`; returns the picture's pixel size for rasters. */
export async function writeChainExport(
  db: Db,
  chainId: number,
  format: ChainExportFormat,
  file: string,
  options: { scale?: number; page?: PicturePage } = {},
): Promise<{ width?: number; height?: number }> {
  if (format === 'xlsx') return (await writeChainWorkbook(db, chainId, file), {});
  if (format === 'targets') return (await writeTargetList(db, chainId, file), {});
  // a printed PDF is A4 unless asked otherwise; pictures for screens are 16:9
  const page = options.page ?? (format === 'pdf' ? 'a4' : 'wide');
  const picture = chainSvg(db, chainId, page);
  if (format === 'svg') {
    fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${picture.svg}`);
    return { width: picture.width, height: picture.height };
  }
  const raster = rasterise(picture.svg, picture.width, picture.height, options.scale ?? 2);
  if (format === 'png') fs.writeFileSync(file, raster.png);
  else {
    const title = `${readChainRow(db, chainId).name}产业链招商图谱`;
    fs.writeFileSync(file, await pdfFromRaster(raster, PICTURE_PAGES[page].points, title, (b) => zlib.deflateSync(b)));
  }
  return { width: raster.width, height: raster.height };
}

export function exportFileName(chainName: string, format: ChainExportFormat): string {
  const safe = chainName.replace(/[\\/:*?"<>|]/g, '_');
  if (format === 'targets') return `${safe}招商目标清单.xlsx`;
  return `${safe}产业链图谱.${format}`;
}

/** The `chains.export` job: writes into the backend's export folder and registers the file for download. */
export async function exportChain(ctx: BackendContext, input: { chainId: number; format: ChainExportFormat; scale: number; page?: PicturePage }, job: JobControl): Promise<ChainExportResult> {
  const chain = readChainRow(ctx.db, input.chainId);
  job.progress(0.1, '正在生成…');
  const name = exportFileName(chain.name, input.format);
  const file = ctx.files.outputPath(name);
  const size = await writeChainExport(ctx.db, input.chainId, input.format, file, { scale: input.scale, page: input.page });
  job.throwIfCancelled();
  const stored = ctx.files.register(file, name);
  return { fileId: stored.fileId, name: stored.name, size: stored.size, ...size };
}
