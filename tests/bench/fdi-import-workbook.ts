import ExcelJS from 'exceljs';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import { seededRandom } from '../../electron/backend/demo/random';

const COUNTRIES = ['香港', '中国香港', '新加坡', '日本', '韩国', '英属维尔京群岛', '美国', '德国', '中国台湾', '开曼群岛'];
const INDUSTRIES = ['3670', 'C3982', '3972', '6513', 'I6513', '2710', '3562', '7320', '5191', '3911'];
const MODES = ['新设', '新设立', '增资', '追加投资', '并购', '利润再投资'];
export const BENCH_PLATFORMS = ['江海经济技术开发区', '自贸试验区江海片区', '江海综合保税区'];

/**
 * A deterministic FDI return of `records` rows as bureaus send them (title, 填报单位/统计期 line, header with units),
 * written with exceljs's streaming writer. Each row is a distinct enterprise, so nothing is a duplicate.
 */
export async function writeBenchWorkbook(file: string, records: number): Promise<void> {
  const rng = seededRandom(records);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('外资到资');
  sheet.addRow(['江北区2025年1-12月外商直接投资到位情况表']).commit();
  sheet.addRow(['填报单位：江北区商务局', null, null, null, null, '统计期：2025年1-12月']).commit();
  sheet.addRow(['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '合同外资（万美元）', '实际使用外资（万美元）', '到资日期', '所属园区']).commit();
  const used = new Set<string>();
  for (let i = 0; i < records; i++) {
    let uscc = fakeUscc(rng, '320111');
    while (used.has(uscc)) uscc = fakeUscc(rng, '320111');
    used.add(uscc);
    const month = 1 + (i % 12);
    const row = sheet.addRow([
      `江海${i}号精密制造有限公司`,
      uscc,
      COUNTRIES[i % COUNTRIES.length],
      INDUSTRIES[(i >> 1) % INDUSTRIES.length],
      MODES[i % MODES.length],
      rng.int(0, 900000) / 100,
      rng.int(0, 500000) / 100,
      new Date(Date.UTC(2025, month - 1, 1 + (i % 28))),
      i % 4 === 0 ? null : BENCH_PLATFORMS[i % BENCH_PLATFORMS.length],
    ]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
}
