import {
  DEFAULT_TIER_CODES,
  FIRM_ROLES,
  SEGMENT_STATUSES,
  TARGET_PRIORITIES,
  TARGET_STATUSES,
  TIERS,
  type FirmRole,
  type SegmentStatus,
  type TargetPriority,
  type TargetStatus,
} from '../../../shared/domain/chain';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { IgnoredColumn } from '../../../shared/api/importLayout';
import type { Problem } from '../../../shared/result';
import { MAX_CANVAS_COORD, yearOutOfRange } from '../../../shared/rules/bounds';
import { checkUscc, USCC_REASON_ZH } from '../../../shared/rules/uscc';
import type { Db } from '../db/open';
import { findCountry } from '../reference/queries';
import { CHAIN_ITEMS, SHEETS, type SheetSpec } from './workbook-layout';

/**
 * Checks a chain workbook's rows (already read into text by the workbook layer) and turns them into a plan to write.
 * Every problem is collected — sheet, row, column, value, code, Chinese message — rather than stopping at the first.
 */

export interface SheetData {
  sheet: string;
  /** Labels of required columns the header lacks. */
  missingColumns: string[];
  /** Non-empty columns no field takes. */
  ignoredColumns: IgnoredColumn[];
  /** What reading the sheet found worth saying: columns taken by content, defaults beside a column like the field. */
  warnings: Problem[];
  rows: Array<{ row: number; values: Record<string, string> }>;
}
export type ChainSheets = Partial<Record<SheetSpec['key'], SheetData>>;

export interface ChainImportPlan {
  chain: { owner: string; description: string; threshold: number | null; tiers: string[] | null };
  segments: Array<{ name: string; parent: string | null; tier: string; override: { status: SegmentStatus; reason: string } | null; notes: string; x: number | null; y: number | null }>;
  firms: Array<{ segment: string; name: string; role: FirmRole; enterpriseId: number | null; notes: string }>;
  targets: Array<{
    segment: string;
    company: string;
    countryCode: string | null;
    priority: TargetPriority;
    status: TargetStatus;
    headquarters: string;
    rationale: string;
    owner: string;
    projectId: number | null;
  }>;
  links: Array<{ from: string; to: string }>;
  contacts: Array<{ segment: string; company: string; date: string; notes: string; by: string }>;
}

/** A cell's text compared the way people write it: NFKC, no inner spaces. */
export const keyOf = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export function lookup<T extends string>(names: Record<T, string>, text: string): T | null {
  const k = keyOf(text).toLowerCase();
  for (const [code, name] of Object.entries(names) as Array<[T, string]>) if (k === keyOf(name) || k === code) return code;
  return null;
}

