import { seededRandom } from '../../electron/backend/demo/random';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import { expect, test } from './fixtures';

test('enterprises: the credit code is checked, a duplicate refused, the firm found by its code and shown with its records', async ({ page, app }) => {
  const code = fakeUscc(seededRandom(4242), '320500');
  await page.goto(`${app.url}#/enterprises`);
  const table = page.getByTestId('enterprises-table');
  await expect(table.getByTestId('enterprise-row').first()).toBeVisible();
  const total = Number(await table.getAttribute('data-total'));

  await page.getByTestId('new-enterprise').click();
  await page.getByTestId('enterprise-name').fill('苏州莱茵测试精密有限公司');
  await page.getByTestId('enterprise-uscc').fill(`${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`);
  await page.getByTestId('enterprise-save').click();
  await expect(page.getByText('校验位不符')).toBeVisible();
  await page.getByTestId('enterprise-uscc').fill(code.toLowerCase());
  await page.getByTestId('enterprise-save').click();
  const drawer = page.getByTestId('enterprise-drawer');
  await expect(drawer).toContainText(`苏州莱茵测试精密有限公司（${code}）`);
  await expect(table).toHaveAttribute('data-total', String(total + 1));
  await page.keyboard.press('Escape');

  // the same code again is refused with the holder's name
  await page.getByTestId('new-enterprise').click();
  await page.getByTestId('enterprise-name').fill('重复录入的公司');
  await page.getByTestId('enterprise-uscc').fill(code);
  await page.getByTestId('enterprise-save').click();
  await expect(page.locator('.ant-message')).toContainText('苏州莱茵测试精密有限公司');
  await expect(page.locator('.ant-message')).toContainText('CONFLICT');
  await page.keyboard.press('Escape');

  await page.getByTestId('enterprise-search').locator('input').fill(code.slice(0, 14));
  await expect(table).toHaveAttribute('data-total', '1');
  await expect(table.getByTestId('enterprise-row')).toContainText('苏州莱茵测试精密有限公司');

  // a demo firm's detail lists its FDI records
  await page.getByTestId('enterprise-search').locator('input').fill('');
  await expect(table).toHaveAttribute('data-total', String(total + 1));
  await table.getByTestId('enterprise-row').nth(3).click();
  await drawer.getByRole('tab', { name: /外资记录/ }).click();
  await expect(drawer.getByTestId('enterprise-fdi').locator('tbody tr').first()).toBeVisible();
});
