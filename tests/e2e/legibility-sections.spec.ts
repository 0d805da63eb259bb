import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeRecords, writeReturnXlsx } from '../helpers/fdi-fixtures';
import { expect, test } from './fixtures';
import { expectLegible, seen, windowBox } from './seen';

/**
 * Each section at 1366×768, the common bureau laptop and projector: its key headers, figures and controls inside the
 * window (for tables: the key column's header ends before the window's right edge), at least 12 px and uncovered.
 * The chain map, meeting mode and home page are measured in legibility.spec.ts.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const header = (table: Locator, name: string | RegExp) => table.getByRole('columnheader', { name });

/** Picks an option of an antd Select (the dropdown lives in a portal at the end of the body). */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
}

/** The controls sit in one row: their vertical centres within a few pixels of each other. */
async function expectOneRow(locators: Locator[]) {
  const centres = (await Promise.all(locators.map((l) => seen(l)))).map(([s]) => Math.round(s!.y + s!.height / 2));
  expect(Math.max(...centres) - Math.min(...centres), 'the filters sit in one row').toBeLessThanOrEqual(4);
}

async function open(page: Page, url: string, hash: string, title: string) {
  await page.goto(`${url}#/${hash}`);
  await expect(page.getByTestId('page-title').first()).toHaveText(title);
}

test('外资统计: 实际使用外资 in view beside frozen labels; the column chooser remembers its choice per table', async ({ page, app }) => {
  await open(page, app.url, 'stats', '外资统计');
  const summary = page.getByTestId('stats-table-summary');
  await expect(summary.getByTestId('cell-total-actualFdi-current')).toBeVisible();
  await expectLegible(page, [
    page.getByTestId('stats-range'),
    page.getByTestId('stats-export'),
    page.getByTestId('stats-scope'),
    page.getByTestId('stats-rule'),
    page.getByTestId('stats-comparable'),
    page.getByTestId('stats-currency'),
    page.getByTestId('stats-columns-summary'),
    summary.getByTestId('header-actualFdi'),
    summary.getByTestId('cell-total-actualFdi-current'),
    summary.getByTestId('cell-total-actualFdi-share'),
  ]);
  // 总表 prints no codes: no empty 代码 column; 分行业 does
  await expect(header(summary, '代码')).toHaveCount(0);
  await page.getByTestId('stats-tabs').getByRole('tab', { name: '分行业' }).click();
  const industry = page.getByTestId('stats-table-industry');
  await expectLegible(page, [header(industry, '代码'), industry.getByTestId('header-actualFdi'), industry.getByTestId('cell-total-actualFdi-current')]);

  // 上年同期 hidden in 分行业 only, and still hidden after a reload
  await page.getByTestId('stats-columns-industry').click();
  await page.getByTestId('stats-columns-industry-panel').getByLabel('上年同期').uncheck();
  await expect(industry.getByTestId('cell-total-actualFdi-prior')).toHaveCount(0);
  await page.reload();
  await expect(summary.getByTestId('cell-total-actualFdi-prior')).toBeVisible();
  await page.getByTestId('stats-tabs').getByRole('tab', { name: '分行业' }).click();
  await expect(industry.getByTestId('cell-total-actualFdi-current')).toBeVisible();
  await expect(industry.getByTestId('cell-total-actualFdi-prior')).toHaveCount(0);
  // the last measure left cannot be unticked
  await page.getByTestId('stats-columns-industry').click();
  const panel = page.getByTestId('stats-columns-industry-panel');
  await panel.getByLabel('新设企业数（家）').uncheck();
  await panel.getByLabel('合同外资').uncheck();
  await expect(panel.getByLabel('实际使用外资')).toBeDisabled();
  await expect(industry.getByTestId('header-newEnterprises')).toHaveCount(0);
});

