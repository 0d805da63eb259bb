/**
 * Issue 12 in the window: the first return on an empty database, with a two-row header and parks nobody set up,
 * imports through the wizard once the proposed names are confirmed; a double-clicked 导入 imports once (issue 15);
 * the result card stays. Screenshots at 1366×768 and 1920×1080 go to test-results (not committed) to be looked at.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { layoutReturn, writeBureauReturn } from '../helpers/bureau-return';
import { FIXTURE_PLATFORMS, makeRecords } from '../helpers/fdi-fixtures';
import { expect, SCREEN_SIZES, shootAtSizes, test } from './fixtures';

// each test starts a server and runs the command line beside it: slow on a loaded machine, not stuck
test.describe.configure({ timeout: 240_000 });

const shoot = (page: Page, name: string) => shootAtSizes(page, name, { fullPage: true });

test('a two-row-header return with unknown parks imports into an empty database through the wizard', async ({ page, emptyApp: app }) => {
  const records = makeRecords(18, { seed: 77 });
  const laid = layoutReturn(records, { levels: 2, title: '2025年1-9月外商投资企业到资情况表', groups: 2, numbering: true, extraColumns: true, badTotal: { group: 'grand', delta: 3 } });
  const file = await writeBureauReturn(path.join(app.dir, '吴江区2025年1-9月.xlsx'), laid, 'excel');
  await page.setViewportSize(SCREEN_SIZES[0]!);
  await page.goto(`${app.url}#/stats?tab=import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(file);

  // the header block, the columns left out, the 合计 that disagrees, the names to confirm
  await expect(page.getByTestId('fdi-counts')).toHaveText(`数据 ${records.length} 行：无误 ${records.length} 行，有错 0 行；跳过 ${laid.skipped} 行（空行、合计、注释等）`, { timeout: 60_000 });
  await expect(page.getByTestId('fdi-header-rows')).toContainText(`表头在第 ${laid.headerRows.join('、')} 行`);
  await expect(page.getByTestId('fdi-totals')).toContainText('有 1 处与明细行之和不符');
  await expect(page.getByTestId('fdi-totals')).toContainText(`第 ${laid.mismatch!.row} 行合计`);
  const unknown = page.getByTestId('fdi-unknown-places');
  await expect(unknown).toContainText('吴江区');
  const parks = [...new Set(records.map((r) => r.cells.platform).filter(Boolean))];
  for (const park of parks) await expect(unknown).toContainText(park);
  await expect(page.getByTestId('fdi-district')).toContainText('吴江区');
  const commit = page.getByTestId('fdi-commit');
  await shoot(page, 'fdi-preview');
  await page.setViewportSize(SCREEN_SIZES[0]!);

  // the proposed names confirmed as they are, and 导入 double-clicked
  await commit.dblclick();
  const result = page.getByTestId('fdi-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('fdi-result-rows').first()).toContainText(`导入 ${records.length} 条记录`);
  await expect(result.getByTestId('fdi-result-totals')).toContainText('有 1 处与明细行之和不符');
  await expect(result.getByTestId('fdi-result-added')).toContainText('吴江区');
  await expect(page.locator('.ant-alert-error')).toHaveCount(0);
  await shoot(page, 'fdi-result');

  const batches = JSON.parse((await app.cli(['batches', '--db', app.dbPath, '--json'])).stdout).batches;
  expect(batches.map((b: { fileName: string; records: number; district: string }) => [b.fileName, b.records, b.district])).toEqual([['吴江区2025年1-9月.xlsx', records.length, '吴江区']]);
  const platforms = JSON.parse((await app.cli(['platforms', 'list', '--db', app.dbPath, '--json'])).stdout).platforms;
  expect(platforms.map((p: { name: string; type: string }) => [p.name, p.type])).toEqual(parks.map((name) => [name, FIXTURE_PLATFORMS.find(([n]) => n === name)![1]]));

  // the result card links to the tables for the batch's months
  await result.getByTestId('fdi-result-tables').click();
  await expect(page).toHaveURL(/#\/stats\?tab=tables&from=2025-01&to=2025-09$/);
  await expect(page.getByText('2025年1-9月').first()).toBeVisible();
});

test('the same file again is one line, and undo-and-replace imports it once more', async ({ page, emptyApp: app }) => {
  const records = makeRecords(6, { seed: 78 });
  const laid = layoutReturn(records, { levels: 2, title: '2025年1-9月外资到资表' });
  const file = await writeBureauReturn(path.join(app.dir, '相城区.xlsx'), laid, 'wps');
  expect((await app.cli(['import', 'fdi', file, '--db', app.dbPath, '--add-unknown', '--json'])).code).toBe(0);
  await page.goto(`${app.url}#/stats?tab=import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(file);
  const already = page.getByTestId('fdi-already-imported');
  await expect(already).toContainText('这个文件已于第 1 批导入', { timeout: 60_000 });
  await expect(page.getByTestId('fdi-problems')).not.toContainText('DUPLICATE');
  await expect(page.getByTestId('fdi-commit')).toBeDisabled();
  await page.getByTestId('fdi-replace').click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('fdi-result')).toContainText('已撤销并替换第 1 批', { timeout: 60_000 });
  const batches = JSON.parse((await app.cli(['batches', '--db', app.dbPath, '--json'])).stdout).batches;
  expect(batches.map((b: { id: number; records: number; undoneAt: string | null }) => [b.id, b.records, b.undoneAt === null])).toEqual([[2, records.length, true], [1, 0, false]]);
});
