import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { FIXTURE_PLATFORMS, layoutRows, makeRecords, writeXlsx } from '../helpers/fdi-fixtures';
import { POLICY_PROJECTS, writePolicyProjectList } from '../helpers/policy-fixtures';
import { callApi, expect, test } from './fixtures';

/** Calls the running app's API the way the browser does (POST /api/<method> with the run's token). */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
  await page.keyboard.press('Escape');
}

test('market access on a project list nobody here wrote, then import, undo, edit and restore in one audit list', async ({ page, emptyApp: app }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await callApi(app, 'settings.setPreferences', { userName: '周科长' });

  // the project list, written by LibreOffice, imported through the window
  const list = writePolicyProjectList(app.dir);
  await page.goto(`${app.url}#/projects`);
  await page.getByTestId('import-projects').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(list);
  await expect(page.getByTestId('import-summary')).toContainText(String(POLICY_PROJECTS.length), { timeout: 60_000 });
  await page.getByTestId('import-commit').click();
  // the result stays until it is closed
  await expect(page.getByTestId('register-result-counts')).toContainText(`新增 ${POLICY_PROJECTS.length}`, { timeout: 60_000 });
  await page.getByTestId('register-close').click();
  await expect(page.getByTestId('register-result')).toBeHidden();
  const table = page.getByTestId('projects-table');
  await expect(table).toHaveAttribute('data-total', String(POLICY_PROJECTS.length), { timeout: 60_000 });

  // prohibited ones are alerts and carry their status; open ones carry none
  const prohibited = POLICY_PROJECTS.filter((p) => p.access === 'prohibited');
  await choose(page, page.getByTestId('filter-access'), '禁止');
  await expect(table).toHaveAttribute('data-total', String(prohibited.length));
  await expect(table.getByTestId('project-row').getByTestId('alert-prohibited')).toHaveCount(prohibited.length);
  await expect(table.getByTestId('project-row').getByTestId('access-prohibited')).toHaveCount(prohibited.length);
  await page.getByTestId('clear-filters').click();
  const open = POLICY_PROJECTS.find((p) => p.access === null)!;
  const openRow = table.getByTestId('project-row').filter({ hasText: open.name });
  await expect(openRow).toBeVisible();
  await expect(openRow.locator('[data-testid^="access-"]')).toHaveCount(0);

  // a restricted one shows its measure's text in the drawer
  const nuclear = POLICY_PROJECTS.find((p) => p.code === '4414')!;
  await table.getByTestId('project-row').filter({ hasText: nuclear.name }).click();
  const drawer = page.getByTestId('project-drawer');
  await expect(drawer.getByTestId('drawer-title').getByTestId('access-restricted')).toBeVisible();
  await drawer.getByRole('tab', { name: '外资准入' }).click();
  await expect(drawer.getByTestId('policy-measures')).toContainText('核电站的建设、经营须由中方控股。');
  await expect(drawer.getByTestId('policy-computed')).toHaveText('限制');
  // an edit of the project (logged)
  await drawer.getByTestId('edit-project').click();
  await page.getByTestId('project-total').fill('88000');
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-form')).toBeHidden();
  await drawer.locator('.ant-drawer-close').click();

  // a partly covered one is judged prohibited, with the reason
  const law = POLICY_PROJECTS.find((p) => p.access === 'partial')!;
  await table.getByTestId('project-row').filter({ hasText: law.name }).click();
  await drawer.getByRole('tab', { name: '外资准入' }).click();
  await expect(drawer.getByTestId('policy-computed')).toHaveText('部分涉及');
  await drawer.getByTestId('policy-judge').click();
  await page.getByTestId('policy-judge-status').getByText('禁止', { exact: true }).click();
  await page.getByTestId('policy-judge-reason').fill('经营范围含中国法律事务咨询');
  await page.getByTestId('policy-judge-ok').click();
  await expect(drawer.getByTestId('policy-override')).toContainText('周科长');
  await expect(drawer.getByTestId('drawer-title').getByTestId('alert-prohibited')).toBeVisible();
  await drawer.locator('.ant-drawer-close').click();

  // an FDI return imported and undone beside the running app (CLI, same database)
  await callApi(app, 'settings.saveDistrict', { name: '江北区' });
  for (const [name, type] of FIXTURE_PLATFORMS) await callApi(app, 'settings.savePlatform', { name, type });
  const fdi = await writeXlsx(path.join(app.dir, '江北区2026年10月.xlsx'), [{ name: '到资', ...layoutRows(makeRecords(5, { seed: 17 }), {}) }]);
  const imported = await app.cli(['import', 'fdi', fdi, '--db', app.dbPath, '--district', '江北区', '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const batchId = JSON.parse(imported.stdout).batches[0].batchId;
  const undone = await app.cli(['undo', String(batchId), '--db', app.dbPath, '--json']);
  expect(undone.code, undone.stderr).toBe(0);

  // a backup, and a restore of it
  const backup = await callApi<{ name: string }>(app, 'system.backup', {});
  await callApi(app, 'system.restore', { name: backup.name });

  // 设置 → 操作记录: all of it in one list
  await page.goto(`${app.url}#/settings/audit`);
  const audit = page.getByTestId('audit-table');
  await expect(audit.getByTestId('audit-row').first()).toBeVisible({ timeout: 30_000 });
  const actions = async () => audit.getByTestId('audit-row').getByTestId('audit-action').allTextContents();
  await expect.poll(actions).toEqual(expect.arrayContaining(['恢复备份', '撤销导入', '导入', '修改', '人工认定']));
  expect((await actions())[0]).toBe('恢复备份');
  await expect(audit.getByTestId('audit-row').filter({ hasText: '江北区2026年10月.xlsx' })).toHaveCount(2);
  await expect(audit.getByTestId('audit-row').filter({ hasText: '重点外资项目清单.xlsx' })).toHaveCount(1);
  await expect(audit.getByTestId('audit-row').filter({ hasText: nuclear.name }).filter({ hasText: '88000' })).toHaveCount(1);

  // filtered to 外资统计: the import and its undo
  await choose(page, page.getByTestId('audit-filter-area'), '外资统计');
  await expect(audit).toHaveAttribute('data-total', '2');
  await expect.poll(actions).toEqual(['撤销导入', '导入']);
  // an entry's detail: who, when, before → after
  await audit.getByTestId('audit-row').first().click();
  await expect(page.getByTestId('audit-drawer')).toContainText('江北区2026年10月.xlsx');
  await page.getByTestId('audit-drawer').locator('.ant-drawer-close').click();

  // exported to Excel as a job: the rows the filter shows
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const saved = path.join(app.dir, 'audit.xlsx');
  await (await download).saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const sheet = book.getWorksheet('操作记录')!;
  expect(sheet.rowCount).toBe(3);
  expect([sheet.getCell('D2').value, sheet.getCell('D3').value]).toEqual(['撤销导入', '导入']);
  expect(errors).toEqual([]);
});
