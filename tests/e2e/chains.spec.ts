import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openChain(page: Page, url: string, name: string) {
  await page.goto(`${url}#/chains`);
  await page.getByTestId('chain-list').getByRole('link', { name, exact: true }).click();
  await expect(page.locator('body[data-chain-painted]')).toHaveCount(1, { timeout: 20_000 });
}

/** An option of the antd select whose list is open. */
const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
const node = (page: Page, name: string) => page.locator(`[data-testid="segment-node"][data-name="${name}"]`);

/**
 * The chain methods the page calls from now on, in order (every call is `POST /api/<method>`); what a side panel
 * reads for its pickers (countries, industries) is not a chain call.
 */
function apiCalls(page: Page): { methods: string[]; reset(): void } {
  const methods: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(chains\.\w+)$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === 'POST') methods.push(m[1]!);
  });
  return { methods, reset: () => void methods.splice(0) };
}

async function focus(page: Page, name: string) {
  await page.getByTestId('segment-search').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('segment-name')).toHaveValue(name);
}

test('a chain from a template: adding a firm changes the status, a target is added', async ({ page, app }) => {
  await page.goto(`${app.url}#/chains`);
  await expect(page.getByTestId('page-title')).toHaveText('产业链图谱');
  await page.getByTestId('new-chain').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('起点模板', { exact: false }).first()).toBeVisible();
  await dialog.getByText('生物医药', { exact: true }).click();
  await expect(page.getByTestId('chain-name')).toHaveValue('生物医药');
  await page.getByTestId('chain-name').fill('测试生物医药');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('page-title')).toHaveText('测试生物医药');
  await expect(page.locator('body[data-chain-painted]')).toHaveCount(1, { timeout: 20_000 });
  // it opens readable at its top left; the whole map is a click away
  await page.getByRole('button', { name: '适应窗口' }).click();
  await expect(page.getByTestId('lane')).toHaveCount(3);
  await expect(page.getByTestId('chain-completeness')).toContainText('完整度 0.0%');

  await focus(page, '抗体药物');
  await expect(node(page, '抗体药物')).toHaveAttribute('data-status', 'missing');
  await expect(page.getByTestId('panel-status')).toContainText('缺');
  await expect(page.getByTestId('status-reason')).toContainText('本环节尚无本地企业');

  await page.getByTestId('add-firm').click();
  await page.getByTestId('firm-name').fill('测试抗体链主有限公司');
  await page.getByTestId('firm-role').click();
  await option(page, '链主').click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('firm-list')).toContainText('测试抗体链主有限公司');
  await expect(node(page, '抗体药物')).toHaveAttribute('data-status', 'strong');
  await expect(page.getByTestId('panel-status')).toContainText('强');
  await expect(page.getByTestId('status-reason')).toContainText('链主企业“测试抗体链主有限公司”');
  // the parent counts its sub-segments' firms
  await expect(node(page, '生物药')).toHaveAttribute('data-status', 'strong');

  await page.getByTestId('add-target').click();
  await page.getByTestId('target-company').fill('测试目标生物制药公司');
  await page.getByTestId('target-status').click();
  await option(page, '洽谈中').click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('target-list')).toContainText('测试目标生物制药公司');
  await expect(page.getByTestId('target-list')).toContainText('洽谈中');
  await expect(node(page, '抗体药物')).toContainText('目标 1');

  const gaps = await app.cli(['chains', 'gaps', '--chain', '测试生物医药', '--db', app.dbPath, '--json']);
  const antibody = JSON.parse(gaps.stdout).segments.find((s: { name: string }) => s.name === '抗体药物');
  expect(antibody).toMatchObject({ status: 'strong', firms: 1, targets: 1 });
});

test('a chain without saved positions is laid out in the elkjs worker, stage by stage, and the layout is kept', async ({ page, app }) => {
  // the demo chains are seeded without positions: the first opening lays them out in the page's worker
  await openChain(page, app.url, '新能源汽车');
  const workerScripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('elk-worker')).length);
  expect(workerScripts).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName('chain-layout-done').length)).toBe(1);
  // every upstream segment left of every midstream one, and those left of every downstream one
  await page.getByRole('button', { name: '适应窗口' }).click();
  const lanes = page.getByTestId('lane');
  await expect(lanes).toHaveCount(3);
  const laneBoxes = await Promise.all([0, 1, 2].map(async (i) => (await lanes.nth(i).boundingBox())!));
  for (const name of ['锂资源及锂盐', '电芯', '乘用车']) {
    const box = (await node(page, name).boundingBox())!;
    const inLane = laneBoxes.findIndex((l) => box.x >= l.x && box.x + box.width <= l.x + l.width);
    expect(inLane, name).toBe(['锂资源及锂盐', '电芯', '乘用车'].indexOf(name));
  }
  const before = await node(page, '电芯').boundingBox();

  await page.reload();
  await expect(page.locator('body[data-chain-painted]')).toHaveCount(1, { timeout: 20_000 });
  expect(await page.evaluate(() => performance.getEntriesByName('chain-layout-start').length)).toBe(0);
  await page.getByRole('button', { name: '适应窗口' }).click();
  expect(before).not.toBeNull();
  await expect.poll(() => node(page, '电芯').boundingBox()).toEqual(before);
});