test('项目库: 阶段, 总投资 and 合同外资 in view; one row of filters, the rest folded and shown as tags when set', async ({ page, app }) => {
  await open(page, app.url, 'projects', '项目库');
  const table = page.getByTestId('projects-table');
  await expect(table.getByTestId('project-row').first()).toBeVisible();
  await expectLegible(page, [
    header(table, '项目名称'),
    header(table, '阶段'),
    header(table, '总投资（万美元）'),
    header(table, '合同外资（万美元）'),
    header(table, '准入'),
    table.getByTestId('project-row').first().getByTestId('stage-tag'),
    page.getByTestId('new-project'),
    page.getByTestId('export-projects'),
  ]);
  const row = [page.getByTestId('filter-text'), page.getByTestId('filter-stage'), page.getByTestId('filter-alert'), page.getByTestId('filter-access'), page.getByTestId('more-filters')];
  await expectLegible(page, row);
  await expectOneRow(row);
  await expect(page.getByTestId('more-filters-panel')).toHaveCount(0);

  // a folded filter that is set stays in view as a tag and a count
  await page.getByTestId('more-filters').click();
  await page.getByTestId('filter-district').click();
  const district = (await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().innerText()).trim();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(table).not.toHaveAttribute('data-total', '60');
  await page.getByTestId('more-filters').click();
  await expect(page.getByTestId('more-filters-panel')).toHaveCount(0);
  await expect(page.getByTestId('filter-tag-district')).toHaveText(`区县：${district}`);
  await expect(page.locator('.ant-badge', { has: page.getByTestId('more-filters') }).locator('sup')).toHaveAttribute('title', '1');
  await expectLegible(page, [page.getByTestId('filter-tag-district'), page.getByTestId('clear-filters')]);
  await page.getByTestId('filter-tag-district').locator('.anticon-close').click();
  await expect(page.getByTestId('filter-tags')).toHaveCount(0);
  await expect(page.getByTestId('clear-filters')).toHaveCount(0);

  // saved views, now beside 新建项目: saved, shown chosen while its filters are on, chosen again after a clear
  await choose(page, page.getByTestId('filter-stage'), '签约');
  const signed = await table.getAttribute('data-total');
  await page.getByTestId('save-view').click();
  await page.getByTestId('view-name').fill('签约项目');
  await page.getByTestId('save-view-ok').click();
  await expect(page.getByTestId('view-select')).toContainText('签约项目');
  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('view-select')).not.toContainText('签约项目');
  await choose(page, page.getByTestId('view-select'), '签约项目');
  await expect(table).toHaveAttribute('data-total', signed!);
  await expectLegible(page, [page.getByTestId('view-select'), page.getByTestId('save-view')]);

  // a project's 外资准入 tab opens in its drawer, in view
  await table.getByTestId('project-row').first().click();
  await page.getByTestId('project-drawer').getByRole('tab', { name: '外资准入' }).click();
  await expectLegible(page, [page.getByTestId('policy-computed')]);
});

