/**
 * The files the importers read, by how they are read: Excel 2007+ and its templates; Excel 97–2003 (BIFF8), WPS 表格
 * (.et) and their templates; text. The backend goes by a file's first bytes as well (an .xlsx renamed .xls is read as
 * what it is); pickers offer these.
 */
export const WORKBOOK_EXTENSIONS = {
  xlsx: ['xlsx', 'xlsm', 'xltx', 'xltm'],
  xls: ['xls', 'xlt', 'et', 'ett'],
  csv: ['csv', 'tsv'],
} as const;

/** The file chooser's filter for an import. */
export const IMPORT_FILE_FILTER = { name: 'Excel / WPS / CSV', extensions: Object.values(WORKBOOK_EXTENSIONS).flat() };

/** A chosen file's name without its extension (`吴江区.xls` → `吴江区`). */
export function withoutExtension(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}
