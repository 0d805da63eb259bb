import { describe, expect, it } from 'vitest';
import { libraryMessageZh } from '../../electron/backend/library-messages';

describe('library messages in Chinese', () => {
  it('words what yauzl, zlib, csv-parse, SQLite and the file system say, keeping the original', () => {
    expect(libraryMessageZh(new Error('end of central directory record signature not found'))).toBe(
      '找不到 zip 目录，文件不完整（可能在下载或复制时被截断）（end of central directory record signature not found）',
    );
    expect(libraryMessageZh(Object.assign(new Error('invalid distance too far back'), { code: 'Z_DATA_ERROR' }))).toMatch(/^压缩数据已损坏/);
    expect(libraryMessageZh(new Error('Invalid Record Length: expect 5, got 3 on line 4'))).toMatch(/^这一行的列数与表头不一致/);
    expect(libraryMessageZh(new Error('file is not a database'))).toMatch(/^不是本程序的数据库文件/);
    expect(libraryMessageZh(new Error("ENOSPC: no space left on device, write"))).toMatch(/^磁盘空间不足/);
  });

  it('passes a Chinese message as it is, and marks an unknown one as technical detail', () => {
    expect(libraryMessageZh(new Error('缺少部件 xl/workbook.xml'))).toBe('缺少部件 xl/workbook.xml');
    expect(libraryMessageZh('something odd happened')).toBe('技术信息：something odd happened');
  });
});
