import { createHash } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { CatalogueImport, EncouragedCatalogue, EncouragedItem } from '../../../shared/api/policy';
import { writeAudit } from '../audit';
import type { BackendContext } from '../context';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { HEADER_FILL } from '../projects/xlsxCells';
import { CATALOGUE_COLUMNS, readCatalogue } from './catalogue-read';
import { ITEM_SELECT, toItem } from './status';

/**
 * Starts a job that reads a 鼓励外商投资产业目录 workbook and (unless `check`) stores it as the active catalogue,
 * all or nothing: a file with any problem is refused with every problem listed. Older catalogues stay, inactive, so
 * the items people confirmed keep their wording.
 */
export function startCatalogueImport(ctx: BackendContext, fileId: string, version: string, check: boolean): string {
  const file = ctx.files.get(fileId);
  return ctx.jobs.start('policy.importCatalogue', async (job): Promise<CatalogueImport> => {
    job.progress(null, '正在读取目录');
    const found = await readCatalogue(ctx.db, file.path, file.name, job);
    const counts = { national: found.items.filter((i) => i.part === 'national').length, regional: found.items.filter((i) => i.part === 'regional').length };
    const result: CatalogueImport = { fileName: file.name, sheet: found.sheet, items: found.items.length, ...counts, problems: found.problems, catalogueId: null };
    if (check) return result;
    if (found.problems.length) throw new AppError('IMPORT_REFUSED', `${found.problems.length} 处错误，未导入任何条目`, found.problems);
    if (found.items.length === 0) throw new AppError('IMPORT_REFUSED', '文件中没有目录条目');
    job.throwIfCancelled();
    const hash = createHash('sha256').update(fs.readFileSync(file.path)).digest('hex');
    const user = ctx.userName();
    const db = ctx.db;
    const catalogueId = db.transaction(() => {
      db.prepare('UPDATE encouraged_catalogue SET active = 0').run();
      const id = Number(
        db
          .prepare('INSERT INTO encouraged_catalogue (version, file_name, file_hash, items, active, imported_at, imported_by) VALUES (?, ?, ?, ?, 1, ?, ?)')
          .run(version, file.name, hash, found.items.length, new Date().toISOString(), user).lastInsertRowid,
      );
      const item = db.prepare('INSERT INTO encouraged_item (catalogue_id, part, region_code, region_name, section, no, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const code = db.prepare('INSERT INTO encouraged_item_class (item_id, industry_code) VALUES (?, ?)');
      for (const i of found.items) {
        const itemId = item.run(id, i.part, i.regionCode, i.regionName, i.section, i.no, i.text).lastInsertRowid;
        for (const c of i.codes) code.run(itemId, c);
      }
      writeAudit(db, { user, action: 'import', entity: 'encouraged_catalogue', entityId: id, after: { version, file: file.name, sha256: hash, items: found.items.length, ...counts } });
      return id;
    })();
    return { ...result, catalogueId };
  });
}

export function listCatalogues(db: Db): EncouragedCatalogue[] {
  return (
    db
      .prepare(
        `SELECT k.*, (SELECT count(*) FROM encouraged_item WHERE catalogue_id = k.id AND part = 'national') AS national,
                (SELECT count(*) FROM encouraged_item WHERE catalogue_id = k.id AND part = 'regional') AS regional
         FROM encouraged_catalogue k ORDER BY k.id DESC`,
      )
      .all() as { id: number; version: string; file_name: string; items: number; national: number; regional: number; active: number; imported_at: string; imported_by: string }[]
  ).map((k) => ({
    id: k.id,
    version: k.version,
    fileName: k.file_name,
    items: k.items,
    national: k.national,
    regional: k.regional,
    active: k.active === 1,
    importedAt: k.imported_at,
    importedBy: k.imported_by,
  }));
}

/** Items of the active catalogue whose text, section or region contains the words (all of them). */
export function searchCatalogue(db: Db, text: string, limit: number): EncouragedItem[] {
  const words = text.normalize('NFKC').split(/\s+/).filter(Boolean).slice(0, 5);
  const params: Record<string, unknown> = { limit };
  const where = words.map((w, i) => ((params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), `(i.text || i.section || i.region_name) LIKE @w${i} ESCAPE '\\'`));
  return (db.prepare(`${ITEM_SELECT} WHERE k.active = 1 ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY i.part, i.id LIMIT @limit`).all(params) as Parameters<typeof toItem>[0][]).map(
    toItem,
  );
}

/** The import template: the columns, and a sheet that says how to fill them. No catalogue content: that is the bureau's. */
export async function writeCatalogueTemplate(ctx: BackendContext): Promise<{ fileId: string; name: string }> {
  const name = '鼓励外商投资产业目录_导入模板.xlsx';
  const path = ctx.files.outputPath(name);
  const book = new ExcelJS.Workbook();
  book.creator = '外资工作台';
  const sheet = book.addWorksheet('鼓励类目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CATALOGUE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'text' ? 80 : c.key === 'codes' ? 22 : 16 }));
  sheet.getRow(1).eachCell((cell) => ((cell.font = { bold: true }), (cell.fill = HEADER_FILL)));
  const help = book.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  [
    '按现行《鼓励外商投资产业目录》原文逐条填写，每个条目一行；不要改写条目文字。',
    '目录部分：填“全国”或“中西部等地区”；留空时，填了地区的按中西部等地区目录，否则按全国目录。',
    '地区：中西部等地区目录的省份（如“山西省”或“山西”）；全国目录留空。',
    '门类：条目所属的门类或章节（如“一、农、林、牧、渔业”）；也可把门类、省份作为单独一行写在条目上方，其下各行沿用。',
    '序号：目录原文中的条目编号。',
    '国民经济行业代码：条目对应的 GB/T 4754-2017 行业代码（大类2位、中类3位或小类4位），多个用顿号分隔；可留空，留空的条目只能通过检索选用。',
    '导入时任何一行有错误，整个文件都不会导入，并列出全部问题。',
  ].forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  await book.xlsx.writeFile(path);
  return { fileId: ctx.files.register(path, name).fileId, name };
}
