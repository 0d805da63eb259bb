/**
 * Issue 16 item 3 in the window: the project list of one tab shows what another tab imported (its change event,
 * announced when the import job finished, names the other tab as its origin), while a tab's own edit, already patched
 * into its list, does not fetch the list again. Screenshots at 1366×768 and 1920×1080 go to test-results.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeXlsxParts } from '../helpers/other-writers';
import { STAGE_BY_CONTENT } from '../helpers/register-fixtures';
import { callApi, expect, SCREEN_SIZES, shootAtSizes, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });

/** How many times the page has asked for the project list so far. */
function listFetches(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => r.url().includes('/api/projects.list') && n++);
  return () => n;
}

test('a project list refreshes when another tab imports projects, and not for its own edit', async ({ page, context, emptyApp: app }) => {
  const file = await writeXlsxParts(path.join(app.dir, '江北区重点项目清单.xlsx'), [STAGE_BY_CONTENT.sheet()], 'wps');
  await page.setViewportSize(SCREEN_SIZES[0]!);
  const fetched = listFetches(page);
  await page.goto(`${app.url}#/projects`);
  const table = page.getByTestId('projects-table');
  await expect(table).toHaveAttribute('data-total', '0');

  // another tab imports a project list
  const other = await context.newPage();
  await other.setViewportSize(SCREEN_SIZES[0]!);
  await other.goto(`${app.url}#/projects`);
  await other.getByTestId('import-projects').click();
  const chooser = other.waitForEvent('filechooser');
  await other.getByTestId('import-choose').click();
  await (await chooser).setFiles(file);
  await expect(other.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await other.getByTestId('import-commit').click();
  await expect(other.getByTestId('register-result')).toBeVisible({ timeout: 60_000 });

  // this tab, untouched, lists them
  const count = String(STAGE_BY_CONTENT.rows.length);
  await expect(table).toHaveAttribute('data-total', count, { timeout: 30_000 });
  await expect(table.getByTestId('project-row').filter({ hasText: STAGE_BY_CONTENT.rows[0]!.name })).toBeVisible();
  await page.bringToFront();
  await shootAtSizes(page, 'projects-refreshed-from-another-tab');

  // an edit of this tab's own is patched in place: the list is fetched again only for the other tab's next change
  const before = fetched();
  await table.getByTestId('project-row').first().click();
  const drawer = page.getByTestId('project-drawer');
  await drawer.getByTestId('log-event').click();
  await page.getByTestId('event-notes').fill('电话联系');
  await page.getByTestId('action-ok').click();
  await expect(drawer.getByTestId('timeline-event').filter({ hasText: '电话联系' })).toBeVisible();
  // another client (as the CLI or a second window would be) creates a project
  await callApi(app, 'projects.create', { name: '另一窗口新建的项目' }, 'another-client');
  await expect(table).toHaveAttribute('data-total', String(STAGE_BY_CONTENT.rows.length + 1), { timeout: 30_000 });
  // events come in order on one stream: a fetch for the own edit would have come before this one
  expect(fetched() - before).toBe(1);
});