test('a large chain opens at its top left drawing only what is in view, and 适应窗口 shows all of it', async ({ page, app }) => {
  // 200 segments in three stages, as a chain workbook; the CLI imports it (and lays it out)
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('环节');
  ws.addRow(['环节名称', '上级环节', '位置']);
  const stages = ['上游', '中游', '下游'];
  for (let i = 0; i < 200; i++) {
    const stage = stages[Math.floor((i * 3) / 200)]!;
    ws.addRow([`大链环节${i}`, i % 10 === 0 ? null : `大链环节${i - (i % 10)}`, stage]);
  }
  wb.addWorksheet('本地企业').addRow(['环节名称', '企业名称', '角色']);
  wb.addWorksheet('招商目标').addRow(['环节名称', '目标企业']);
  const file = `${app.dir}/big-chain.xlsx`;
  await wb.xlsx.writeFile(file);
  const imported = await app.cli(['import', 'chain', file, '--name', '大链', '--db', app.dbPath, '--json']);
  expect(imported.code, imported.stderr).toBe(0);

  await openChain(page, app.url, '大链');
  const drawn = await page.getByTestId('segment-node').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(200);
  await page.getByRole('button', { name: '适应窗口' }).click();
  await expect(page.getByTestId('segment-node')).toHaveCount(200);
  const canvas = (await page.getByTestId('chain-canvas').boundingBox())!;
  for (const name of ['大链环节0', '大链环节199']) {
    const box = (await node(page, name).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(canvas.x);
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y).toBeGreaterThanOrEqual(canvas.y);
    expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
});

test('meeting mode: the poster, stepping through the leaf gaps (缺 only or 缺 + 弱) with reasons, targets and projects', async ({ page, app }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const segments = JSON.parse((await app.cli(['chains', 'gaps', '--chain', '新能源汽车', '--db', app.dbPath, '--json'])).stdout).segments as Array<{ name: string; parent: string | null; status: string }>;
  // the leaf segments (no sub-segment), as completeness and the walk count them
  const leaves = segments.filter((s) => !segments.some((c) => c.parent === s.name));
  const gaps = { missing: leaves.filter((s) => s.status === 'missing').length, weak: leaves.filter((s) => s.status === 'weak').length };
  const total = gaps.missing + gaps.weak;
  expect(leaves).toHaveLength(35);
  await openChain(page, app.url, '新能源汽车');
  await page.getByTestId('meeting-mode').click();
  const meeting = page.getByTestId('meeting-screen');
  await expect(meeting).toBeVisible();
  await expect(page.getByTestId('chain-legend').last()).toContainText('缺：尚无本地企业');
  // 完整度 beside how it is computed, on the same leaves the walk goes through
  await expect(page.getByTestId('meeting-summary')).toContainText(`35 个末级环节中 ${35 - gaps.missing} 个已有本地企业（缺 ${gaps.missing} · 弱 ${gaps.weak}`);
  const poster = page.getByTestId('meeting-poster');
  await expect(poster.locator('[data-segment]')).toHaveCount(45);
  await expect(poster.locator('[data-name="乘用车"]')).toContainText('链主 苏州星驰新能源汽车');
  await expect(poster.locator('[data-name="正极材料"]')).toContainText('凯斯特先进材料（韩国）');
  // nothing editable
  await expect(page.getByTestId('add-segment')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('meeting-step')).toHaveText(`第 1 / ${total} 个缺弱环节`);
  const first = (await page.getByTestId('meeting-gap-name').textContent())!;
  await expect(poster.locator(`[data-name="${first}"]`)).toHaveAttribute('data-leaf', '1');
  await expect(page.getByTestId('meeting-reason')).toContainText('尚无本地企业');
  // the rest is dimmed
  await expect(poster.locator('[data-segment][opacity]')).toHaveCount(44);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('meeting-step')).toHaveText(`第 2 / ${total} 个缺弱环节`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('meeting-gap-name')).toHaveText(first);

  // 缺 only: every step is a missing leaf
  await page.getByTestId('meeting-walk').getByText('只看缺').click();
  for (let i = 1; i <= gaps.missing; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('meeting-step')).toHaveText(`第 ${i} / ${gaps.missing} 个缺链环节`);
    const name = (await page.getByTestId('meeting-gap-name').textContent())!;
    await expect(poster.locator(`[data-name="${name}"]`)).toHaveAttribute('data-status', 'missing');
  }

  // a click picks any segment: its targets with their country and the projects linked to it
  await poster.locator('[data-name="车载传感器"]').click();
  await expect(page.getByTestId('meeting-step')).toHaveText('点选的环节');
  await expect(page.getByTestId('meeting-targets')).toContainText('博瑞传感技术（香港）有限公司');
  await expect(page.getByTestId('meeting-targets')).toContainText('中国香港');
  await expect(page.getByTestId('meeting-projects')).toBeVisible();

  await page.getByTestId('meeting-links').click();
  await expect(page.getByTestId('meeting-links')).toHaveText('显示供给关系');
  await page.keyboard.press('t');
  await expect(meeting).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Escape');
  await expect(meeting).toBeHidden();
  await expect(page.getByTestId('chain-canvas')).toBeVisible();
});

