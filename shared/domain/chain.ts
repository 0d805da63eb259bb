export const TIERS = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;
export type Tier = keyof typeof TIERS;

export const SEGMENT_STATUSES = { strong: '强', weak: '弱', missing: '缺' } as const;
export type SegmentStatus = keyof typeof SEGMENT_STATUSES;
export const SEGMENT_STATUS_CODES = Object.keys(SEGMENT_STATUSES) as [SegmentStatus, ...SegmentStatus[]];

export const FIRM_ROLES = { leader: '链主', backbone: '骨干', supporting: '配套' } as const;
export type FirmRole = keyof typeof FIRM_ROLES;
export const FIRM_ROLE_CODES = Object.keys(FIRM_ROLES) as [FirmRole, ...FirmRole[]];

export const TARGET_PRIORITIES = { high: '高', medium: '中', low: '低' } as const;
export type TargetPriority = keyof typeof TARGET_PRIORITIES;
export const TARGET_PRIORITY_CODES = Object.keys(TARGET_PRIORITIES) as [TargetPriority, ...TargetPriority[]];

export const TARGET_STATUSES = {
  untouched: '未接触',
  contacted: '已接触',
  negotiating: '洽谈中',
  signed: '已签约',
  landed: '已落地',
} as const;
export type TargetStatus = keyof typeof TARGET_STATUSES;
export const TARGET_STATUS_CODES = Object.keys(TARGET_STATUSES) as [TargetStatus, ...TargetStatus[]];

/** A chain's stages when it has not set its own: 上游 → 中游 → 下游. */
export const DEFAULT_TIER_CODES: readonly Tier[] = ['upstream', 'midstream', 'downstream'];

/** The name of a stage: the domain name for the three standard codes, else the chain's own stage name as written. */
export function tierLabel(tier: string): string {
  return (TIERS as Record<string, string>)[tier] ?? tier;
}
