import { callApi, expect, shootAtSizes, test } from './fixtures';

/**
 * The desktop app's backend process dies and comes back: the window shows a banner meanwhile and drops it once the
 * backend answers again. Browser mode has no backend process, so the main process's `backend` events are played to
 * the page on its own event stream (the SSE the server would send), as the Electron bridge delivers them.
 */
test('a banner says the backend is restarting, and goes once it is back', async ({ page, app }) => {
  let served = 0;
  let backIsUp = () => {};
  const back = new Promise<void>((resolve) => (backIsUp = resolve));
  await page.route(/\/events\?/, async (route) => {
    served++;
    const event = served === 1 ? { type: 'backend', state: 'restarting', message: '后台服务意外退出，正在重新启动…' } : { type: 'backend', state: 'ready' };
    // EventSource reconnects `retry` ms after a response ends: the second connection brings the recovery, when the
    // test lets it
    if (served > 1) await back;
    await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: `retry: ${served === 1 ? 100 : 600000}\ndata: ${JSON.stringify(event)}\n\n` });
  });
  await page.goto(app.url);
  // a page that listens to events (the projects list) opens the stream
  await page.getByTestId('main-menu').getByText('项目库', { exact: true }).click();
  const banner = page.getByTestId('backend-status');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('后台服务意外退出，正在重新启动');
  await expect(page.getByTestId('page-title').first()).toHaveText('项目库'); // the window and its page stay
  await shootAtSizes(page, 'backend-restarting');
  // a change this page is never told of (its event stream is the one played here), as one made while the backend was
  // down would be: once the backend is back, the list is read again and shows it
  const table = page.getByTestId('projects-table');
  const total = Number(await table.getAttribute('data-total'));
  await callApi(app, 'projects.create', { name: '后台重启期间新建的项目' });
  backIsUp();
  await expect(banner).toBeHidden();
  await expect(table).toHaveAttribute('data-total', String(total + 1));
});
