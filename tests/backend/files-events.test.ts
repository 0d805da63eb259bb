import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/backend/events';
import { FileStore } from '../../electron/backend/files';
import { AppError } from '../../electron/backend/errors';
import type { BackendEvent } from '../../shared/api';
import { call, tempBackend, tempDir } from '../helpers/backend';

describe('FileStore', () => {
  it('registers a real file by id, and refuses what is not a file', () => {
    const dir = tempDir();
    const store = new FileStore(path.join(dir, 'work'));
    const file = path.join(dir, '外资统计.xlsx');
    fs.writeFileSync(file, 'abcdef');
    const stored = store.register(file);
    expect(stored).toEqual({ fileId: expect.stringMatching(/^[0-9a-f-]{36}$/), name: '外资统计.xlsx', path: file, size: 6 });
    expect(store.get(stored.fileId)).toEqual(stored);
    expect(store.register(file).fileId).not.toBe(stored.fileId);
    for (const bad of [path.join(dir, 'missing.xlsx'), dir]) {
      expect(() => store.register(bad)).toThrow(AppError);
    }
    expect(() => store.get('nope')).toThrow(/^找不到文件：nope$/);
  });

  it('keeps uploads and exports inside its work folder, whatever the name', () => {
    const work = path.join(tempDir(), 'work');
    const store = new FileStore(work);
    const up = store.saveUpload('../../a<b>:c|d?.xlsx', Buffer.from('x'));
    expect(path.dirname(up.path)).toBe(path.join(work, 'uploads'));
    expect(up.name).toBe('a_b__c_d_.xlsx');
    const a = store.outputPath('../报表.xlsx');
    const b = store.outputPath('报表.xlsx');
    expect(a).not.toBe(b);
    for (const p of [a, b]) {
      expect(path.basename(p)).toBe('报表.xlsx');
      expect(p.startsWith(path.join(work, 'exports') + path.sep)).toBe(true);
      expect(fs.existsSync(path.dirname(p))).toBe(true);
    }
  });

  it('files.info through dispatch', async () => {
    const b = await tempBackend();
    const file = path.join(b.dir, 'in.csv');
    fs.writeFileSync(file, '1,2\n');
    const { fileId } = b.ctx.files.register(file);
    expect(await call(b, 'files.info', { fileId })).toEqual({ fileId, name: 'in.csv', size: 4 });
    const r = await b.dispatch('files.info', { fileId: 'nope' });
    expect(r.ok ? null : r.error.code).toBe('FILE_NOT_FOUND');
  });
});

describe('EventBus', () => {
  it('a broken listener does not stop the others; unsubscribing stops delivery', () => {
    const bus = new EventBus();
    const got: BackendEvent[] = [];
    bus.on(() => {
      throw new Error('closed socket');
    });
    const off = bus.on((e) => got.push(e));
    bus.emit({ type: 'changed', areas: ['settings'] });
    off();
    bus.emit({ type: 'changed', areas: ['fdi'] });
    expect(got).toEqual([{ type: 'changed', areas: ['settings'] }]);
  });
});
