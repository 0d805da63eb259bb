import type { z } from 'zod';
import { dashboardMethods } from './dashboard';
import { fdiImportMethods } from './fdiImport';
import { enterprisesMethods } from './enterprises';
import { chainsMethods } from './chains';
import { filesMethods } from './files';
import { jobsMethods } from './jobs';
import { projectsMethods } from './projects';
import { referenceMethods } from './reference';
import { referenceListMethods } from './reference';
import { settingsMethods } from './settings';
import { statsMethods } from './stats';
import { systemMethods } from './system';
import { statsSettingsMethods } from './statsSettings';
import { policyMethods } from './policy';
import { auditMethods } from './audit';

/** The whole API: every backend method by name. Areas add their map here and nowhere else. */
export const contract = {
  ...systemMethods,
  ...referenceMethods,
  ...settingsMethods,
  ...jobsMethods,
  ...filesMethods,
  ...statsMethods,
  ...dashboardMethods,
  ...fdiImportMethods,
  ...projectsMethods,
  ...enterprisesMethods,
  ...chainsMethods,
  ...statsSettingsMethods,
  ...referenceListMethods,
  ...policyMethods,
  ...auditMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the backend to every window (SSE in browser mode, IPC in Electron). */
export type BackendEvent =
  | { type: 'job'; job: import('./jobs').JobState }
  | { type: 'changed'; area: string }
  | BackendStatusEvent;

/**
 * The desktop app's backend process (Electron main → windows only): it died and is being restarted, is back, or could
 * not be restarted. `message` is Chinese, for the banner.
 */
export type BackendStatusEvent = {
  type: 'backend';
  state: 'restarting' | 'ready' | 'failed';
  message?: string;
};
