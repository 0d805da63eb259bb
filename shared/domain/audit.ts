import { DOMESTIC_REINVESTMENT_RULES, type DomesticReinvestmentRule } from './fdi';
import { ACCESS_STATUSES, type AccessStatus } from './policy';

/**
 * The audit log's words: what each action and each kind of entry is called, and which part of the app (area) an entry
 * belongs to. Entries of a kind not listed here still show, under 其他 with their raw name.
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  undo: '撤销导入',
  restore: '恢复备份',
  backup: '备份',
  stage: '变更阶段',
  resolve: '办结问题',
  override: '人工认定',
  confirm: '确认鼓励类条目',
  migrate: '升级数据',
};

export const AUDIT_AREAS = {
  projects: '项目库',
  enterprises: '企业库',
  fdi: '外资统计',
  chains: '产业链图谱',
  home: '首页目标',
  policy: '外资准入',
  settings: '设置',
  database: '数据库',
  other: '其他',
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;
export const AUDIT_AREA_CODES = Object.keys(AUDIT_AREAS) as [AuditArea, ...AuditArea[]];

/** Every kind of entry the app writes: its name and its area. */
export const AUDIT_ENTITIES: Record<string, { name: string; area: AuditArea }> = {
  project: { name: '项目', area: 'projects' },
  project_event: { name: '跟进记录', area: 'projects' },
  project_issue: { name: '协调问题', area: 'projects' },
  enterprise: { name: '企业', area: 'enterprises' },
  import_batch: { name: '导入批次', area: 'fdi' },
  fdi_record: { name: '外资统计记录', area: 'fdi' },
  chain: { name: '产业链', area: 'chains' },
  segment: { name: '产业链环节', area: 'chains' },
  'segment.position': { name: '环节位置', area: 'chains' },
  'segment.override': { name: '环节强弱认定', area: 'chains' },
  segment_link: { name: '环节关联', area: 'chains' },
  segment_enterprise: { name: '环节企业', area: 'chains' },
  target: { name: '招商目标', area: 'chains' },
  target_contact: { name: '目标联系记录', area: 'chains' },
  chain_edit: { name: '产业链图谱编辑', area: 'chains' },
  indicator_target: { name: '年度目标', area: 'home' },
  negative_measure: { name: '负面清单措施', area: 'policy' },
  encouraged_catalogue: { name: '鼓励外商投资产业目录', area: 'policy' },
  jurisdiction: { name: '辖区', area: 'settings' },
  preferences: { name: '偏好设置', area: 'settings' },
  district: { name: '区县', area: 'settings' },
  platform: { name: '园区平台', area: 'settings' },
  database: { name: '数据库', area: 'database' },
  setting: { name: '统计设置', area: 'fdi' },
  fx_rate: { name: '汇率', area: 'fdi' },
  ref_list: { name: '参考清单', area: 'fdi' },
  backup: { name: '数据库备份', area: 'database' },
};

/** The kinds of entry in an area (for filters). */
export function auditEntitiesOf(area: AuditArea): string[] {
  return Object.entries(AUDIT_ENTITIES)
    .filter(([, e]) => e.area === area)
    .map(([k]) => k);
}

export const auditActionName = (action: string) => AUDIT_ACTIONS[action] ?? action;
export const auditEntityName = (entity: string) => AUDIT_ENTITIES[entity]?.name ?? entity;

/** Import batches of the project list and the enterprise register belong to those areas (their entry says its kind). */
export const BATCH_KIND_AREAS: Partial<Record<AuditArea, string>> = { projects: 'projects', enterprises: 'enterprises' };

export function auditAreaOf(entity: string, after?: unknown): AuditArea {
  if (entity === 'import_batch' && typeof after === 'object' && after !== null) {
    const kind = (after as { kind?: unknown }).kind;
    const area = (Object.keys(BATCH_KIND_AREAS) as AuditArea[]).find((a) => BATCH_KIND_AREAS[a] === kind);
    if (area) return area;
  }
  return AUDIT_ENTITIES[entity]?.area ?? 'other';
}