test('exports the poster as PNG (16:9) and PDF (A4) of the CLI’s size, and the Excel target list', async ({ page, app }) => {
  await openChain(page, app.url, '新能源汽车');
  const svg = await app.cli(['export', 'chain', '--chain', '新能源汽车', '--db', app.dbPath, '--out', `${app.dir}/map.svg`, '--json']);
  const { width, height } = JSON.parse(svg.stdout) as { width: number; height: number };
  expect([width, height]).toEqual([1920, 1080]);
  const a4 = JSON.parse((await app.cli(['export', 'chain', '--chain', '新能源汽车', '--db', app.dbPath, '--out', `${app.dir}/map-a4.svg`, '--page', 'a4', '--json'])).stdout);

  await page.getByTestId('export-menu').click();
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /PNG（16:9/ }).click();
  const pngFile = test.info().outputPath('map.png');
  await (await pngDownload).saveAs(pngFile);
  const png = fs.readFileSync(pngFile);
  expect(png.length).toBeGreaterThan(10_000);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(width * 2);
  expect(png.readUInt32BE(20)).toBe(height * 2);

  await page.getByTestId('export-menu').click();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /PDF（A4/ }).click();
  const pdf = fs.readFileSync(await (await pdfDownload).path()).toString('latin1');
  expect(pdf.startsWith('%PDF-1.4')).toBe(true);
  expect(pdf).toContain(`/Width ${a4.width * 2} /Height ${a4.height * 2}`);
  expect(pdf).toContain('/MediaBox [0 0 841.89 595.28]');

  await page.getByTestId('export-menu').click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '招商目标清单 Excel' }).click();
  const download = await xlsxDownload;
  expect(download.suggestedFilename()).toBe('新能源汽车招商目标清单.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet('招商目标清单')!;
  const companies: string[] = [];
  ws.eachRow((row, n) => n > 3 && companies.push(String(row.getCell(5).value)));
  expect(companies).toContain('凯斯特先进材料株式会社');
  expect(companies.length).toBeGreaterThan(5);
});

test('undo and redo on the map: adding and deleting a segment', async ({ page, app }) => {
  await openChain(page, app.url, '集成电路');
  const calls = apiCalls(page);
  // the new segment lands in the middle of the window (only segments in view are drawn: count it by name)
  await page.getByTestId('add-segment').click();
  await expect(node(page, '新环节1')).toHaveCount(1);
  expect(calls.methods).toEqual(['chains.applyEdits']);
  await page.getByTestId('chain-canvas').click({ position: { x: 5, y: 5 } });
  // undo and redo are one request each
  calls.reset();
  await page.keyboard.press('Control+z');
  await expect(node(page, '新环节1')).toHaveCount(0);
  expect(calls.methods).toEqual(['chains.applyEdits']);
  calls.reset();
  await page.keyboard.press('Control+y');
  await expect(node(page, '新环节1')).toHaveCount(1);
  expect(calls.methods).toEqual(['chains.applyEdits']);
  // delete a segment with a firm under it, then undo brings the firm back
  await focus(page, '模拟芯片');
  await expect(page.getByTestId('firm-list')).toContainText('苏州芯源微电子有限公司');
  await node(page, '模拟芯片').click();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(node(page, '模拟芯片')).toHaveCount(0);
  // the editor ignores its keys while a dialog is open, and the confirm is still closing
  await expect(page.locator('.ant-modal-wrap')).toHaveCount(0);
  calls.reset();
  await page.keyboard.press('Control+z');
  await expect(node(page, '模拟芯片')).toHaveCount(1);
  expect(calls.methods).toEqual(['chains.applyEdits']);
  await focus(page, '模拟芯片');
  await expect(page.getByTestId('firm-list')).toContainText('苏州芯源微电子有限公司');
  // the audit trail has one entry per edit, undo and redo, saying what was done
  const audit = JSON.parse((await app.cli(['audit', '--db', app.dbPath, '--entity', '产业链图谱编辑', '--json'])).stdout) as { entries: Array<{ after: { operation: string } }> };
  expect(audit.entries.map((r) => r.after.operation).slice(0, 5)).toEqual(['撤销：删除环节', '删除环节', '重做：新增环节', '撤销：新增环节', '新增环节']);
});

