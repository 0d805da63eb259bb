import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

export interface StoredFile {
  fileId: string;
  name: string;
  path: string;
  size: number;
}

/**
 * The only way a file path reaches the backend: a platform picker (Electron dialog, browser upload, CLI argument)
 * registers it here, and the renderer only ever holds the id. Exports are written to `outputDir` and registered too.
 */
export class FileStore {
  private files = new Map<string, StoredFile>();
  constructor(readonly workDir: string) {}

  register(filePath: string, displayName = path.basename(filePath)): StoredFile {
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat || !stat.isFile()) throw new AppError('FILE_NOT_FOUND', displayName);
    const file: StoredFile = { fileId: randomUUID(), name: displayName, path: path.resolve(filePath), size: stat.size };
    this.files.set(file.fileId, file);
    return file;
  }

  /** Stores uploaded bytes in the work folder (browser mode) and registers them. */
  saveUpload(displayName: string, bytes: Buffer): StoredFile {
    const dir = path.join(this.workDir, 'uploads');
    fs.mkdirSync(dir, { recursive: true });
    const safe = path.basename(displayName).replace(/[\\/:*?"<>|]/g, '_') || 'upload';
    const target = path.join(dir, `${randomUUID()}-${safe}`);
    fs.writeFileSync(target, bytes);
    return this.register(target, safe);
  }

  /** A fresh path in the work folder for an export; register it once written. */
  outputPath(displayName: string): string {
    const dir = path.join(this.workDir, 'exports', randomUUID());
    fs.mkdirSync(dir, { recursive: true });
    return path.join(dir, path.basename(displayName));
  }

  get(fileId: string): StoredFile {
    const file = this.files.get(fileId);
    if (!file) throw new AppError('FILE_NOT_FOUND', fileId);
    return file;
  }
}
