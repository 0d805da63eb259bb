/** The fields of an enterprise register as the workbook layer looks for them: by header, and by content for codes and countries. */
import type { FdiResolvers } from '../../fdi-import/resolve';
import type { RegisterField } from '../../import-layouts/register-sheet';
import { fieldSpecs } from '../../projects/import/sheets';
import type { CellValue } from '../../workbook';
import { ENTERPRISE_COLUMNS } from '../columns';

const words = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');

export function enterpriseFieldSpecs(resolvers: FdiResolvers): RegisterField[] {
  const content: Record<string, Partial<RegisterField>> = {
    // the code's shape, not its check digit: a code mistyped is still the code column, and its row's problem
    uscc: { looksLike: (v) => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(words(v).toUpperCase()) },
    country: { looksLike: (v) => words(v) !== '' && !/^\d+$/.test(words(v)) && resolvers.country(words(v)).ok },
    notes: { givesWayToContent: true },
  };
  return fieldSpecs(ENTERPRISE_COLUMNS, ['name']).map((f) => ({ ...f, ...content[f.key] }));
}
