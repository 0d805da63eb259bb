import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { FIRST_DATA_ROW } from '../../electron/backend/stats/export/layout';
import { expect, test } from './fixtures';

const amount = (text: string) => Number(text.replace(/,/g, ''));

test('外资统计: a chosen range shows the stats CLI numbers, a row opens its records, export downloads the workbook', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('main-menu').getByText('外资统计', { exact: true }).click();
  await expect(page.getByTestId('page-title')).toHaveText('外资统计');
  await expect(page.getByTestId('stats-table-summary')).toBeVisible();

  // choose last year's January to December in the month range picker
  const year = new Date().getFullYear() - 1;
  const [from, to] = [`${year}-01`, `${year}-12`];
  const inputs = page.getByTestId('stats-range').locator('input');
  await inputs.first().click();
  await inputs.first().fill(from);
  await inputs.first().press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await expect(page.getByTestId('stats-label')).toContainText(`${year}年1-12月`);

  const cli = await app.cli(['stats', '--db', app.dbPath, '--from', from, '--to', to, '--json']);
  expect(cli.code, cli.stderr).toBe(0);
  const stats = JSON.parse(cli.stdout);
  expect(stats.totals.actualFdi).toBeGreaterThan(0);
  const cell = (key: string, field: string) => page.getByTestId(`stats-table-summary`).getByTestId(`cell-${key}-${field}`);
  await expect(cell('total', 'actualFdi-current')).toHaveText(/\d/);
  expect(amount(await cell('total', 'actualFdi-current').innerText())).toBe(stats.totals.actualFdi);
  expect(amount(await cell('total', 'contractedFdi-current').innerText())).toBe(stats.totals.contractedFdi);
  expect(amount(await cell('total', 'newEnterprises-current').innerText())).toBe(stats.totals.newEnterprises);
  expect(amount(await cell('total', 'actualFdi-prior').innerText())).toBe(stats.totals.prior.actualFdi);
  expect(amount(await cell('highTech', 'actualFdi-current').innerText())).toBe(stats.totals.highTechActualFdi);

  // 分国别: the 港澳台 row opens the records behind it
  await page.getByTestId('stats-tabs').getByRole('tab', { name: '分国别（地区）' }).click();
  const hmt = stats.byGroup.find((g: { code: string }) => g.code === 'HMT');
  const row = page.getByTestId('stats-table-country').getByTestId('cell-group:HMT-actualFdi-current');
  expect(amount(await row.innerText())).toBe(hmt.actualFdi);
  await row.click();
  await expect(page.getByTestId('records-summary')).toContainText(`实际使用外资 ${hmt.actualFdi.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  await expect(page.getByTestId('records-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await page.keyboard.press('Escape');

  // 分区县: the district check says whether the districts add up
  await page.getByTestId('stats-tabs').getByRole('tab', { name: '分区县' }).click();
  await expect(page.getByTestId('district-check')).toContainText('各区县之和等于合计');

  // export: a job, then a download of a real workbook with the six tables
  const download = page.waitForEvent('download');
  await page.getByTestId('stats-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`外资统计表_${year}年1-12月.xlsx`);
  const saved = await file.path();
  expect(fs.statSync(saved).size).toBeGreaterThan(5000);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['总表', '分行业', '分国别（地区）', '分投资方式', '分区县', '分园区']);
  expect(wb.getWorksheet('总表')!.getCell(FIRST_DATA_ROW, 9).value).toBe(stats.totals.actualFdi);
  await expect(page.getByText(`已导出 外资统计表_${year}年1-12月.xlsx`)).toBeVisible();
});
