import type { z } from 'zod';
import { chainsMethods } from './chains';
import { fdiImportMethods } from './fdiImport';
import { filesMethods } from './files';
import { jobsMethods } from './jobs';
import { referenceMethods } from './reference';
import { settingsMethods } from './settings';
import { systemMethods } from './system';

/** The whole API: every backend method by name. Areas add their map here and nowhere else. */
export const contract = {
  ...systemMethods,
  ...referenceMethods,
  ...settingsMethods,
  ...jobsMethods,
  ...filesMethods,
  ...chainsMethods,
  ...fdiImportMethods,
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
  | { type: 'changed'; area: string };
