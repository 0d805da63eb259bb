/**
 * The documented chain workbook (产业链图谱工作簿): what `import chain` reads and the whole-chain export writes, so an
 * export imports back unchanged. Required: sheet 环节 (环节名称, 上级环节, 位置), sheet 本地企业 (环节名称, 企业名称,
 * 角色), sheet 招商目标 (环节名称, 目标企业, 国别（地区）, 优先级, 状态). Everything else is optional; other sheets
 * are allowed, and other columns are listed in the result as not imported (`ignoredColumns`).
 */

export interface ColumnSpec {
  key: string;
  /** The header the export writes (and the first wording the import accepts). */
  label: string;
  synonyms: readonly string[];
  required?: boolean;
  width?: number;
}

export interface SheetSpec {
  key: 'chain' | 'segments' | 'firms' | 'targets' | 'links' | 'contacts';
  name: string;
  synonyms: readonly string[];
  required: boolean;
  columns: readonly ColumnSpec[];
}

const col = (key: string, label: string, synonyms: string[] = [], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  label,
  synonyms: [label, ...synonyms],
  ...extra,
});

export const SEGMENTS_SHEET: SheetSpec = {
  key: 'segments',
  name: '环节',
  synonyms: ['环节', '产业链环节', '环节清单'],
  required: true,
  columns: [
    col('name', '环节名称', ['环节', '名称'], { required: true, width: 24 }),
    col('parent', '上级环节', ['上级', '所属环节', '父环节'], { width: 20 }),
    col('tier', '位置', ['上中下游', '所处位置', '链位置', '层级'], { required: true, width: 10 }),
    col('override', '人工认定', ['强弱认定', '人工认定状态'], { width: 10 }),
    col('overrideReason', '认定理由', ['人工认定理由'], { width: 30 }),
    col('notes', '备注', [], { width: 24 }),
    col('x', '图上横坐标', ['横坐标', 'x'], { width: 10 }),
    col('y', '图上纵坐标', ['纵坐标', 'y'], { width: 10 }),
  ],
};

export const FIRMS_SHEET: SheetSpec = {
  key: 'firms',
  name: '本地企业',
  synonyms: ['本地企业', '企业', '在链企业'],
  required: true,
  columns: [
    col('segment', '环节名称', ['环节', '所属环节'], { required: true, width: 24 }),
    col('name', '企业名称', ['企业', '公司名称'], { required: true, width: 32 }),
    col('role', '角色', ['企业角色', '链上角色', '类型'], { required: true, width: 8 }),
    col('uscc', '统一社会信用代码', ['信用代码', '社会信用代码'], { width: 22 }),
    col('notes', '备注', [], { width: 24 }),
  ],
};

export const TARGETS_SHEET: SheetSpec = {
  key: 'targets',
  name: '招商目标',
  synonyms: ['招商目标', '目标企业', '招商目标清单'],
  required: true,
  columns: [
    col('segment', '环节名称', ['环节', '所属环节'], { required: true, width: 24 }),
    col('company', '目标企业', ['企业名称', '目标企业名称'], { required: true, width: 30 }),
    col('country', '国别（地区）', ['国别', '国家（地区）', '国家或地区', '来源地'], { width: 12 }),
    col('priority', '优先级', ['优先'], { width: 8 }),
    col('status', '状态', ['招商状态', '进展'], { width: 10 }),
    col('headquarters', '总部所在地', ['总部'], { width: 16 }),
    col('rationale', '引进理由', ['理由', '招引理由'], { width: 36 }),
    col('owner', '负责人', ['责任人', '对接人'], { width: 10 }),
    col('project', '关联项目', ['项目'], { width: 24 }),
  ],
};

export const LINKS_SHEET: SheetSpec = {
  key: 'links',
  name: '供给关系',
  synonyms: ['供给关系', '供应关系', '上下游关系'],
  required: false,
  columns: [
    col('from', '供给环节', ['上游环节', '供应方'], { required: true, width: 24 }),
    col('to', '需求环节', ['下游环节', '需求方'], { required: true, width: 24 }),
  ],
};

export const CONTACTS_SHEET: SheetSpec = {
  key: 'contacts',
  name: '联系记录',
  synonyms: ['联系记录', '对接记录'],
  required: false,
  columns: [
    col('segment', '环节名称', ['环节'], { required: true, width: 24 }),
    col('company', '目标企业', [], { required: true, width: 30 }),
    col('date', '日期', ['联系日期'], { required: true, width: 12 }),
    col('notes', '记录', ['内容', '联系内容'], { required: true, width: 40 }),
    col('by', '记录人', ['联系人'], { width: 10 }),
  ],
};

/** Chain-wide settings as 项目/内容 rows. */
export const CHAIN_SHEET: SheetSpec = {
  key: 'chain',
  name: '产业链',
  synonyms: ['产业链', '图谱信息'],
  required: false,
  columns: [col('item', '项目', [], { required: true, width: 14 }), col('value', '内容', [], { required: true, width: 50 })],
};

export const CHAIN_ITEMS = { name: '名称', owner: '链长', threshold: '强链阈值', description: '说明', tiers: '环节位置' } as const;

export const SHEETS: readonly SheetSpec[] = [CHAIN_SHEET, SEGMENTS_SHEET, FIRMS_SHEET, TARGETS_SHEET, LINKS_SHEET, CONTACTS_SHEET];

/** Separator of the chain's own ordered stages in the 环节位置 item. */
export const TIER_SEPARATOR = ' → ';
