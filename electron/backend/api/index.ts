import type { Contract } from '../../../shared/api';
import type { AreaHandlers } from '../context';
import { chainsHandlers } from './chains';
import { fdiImportHandlers } from './fdiImport';
import { filesHandlers } from './files';
import { jobsHandlers } from './jobs';
import { referenceHandlers } from './reference';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';

/** Every handler, by method name. The type makes a missing or extra handler a compile error. */
export const handlers: AreaHandlers<Contract> = {
  ...systemHandlers,
  ...referenceHandlers,
  ...settingsHandlers,
  ...jobsHandlers,
  ...filesHandlers,
  ...chainsHandlers,
  ...fdiImportHandlers,
};
