import type { Contract } from '../../../shared/api';
import type { AreaHandlers } from '../context';
import { dashboardHandlers } from './dashboard';
import { fdiImportHandlers } from './fdiImport';
import { enterprisesHandlers } from './enterprises';
import { chainsHandlers } from './chains';
import { filesHandlers } from './files';
import { jobsHandlers } from './jobs';
import { projectsHandlers } from './projects';
import { referenceHandlers } from './reference';
import { referenceListHandlers } from './reference';
import { settingsHandlers } from './settings';
import { statsHandlers } from './stats';
import { systemHandlers } from './system';
import { statsSettingsHandlers } from './statsSettings';
import { policyHandlers } from './policy';
import { auditHandlers } from './audit';

/** Every handler, by method name. The type makes a missing or extra handler a compile error. */
export const handlers: AreaHandlers<Contract> = {
  ...systemHandlers,
  ...referenceHandlers,
  ...settingsHandlers,
  ...jobsHandlers,
  ...filesHandlers,
  ...statsHandlers,
  ...dashboardHandlers,
  ...fdiImportHandlers,
  ...projectsHandlers,
  ...enterprisesHandlers,
  ...chainsHandlers,
  ...statsSettingsHandlers,
  ...referenceListHandlers,
  ...policyHandlers,
  ...auditHandlers,
};
