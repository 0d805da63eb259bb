import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Picks an option of an antd Select (the dropdown lives in a portal at the end of the body). */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
}

async function visibleStages(page: Page): Promise<string[]> {
  return page.getByTestId('projects-table').getByTestId('project-row').getByTestId('stage-tag').allTextContents();
}

test('projects: create, log a visit, raise and resolve a problem, move to 签约, filter by stage and alert, export', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}#/projects`);
  await expect(page.getByTestId('page-title')).toHaveText('项目库');
  const table = page.getByTestId('projects-table');
  await expect(table.getByTestId('project-row').first()).toBeVisible();
  const demoTotal = Number(await table.getAttribute('data-total'));
  expect(demoTotal).toBeGreaterThan(40);

  // create
  await page.getByTestId('new-project').click();
  await page.getByTestId('project-name').fill('莱茵精密测试传感器项目');
  await page.getByTestId('project-investor').fill('莱茵精密技术有限公司');
  await page.getByTestId('project-country').click();
  await page.keyboard.type('德国');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^德国$/ }).click();
  await page.getByTestId('project-industry').click();
  await page.keyboard.type('3670');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '3670 汽车零部件及配件制造' }).click();
  await choose(page, page.getByTestId('project-stage'), '洽谈');
  await page.getByTestId('project-total').fill('8800');
  await page.getByTestId('project-owner').fill('周杰');
  await page.getByTestId('project-save').click();
  const drawer = page.getByTestId('project-drawer');
  await expect(drawer.getByTestId('drawer-title')).toContainText('莱茵精密测试传感器项目');
  await expect(drawer.getByTestId('drawer-title').getByTestId('stage-tag')).toHaveText('洽谈');
  await expect(table).toHaveAttribute('data-total', String(demoTotal + 1));

  // log a visit
  await drawer.getByTestId('log-event').click();
  await page.getByTestId('event-notes').fill('上门走访，确认选址意向');
  await page.getByTestId('action-ok').click();
  await expect(drawer.getByTestId('timeline-event').filter({ hasText: '上门走访，确认选址意向' })).toBeVisible();
  await expect(drawer.getByTestId('timeline-event').first()).toContainText('走访');

  // raise a problem already past its due date, then resolve it
  await drawer.getByTestId('raise-issue').click();
  await choose(page, page.getByTestId('issue-category'), '用地');
  await page.getByTestId('issue-description').fill('用地指标尚未落实');
  await page.getByTestId('issue-owner').fill('自然资源和规划局');
  await page.getByTestId('issue-due').click();
  await page.keyboard.type('2024-01-31');
  await page.keyboard.press('Enter');
  await page.getByTestId('action-ok').click();
  await expect(drawer.getByTestId('drawer-title').getByTestId('alert-overdue')).toBeVisible();
  await drawer.getByRole('tab', { name: /问题/ }).click();
  const issue = drawer.getByTestId('issue-item').filter({ hasText: '用地指标尚未落实' });
  await expect(issue).toHaveAttribute('data-status', 'open');
  await expect(issue).toContainText('已逾期');
  await issue.getByTestId('resolve-issue').click();
  await page.getByTestId('issue-resolution').fill('专题协调会调剂用地指标');
  await page.getByTestId('action-ok').click();
  await expect(issue).toHaveAttribute('data-status', 'resolved');
  await expect(issue).toContainText('专题协调会调剂用地指标');
  await expect(drawer.getByTestId('drawer-title').getByTestId('alert-overdue')).toHaveCount(0);

  // move it to 签约
  await drawer.getByTestId('change-stage').click();
  await choose(page, page.getByTestId('stage-select'), '签约');
  await page.getByTestId('action-ok').click();
  await expect(drawer.getByTestId('drawer-title').getByTestId('stage-tag')).toHaveText('签约');
  await drawer.getByRole('tab', { name: '修改记录' }).click();
  await expect(drawer.getByTestId('audit-history')).toContainText('变更阶段');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // the list row was patched in place
  const row = table.getByTestId('project-row').filter({ hasText: '莱茵精密测试传感器项目' });
  await expect(row.getByTestId('stage-tag')).toHaveText('签约');

  // filter by stage: only 签约 rows, ours among them
  await choose(page, page.getByTestId('filter-stage'), '签约');
  await page.keyboard.press('Escape');
  await expect(row).toBeVisible();
  await expect.poll(async () => new Set(await visibleStages(page))).toEqual(new Set(['签约']));
  const signedTotal = Number(await table.getAttribute('data-total'));
  expect(signedTotal).toBeLessThan(demoTotal);
  const cli = await app.cli(['projects', 'list', '--db', app.dbPath, '--json', '--stage', 'signed']);
  expect(JSON.parse(cli.stdout).projects).toHaveLength(signedTotal);

  // filter by alert: every row shows the alert
  await page.getByTestId('clear-filters').click();
  await expect(table).toHaveAttribute('data-total', String(demoTotal + 1));
  await choose(page, page.getByTestId('filter-alert'), '问题逾期');
  await page.keyboard.press('Escape');
  await expect.poll(async () => Number(await table.getAttribute('data-total'))).toBeLessThan(demoTotal);
  const alertRows = table.getByTestId('project-row');
  await expect(alertRows.first()).toBeVisible();
  const shown = await alertRows.count();
  expect(shown).toBeGreaterThan(0);
  await expect(table.getByTestId('project-row').getByTestId('alert-overdue')).toHaveCount(shown);
  await expect(row).toHaveCount(0); // ours was resolved

  // export the list: a real, non-empty xlsx
  const download = page.waitForEvent('download');
  await page.getByTestId('export-projects').click();
  await page.getByTestId('export-list').click();
  const file = await (await download).path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(2000);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(errors).toEqual([]);
});

test('projects: the table loads pages as it scrolls, down to the last row', async ({ page, app }) => {
  // 320 more projects, imported through the CLI beside the running app: the list spans four pages
  const file = path.join(app.dir, '批量项目.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['项目名称', '国别', '项目阶段', '总投资（万美元）']);
  for (let i = 0; i < 320; i++) sheet.addRow([`批量项目${String(i).padStart(3, '0')}`, '新加坡', i % 2 ? '在谈' : '已签约', 100 + i]);
  await workbook.xlsx.writeFile(file);
  const imported = await app.cli(['import', 'projects', file, '--db', app.dbPath, '--json']);
  expect(imported.code, imported.stderr).toBe(0);

  await page.goto(`${app.url}#/projects`);
  const table = page.getByTestId('projects-table');
  await page.getByTestId('filter-text').locator('input').fill('批量项目');
  await expect(table).toHaveAttribute('data-total', '320');
  await page.getByTestId('sort-name').click(); // newest first → by name, descending
  await page.getByTestId('sort-name').click(); // → ascending
  await expect(table.getByTestId('project-row').first()).toContainText('批量项目000');
  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table.getByTestId('project-row').filter({ hasText: /批量项目1[5-6]\d/ }).first()).toBeVisible();
  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByTestId('project-row').filter({ hasText: '批量项目319' })).toBeVisible();
  await expect(table.getByTestId('project-row-loading')).toHaveCount(0);
  // rows in the DOM are only those near the view, not all 320
  expect(await table.getByTestId('project-row').count()).toBeLessThan(120);
});
