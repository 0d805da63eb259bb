/**
 * Stable error codes (English, for logs and scripts) with their Chinese messages (for people).
 * A code never changes meaning once shipped; add new ones at the end of their group.
 */
export const ERROR_MESSAGES = {
  // transport and dispatch
  UNKNOWN_METHOD: '未知的接口方法',
  INVALID_INPUT: '输入不符合要求',
  INVALID_OUTPUT: '程序返回了不符合约定的结果',
  UNAUTHORIZED: '缺少或错误的访问令牌',
  FORBIDDEN_HOST: '拒绝来自非本机地址的请求',
  BODY_TOO_LARGE: '请求内容过大',
  BAD_JSON: '请求内容不是有效的 JSON',
  NOT_FOUND: '找不到所请求的内容',
  INTERNAL: '程序内部错误，请联系技术支持',
  // database
  DB_UNREADABLE: '无法打开数据库文件',
  DB_TOO_NEW: '数据库来自更新版本的外资工作台，请先升级程序',
  DB_MIGRATION_FAILED: '数据库升级失败，已保留升级前的备份',
  DB_INTEGRITY: '数据库完整性检查未通过',
  BACKUP_FAILED: '备份数据库失败',
  DB_BUSY: '数据库正被另一项操作占用（例如正在导入外资统计），请稍后再试',
  // files and jobs
  FILE_NOT_FOUND: '找不到文件',
  FILE_UNREADABLE: '文件无法读取或已损坏',
  FILE_UNSUPPORTED: '不支持的文件类型',
  JOB_NOT_FOUND: '找不到该任务',
  JOB_CANCELLED: '任务已取消',
  SHEET_NOT_FOUND: '找不到指定的工作表',
  SHEET_CHOICE_REQUIRED: '文件中有多个像数据表的工作表，请选择要导入的一个',
  HEADER_NOT_FOUND: '找不到表头（前30行中没有可识别的列名）',
  COLUMN_MISSING: '缺少必需的列',
  FILE_SAVE_FAILED: '文件无法保存到所选位置',
  // domain rules
  USCC_INVALID: '统一社会信用代码不正确',
  USCC_ORG_CODE_WARNING: '统一社会信用代码中的组织机构代码校验位不符',
  UNIT_UNKNOWN: '无法识别的金额单位',
  AMOUNT_INVALID: '金额不是有效的数字',
  AMOUNT_NEGATIVE: '金额不能为负数',
  PERIOD_INVALID: '无法识别的日期或月份',
  COUNTRY_UNKNOWN: '无法识别的国别（地区）',
  INDUSTRY_UNKNOWN: '无法识别的行业',
  DIVISION_UNKNOWN: '无法识别的行政区划',
  DUPLICATE: '重复的记录',
  CONFLICT: '与已有数据冲突',
  REFUSED: '操作被拒绝',
  VALUE_MISSING: '必填项为空',
  MODE_UNKNOWN: '无法识别的投资方式',
  DISTRICT_UNKNOWN: '无法识别的区县',
  PLATFORM_UNKNOWN: '无法识别的园区',
  PERIOD_FUTURE: '日期晚于本月',
  UNIT_ASSUMED: '文件未注明金额单位，按万美元处理',
  AMOUNT_MISSING: '合同外资与实际使用外资都为空',
  IMPORT_REFUSED: '文件中有错误，未导入任何记录',
  BATCH_UNDONE: '该批导入已经撤销',
  STAGE_UNKNOWN: '无法识别的项目阶段',
  FLAG_UNKNOWN: '应填“是”或“否”',
  PRIORITY_UNKNOWN: '无法识别的重点级别',
  ENTERPRISE_UNKNOWN: '企业库中没有这家企业',
  SEGMENT_UNKNOWN: '没有这个产业链环节',
  // industry chains (产业链图谱)
  CHAIN_SHEET_MISSING: '工作簿缺少必需的工作表',
  CHAIN_COLUMN_MISSING: '工作表缺少必需的列',
  SEGMENT_PARENT_UNKNOWN: '上级环节不存在',
  SEGMENT_PARENT_CYCLE: '上级环节形成了循环',
  SEGMENT_TIER_UNKNOWN: '无法识别的环节位置',
  SEGMENT_STATUS_UNKNOWN: '无法识别的强弱认定（应为 强、弱 或 缺）',
  OVERRIDE_REASON_MISSING: '人工认定强弱须写明理由',
  FIRM_ROLE_UNKNOWN: '无法识别的企业角色（应为 链主、骨干 或 配套）',
  TARGET_PRIORITY_UNKNOWN: '无法识别的优先级（应为 高、中 或 低）',
  TARGET_STATUS_UNKNOWN: '无法识别的招商状态',
  TARGET_UNKNOWN: '招商目标不存在',
  PICTURE_FAILED: '生成图谱图片失败',
  // market access (外商投资准入)
  CATALOGUE_ROW_UNKNOWN: '无法识别的目录行',
  OVERRIDE_REASON_REQUIRED: '人工认定须写明理由',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
