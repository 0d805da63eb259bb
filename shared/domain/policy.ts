/**
 * Market access (外商投资准入): where an industry stands under the 外商投资准入特别管理措施（负面清单）.
 * `partial`: a measure covers part of the industry's activities, so a person has to look at what the project does.
 */
export const ACCESS_STATUSES = { prohibited: '禁止', restricted: '限制', partial: '部分涉及', open: '未涉及' } as const;
export type AccessStatus = keyof typeof ACCESS_STATUSES;
export const ACCESS_STATUS_CODES = Object.keys(ACCESS_STATUSES) as [AccessStatus, ...AccessStatus[]];
/** The statuses a project can carry under the list (open = none). */
export type NegativeListStatus = Exclude<AccessStatus, 'open'>;

export const MEASURE_KINDS = { prohibited: '禁止类', restricted: '限制类' } as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;

/** What a restricting measure asks of the foreign side. */
export const RESTRICTIONS = {
  chinese_control: '须由中方控股',
  relative_control: '须由中方相对控股',
  joint_venture: '限于合资',
  equity_cap: '外资股比限制',
  other: '其他要求',
} as const;
export type Restriction = keyof typeof RESTRICTIONS;
export const RESTRICTION_CODES = Object.keys(RESTRICTIONS) as [Restriction, ...Restriction[]];

export const NEGATIVE_LIST_EDITIONS = { national: '全国版', ftz: '自贸试验区版' } as const;
export type NegativeListEdition = keyof typeof NEGATIVE_LIST_EDITIONS;

/** The kinds of thing that carry an access status. */
export const POLICY_ENTITIES = { project: '项目', target: '招商目标', enterprise: '企业' } as const;
export type PolicyEntity = keyof typeof POLICY_ENTITIES;
export const POLICY_ENTITY_CODES = Object.keys(POLICY_ENTITIES) as [PolicyEntity, ...PolicyEntity[]];

export const ENCOURAGED_PARTS = { national: '全国鼓励外商投资产业目录', regional: '中西部等地区外商投资优势产业目录' } as const;
export type EncouragedPart = keyof typeof ENCOURAGED_PARTS;

/** A restriction in words: `外资股比不超过50%` for a cap, the code's name otherwise. */
export function restrictionText(restriction: Restriction | null, equityCap: number | null): string | null {
  if (!restriction) return null;
  if (restriction === 'equity_cap' && equityCap !== null) return `外资股比不超过${equityCap}%`;
  return RESTRICTIONS[restriction];
}

/** Stronger first: a prohibition over a restriction, a measure covering the whole industry over one covering part. */
export const STATUS_RANK: Record<AccessStatus, number> = { prohibited: 3, restricted: 2, partial: 1, open: 0 };