export function validateChainSheets(db: Db, sheets: ChainSheets, fileName: string): { plan: ChainImportPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (code: ErrorCode, at: { sheet?: string; row?: number; column?: string; value?: string }, detail?: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file: fileName, ...at, code, message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code], severity });

  for (const spec of SHEETS) {
    const data = sheets[spec.key];
    if (!data) {
      if (spec.required) report('CHAIN_SHEET_MISSING', { sheet: spec.name }, `“${spec.name}”（须有列：${spec.columns.filter((c) => c.required).map((c) => c.label).join('、')}）`);
      continue;
    }
    problems.push(...data.warnings);
    for (const label of data.missingColumns) report('CHAIN_COLUMN_MISSING', { sheet: data.sheet, column: label }, `“${data.sheet}”缺少“${label}”`);
  }
  const rowsOf = (key: SheetSpec['key']): SheetData => (sheets[key] && sheets[key]!.missingColumns.length === 0 ? sheets[key]! : { sheet: '', missingColumns: [], ignoredColumns: [], warnings: [], rows: [] });
  const label = (key: SheetSpec['key'], column: string) => SHEETS.find((s) => s.key === key)!.columns.find((c) => c.key === column)!.label;
  const required = (key: SheetSpec['key'], sheet: string, row: number, values: Record<string, string>, column: string): string | null => {
    const v = (values[column] ?? '').trim();
    if (!v) report('VALUE_MISSING', { sheet, row, column: label(key, column) }, label(key, column));
    return v || null;
  };

  // chain-wide items
  const plan: ChainImportPlan = { chain: { owner: '', description: '', threshold: null, tiers: null }, segments: [], firms: [], targets: [], links: [], contacts: [] };
  const chainRows = rowsOf('chain');
  for (const { row, values } of chainRows.rows) {
    const item = keyOf(values.item ?? '');
    const value = (values.value ?? '').trim();
    if (item === CHAIN_ITEMS.owner) plan.chain.owner = value;
    else if (item === CHAIN_ITEMS.description) plan.chain.description = value;
    else if (item === CHAIN_ITEMS.threshold && value) {
      const n = Number(value.normalize('NFKC'));
      if (Number.isInteger(n) && n >= 1 && n <= 99) plan.chain.threshold = n;
      else report('INVALID_INPUT', { sheet: chainRows.sheet, row, column: '内容', value }, '强链阈值应为 1 到 99 的整数');
    } else if (item === CHAIN_ITEMS.tiers && value) {
      const names = value.split(/\s*(?:→|->|>|、|,|，)\s*/).map((t) => t.trim()).filter(Boolean);
      const codes = names.map((n) => lookup(TIERS, n) ?? n);
      const standard = codes.length === DEFAULT_TIER_CODES.length && codes.every((c, i) => c === DEFAULT_TIER_CODES[i]);
      if (new Set(codes).size !== codes.length) report('DUPLICATE', { sheet: chainRows.sheet, row, column: '内容', value }, '环节位置有重复');
      else if (!standard) plan.chain.tiers = codes;
    }
  }
  const tiers = plan.chain.tiers ?? [...DEFAULT_TIER_CODES];
  const tierOf = (text: string): string | null => {
    const k = keyOf(text).replace(/环节$/, '');
    return lookup(TIERS, k) ?? tiers.find((t) => keyOf(t) === k) ?? null;
  };

  // segments
  const seg = rowsOf('segments');
  const segmentRow = new Map<string, number>();
  for (const { row, values } of seg.rows) {
    const name = required('segments', seg.sheet, row, values, 'name');
    const tierText = required('segments', seg.sheet, row, values, 'tier');
    if (!name) continue;
    if (segmentRow.has(keyOf(name))) {
      report('DUPLICATE', { sheet: seg.sheet, row, column: '环节名称', value: name }, `环节“${name}”已在第 ${segmentRow.get(keyOf(name))} 行出现`);
      continue;
    }
    segmentRow.set(keyOf(name), row);
    const tier = tierText ? tierOf(tierText) : null;
    if (tierText && !tier) report('SEGMENT_TIER_UNKNOWN', { sheet: seg.sheet, row, column: '位置', value: tierText }, `应为 ${tiers.map((t) => (TIERS as Record<string, string>)[t] ?? t).join('、')} 之一`);
    let override: ChainImportPlan['segments'][number]['override'] = null;
    const overrideText = (values.override ?? '').trim();
    const reason = (values.overrideReason ?? '').trim();
    if (overrideText) {
      const status = lookup(SEGMENT_STATUSES, overrideText.replace(/链$/, ''));
      if (!status) report('SEGMENT_STATUS_UNKNOWN', { sheet: seg.sheet, row, column: '人工认定', value: overrideText });
      else if (!reason) report('OVERRIDE_REASON_MISSING', { sheet: seg.sheet, row, column: '认定理由' }, `环节“${name}”`);
      else override = { status, reason };
    }
    const coord = (column: 'x' | 'y') => {
      const text = (values[column] ?? '').trim();
      if (!text) return null;
      const n = Number(text);
      if (Math.abs(n) <= MAX_CANVAS_COORD) return n;
      report('INVALID_INPUT', { sheet: seg.sheet, row, column: label('segments', column), value: text }, `坐标应为 ±${MAX_CANVAS_COORD} 以内的数字`, 'warning');
      return null;
    };
    plan.segments.push({ name, parent: (values.parent ?? '').trim() || null, tier: tier ?? tiers[0]!, override, notes: (values.notes ?? '').trim(), x: coord('x'), y: coord('y') });
  }
  const canonical = new Map(plan.segments.map((s) => [keyOf(s.name), s.name]));
  for (const s of plan.segments) {
    if (s.parent === null) continue;
    const parent = canonical.get(keyOf(s.parent));
    const row = segmentRow.get(keyOf(s.name));
    if (!parent) report('SEGMENT_PARENT_UNKNOWN', { sheet: seg.sheet, row, column: '上级环节', value: s.parent }, `“${s.parent}”不在“${seg.sheet}”表中`);
    else if (parent === s.name) report('SEGMENT_PARENT_CYCLE', { sheet: seg.sheet, row, column: '上级环节', value: s.parent }, `环节“${s.name}”不能是自己的上级`);
    s.parent = parent && parent !== s.name ? parent : null;
  }
  // a longer cycle (a → b → a): report once, on the row of each segment in it
  const parentOf = new Map(plan.segments.map((s) => [s.name, s.parent]));
  const inCycle = new Set<string>();
  for (const s of plan.segments) {
    const seen = new Set<string>();
    for (let at: string | null = s.name; at !== null; at = parentOf.get(at) ?? null) {
      if (seen.has(at)) {
        if (at === s.name) inCycle.add(s.name);
        break;
      }
      seen.add(at);
    }
  }
  for (const name of inCycle) report('SEGMENT_PARENT_CYCLE', { sheet: seg.sheet, row: segmentRow.get(keyOf(name)), column: '上级环节', value: parentOf.get(name) ?? '' }, `环节“${name}”`);

  const segmentRef = (sheet: string, row: number, text: string | null, column = '环节名称'): string | null => {
    if (!text) return null;
    const name = canonical.get(keyOf(text));
    if (!name) report('SEGMENT_UNKNOWN', { sheet, row, column, value: text }, `“${text}”不在“环节”表中`);
    return name ?? null;
  };

  // local firms
  const firmsSheet = rowsOf('firms');
  const byUscc = db.prepare('SELECT id, name FROM enterprise WHERE uscc = ?');
  const byName = db.prepare('SELECT id FROM enterprise WHERE name = ? ORDER BY id LIMIT 2');
  const firmSeen = new Map<string, number>();
  for (const { row, values } of firmsSheet.rows) {
    const segment = segmentRef(firmsSheet.sheet, row, required('firms', firmsSheet.sheet, row, values, 'segment'));
    const name = required('firms', firmsSheet.sheet, row, values, 'name');
    const roleText = required('firms', firmsSheet.sheet, row, values, 'role');
    const role = roleText ? lookup(FIRM_ROLES, roleText) : null;
    if (roleText && !role) report('FIRM_ROLE_UNKNOWN', { sheet: firmsSheet.sheet, row, column: '角色', value: roleText });
    let enterpriseId: number | null = null;
    const usccText = (values.uscc ?? '').trim();
    if (usccText) {
      const check = checkUscc(usccText);
      if (!check.valid) report('USCC_INVALID', { sheet: firmsSheet.sheet, row, column: '统一社会信用代码', value: usccText }, USCC_REASON_ZH[check.reason]);
      else {
        const found = byUscc.get(check.code) as { id: number; name: string } | undefined;
        if (found) enterpriseId = found.id;
        else report('NOT_FOUND', { sheet: firmsSheet.sheet, row, column: '统一社会信用代码', value: usccText }, '企业库中没有该信用代码的企业，按填写的企业名称记入', 'warning');
      }
    } else if (name) {
      const found = byName.all(name.trim()) as { id: number }[];
      if (found.length === 1) enterpriseId = found[0]!.id; // an exact, unambiguous name links to the register
    }
    if (!segment || !name || !role) continue;
    const key = `${segment}\u0000${enterpriseId !== null ? `e${enterpriseId}` : keyOf(name)}`;
    if (firmSeen.has(key)) {
      report('DUPLICATE', { sheet: firmsSheet.sheet, row, column: '企业名称', value: name }, `“${name}”已在第 ${firmSeen.get(key)} 行列入环节“${segment}”`);
      continue;
    }
    firmSeen.set(key, row);
    plan.firms.push({ segment, name, role, enterpriseId, notes: (values.notes ?? '').trim() });
  }

  // targets
  const targetsSheet = rowsOf('targets');
  const projectByName = db.prepare('SELECT id FROM project WHERE name = ? ORDER BY id LIMIT 2');
  const targetSeen = new Map<string, number>();
  for (const { row, values } of targetsSheet.rows) {
    const at = (column: string, value?: string) => ({ sheet: targetsSheet.sheet, row, column, value });
    const segment = segmentRef(targetsSheet.sheet, row, required('targets', targetsSheet.sheet, row, values, 'segment'));
    const company = required('targets', targetsSheet.sheet, row, values, 'company');
    const countryText = (values.country ?? '').trim();
    const country = countryText ? findCountry(db, countryText) : null;
    if (countryText && !country) report('COUNTRY_UNKNOWN', at('国别（地区）', countryText), countryText);
    const priorityText = (values.priority ?? '').trim();
    const priority = priorityText ? lookup(TARGET_PRIORITIES, priorityText.replace(/优先$/, '')) : 'medium';
    if (!priority) report('TARGET_PRIORITY_UNKNOWN', at('优先级', priorityText));
    const statusText = (values.status ?? '').trim();
    const status = statusText ? lookup(TARGET_STATUSES, statusText) : 'untouched';
    if (!status) report('TARGET_STATUS_UNKNOWN', at('状态', statusText), `应为 ${Object.values(TARGET_STATUSES).join('、')} 之一`);
    const projectText = (values.project ?? '').trim();
    let projectId: number | null = null;
    if (projectText) {
      const found = projectByName.all(projectText) as { id: number }[];
      if (found.length === 1) projectId = found[0]!.id;
      else report('NOT_FOUND', at('关联项目', projectText), '项目库中没有唯一同名的项目，未关联', 'warning');
    }
    if (!segment || !company || !priority || !status || (countryText && !country)) continue;
    const key = `${segment}\u0000${keyOf(company)}`;
    if (targetSeen.has(key)) {
      report('DUPLICATE', at('目标企业', company), `“${company}”已在第 ${targetSeen.get(key)} 行列为环节“${segment}”的招商目标`);
      continue;
    }
    targetSeen.set(key, row);
    plan.targets.push({
      segment,
      company,
      countryCode: country?.code ?? null,
      priority,
      status,
      headquarters: (values.headquarters ?? '').trim(),
      rationale: (values.rationale ?? '').trim(),
      owner: (values.owner ?? '').trim(),
      projectId,
    });
  }

  // supply links
  const linksSheet = rowsOf('links');
  const linkSeen = new Set<string>();
  for (const { row, values } of linksSheet.rows) {
    const from = segmentRef(linksSheet.sheet, row, required('links', linksSheet.sheet, row, values, 'from'), '供给环节');
    const to = segmentRef(linksSheet.sheet, row, required('links', linksSheet.sheet, row, values, 'to'), '需求环节');
    if (!from || !to) continue;
    if (from === to) {
      report('INVALID_INPUT', { sheet: linksSheet.sheet, row, column: '需求环节', value: to }, '不能把环节连到它自己');
      continue;
    }
    if (linkSeen.has(`${from}\u0000${to}`)) continue; // a repeated link says nothing new
    linkSeen.add(`${from}\u0000${to}`);
    plan.links.push({ from, to });
  }

  // contact log
  const contactsSheet = rowsOf('contacts');
  for (const { row, values } of contactsSheet.rows) {
    const segment = segmentRef(contactsSheet.sheet, row, required('contacts', contactsSheet.sheet, row, values, 'segment'));
    const company = required('contacts', contactsSheet.sheet, row, values, 'company');
    const dateText = required('contacts', contactsSheet.sheet, row, values, 'date');
    const notes = required('contacts', contactsSheet.sheet, row, values, 'notes');
    const day = dateText ? parseDay(dateText) : null;
    const outOfRange = day ? yearOutOfRange(Number(day.slice(0, 4))) : null;
    const date = outOfRange ? null : day;
    if (dateText && !day) report('PERIOD_INVALID', { sheet: contactsSheet.sheet, row, column: '日期', value: dateText }, '应为日期，如 2025-03-18');
    if (outOfRange) report('PERIOD_OUT_OF_RANGE', { sheet: contactsSheet.sheet, row, column: '日期', value: dateText! }, outOfRange);
    if (segment && company && !targetSeen.has(`${segment}\u0000${keyOf(company)}`)) {
      report('TARGET_UNKNOWN', { sheet: contactsSheet.sheet, row, column: '目标企业', value: company }, `“${company}”不是环节“${segment}”的招商目标`);
      continue;
    }
    if (!segment || !company || !date || !notes) continue;
    plan.contacts.push({ segment, company: plan.targets.find((t) => t.segment === segment && keyOf(t.company) === keyOf(company))!.company, date, notes, by: (values.by ?? '').trim() });
  }
  return { plan, problems };
}

/** A day written as 2025-03-18, 2025/3/18 or 2025年3月18日 (date cells arrive as YYYY-MM-DD): YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  const m = text.normalize('NFKC').trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date.toISOString().slice(0, 10);
  }
  return null;
}
