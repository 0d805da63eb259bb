import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * An .xlsx as a zip read by random access (yauzl, through the central directory): each part is inflated when asked
 * for, in whatever order its entries were written. A streaming unzip (exceljs's reader) must take the entries as they
 * come, and writers put sheets before the shared strings: exceljs then inflates each sheet into a temp file to read
 * it later. A truncated file has no central directory and is refused before anything is read.
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
        const entries = new Map<string, yauzl.Entry>();
        zip.on('entry', (entry: yauzl.Entry) => {
          if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve(new ZipArchive(zip, entries)));
        zip.on('error', (e: Error) => {
          zip.close();
          reject(e);
        });
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

  /** A part's inflated bytes as a stream (yauzl checks its size and CRC as it goes). */
  stream(part: string): Promise<Readable> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return Promise.reject(new Error(`缺少部件 ${part}`));
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error(part)) : resolve(stream)));
    });
  }

  close(): void {
    this.zip.close();
  }
}
