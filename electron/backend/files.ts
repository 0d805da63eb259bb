import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { makeWorkDir } from './workdir';

export interface StoredFile {
  fileId: string;
  name: string;
  path: string;
  size: number;
}

/**
 * The only way a file path reaches the backend: a platform picker (Electron dialog, browser upload, CLI argument)
 * registers it here, and the renderer only ever holds the id. Exports are written to `outputPath` and registered too.
 *
 * Uploads and exports are copies of a bureau's data: they live in a work folder of this run's own (made when first
 * needed), each is deleted once it has served (`discard`), and the folder goes when the backend closes (`dispose`).
 */
export class FileStore {
  private files = new Map<string, StoredFile>();
  private dir: string | null;
  private readonly ownsDir: boolean;

  /** `workDir` names the work folder (tests); by default it is a new one in the system temp folder. */
  constructor(workDir?: string) {
    this.dir = workDir ?? null;
    this.ownsDir = workDir === undefined;
  }

  get workDir(): string {
    this.dir ??= makeWorkDir();
    return this.dir;
  }

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

  /**
   * Deletes an upload or export that has served (imported; saved or downloaded) and forgets its id; `only` limits it
   * to one of the two. A file the user picked is left where it is, and stays registered.
   */
  discard(fileId: string, only: 'uploads' | 'exports' | null = null): void {
    const file = this.files.get(fileId);
    if (!file || this.dir === null) return;
    const [area, id] = path.relative(this.dir, file.path).split(path.sep);
    if ((area !== 'uploads' && area !== 'exports') || (only && area !== only)) return;
    this.files.delete(fileId);
    // exports/<id>/<name> goes with its folder; uploads/<name> alone
    fs.rmSync(area === 'exports' ? path.join(this.dir, area, id!) : file.path, { recursive: true, force: true });
  }

  /** Deletes every upload and export (the whole folder when it is this run's own temporary one). */
  dispose(): void {
    this.files.clear();
    if (this.dir === null) return;
    if (this.ownsDir) fs.rmSync(this.dir, { recursive: true, force: true });
    else for (const sub of ['uploads', 'exports']) fs.rmSync(path.join(this.dir, sub), { recursive: true, force: true });
  }
}
