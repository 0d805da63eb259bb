export const MEASURES = ['newEnterprises', 'contractedFdi', 'actualFdi'] as const;
export type Measure = (typeof MEASURES)[number];
/** The parts of a measure: 本期, 上年同期, 同比, and 占比 (actual FDI only). */
export const PARTS = ['current', 'prior', 'yoy', 'share'] as const;
export type Part = (typeof PARTS)[number];

export interface ColumnChoice {
  measures: Measure[];
  parts: Part[];
}

export const ALL_COLUMNS: ColumnChoice = { measures: [...MEASURES], parts: [...PARTS] };
/** Where every column does not fit (a 1366 laptop at 125 %), 同比 stands for the prior period until asked for. */
export const NARROW_COLUMNS: ColumnChoice = { measures: [...MEASURES], parts: ['current', 'yoy', 'share'] };

/** A stored choice, if it is one: unknown names dropped, and never nothing left to show. */
export function parseChoice(text: string | null): ColumnChoice | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<ColumnChoice>;
    const measures = MEASURES.filter((m) => raw.measures?.includes(m));
    const parts = PARTS.filter((p) => raw.parts?.includes(p));
    return measures.length && parts.length ? { measures, parts } : null;
  } catch {
    return null;
  }
}

