import { pipeline, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { formatBytes, formatCount, LimitError, LIMITS } from './limits';

/**
 * Inflated bytes per chunk. yauzl's own inflating (16 KB chunks through its checking streams) took 0.2 s of CPU for a
 * 35 MB sheet; inflating its raw bytes in 256 KB chunks takes 0.07 s.
 */
const INFLATE_CHUNK = 256 * 1024;

/** What the zip's directory says of an entry, checked against LIMITS before anything is inflated. */
function checkDeclared(entry: yauzl.Entry, total: number): void {
  const name = entry.fileName;
  const size = entry.uncompressedSize;
  if (size > LIMITS.partBytes) throw new LimitError('FILE_LIMIT', `部件 ${name} 解压后有 ${formatBytes(size)}，超过每个部件 ${formatBytes(LIMITS.partBytes)} 的上限`);
  if (size > LIMITS.ratioFromBytes && size > entry.compressedSize * LIMITS.inflateRatio) {
    throw new LimitError('FILE_LIMIT', `部件 ${name} 压缩了 ${Math.round(size / Math.max(1, entry.compressedSize))} 倍，超过 ${LIMITS.inflateRatio} 倍的上限（可能是“压缩炸弹”）`);
  }
  if (total > LIMITS.totalBytes) throw new LimitError('FILE_LIMIT', `解压后共 ${formatBytes(total)}，超过 ${formatBytes(LIMITS.totalBytes)} 的上限`);
}

/**
 * An .xlsx as a zip read by random access (yauzl, through the central directory): each part is inflated when asked
 * for, in whatever order its entries were written. A streaming unzip (exceljs's reader) must take the entries as they
 * come, and writers put sheets before the shared strings: exceljs then inflates each sheet into a temp file to read
 * it later. A truncated file has no central directory and is refused before anything is read. The directory's sizes
 * are held to LIMITS before anything is inflated, and a part inflating past what the directory declared fails there
 * and then (a zip bomb may declare a small size and inflate without end).
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Entries by lower-cased name: OPC part names are case-insensitive (`xl/SharedStrings.xml` is seen). */
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static open(file: string): Promise<ZipArchive> {
    return new Promise((resolve, reject) => {
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error('zip'));
        const fail = (e: Error) => {
          zip.close();
          reject(e);
        };
        if (zip.entryCount > LIMITS.zipEntries) return fail(new LimitError('FILE_LIMIT', `压缩包中有 ${formatCount(zip.entryCount)} 个部件，超过 ${formatCount(LIMITS.zipEntries)} 个的上限`));
        const entries = new Map<string, yauzl.Entry>();
        let total = 0;
        zip.on('entry', (entry: yauzl.Entry) => {
          total += entry.uncompressedSize;
          try {
            checkDeclared(entry, total);
          } catch (e) {
            return fail(e as Error);
          }
          if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve(new ZipArchive(zip, entries)));
        zip.on('error', fail);
        zip.readEntry();
      });
    });
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** The inflated size of a part (for progress), 0 when it is missing. */
  size(part: string): number {
    return this.entries.get(part.toLowerCase())?.uncompressedSize ?? 0;
  }

  /** A part's inflated bytes as a stream; one whose size differs from what the zip says fails as soon as that shows. */
  async stream(part: string): Promise<Readable> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new Error(`缺少部件 ${part}`);
    const stored = entry.compressionMethod === 0;
    if (!stored && entry.compressionMethod !== 8) throw new Error(`${part} 的压缩方式（${entry.compressionMethod}）不受支持`);
    // a stored part (some exporters write them so) is read as it is: yauzl checks its length
    const raw = await new Promise<Readable>((resolve, reject) => {
      const done = (err: Error | null, stream?: Readable) => (err || !stream ? reject(err ?? new Error(part)) : resolve(stream));
      if (stored) this.zip.openReadStream(entry, done);
      else this.zip.openReadStream(entry, { decompress: false }, done);
    });
    if (stored) return raw;
    const declared = entry.uncompressedSize;
    let bytes = 0;
    const sized = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > declared ? new Error(`${part} 解压后超过声明的 ${declared} 字节`) : null, chunk);
      },
      flush(done) {
        done(bytes === declared ? null : new Error(`${part} 解压后 ${bytes} 字节，应为 ${declared} 字节`));
      },
    });
    // an error anywhere (a damaged deflate stream, a short part) ends up on the stream returned
    return pipeline(raw, zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }), sized, () => undefined);
  }

  close(): void {
    this.zip.close();
  }
}
