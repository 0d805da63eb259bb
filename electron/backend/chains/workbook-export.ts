import ExcelJS from 'exceljs';
import { FIRM_ROLES, SEGMENT_STATUSES, TARGET_PRIORITIES, TARGET_STATUSES, tierLabel } from '../../../shared/domain/chain';
import type { Db } from '../db/open';
import { chainDetail, chainTiers, countryNames, orderedForReport, readChainRow, analyse } from './queries';
import { CHAIN_ITEMS, CHAIN_SHEET, CONTACTS_SHEET, FIRMS_SHEET, LINKS_SHEET, SEGMENTS_SHEET, TARGETS_SHEET, TIER_SEPARATOR, type SheetSpec } from './workbook-layout';

/** Writing chains to Excel: the whole chain in the import template, and the 招商目标清单 for meetings and follow-up. */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, rows: Array<Record<string, string | number | null>>): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.label, key: c.key, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  for (const r of rows) ws.addRow(r);
}

/** The whole chain as a workbook in the documented template (imports back unchanged). */
export async function writeChainWorkbook(db: Db, chainId: number, file: string): Promise<void> {
  const chain = readChainRow(db, chainId);
  const detail = chainDetail(db, chainId);
  const tiers = chainTiers(chain);
  const names = new Map(detail.segments.map((s) => [s.id, s.name]));
  const ordered = orderedForReport(detail.segments, tiers);
  const countries = countryNames(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = '外资工作台';
  wb.created = new Date();
  addSheet(wb, CHAIN_SHEET, [
    { item: CHAIN_ITEMS.name, value: chain.name },
    { item: CHAIN_ITEMS.owner, value: chain.owner },
    { item: CHAIN_ITEMS.threshold, value: chain.strong_threshold },
    { item: CHAIN_ITEMS.description, value: chain.description },
    { item: CHAIN_ITEMS.tiers, value: tiers.map(tierLabel).join(TIER_SEPARATOR) },
  ]);
  addSheet(
    wb,
    SEGMENTS_SHEET,
    ordered.map((s) => ({
      name: s.name,
      parent: s.parentId === null ? '' : (names.get(s.parentId) ?? ''),
      tier: tierLabel(s.tier),
      override: s.override ? SEGMENT_STATUSES[s.override.status] : '',
      overrideReason: s.override?.reason ?? '',
      notes: s.notes,
      x: s.x === null ? null : Math.round(s.x * 10) / 10,
      y: s.y === null ? null : Math.round(s.y * 10) / 10,
    })),
  );
  const rank = new Map(ordered.map((s, i) => [s.id, i]));
  const bySegment = <T extends { segmentId: number; id: number }>(a: T, b: T) => rank.get(a.segmentId)! - rank.get(b.segmentId)! || a.id - b.id;
  addSheet(
    wb,
    FIRMS_SHEET,
    [...detail.firms].sort(bySegment).map((f) => ({ segment: names.get(f.segmentId)!, name: f.companyName, role: FIRM_ROLES[f.role], uscc: f.uscc ?? '', notes: f.notes })),
  );
  const targets = [...detail.targets].sort(bySegment);
  addSheet(
    wb,
    TARGETS_SHEET,
    targets.map((t) => ({
      segment: names.get(t.segmentId)!,
      company: t.company,
      country: t.countryCode ? (countries.get(t.countryCode) ?? t.countryCode) : '',
      priority: TARGET_PRIORITIES[t.priority],
      status: TARGET_STATUSES[t.status],
      headquarters: t.headquarters,
      rationale: t.rationale,
      owner: t.owner,
      project: t.projectName ?? '',
    })),
  );
  addSheet(
    wb,
    LINKS_SHEET,
    detail.links.map((l) => ({ from: names.get(l.fromId)!, to: names.get(l.toId)! })),
  );
  const contacts = db.prepare('SELECT date, notes, by FROM target_contact WHERE target_id = ? ORDER BY date, id');
  addSheet(
    wb,
    CONTACTS_SHEET,
    targets.flatMap((t) =>
      (contacts.all(t.id) as Array<{ date: string; notes: string; by: string }>).map((c) => ({ segment: names.get(t.segmentId)!, company: t.company, ...c })),
    ),
  );
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  [
    '产业链图谱工作簿：可在外资工作台中用“导入产业链”读入。',
    '必填工作表：环节（环节名称、上级环节、位置）、本地企业（环节名称、企业名称、角色）、招商目标（环节名称、目标企业、国别（地区）、优先级、状态）。',
    '位置填 上游 / 中游 / 下游（或“产业链”表中“环节位置”列出的本链自定位置）；上级环节须是“环节”表中的另一环节，留空为顶层环节。',
    `角色填 ${Object.values(FIRM_ROLES).join(' / ')}；优先级填 ${Object.values(TARGET_PRIORITIES).join(' / ')}；状态填 ${Object.values(TARGET_STATUSES).join(' / ')}。`,
    '人工认定（强 / 弱 / 缺）须同时写明认定理由。供给关系、联系记录、产业链三张表可选；其他列和工作表会被忽略。',
  ].forEach((line) => help.addRow([line]));
  await wb.xlsx.writeFile(file);
}

/** 招商目标清单: targets grouped by segment in chain order, with the segment's status, and a summary by status. */
export async function writeTargetList(db: Db, chainId: number, file: string, today = new Date()): Promise<void> {
  const chain = readChainRow(db, chainId);
  const detail = chainDetail(db, chainId);
  const analysis = analyse(chain, detail.segments, detail.firms, detail.targets);
  const gapOf = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  const ordered = orderedForReport(detail.segments, chainTiers(chain));
  const countries = countryNames(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = '外资工作台';
  const ws = wb.addWorksheet('招商目标清单', { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = ['序号', '位置', '环节', '环节状态', '目标企业', '国别（地区）', '总部所在地', '优先级', '状态', '负责人', '最近联系', '关联项目', '引进理由'];
  const widths = [6, 8, 22, 8, 30, 12, 14, 8, 10, 10, 12, 22, 40];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${chain.name}产业链招商目标清单`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = `导出日期：${today.toISOString().slice(0, 10)}    链长：${chain.owner || '—'}    完整度：${analysis.completeness ?? '—'}%`;
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  for (const s of ordered) {
    const g = gapOf.get(s.id)!;
    for (const t of detail.targets.filter((x) => x.segmentId === s.id)) {
      ws.addRow([
        ++n,
        tierLabel(s.tier),
        s.name,
        SEGMENT_STATUSES[g.status],
        t.company,
        t.countryCode ? (countries.get(t.countryCode) ?? t.countryCode) : '',
        t.headquarters,
        TARGET_PRIORITIES[t.priority],
        TARGET_STATUSES[t.status],
        t.owner,
        t.lastContact ?? '',
        t.projectName ?? '',
        t.rationale,
      ]);
    }
  }
  const summary = wb.addWorksheet('按状态汇总');
  summary.columns = [
    { header: '项目', key: 'k', width: 24 },
    { header: '数量', key: 'v', width: 10 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const [code, name] of Object.entries(TARGET_STATUSES)) summary.addRow({ k: `目标：${name}`, v: analysis.targetsByStatus[code as keyof typeof TARGET_STATUSES] });
  summary.addRow({ k: '缺链环节', v: analysis.gaps.missing });
  summary.addRow({ k: '弱链环节', v: analysis.gaps.weak });
  summary.addRow({ k: '已有招商目标的缺弱环节', v: analysis.gaps.withTargets });
  summary.addRow({ k: '尚无招商目标的缺弱环节', v: analysis.gaps.withoutTargets });
  await wb.xlsx.writeFile(file);
}
