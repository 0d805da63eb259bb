import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { formatAmount, formatInUnit, formatPercent } from '../../shared/format';
import { expect, test, type AppServer } from './fixtures';

const CHARTS = ['cumulative', 'countries', 'groups', 'sections', 'districts', 'platforms', 'pipeline', 'chains'];

/** Projects at a few stages (one long without follow-up) and a chain with gaps, beside the demo FDI data. */
function addProjectsAndChain(app: AppServer): { staleProject: number; chain: number } {
  const db = new Database(app.dbPath);
  try {
    const now = new Date().toISOString();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const project = db.prepare('INSERT INTO project (name, stage, last_follow_up_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const stages: Array<[string, number]> = [['lead', 3], ['negotiating', 2], ['signed', 4], ['construction', 1]];
    let staleProject = 0;
    for (const [stage, n] of stages) {
      for (let i = 0; i < n; i++) {
        const id = Number(project.run(`测试项目${stage}${i}`, stage, stage === 'negotiating' && i === 0 ? day(-90) : day(-2), now, now).lastInsertRowid);
        if (stage === 'negotiating' && i === 0) staleProject = id;
      }
    }
    const chain = Number(db.prepare("INSERT INTO chain (name, strong_threshold, created_at, updated_at) VALUES ('测试产业链', 2, ?, ?)").run(now, now).lastInsertRowid);
    const segment = db.prepare("INSERT INTO segment (chain_id, name, tier) VALUES (?, ?, 'upstream')");
    const firm = db.prepare("INSERT INTO segment_enterprise (segment_id, company_name, role) VALUES (?, ?, 'backbone')");
    const design = Number(segment.run(chain, '芯片设计').lastInsertRowid);
    firm.run(design, '甲公司');
    firm.run(design, '乙公司');
    firm.run(Number(segment.run(chain, '晶圆制造').lastInsertRowid), '丙公司');
    segment.run(chain, '封装测试');
    return { staleProject, chain };
  } finally {
    db.close();
  }
}

async function chartState(page: Page, id: string) {
  return page.getByTestId(`chart-${id}`).evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 230 || data[i + 1]! < 230 || data[i + 2]! < 230)) inked++;
    const chart = (el as unknown as { echartsInstance: { getOption(): { series: Array<{ data: unknown[] }> } } }).echartsInstance;
    const points = chart.getOption().series.reduce((n, s) => n + s.data.length, 0);
    return { inked, points, width: canvas.width, height: canvas.height };
  });
}

/** Clicks the middle of bar `index` of a horizontal bar chart, where the chart itself says it is drawn. */
async function clickBar(page: Page, id: string, index: number, horizontal = true): Promise<number> {
  const box = page.getByTestId(`chart-${id}`);
  await box.scrollIntoViewIfNeeded();
  const { x, y, value } = await box.evaluate(
    (el, [i, h]) => {
      const chart = (el as unknown as {
        echartsInstance: { getOption(): { series: Array<{ data: number[] }> }; convertToPixel(f: object, v: number[]): number[] };
      }).echartsInstance;
      const v = chart.getOption().series[0]!.data[i as number]!;
      const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, h ? [v / 2, i as number] : [i as number, v / 2]);
      return { x: px!, y: py!, value: v };
    },
    [index, horizontal] as const,
  );
  const bounds = (await box.boundingBox())!;
  await page.mouse.click(bounds.x + x, bounds.y + y);
  return value;
}

test('every chart draws, with the demo data and some projects and a chain', async ({ page, app }) => {
  addProjectsAndChain(app);
  await page.goto(app.url);
  await expect(page.getByTestId('page-title').first()).toHaveText('首页');
  for (const id of CHARTS) {
    await expect(page.getByTestId(`chart-${id}`)).toBeVisible();
    await expect.poll(async () => (await chartState(page, id)).inked, { message: `${id} draws on its canvas` }).toBeGreaterThan(500);
    expect((await chartState(page, id)).points, `${id} has data`).toBeGreaterThan(0);
  }
});

