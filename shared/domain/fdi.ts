/** Investment modes (投资方式) with stable codes. */
export const FDI_MODES = {
  new: '新设',
  increase: '增资',
  merger: '并购',
  reinvestment: '利润再投资',
} as const;
export type FdiMode = keyof typeof FDI_MODES;
export const FDI_MODE_CODES = Object.keys(FDI_MODES) as [FdiMode, ...FdiMode[]];

/** The unit every amount is stored and reported in. */
export const AMOUNT_UNIT = '万美元';
