import fs from 'node:fs';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPlatform, type DialogLike } from '../../../electron/main/dialogs';
import { AppError } from '../../../electron/backend/errors';
import { tempBackend, tempDir } from '../../helpers/backend';

const OWNER = { window: 'main' };
const EVENT = { senderFrame: { url: 'file:///app/index.html' }, sender: { id: 7 } };

async function setup(answers: { open?: string[] | null; save?: string | null }) {
  const backend = await tempBackend();
  const seen: { open?: [unknown, OpenDialogOptions]; save?: [unknown, SaveDialogOptions] } = {};
  const dialog: DialogLike = {
    showOpenDialog: async (owner, options) => {
      seen.open = [owner, options];
      return answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (owner, options) => {
      seen.save = [owner, options];
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
  };
  const platform = createPlatform({
    dialog,
    files: backend.ctx.files,
    ownerOf: (sender) => ((sender as { id: number }).id === 7 ? OWNER : null),
    defaultDir: () => path.join(backend.dir, 'Documents'),
  });
  return { backend, platform, seen };
}

describe('platform.pickFile', () => {
  it('registers the chosen file and returns only its id, name and size', async () => {
    const file = path.join(tempDir(), '2025年1-3月外资统计.xlsx');
    fs.writeFileSync(file, 'x'.repeat(1234));
    const { backend, platform, seen } = await setup({ open: [file] });
    const ref = await platform['platform.pickFile']({ title: '导入统计表', filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] }, EVENT);
    expect(ref).toEqual({ fileId: expect.any(String), name: '2025年1-3月外资统计.xlsx', size: 1234 });
    expect(backend.ctx.files.get(ref!.fileId).path).toBe(file);
    const [owner, options] = seen.open!;
    expect(owner).toBe(OWNER);
    expect(options).toMatchObject({ title: '导入统计表', properties: ['openFile'] });
    expect(options.filters).toEqual([
      { name: 'Excel', extensions: ['xlsx', 'xls'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
  });

  it('returns null when the user cancels', async () => {
    const { platform } = await setup({ open: null });
    expect(await platform['platform.pickFile']({ filters: [] }, EVENT)).toBeNull();
  });

  it('refuses a chosen path that is not a file', async () => {
    const { platform } = await setup({ open: [tempDir()] });
    await expect(platform['platform.pickFile']({ filters: [] }, EVENT)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('platform.saveFile', () => {
  it('copies a registered export to the chosen path', async () => {
    const target = path.join(tempDir(), '报表.xlsx');
    const { backend, platform, seen } = await setup({ save: target });
    const exportPath = backend.ctx.files.outputPath('外资统计月报.xlsx');
    fs.writeFileSync(exportPath, 'report-bytes');
    const { fileId } = backend.ctx.files.register(exportPath);
    expect(await platform['platform.saveFile']({ fileId, suggestedName: '外资统计月报.xlsx' }, EVENT)).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('report-bytes');
    const [owner, options] = seen.save!;
    expect(owner).toBe(OWNER);
    expect(options.defaultPath).toBe(path.join(backend.dir, 'Documents', '外资统计月报.xlsx'));
    expect(options.filters).toEqual([{ name: 'XLSX', extensions: ['xlsx'] }]);
  });

  it('never lets a suggested name steer the folder', async () => {
    const { backend, platform, seen } = await setup({ save: null });
    const { fileId } = backend.ctx.files.register(writeExport(backend.ctx.files.outputPath('a.csv')));
    await platform['platform.saveFile']({ fileId, suggestedName: '..\\..\\Windows\\evil.csv' }, EVENT);
    expect(seen.save![1].defaultPath).toBe(path.join(backend.dir, 'Documents', 'evil.csv'));
  });

  it('reports a cancelled dialog as not saved', async () => {
    const { backend, platform } = await setup({ save: null });
    const { fileId } = backend.ctx.files.register(writeExport(backend.ctx.files.outputPath('a.csv')));
    expect(await platform['platform.saveFile']({ fileId, suggestedName: 'a.csv' }, EVENT)).toEqual({ saved: false, path: null });
  });

  it('refuses an unknown file id before showing a dialog', async () => {
    const { platform, seen } = await setup({ save: '/tmp/x.xlsx' });
    await expect(platform['platform.saveFile']({ fileId: 'nope', suggestedName: 'x.xlsx' }, EVENT)).rejects.toBeInstanceOf(AppError);
    expect(seen.save).toBeUndefined();
  });

  it('says FILE_SAVE_FAILED with the path when the copy fails', async () => {
    const { backend, platform } = await setup({ save: path.join('/nonexistent-dir-fdi', 'x.csv') });
    const { fileId } = backend.ctx.files.register(writeExport(backend.ctx.files.outputPath('x.csv')));
    await expect(platform['platform.saveFile']({ fileId, suggestedName: 'x.csv' }, EVENT)).rejects.toMatchObject({
      code: 'FILE_SAVE_FAILED',
      message: expect.stringContaining('/nonexistent-dir-fdi/x.csv'),
    });
  });
});

function writeExport(file: string): string {
  fs.writeFileSync(file, 'a,b\n1,2\n');
  return file;
}
