/**
 * The fields of a project list as the workbook layer looks for them: by header (PROJECT_COLUMNS and their synonyms)
 * and by content. A column of stage words is the stage column whatever its header — even one headed 项目进展, which
 * would otherwise pass for 备注; a column of 省重点/市重点 the priority. Yes/no flags look alike, so a 是/否 column is
 * only suggested for 是否再投资 (a warning), never taken.
 */
import { flagFromWord, priorityFromWord, stageFromWord } from '../../../../shared/rules/projectWords';
import type { FdiResolvers } from '../../fdi-import/resolve';
import type { RegisterField } from '../../import-layouts/register-sheet';
import type { CellValue } from '../../workbook';
import { PROJECT_COLUMNS } from '../columns';
import { fieldSpecs } from './sheets';

const words = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');

export function projectFieldSpecs(resolvers: FdiResolvers): RegisterField[] {
  const content: Record<string, Partial<RegisterField>> = {
    stage: { looksLike: (v) => stageFromWord(words(v)) !== null, defaultText: '线索' },
    priority: { looksLike: (v) => words(v) !== '' && priorityFromWord(words(v)) !== null, defaultText: '一般' },
    reinvestment: { looksLike: (v) => words(v) !== '' && flagFromWord(words(v)) !== null, byContent: 'suggest', defaultText: '否' },
    country: { looksLike: (v) => words(v) !== '' && !/^\d+$/.test(words(v)) && resolvers.country(words(v)).ok },
    notes: { givesWayToContent: true },
  };
  return fieldSpecs(PROJECT_COLUMNS, ['name']).map((f) => ({ ...f, ...content[f.key] }));
}
