/** Platform (园区) types, with stable codes and the names used in the returns. Order is the order of the tables. */
export const PLATFORM_TYPES = {
  national_etdz: '国家级经开区',
  provincial_dz: '省级开发区',
  hitech_zone: '高新区',
  bonded_zone: '综合保税区',
  ftz_area: '自贸试验区片区',
  border_zone: '边境(跨境)经济合作区',
  other: '其他',
} as const;
export type PlatformType = keyof typeof PLATFORM_TYPES;
export const PLATFORM_TYPE_CODES = Object.keys(PLATFORM_TYPES) as [PlatformType, ...PlatformType[]];

/** Types counted as 开发区 in the plan's headline share (开发区吸收外资占比). */
export const DEVELOPMENT_ZONE_TYPES: readonly PlatformType[] = [
  'national_etdz',
  'provincial_dz',
  'hitech_zone',
  'bonded_zone',
  'border_zone',
];
