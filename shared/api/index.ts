import type { z } from 'zod';
import type { DataArea } from './define';
import { dashboardMethods } from './dashboard';
import { fdiImportMethods } from './fdiImport';
import { enterprisesMethods } from './enterprises';
import { chainsMethods } from './chains';
import { filesMethods } from './files';
import { jobsMethodsFor } from './jobs';
import { projectsMethods } from './projects';
import { referenceMethods } from './reference';
import { referenceListMethods } from './reference';
import { settingsMethods } from './settings';
import { statsMethods } from './stats';
import { systemMethods } from './system';
import { statsSettingsMethods } from './statsSettings';
import { policyMethods } from './policy';
import { auditMethods } from './audit';

/** Every area's methods but `jobs.*`. Areas add their map here and nowhere else. */
const areaMethods = {
  ...systemMethods,
  ...referenceMethods,
  ...settingsMethods,
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

/** The whole API: every backend method by name; `jobs.*` answer job states typed by the methods that start them. */
export const contract = { ...areaMethods, ...jobsMethodsFor(areaMethods) };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The methods that start a job; their contract entry says what the finished job holds. */
export type JobMethodName = { [K in MethodName]: Contract[K] extends { job: z.ZodType } ? K : never }[MethodName];
export type JobResult<M extends JobMethodName> = z.output<Contract[M]['job']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * Data a call changed: the areas its contract entry declares, once its transaction (or its job) committed, and the
 * window or client that made the call (`origin`), so a window can tell its own changes from another's.
 */
export type ChangedEvent = {
  type: 'changed';
  areas: readonly DataArea[];
  origin?: string;
};

/** The HTTP header a browser tab sends its origin in (lower case, as Node reads headers). */
export const ORIGIN_HEADER = 'x-fdi-origin';

/** Events pushed from the backend to every window (SSE in browser mode, IPC in Electron). */
export type BackendEvent = { type: 'job'; job: import('./jobs').JobState } | ChangedEvent | BackendStatusEvent;

/**
 * The desktop app's backend process (Electron main → windows only): it died and is being restarted, is back, or could
 * not be restarted. `message` is Chinese, for the banner.
 */
export type BackendStatusEvent = {
  type: 'backend';
  state: 'restarting' | 'ready' | 'failed';
  message?: string;
};
