import { describe, expect, it } from 'vitest';
import { knownLibraryReasonZh } from '../../electron/backend/library-messages';
import { unreadable } from '../../electron/backend/workbook/limits';

describe('library messages in Chinese', () => {
  it('words what yauzl, zlib, csv-parse, SQLite and the file system say', () => {
    expect(knownLibraryReasonZh(new Error('end of central directory record signature not found'))).toBe('找不到 zip 目录，文件不完整（可能在下载或复制时被截断）');
    expect(knownLibraryReasonZh(Object.assign(new Error('invalid distance too far back'), { code: 'Z_DATA_ERROR' }))).toBe('压缩数据已损坏');
    expect(knownLibraryReasonZh(new Error('Invalid Record Length: expect 5, got 3 on line 4'))).toBe('这一行的列数与表头不一致');
    expect(knownLibraryReasonZh(new Error('file is not a database'))).toMatch(/^不是本程序的数据库文件/);
    expect(knownLibraryReasonZh(new Error('ENOSPC: no space left on device, write'))).toBe('磁盘空间不足');
    expect(knownLibraryReasonZh(new Error('something odd happened'))).toBeNull();
  });

  it('a damaged workbook says why in Chinese and keeps the library text as detail only', () => {
    const error = unreadable(new Error('encrypted entries not supported'), '吴江区.xlsx');
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('取消密码');
    expect(error.message).not.toContain('encrypted');
    expect(error.toData().detail).toBe('encrypted entries not supported');
  });
});
