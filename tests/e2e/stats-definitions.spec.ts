import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeRecords, writeReturnXlsx } from '../helpers/fdi-fixtures';
import { expect, test, type AppServer } from './fixtures';

const amount = (text: string) => Number(text.replace(/,/g, ''));

/** A method of the running app, as the renderer calls it (browser mode's HTTP API with the run's token). */
async function api(app: AppServer, method: string, input: unknown): Promise<unknown> {
  const url = new URL(app.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

const total = (page: Page) => page.getByTestId('stats-table-summary').getByTestId('cell-total-actualFdi-current');

test('外资统计: scope, 口径, comparable 同比 and 人民币 equal the CLI; a record opens its row as it was in the file', async ({ page, app }) => {
  test.setTimeout(240_000);
  const year = new Date().getFullYear() - 1;
  const [from, to] = [`${year}-01`, `${year}-09`];
  // a district that reports this year only: its return imported from a file, none the year before
  await api(app, 'settings.saveDistrict', { name: '新港区' });
  const records = makeRecords(20, { seed: 11, prefix: '新港', textDates: true }).map((r) => ({ ...r, cells: { ...r.cells, date: String(r.cells.date).replace('2025', String(year)), platform: '' } }));
  const file = await writeReturnXlsx(path.join(app.dir, '新港区.xlsx'), records, { title: '新港区外资到资情况', reportingUnit: '新港区商务局' });
  const imported = await app.cli(['import', 'fdi', file, '--db', app.dbPath, '--district', '新港区', '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const cli = async (...flags: string[]) => {
    const r = await app.cli(['stats', '--db', app.dbPath, '--from', from, '--to', to, ...flags, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  await page.goto(`${app.url}#/stats?from=${from}&to=${to}`);
  await expect(page.getByTestId('stats-basis')).toHaveText('口径：全口径；境内再投资不计入');
  expect(amount(await total(page).innerText())).toBe((await cli()).totals.actualFdi);
  // the prior period lacks 新港区: said above the tables and beside 同比
  await expect(page.getByTestId('stats-missing-prior')).toContainText('新港区');
  await expect(page.getByTestId('yoy-warning').first()).toBeVisible();

  await pick(page, 'stats-scope', '不含银行、证券、保险');
  await expect(page.getByTestId('stats-basis')).toContainText('不含银行、证券、保险');
  const excl = await cli('--scope', 'excl-finance');
  await expect(total(page)).toHaveText(excl.totals.actualFdi.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
  await pick(page, 'stats-rule', '境内再投资全额计入');
  const included = await cli('--scope', 'excl-finance', '--domestic-reinvestment', 'included');
  await expect(total(page)).toHaveText(included.totals.actualFdi.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
  expect(included.totals.domesticReinvestment).toBe('included');

  await page.getByTestId('stats-comparable').click();
  const comparable = await cli('--scope', 'excl-finance', '--domestic-reinvestment', 'included', '--comparable');
  // 新港区, and whichever demo districts happen to have no records in the prior months
  expect(comparable.coverage.missingPrior).toContain('新港区');
  expect(comparable.coverage.missingPrior).toEqual(included.coverage.missingPrior);
  await expect(total(page)).toHaveText(comparable.totals.actualFdi.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
  await expect(page.getByTestId('stats-missing-prior')).toHaveCount(0);
  await expect(page.getByTestId('stats-coverage')).toContainText(`未含 ${comparable.coverage.missingPrior.join('、')}`);
  await page.getByTestId('stats-comparable').click();

  // 分区县 › 新港区: its records, each with its file row; opened, the row's cells as written
  await page.getByTestId('stats-tabs').getByRole('tab', { name: '分区县' }).click();
  await page.getByTestId('stats-table-district').locator('tr', { hasText: '新港区' }).first().click();
  await expect(page.getByTestId('record-source').first()).toContainText('新港区.xlsx');
  await page.getByTestId('records-table').locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)').first().click();
  const cells = page.getByTestId('record-cells');
  await expect(cells).toContainText('企业名称');
  const first = await page.getByTestId('records-table').locator('tbody tr.ant-table-row').first().innerText();
  const written = records.find((r) => first.includes(r.cells.name))!;
  await expect(cells).toContainText(written.cells.uscc);
  await expect(cells).toContainText(String(written.cells.mode));
  await page.keyboard.press('Escape');

  // 统计设置: yearly rates for both years, then the tables in 亿元人民币
  await page.getByRole('tab', { name: '统计设置' }).click();
  for (const y of [year, year - 1]) {
    await page.getByTestId('rate-period').fill(String(y));
    await page.getByRole('spinbutton', { name: '汇率（元/美元）' }).fill('7.1');
    await page.getByTestId('rate-source').fill('国家外汇管理局年平均汇率');
    await page.getByTestId('rate-save').click();
    await expect(page.getByTestId('settings-rates').getByRole('cell', { name: String(y), exact: true })).toBeVisible();
  }
  await page.getByRole('tab', { name: '统计表' }).click();
  await page.getByTestId('stats-currency').getByText('亿元人民币').click();
  await expect(page.getByTestId('stats-label')).toContainText('亿元人民币');
  const cny = await cli('--scope', 'excl-finance', '--domestic-reinvestment', 'included', '--currency', 'cny');
  await expect(total(page)).toHaveText(cny.totals.actualFdi.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
});

test('首页: the headline in the plan’s scope, stated on the page and equal to the KPIs the CLI gives', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('dashboard-basis')).toHaveText('口径：不含银行、证券、保险；境内再投资不计入');
  const kpi = page.getByTestId('kpi-actualFdi').getByTestId('kpi-actual');
  await expect(kpi).toHaveText(/\d/);
  const now = new Date();
  const [y, m] = now.getMonth() === 0 ? [now.getFullYear() - 1, 12] : [now.getFullYear(), now.getMonth()];
  const r = await app.cli(['dashboard', '--db', app.dbPath, '--year', String(y), '--to', `${y}-${String(m).padStart(2, '0')}`, '--json']);
  const cards = JSON.parse(r.stdout);
  const actual = cards.kpis.find((k: { indicator: string }) => k.indicator === 'actualFdi');
  expect(actual).toMatchObject({ scope: 'excl-finance', domesticReinvestment: 'excluded' });
  expect(amount(await kpi.innerText())).toBe(actual.actual);
  await pick(page, 'scope-picker', '全口径');
  await expect(page.getByTestId('dashboard-basis')).toHaveText('口径：全口径；境内再投资不计入');
});
