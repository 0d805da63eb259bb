/**
 * What the libraries under the backend say when a file or the database is bad (yauzl and zlib on a damaged .xlsx,
 * csv-parse, SQLite, the file system), in Chinese, for the messages people see. The English original goes in the
 * error's detail (for support and the log), never in the message.
 */

const KNOWN: Array<[RegExp, string]> = [
  [/end of central directory record signature not found|invalid comment length|end of central directory/i, '找不到 zip 目录，文件不完整（可能在下载或复制时被截断）'],
  [/invalid (central directory|local) file header signature|invalid relative offset|multi-disk zip|invalid zip64/i, 'zip 目录已损坏'],
  [/encrypted entries not supported|encrypted/i, '文件设置了打开密码，请先在 Excel/WPS 中取消密码后另存'],
  [/unexpected end of file|unexpected eof|premature close/i, '文件在中途结束，内容不完整'],
  [/invalid (stored block lengths|block type|distance|code lengths set|literal\/lengths set|distances set)|too many length|incorrect header check|incorrect data check/i, '压缩数据已损坏'],
  [/invalid record length/i, '这一行的列数与表头不一致'],
  [/quote not closed|invalid closing quote|invalid opening quote/i, '引号没有成对闭合'],
  [/file is not a database|not a database/i, '不是本程序的数据库文件，或文件已损坏'],
  [/database disk image is malformed/i, '数据库文件已损坏'],
  [/database is locked|sqlite_busy/i, '数据库正被另一个程序占用'],
  [/unable to open database file|sqlite_cantopen/i, '无法打开数据库文件（路径不存在或没有权限）'],
  [/enospc|no space left/i, '磁盘空间不足'],
  [/eacces|eperm|permission denied|operation not permitted/i, '没有读写权限'],
  [/enoent|no such file or directory/i, '文件或文件夹不存在'],
  [/erofs|read-only file system/i, '磁盘是只读的'],
];

/** What a library's message means in Chinese, when it is one known here (the original belongs in the error's detail). */
export function knownLibraryReasonZh(error: unknown): string | null {
  const raw = String((error as Error)?.message ?? error);
  return KNOWN.find(([pattern]) => pattern.test(raw))?.[1] ?? null;
}
