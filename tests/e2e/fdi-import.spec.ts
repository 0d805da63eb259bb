import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import { seededRandom } from '../../electron/backend/demo/random';
import { expect, test } from './fixtures';

/** A district return for the demo jurisdiction (苏州): title, 填报单位, units in the headers, a 合计 row, one bad row. */
async function writeReturn(file: string): Promise<{ good: number; badRow: number }> {
  const rng = seededRandom(2025);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('到资情况');
  sheet.addRow(['吴江区2025年1-6月外商直接投资到位情况表']);
  sheet.addRow(['填报单位：吴江区商务局', null, null, null, null, '统计期：2025年1-6月']);
  sheet.addRow(['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '合同外资（万美元）', '实际使用外资（万美元）', '到资日期', '所属园区']);
  const rows: unknown[][] = [
    ['吴江端到端甲电子有限公司', fakeUscc(rng, '320509'), '香港', 'C3982', '新设立', 1200.5, 300.25, '2025-02-10', '吴江经济技术开发区'],
    ['吴江端到端乙精密有限公司', fakeUscc(rng, '320509'), '新加坡', '3670', '增资', 800, 450, '2025年3月', null],
    ['吴江端到端丙软件有限公司', fakeUscc(rng, '320509'), '日本', '6513', '利润再投资', 0, 120.75, '2025/4/18', null],
    ['吴江端到端丁材料有限公司', fakeUscc(rng, '320509'), '火星', '2710', '并购', 500, 200, '2025-05-06', null],
  ];
  for (const r of rows) sheet.addRow(r);
  sheet.addRow(['合计', null, null, null, null, 2500.5, 1071]);
  await workbook.xlsx.writeFile(file);
  return { good: 3, badRow: 7 };
}

test('a district return is checked, its problem shown, imported (clean rows only), listed and undone', async ({ page, app }) => {
  const file = path.join(app.dir, '吴江区外资到资.xlsx');
  const { good, badRow } = await writeReturn(file);
  await page.goto(`${app.url}#/stats?tab=import`);
  await expect(page.getByTestId('page-title').first()).toHaveText('外资统计');

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(file);

  // the check: what was found, the district from 填报单位, the bad row named with its column and value
  await expect(page.getByTestId('fdi-counts')).toHaveText(`数据 ${good + 1} 行：无误 ${good} 行，有错 1 行；跳过 1 行（空行、合计、注释等）`, { timeout: 30_000 });
  await expect(page.getByTestId('fdi-district')).toContainText('吴江区');
  const problems = page.getByTestId('fdi-problems');
  await expect(problems).toContainText(String(badRow));
  await expect(problems).toContainText('国别（地区）');
  await expect(problems).toContainText('火星');
  await expect(problems).toContainText('COUNTRY_UNKNOWN');

  // refused while there is an error, until the user chooses to import only the clean rows
  await expect(page.getByTestId('fdi-commit')).toBeDisabled();
  await page.getByTestId('fdi-allow-partial').click();
  await page.getByTestId('fdi-commit').click();
  await expect(page.getByTestId('fdi-result-rows')).toHaveText(`导入 ${good} 条记录，跳过 1 行（合计、注释等），有错未导入 1 行`, { timeout: 30_000 });

  // the records are in the database, and the batch is in the history
  const listed = await app.cli(['batches', '--db', app.dbPath, '--json']);
  const batch = JSON.parse(listed.stdout).batches[0];
  expect(batch).toMatchObject({ fileName: '吴江区外资到资.xlsx', rows: good, rejectedRows: 1, records: good, district: '吴江区' });
  await page.getByRole('tab', { name: '导入记录' }).click();
  const history = page.getByTestId('fdi-batches');
  await expect(history).toContainText('吴江区外资到资.xlsx');
  await expect(history).toContainText('吴江区');

  // undo from the history
  await page.getByTestId(`undo-${batch.id}`).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(`已撤销第 ${batch.id} 批：删除 ${good} 条记录`)).toBeVisible();
  const after = JSON.parse((await app.cli(['batches', '--db', app.dbPath, '--json'])).stdout).batches[0];
  expect(after).toMatchObject({ id: batch.id, records: 0, undoneAt: expect.any(String) });
  expect(fs.existsSync(file)).toBe(true);
});

test('the import template downloads and, filled in, reads back', async ({ page, app }) => {
  await page.goto(`${app.url}#/stats?tab=import`);
  const download = page.waitForEvent('download');
  await page.getByTestId('fdi-template').click();
  const saved = path.join(app.dir, 'template.xlsx');
  await (await download).saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  const sheet = workbook.getWorksheet('外资统计')!;
  expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual(['企业名称', '统一社会信用代码']);
  const rng = seededRandom(7);
  sheet.getCell('A2').value = '填报单位：相城区商务局';
  sheet.getRow(4).values = ['相城模板甲有限公司', fakeUscc(rng, '320507'), '某某控股', '德国', '3670', '新设', 100, 50, '2025-01-15'];
  sheet.getRow(5).values = ['相城模板乙有限公司', fakeUscc(rng, '320507'), '某某控股', '韩国', '3982', '增资', 60, 60, '2025-02-15'];
  const filled = path.join(app.dir, '相城区模板.xlsx');
  await workbook.xlsx.writeFile(filled);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(filled);
  await expect(page.getByTestId('fdi-counts')).toHaveText('数据 2 行：无误 2 行，有错 0 行；跳过 0 行（空行、合计、注释等）', { timeout: 30_000 });
  await expect(page.getByTestId('fdi-district')).toContainText('相城区');
  await page.getByText('前几行（换算为万美元后）').click();
  await expect(page.getByTestId('fdi-sample')).toContainText('相城模板乙有限公司');
  await page.getByTestId('fdi-commit').click();
  await expect(page.getByTestId('fdi-result-rows')).toContainText('导入 2 条记录', { timeout: 30_000 });
});

/** A clean return of `count` firms for one district of the demo jurisdiction. */
async function districtReturn(file: string, district: string, division: string, count: number, seed: number): Promise<void> {
  const rng = seededRandom(seed);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('到资');
  sheet.addRow([`填报单位：${district}商务局`]);
  sheet.addRow(['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '合同外资（美元）', '实际使用外资（美元）', '到资日期']);
  for (let i = 0; i < count; i++) sheet.addRow([`${district}汇总${i}号有限公司`, fakeUscc(rng, division), '香港', '3670', '新设', 1_000_000 + i, 500_000, '2025-03-01']);
  await workbook.xlsx.writeFile(file);
}

test('two district returns are consolidated in one go, a batch each with its district', async ({ page, app }) => {
  const wujiang = path.join(app.dir, '吴江区.xlsx');
  const xiangcheng = path.join(app.dir, '相城区.xlsx');
  await districtReturn(wujiang, '吴江区', '320509', 3, 11);
  await districtReturn(xiangcheng, '相城区', '320507', 2, 12);
  await page.goto(`${app.url}#/stats?tab=import`);
  for (const [file, rows] of [[wujiang, 3], [xiangcheng, 2]] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('fdi-choose').click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('fdi-counts')).toContainText(`无误 ${rows} 行`, { timeout: 30_000 });
    if (file === wujiang) await page.getByTestId('fdi-queue').click();
  }
  await expect(page.getByTestId('fdi-queued')).toContainText('吴江区.xlsx：吴江区，3 行');
  await page.getByTestId('fdi-commit').click();
  await expect(page.getByTestId('fdi-result-rows')).toHaveText(['导入 3 条记录，跳过 0 行（合计、注释等）', '导入 2 条记录，跳过 0 行（合计、注释等）'], { timeout: 30_000 });
  const batches = JSON.parse((await app.cli(['batches', '--db', app.dbPath, '--json'])).stdout).batches;
  expect(batches.slice(0, 2).map((b: { fileName: string; district: string; records: number; unit: string }) => [b.fileName, b.district, b.records, b.unit])).toEqual([
    ['相城区.xlsx', '相城区', 2, '美元'],
    ['吴江区.xlsx', '吴江区', 3, '美元'],
  ]);
});
