import { expect, test } from './fixtures';

const SECTIONS = ['首页', '项目库', '企业库', '产业链图谱', '外资统计', '设置'];

test('every section opens from the menu, in Chinese', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  for (const name of SECTIONS) {
    await page.getByTestId('main-menu').getByText(name, { exact: true }).click();
    await expect(page.getByTestId('page-title').first()).toHaveText(name);
  }
  // the token left the address bar but the session keeps working after a reload
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByTestId('page-title').first()).toHaveText('设置');
});

test('the jurisdiction set in 设置 is kept after a reload', async ({ page, emptyApp }) => {
  await page.goto(emptyApp.url);
  await page.getByTestId('main-menu').getByText('设置', { exact: true }).click();
  await page.getByTestId('jurisdiction-cascader').click();
  await page.getByRole('menuitemcheckbox', { name: '浙江省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '宁波市' }).click();
  await page.getByRole('menuitemcheckbox', { name: '北仑区' }).click();
  await page.getByTestId('save-jurisdiction').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('jurisdiction-cascader')).toContainText('北仑区');
  await expect(page.getByTestId('reporting-unit')).toHaveValue('北仑区商务局');
  const check = await emptyApp.cli(['check', '--db', emptyApp.dbPath, '--json']);
  expect(check.code).toBe(0);
});

test('districts and platforms are edited in 设置', async ({ page, emptyApp }) => {
  await page.goto(`${emptyApp.url}#/settings`);
  await page.getByTestId('add-district').click();
  await page.getByTestId('district-name').fill('测试新区');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('districts-table')).toContainText('测试新区');
  await page.getByTestId('add-platform').click();
  await page.getByTestId('platform-name').fill('测试综合保税区');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('platforms-table')).toContainText('测试综合保税区');
  await page.reload();
  await expect(page.getByTestId('platforms-table')).toContainText('测试综合保税区');
  // a district no record uses can be deleted, after a confirmation
  await page.getByTestId('districts-table').getByRole('row', { name: /测试新区/ }).getByRole('button', { name: /删\s*除/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已删除')).toBeVisible();
  await expect(page.getByTestId('districts-table')).not.toContainText('测试新区');
});