test('企业库, 设置 (外资准入, 操作记录) and the import screens: headers and buttons in view', async ({ page, app }) => {
  await open(page, app.url, 'enterprises', '企业库');
  const enterprises = page.getByTestId('enterprises-table');
  await expect(enterprises.getByRole('row').nth(1)).toBeVisible();
  await expectLegible(page, [
    page.getByTestId('new-enterprise'),
    page.getByTestId('export-enterprises'),
    ...['企业名称', '统一社会信用代码', '国别（地区）', '行业', '区县'].map((name) => header(enterprises, new RegExp(`^${name}`))),
  ]);

  await open(page, app.url, 'settings', '设置');
  await expectLegible(page, [page.getByTestId('jurisdiction-cascader'), page.getByTestId('save-jurisdiction')]);
  await open(page, app.url, 'settings/policy', '设置');
  const measures = page.getByTestId('measures-table');
  await expectLegible(page, [page.getByTestId('catalogue-import'), ...['序号', '类别', '特别管理措施', '涉及的国民经济行业'].map((name) => measures.locator('th', { hasText: name }))]);
  await open(page, app.url, 'settings/audit', '设置');
  const audit = page.getByTestId('audit-table');
  await expectLegible(page, [
    page.getByTestId('audit-filter-area'),
    page.getByTestId('audit-filter-dates'),
    page.getByTestId('audit-export'),
    ...['时间', '用户', '模块', '操作', '对象', '变更内容'].map((name) => header(audit, name)),
  ]);

  await open(page, app.url, 'stats?tab=import', '外资统计');
  await expectLegible(page, [page.getByTestId('fdi-choose'), page.getByTestId('fdi-template')]);
  // a checked return's findings run far below 768 px; 导入 stays at the window's foot
  const file = await writeReturnXlsx(path.join(app.dir, '吴江区.xlsx'), makeRecords(30, { seed: 5 }), { title: '吴江区外资到资情况', reportingUnit: '吴江区商务局' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('fdi-choose').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('fdi-counts')).toBeVisible();
  expect(await page.locator('html').evaluate((el) => el.scrollHeight)).toBeGreaterThan(768);
  await expectLegible(page, [page.getByTestId('fdi-commit'), page.getByTestId('fdi-queue')]);
  await open(page, app.url, 'stats?tab=batches', '外资统计');
  const batches = page.getByTestId('fdi-batches');
  await expect(batches.getByTestId('undo-1')).toBeVisible();
  await expectLegible(page, [batches.locator('th'), batches.getByTestId('undo-1')]);
});

test.describe('at 125 % zoom (a 1366×768 laptop: a 1093×614 window)', () => {
  test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 });

  test('实际使用外资 and the project amounts in view, frozen labels stay as figures scroll, register filters in one row, file names readable', async ({ page, app }) => {
    await open(page, app.url, 'stats', '外资统计');
    const summary = page.getByTestId('stats-table-summary');
    await expectLegible(page, [summary.getByTestId('header-actualFdi'), summary.getByTestId('cell-total-actualFdi-current'), page.getByTestId('stats-export')]);
    expect(windowBox(page).width).toBe(1093);

    // every column asked for: the figures scroll sideways, 项目 stays where it was
    await page.getByTestId('stats-columns-summary').click();
    await page.getByTestId('stats-columns-summary-panel').getByLabel('上年同期').check();
    await expect(summary.getByTestId('cell-total-actualFdi-prior')).toHaveCount(1);
    // the chooser closes on a click elsewhere, uncovering the table
    await page.getByTestId('page-title').first().click();
    await expect(page.getByTestId('stats-columns-summary-panel')).toBeHidden();
    const label = summary.locator('td', { hasText: '合计' }).first();
    const before = (await seen(label))[0]!;
    const scroller = summary.locator('.ant-table-content, .ant-table-body').first();
    await expect.poll(() => scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expectLegible(page, [summary.getByTestId('cell-total-actualFdi-share'), label]);
    expect((await seen(label))[0]!.x).toBeCloseTo(before.x, 0);

    await open(page, app.url, 'projects', '项目库');
    const table = page.getByTestId('projects-table');
    await expect(table.getByTestId('project-row').first()).toBeVisible();
    await expectLegible(page, [header(table, '阶段'), header(table, '总投资（万美元）'), header(table, '合同外资（万美元）'), page.getByTestId('more-filters')]);

    // the register's filters in one row; the import history leaves room for the file's name
    await open(page, app.url, 'enterprises', '企业库');
    const filters = page.getByTestId('enterprise-filters').locator('> *');
    await expect(filters).toHaveCount(5);
    await expectLegible(page, [filters]);
    await expectOneRow(await filters.all());
    await open(page, app.url, 'stats?tab=batches', '外资统计');
    const file = page.getByTestId('fdi-batches').locator('th', { hasText: '文件' });
    await expectLegible(page, [file, page.getByTestId('fdi-batches').getByTestId('undo-1')]);
    expect((await seen(file))[0]!.width).toBeGreaterThanOrEqual(150);
  });
});
