/** Project stages (项目阶段) with stable codes, in pipeline order; paused/dropped sit outside the order. */
export const PROJECT_STAGES = {
  lead: '线索',
  negotiating: '洽谈',
  signed: '签约',
  registered: '注册',
  construction: '开工',
  operating: '投产',
  paused: '暂停',
  dropped: '终止',
} as const;
export type ProjectStage = keyof typeof PROJECT_STAGES;
export const PROJECT_STAGE_CODES = Object.keys(PROJECT_STAGES) as [ProjectStage, ...ProjectStage[]];

export const PROJECT_PRIORITIES = { provincial: '省重点', city: '市重点', normal: '一般' } as const;
export type ProjectPriority = keyof typeof PROJECT_PRIORITIES;
export const PROJECT_PRIORITY_CODES = Object.keys(PROJECT_PRIORITIES) as [ProjectPriority, ...ProjectPriority[]];

export const EVENT_KINDS = { visit: '走访', talk: '洽谈', call: '电话', meeting: '会议', signing: '签约', other: '其他' } as const;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_CODES = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];

export const ISSUE_CATEGORIES = {
  land: '用地',
  energy: '能耗',
  labour: '用工',
  approval: '审批',
  funding: '资金',
  other: '其他',
} as const;
export type IssueCategory = keyof typeof ISSUE_CATEGORIES;
export const ISSUE_CATEGORY_CODES = Object.keys(ISSUE_CATEGORIES) as [IssueCategory, ...IssueCategory[]];