test('the cards show the numbers of the CLI, and a target set in the editor shows on its card', async ({ page, app }) => {
  test.slow(); // several CLI runs beside the browser on two cores
  await page.goto(app.url);
  await page.getByTestId('month-picker').click();
  await page.getByTitle('9月').click();
  const year = new Date().getFullYear();
  const to = `${year}-09`;
  await expect(page.getByTestId('period-line')).toContainText(`${year}年1-9月`);
  const cli = await app.cli(['dashboard', '--db', app.dbPath, '--year', String(year), '--to', to, '--json']);
  expect(cli.code).toBe(0);
  const kpis = JSON.parse(cli.stdout).kpis as Array<{ indicator: string; actual: number; completion: number | null; unit: string }>;
  for (const k of kpis) {
    const card = page.getByTestId(`kpi-${k.indicator}`);
    await expect(card.getByTestId('kpi-actual')).toHaveText(formatInUnit(k.actual, k.unit));
    if (k.completion !== null) await expect(card.getByTestId('kpi-completion')).toHaveText(formatPercent(k.completion));
  }
  await page.getByTestId('open-targets').click();
  const row = page.getByTestId('target-row-contractedFdi');
  await row.getByRole('spinbutton').first().fill('200000');
  await row.getByTestId('target-save').click();
  await expect(page.getByText('目标已保存')).toBeVisible();
  const actual = kpis.find((k) => k.indicator === 'contractedFdi')!.actual;
  await expect(page.getByTestId('kpi-contractedFdi').getByTestId('kpi-completion')).toHaveText(formatPercent(Math.round((actual / 200000) * 1000) / 10));
  // a custom indicator of the bureau's own, with the figure reached typed by hand
  await page.getByTestId('custom-name').fill('外资研发中心');
  await page.getByTestId('add-custom-target').getByPlaceholder('单位').fill('家');
  await page.getByTestId('custom-value').fill('4');
  await page.getByTestId('add-custom-target').getByRole('button', { name: '新增自定义指标' }).click();
  const custom = page.getByTestId('target-row-custom:外资研发中心');
  await expect(custom).toBeVisible();
  await custom.getByTestId('target-actual').fill('1');
  await custom.getByTestId('target-save').click();
  await expect(page.getByTestId('kpi-custom:外资研发中心').getByTestId('kpi-completion')).toHaveText('25.0%');
  const after = await app.cli(['targets', 'list', '--db', app.dbPath, '--year', String(year), '--json']);
  expect(JSON.parse(after.stdout).targets).toContainEqual({ year, indicator: 'custom:外资研发中心', label: '外资研发中心', unit: '家', value: 4, actual: 1 });
  expect(JSON.parse(after.stdout).targets).toContainEqual(expect.objectContaining({ indicator: 'contractedFdi', value: 200000 }));
});

test('a click on a bar opens the records behind it; a pipeline bar the projects of its stage', async ({ page, app }) => {
  addProjectsAndChain(app);
  await page.goto(app.url);
  await expect.poll(async () => (await chartState(page, 'countries')).points).toBeGreaterThan(0);
  const value = await clickBar(page, 'countries', 0);
  const drawer = page.getByTestId('records-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('drill-sum')).toHaveText(`实际使用外资合计 ${formatAmount(value)} 万美元`);
  // the record count, checked against the database directly, in the page's scope and 口径 (the plan's: no banking,
  // securities or insurance; 境内再投资 left out)
  const title = await page.getByRole('dialog').locator('.ant-drawer-title').innerText();
  const name = title.split(' · ')[0]!;
  const to = await page.getByTestId('period-line').innerText();
  const month = Number(to.match(/1-(\d+)月/)![1]);
  const year = new Date().getFullYear();
  const db = new Database(app.dbPath, { readonly: true });
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM fdi_record r JOIN ref_country c ON c.code = r.country_code WHERE c.name = ? AND r.period BETWEEN ? AND ?
         AND r.mode <> 'domestic_reinvestment' AND substr(r.industry_code, 1, 2) NOT IN ('66', '67', '68')`,
    )
    .get(name, `${year}-01`, `${year}-${String(month).padStart(2, '0')}`) as { n: number };
  db.close();
  expect(n).toBeGreaterThan(0);
  await expect(drawer.getByTestId('drill-count')).toHaveText(`${n} 条记录`);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const signed = await clickBar(page, 'pipeline', 2, false); // 签约: the third stage
  const stages = page.getByTestId('stage-drawer');
  await expect(stages).toBeVisible();
  await expect(page.getByRole('dialog').locator('.ant-drawer-title')).toHaveText('签约阶段的项目');
  await expect(stages.getByTestId('drill-count')).toHaveText(`${signed} 条记录`);
  await expect(stages.locator('tbody tr.ant-table-row')).toHaveCount(signed);
});

test('alerts link to their project, presentation mode, PNG and PDF export', async ({ page, app }) => {
  const { staleProject } = addProjectsAndChain(app);
  await page.goto(app.url);
  await page.getByTestId('alert-kinds').getByText(/缺口无目标/).click();
  await expect(page.getByTestId('alerts').getByTestId('alert-link').filter({ hasText: '测试产业链' })).toHaveCount(2); // 封装测试 missing, 晶圆制造 weak: no targets
  await expect(page.getByTestId('alerts')).toContainText('“封装测试”环节缺，尚无招商目标');
  await page.getByTestId('alert-kinds').getByText(/久未跟进/).click();
  const alert = page.getByTestId('alerts').getByTestId('alert-link').filter({ hasText: '测试项目negotiating0' });
  await expect(alert).toBeVisible();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-presenting', 'true');
  await page.getByTestId('present').click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-presenting', 'false');

  await expect.poll(async () => (await chartState(page, 'cumulative')).inked).toBeGreaterThan(500);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = fs.readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.readUInt32BE(16)).toBe(2400); // IHDR width: the composed page, whatever the window
  expect(bytes.length).toBeGreaterThan(100_000);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  const pdfBytes = fs.readFileSync((await pdf.path())!);
  expect(pdfBytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  expect(pdfBytes.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
  expect(pdfBytes.length).toBeGreaterThan(50_000);

  await alert.click();
  await expect(page).toHaveURL(new RegExp(`#/projects/${staleProject}$`));
});
