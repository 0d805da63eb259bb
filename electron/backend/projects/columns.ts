/**
 * The project list's columns as the export writes them and the import reads them. The import also accepts the
 * other names bureaus give these columns (synonyms); the export writes the first name, so what goes out comes back.
 */
export type CellKind = 'text' | 'amount' | 'date' | 'percent';

export interface SheetColumn {
  key: ProjectColumnKey;
  header: string;
  synonyms: readonly string[];
  kind: CellKind;
  width: number;
}

export const PROJECT_COLUMNS = [
  { key: 'name', header: '项目名称', synonyms: ['项目', '项目名', '重点项目名称', '外资项目名称'], kind: 'text', width: 36 },
  { key: 'investor', header: '外方投资者', synonyms: ['投资方', '外方投资方', '外方投资主体', '投资主体', '外资方', '投资商', '外方股东', '投资者'], kind: 'text', width: 28 },
  { key: 'country', header: '国别（地区）', synonyms: ['国别', '国家', '国别地区', '国家（地区）', '国家地区', '来源地', '资金来源地', '投资来源地'], kind: 'text', width: 12 },
  { key: 'industryCode', header: '行业代码', synonyms: ['国民经济行业代码', '行业分类代码'], kind: 'text', width: 10 },
  { key: 'industryName', header: '所属行业', synonyms: ['行业', '行业名称', '国民经济行业', '产业类别', '行业类别'], kind: 'text', width: 20 },
  { key: 'district', header: '所在区县', synonyms: ['区县', '属地', '所在地', '县（市、区）', '县市区', '所属区县', '板块'], kind: 'text', width: 12 },
  { key: 'platform', header: '所在园区', synonyms: ['园区', '载体', '平台', '开发区', '所在平台', '所属园区'], kind: 'text', width: 22 },
  { key: 'totalInvestment', header: '总投资（万美元）', synonyms: ['总投资', '投资总额', '项目总投资', '计划总投资'], kind: 'amount', width: 14 },
  { key: 'contractedFdi', header: '合同外资（万美元）', synonyms: ['合同外资', '合同利用外资', '协议外资', '合同外资额', '注册外资'], kind: 'amount', width: 14 },
  { key: 'stage', header: '项目阶段', synonyms: ['项目进展阶段', '进展阶段', '推进阶段', '当前阶段', '所处阶段', '阶段', '项目状态', '状态', '项目进度'], kind: 'text', width: 10 },
  { key: 'priority', header: '重点级别', synonyms: ['级别', '项目级别', '重点类别', '项目类别', '重点类型'], kind: 'text', width: 10 },
  { key: 'reinvestment', header: '是否再投资', synonyms: ['再投资', '境内再投资', '是否境内再投资', '是否利润再投资', '是否为再投资项目'], kind: 'text', width: 10 },
  { key: 'reinvestEnterprise', header: '再投资企业', synonyms: ['再投资企业名称', '再投资企业统一社会信用代码', '投资企业（境内）'], kind: 'text', width: 24 },
  { key: 'enterprise', header: '落地企业', synonyms: ['注册企业', '项目公司', '落地企业统一社会信用代码', '企业统一社会信用代码', '统一社会信用代码'], kind: 'text', width: 24 },
  { key: 'ownerUnit', header: '责任单位', synonyms: ['牵头单位', '责任部门', '承办单位', '负责单位'], kind: 'text', width: 16 },
  { key: 'ownerPerson', header: '责任人', synonyms: ['联系人', '经办人', '项目负责人', '跟踪人'], kind: 'text', width: 10 },
  { key: 'leader', header: '包联领导', synonyms: ['挂钩领导', '联系领导', '包挂领导', '分管领导', '挂钩联系领导'], kind: 'text', width: 10 },
  { key: 'firstContactDate', header: '首次接洽日期', synonyms: ['首次接触日期', '接洽日期', '首谈日期', '首次洽谈日期'], kind: 'date', width: 12 },
  { key: 'signedDate', header: '签约日期', synonyms: ['签约时间'], kind: 'date', width: 12 },
  { key: 'registeredDate', header: '注册日期', synonyms: ['注册时间', '落地日期', '登记日期', '注册登记日期'], kind: 'date', width: 12 },
  { key: 'constructionDate', header: '开工日期', synonyms: ['开工时间'], kind: 'date', width: 12 },
  { key: 'operationDate', header: '投产日期', synonyms: ['投产时间', '竣工投产日期', '竣工日期'], kind: 'date', width: 12 },
  { key: 'lastFollowUpDate', header: '最近跟进日期', synonyms: ['最近跟进', '最后跟进日期', '上次跟进日期'], kind: 'date', width: 12 },
  { key: 'segments', header: '产业链环节', synonyms: ['所属产业链', '产业链', '链条环节'], kind: 'text', width: 24 },
  { key: 'notes', header: '备注', synonyms: ['项目进展', '进展情况', '说明', '项目简介', '建设内容'], kind: 'text', width: 36 },
] as const satisfies readonly { key: string; header: string; synonyms: readonly string[]; kind: CellKind; width: number }[];

export type ProjectColumnKey = (typeof PROJECT_COLUMNS)[number]['key'];

/**
 * Columns the list export adds after the ones above: computed (market access) or chosen elsewhere, so the import
 * does not read them back. Their headers match none of the import's column names.
 */
export const POLICY_EXPORT_COLUMNS = [
  { key: 'access', header: '准入（负面清单）', width: 12 },
  { key: 'measure', header: '负面清单措施', width: 48 },
  { key: 'encouraged', header: '鼓励类条目', width: 36 },
] as const;

/** The second sheet: planned capital arrival by month. */
export const PLAN_SHEET = '计划到资';
export const PLAN_COLUMNS = [
  { key: 'name', header: '项目名称', synonyms: ['项目', '项目名'], kind: 'text', width: 36 },
  { key: 'period', header: '月份', synonyms: ['计划到资月份', '到资月份', '年月'], kind: 'text', width: 10 },
  { key: 'amount', header: '计划到资（万美元）', synonyms: ['计划到资', '计划到资额', '计划到资金额'], kind: 'amount', width: 16 },
] as const;

export const LIST_SHEET = '项目清单';
/** Separator of several chain segments in one cell: `新能源汽车/动力电池；新能源汽车/电机电控`. */
export const SEGMENT_SEPARATOR = '；';