test('imports a chain workbook, and lists the problems of a bad one', async ({ page, app }) => {
  const good = `${app.dir}/集成电路.xlsx`;
  expect((await app.cli(['export', 'chain', '--chain', '集成电路', '--db', app.dbPath, '--out', good])).code).toBe(0);
  const bad = `${app.dir}/bad.xlsx`;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('环节').addRows([['环节名称', '上级环节', '位置'], ['整车', '不存在的上级', '下游']]);
  await wb.xlsx.writeFile(bad);

  await page.goto(`${app.url}#/chains`);
  await page.getByTestId('import-chain').click();
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(bad);
  await page.getByTestId('import-name').fill('坏工作簿');
  await page.getByRole('dialog').getByRole('button', { name: '导入工作簿' }).click();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('上级环节不存在');
  await expect(problems).toContainText('工作簿缺少必需的工作表');

  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(good);
  await page.getByTestId('import-name').fill('导入的集成电路');
  await page.getByRole('dialog').getByRole('button', { name: '导入工作簿' }).dblclick();
  // what went in, with the columns left out and the warnings, stays until the chain is opened
  await expect(page.getByTestId('chain-import-result')).toContainText('已导入：环节');
  await expect(page.getByTestId('chain-import-ignored')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '打开这条产业链' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('导入的集成电路');
  await expect(page.locator('body[data-chain-painted]')).toHaveCount(1, { timeout: 20_000 });
  await page.getByRole('button', { name: '适应窗口' }).click();
  await expect(node(page, '模拟芯片')).toHaveAttribute('data-status', 'weak');
  const list = JSON.parse((await app.cli(['chains', 'list', '--db', app.dbPath, '--json'])).stdout) as Array<{ name: string; segments: number }>;
  expect(list.find((c) => c.name === '导入的集成电路')!.segments).toBe(list.find((c) => c.name === '集成电路')!.segments);
  expect(list.some((c) => c.name === '坏工作簿')).toBe(false);
});

test('copy/paste, and dropping a segment into another lane changes its stage (undoable)', async ({ page, app }) => {
  await openChain(page, app.url, '集成电路');
  await page.getByRole('button', { name: '适应窗口' }).click();
  await node(page, '模拟芯片').click();
  const calls = apiCalls(page);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, '模拟芯片（副本）')).toHaveCount(1);
  calls.reset();
  await page.keyboard.press('Control+z');
  await expect(node(page, '模拟芯片（副本）')).toHaveCount(0);
  expect(calls.methods).toEqual(['chains.applyEdits']);

  const tierOf = async (name: string) => {
    const gaps = JSON.parse((await app.cli(['chains', 'gaps', '--chain', '集成电路', '--db', app.dbPath, '--json'])).stdout);
    return gaps.segments.find((s: { name: string }) => s.name === name).tier as string;
  };
  expect(await tierOf('模拟芯片')).toBe('midstream');
  const from = (await node(page, '模拟芯片').boundingBox())!;
  const lane = (await page.getByTestId('lane').nth(2).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + from.width / 2 + ((lane.x + lane.width / 2 - from.x - from.width / 2) * i) / 10, from.y + from.height / 2);
  calls.reset();
  await page.mouse.up();
  await expect.poll(() => tierOf('模拟芯片')).toBe('downstream');
  // the move and the change of stage are one request, and so is their undo
  expect(calls.methods).toEqual(['chains.applyEdits']);
  calls.reset();
  await page.keyboard.press('Control+z');
  await expect.poll(() => tierOf('模拟芯片')).toBe('midstream');
  expect(calls.methods).toEqual(['chains.applyEdits']);

  // the chain's threshold changes every status at once
  await expect(node(page, '模拟芯片')).toHaveAttribute('data-status', 'weak');
  await page.getByTestId('chain-settings').click();
  await page.getByTestId('chain-threshold').fill('1');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(node(page, '模拟芯片')).toHaveAttribute('data-status', 'strong');
});
