import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import { seededRandom } from '../../electron/backend/demo/random';
import { zipBomb } from '../helpers/hostile-files';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Where screenshots go when SCREENSHOTS is set (to look at, never committed), at a laptop's and a big screen's size. */
const SHOTS = process.env.SCREENSHOTS;

async function screenshots(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
  }
}

/** An Excel 97–2003 return (BIFF8, written by SheetJS) for the demo jurisdiction, with a merged title and a 合计 row. */
function writeXlsReturn(file: string): number {
  const rng = seededRandom(97);
  const rows = [
    ['吴江区2025年1-6月外商直接投资到位情况表'],
    ['填报单位：吴江区商务局', null, null, null, null, '统计期：2025年1-6月'],
    ['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '合同外资（万美元）', '实际使用外资（万美元）', '到资日期'],
    ['吴江旧格式甲电子有限公司', fakeUscc(rng, '320509'), '香港', 'C3982', '新设立', 1200.5, 300.25, '2025-02-10'],
    ['吴江旧格式乙精密有限公司', fakeUscc(rng, '320509'), '新加坡', '3670', '增资', 800, 450, '2025-03-12'],
    ['合计', null, null, null, null, 2000.5, 750.25],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [XLSX.utils.decode_range('A1:H1')];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '到资情况');
  fs.writeFileSync(file, XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
  return 2;
}

test('an .xls return is previewed and imported through the wizard; a zip bomb is refused and the app goes on', async ({ page, app }) => {
  const xls = path.join(app.dir, '吴江区2025年上半年.xls');
  const good = writeXlsReturn(xls);
  await page.goto(`${app.url}#/stats?tab=import`);
  await expect(page.getByTestId('page-title').first()).toHaveText('外资统计');

  const bomb = path.join(app.dir, '压缩炸弹.xlsx');
  zipBomb(bomb, 200 * 2 ** 20);
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(bomb);
  await expect(page.getByText(/压缩炸弹\.xlsx.*超过 100 倍的上限/).first()).toBeVisible({ timeout: 30_000 });
  await screenshots(page, 'xls-bomb');

  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(xls);
  await expect(page.getByTestId('fdi-counts')).toHaveText(`数据 ${good} 行：无误 ${good} 行，有错 0 行；跳过 1 行（空行、合计、注释等）`, { timeout: 30_000 });
  await expect(page.getByTestId('fdi-district')).toContainText('吴江区');
  await screenshots(page, 'xls-preview');
  await page.getByTestId('fdi-commit').click();
  await expect(page.getByTestId('fdi-result-rows')).toHaveText(`导入 ${good} 条记录，跳过 1 行（合计、注释等）`, { timeout: 30_000 });
  const listed = await app.cli(['batches', '--db', app.dbPath, '--json']);
  expect(JSON.parse(listed.stdout).batches[0]).toMatchObject({ fileName: '吴江区2025年上半年.xls', rows: good });
});
