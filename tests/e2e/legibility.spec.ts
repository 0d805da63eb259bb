import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectLegible, inside, type Seen } from './seen';

/**
 * What a person sees at 1366×768, the common bureau laptop and projector: key elements inside the window and large
 * enough to read, measured as boxes and font sizes on the screen (not pixel diffs).
 */
test.use({ viewport: { width: 1366, height: 768 } });

async function openChain(page: Page, url: string, name: string) {
  await page.goto(`${url}#/chains`);
  await page.getByTestId('chain-list').getByRole('link', { name, exact: true }).click();
  await expect(page.locator('body[data-chain-painted]')).toHaveCount(1, { timeout: 30_000 });
}

test('meeting mode of the demo chain shows at least 90 % of its segment names whole and 15 px high', async ({ page, app }) => {
  await openChain(page, app.url, '新能源汽车');
  await page.getByTestId('meeting-mode').click();
  const poster = page.getByTestId('meeting-poster');
  await expect(poster.locator('[data-segment]')).toHaveCount(45);
  const names: Seen[] = await poster.locator('[data-segment]').evaluateAll((groups) =>
    groups.map((g) => {
      const text = g.querySelector('text[data-role="name"]')! as typeof g & { getScreenCTM(): { a: number } | null };
      const r = text.getBoundingClientRect();
      const hit = g.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        name: g.getAttribute('data-name') ?? '',
        text: text.textContent ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        size: Number(text.getAttribute('font-size')) * (text.getScreenCTM()?.a ?? 1),
        onTop: hit !== null && g.contains(hit),
      };
    }),
  );
  const screen = { x: 0, y: 0, width: 1366, height: 768 };
  const area = (await poster.boundingBox())!;
  const legible = names.filter((n) => n.text.replace(/\s/g, '') === n.name.replace(/\s/g, '') && n.size >= 15 && inside(n, screen) && inside(n, area) && n.onTop);
  expect(legible.length / names.length, names.filter((n) => !legible.includes(n)).map((n) => `${n.name} ${n.size}px`).join(', ')).toBeGreaterThanOrEqual(0.9);
  // and the poster uses the screen: it reaches across the window and down to the footer
  expect(area.width).toBeGreaterThan(1300);
  const right = Math.max(...names.map((n) => n.x + n.width));
  expect(right).toBeGreaterThan(1366 * 0.85);
});

test('the chain editor opens with at least 10 segment names legible (12 px or more) inside its canvas', async ({ page, app }) => {
  await openChain(page, app.url, '新能源汽车');
  const canvas = (await page.getByTestId('chain-canvas').boundingBox())!;
  const names: Seen[] = await page.getByTestId('segment-node').evaluateAll((nodes) => {
    const doc = nodes[0]!.ownerDocument;
    const win = doc.defaultView!;
    const viewport = doc.querySelector('.react-flow__viewport')!;
    const zoom = new win.DOMMatrixReadOnly(win.getComputedStyle(viewport).transform).a;
    return nodes.map((node) => {
      const label = node.querySelector('span')!;
      const r = label.getBoundingClientRect();
      const hit = doc.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        name: node.getAttribute('data-name') ?? '',
        // an ellipsis-cut name is wider than its box
        text: label.scrollWidth > label.clientWidth + 1 ? '' : (label.textContent ?? ''),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        size: parseFloat(win.getComputedStyle(label).fontSize) * zoom,
        onTop: hit !== null && node.contains(hit),
      };
    });
  });
  const legible = names.filter((n) => n.text === n.name && n.size >= 12 && inside(n, canvas) && n.onTop);
  expect(legible.length, `legible: ${legible.map((n) => n.name).join('、')}`).toBeGreaterThanOrEqual(10);
  // the minimap is out of the way until asked for
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByTestId('toggle-minimap').click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
});

test('the home page: the year’s figures in view and readable, the industry donut not under its legend', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('page-title').first()).toHaveText('首页');
  const figures = page.getByTestId('kpi-actual');
  await expect(figures.first()).toBeVisible();
  // the first row of cards (实际使用外资, 合同外资, 新设企业) in the window, their figures large
  await expectLegible(page, [0, 1, 2].map((i) => figures.nth(i)), 20);
  expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(1366);

  const donut = page.getByTestId('chart-sections');
  await donut.scrollIntoViewIfNeeded();
  const layout = () =>
    donut.evaluate((el) => {
      type Rect = { x: number; y: number; width: number; height: number; clone(): Rect; applyTransform(m: unknown): void };
      const chart = (el as unknown as {
        echartsInstance: {
          getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { cx: number; cy: number; r: number } } }; getComponent(t: string): unknown };
          getViewOfComponentModel(m: unknown): { group: { getBoundingRect(): Rect; transform: unknown } };
          getWidth(): number;
        };
      }).echartsInstance;
      const pie = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
      const view = chart.getViewOfComponentModel(chart.getModel().getComponent('legend'));
      const legend = view.group.getBoundingRect().clone();
      if (view.group.transform) legend.applyTransform(view.group.transform);
      return { pie, legend: { x: legend.x, y: legend.y }, width: chart.getWidth() };
    });
  // the pie has been laid out once it has a radius
  await expect.poll(async () => (await layout()).pie.r).toBeGreaterThan(40);
  const { pie, legend } = await layout();
  // the legend starts right of the donut or below it
  expect(legend.x >= pie.cx + pie.r || legend.y >= pie.cy + pie.r, JSON.stringify({ pie, legend })).toBe(true);
});
