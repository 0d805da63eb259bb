import fs from 'node:fs';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { StoredFile } from '../backend/files';
import { AppError } from '../backend/errors';
import type { InvokeEventLike, PlatformHandlers } from './ipc';

/** Electron's `dialog`, reduced to the two calls we make (owner window optional, as Electron allows). */
export interface DialogLike {
  showOpenDialog(owner: unknown, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(owner: unknown, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** The backend's FileStore as the dialogs use it: in the app it is in the host process, so each call may be async. */
export interface DialogFiles {
  register(filePath: string): StoredFileRef | Promise<StoredFileRef>;
  get(fileId: string): Pick<StoredFile, 'name' | 'path'> | Promise<Pick<StoredFile, 'name' | 'path'>>;
  discard(fileId: string, only: 'exports'): void | Promise<void>;
}

type StoredFileRef = Pick<StoredFile, 'fileId' | 'name' | 'size'>;

export interface PlatformDeps {
  dialog: DialogLike;
  files: DialogFiles;
  /** The window that should own the dialog (the caller's), or null. */
  ownerOf(sender: unknown): unknown;
  /** Where save dialogs start (the user's Documents or Downloads). */
  defaultDir(): string;
  /** Asynchronous by default: an export of many megabytes must not hold up the main process (menus, other windows). */
  copyFile?(from: string, to: string): void | Promise<void>;
}

/**
 * The platform API of the desktop app: native dialogs that turn a user's choice into a registered file id (open) or
 * copy an export out of the backend's work folder (save). The renderer never names a path itself.
 */
export function createPlatform(deps: PlatformDeps): PlatformHandlers {
  const copy = deps.copyFile ?? ((from, to) => fs.promises.copyFile(from, to));
  return {
    async 'platform.pickFile'(input, event: InvokeEventLike) {
      const result = await deps.dialog.showOpenDialog(deps.ownerOf(event.sender), {
        title: input.title ?? '选择文件',
        filters: [...input.filters, { name: '所有文件', extensions: ['*'] }],
        properties: ['openFile'],
      });
      const chosen = result.canceled ? undefined : result.filePaths[0];
      if (!chosen) return null;
      const file = await deps.files.register(chosen);
      return { fileId: file.fileId, name: file.name, size: file.size };
    },
    async 'platform.saveFile'(input, event: InvokeEventLike) {
      const file = await deps.files.get(input.fileId); // unknown id → FILE_NOT_FOUND before any dialog shows
      const name = path.basename(input.suggestedName.replace(/\\/g, '/')) || file.name;
      const ext = path.extname(name).slice(1);
      const result = await deps.dialog.showSaveDialog(deps.ownerOf(event.sender), {
        title: '保存文件',
        defaultPath: path.join(deps.defaultDir(), name),
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      });
      if (result.canceled || !result.filePath) return { saved: false, path: null };
      try {
        await copy(file.path, result.filePath);
      } catch (err) {
        throw new AppError('FILE_SAVE_FAILED', `${result.filePath}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`);
      }
      await deps.files.discard(input.fileId, 'exports'); // saved where the user wanted it: the temporary copy goes
      return { saved: true, path: result.filePath };
    },
  };
}