/** Field names as people read them; a field not listed shows under its own name. */
export const AUDIT_FIELDS: Record<string, string> = {
  name: '名称',
  investor: '外方投资者',
  countryCode: '国别（地区）',
  industryCode: '行业代码',
  districtId: '区县',
  platformId: '园区',
  totalInvestment: '总投资',
  contractedFdi: '合同外资',
  stage: '阶段',
  reinvestment: '再投资',
  priority: '重点级别',
  ownerUnit: '责任单位',
  ownerPerson: '责任人',
  leader: '包联领导',
  firstContactDate: '首次接洽日期',
  signedDate: '签约日期',
  registeredDate: '注册日期',
  constructionDate: '开工日期',
  operationDate: '投产日期',
  lastFollowUpDate: '最近跟进日期',
  notes: '备注',
  plan: '计划到资',
  segmentIds: '产业链环节',
  uscc: '统一社会信用代码',
  registeredCapital: '注册资本',
  setupDate: '成立日期',
  file: '文件',
  rows: '行数',
  kind: '种类',
  sheet: '工作表',
  unit: '金额单位',
  sha256: '文件校验值',
  district: '区县',
  skippedRows: '跳过行数',
  rejectedRows: '有错未导入行数',
  enterprisesCreated: '新建企业数',
  enterprisesUpdated: '更新企业数',
  removedRecords: '删除记录数',
  removedEnterprises: '删除企业数',
  restoredEnterprises: '恢复企业数',
  create: '新增数',
  update: '更新数',
  type: '类型',
  from: '恢复自',
  saved: '恢复前另存为',
  policy: '准入认定',
  encouraged: '鼓励类条目',
  status: '状态',
  reason: '理由',
  company: '企业名称',
  code: '代码',
  userName: '用户名',
  followUpDays: '跟进提醒天数',
  foreignShare: '外资比例（%）',
  domesticReinvestment: '境内再投资的计入',
  forms: '报表表头',
  period: '期间',
  rate: '汇率（元/美元）',
  source: '来源',
  version: '版本',
  items: '条目',
  operation: '操作',
  changes: '修改内容',
  edits: '修改明细',
  inverse: '撤销用的反向修改',
};

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** When and by whom a row was last saved: the entry itself says that (a save that changed nothing shows no change). */
const BOOKKEEPING = new Set(['editedAt', 'editedBy', 'updatedAt']);

const BATCH_KINDS: Record<string, string> = { fdi: '外资统计', projects: '项目清单', enterprises: '企业名录' };

/** A value in words: a judgement or a chosen item as people say it, codes of known fields named, the rest as JSON. */
function show(v: unknown, field = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (field === 'kind') return BATCH_KINDS[v] ?? v;
    if (field === 'domesticReinvestment') return DOMESTIC_REINVESTMENT_RULES[v as DomesticReinvestmentRule] ?? v;
    return v;
  }
  // a reference list's items: their codes
  if (field === 'items' && Array.isArray(v)) return v.map((i) => (typeof i === 'object' && i !== null && 'code' in i ? String((i as { code: unknown }).code) : JSON.stringify(i))).join('、');
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.status === 'string' && typeof o.reason === 'string') {
      const no = typeof o.measureNo === 'number' ? `（第${o.measureNo}条）` : '';
      return `${ACCESS_STATUSES[o.status as AccessStatus] ?? o.status}${no}：${o.reason}`;
    }
    if (typeof o.text === 'string' && 'itemId' in o) return o.text;
  }
  return JSON.stringify(v);
}

/**
 * What an entry changed, field by field: for an edit the fields it set whose value differs (a field the edit did not
 * send is not a change), for a creation what was set, for a deletion what was there. Values that are not objects
 * show as one row.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) {
    return before === null && after === null ? [] : [{ field: '', label: '', before: show(before), after: show(after) }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = isObject(before) && isObject(after) ? Object.keys(a) : [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  return keys
    .filter((k) => !BOOKKEEPING.has(k))
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    // a creation's empty fields (or a deletion's) say nothing
    .filter((k) => !(blank(b[k]) && blank(a[k])))
    .map((k) => ({ field: k, label: AUDIT_FIELDS[k] ?? k, before: show(b[k], k), after: show(a[k], k) }));
}
