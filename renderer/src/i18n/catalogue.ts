import { dashboardMessages } from '../features/home/messages';
import { statsTablesMessages } from '../features/fdi-stats/tables/messages';
import { projectMessages } from '../features/projects/messages';
import { enterpriseMessages } from '../features/enterprises/messages';
import { chainsMessages } from '../features/chains/messages';
import { fdiImportMessages } from '../features/fdi-import/messages';
import { settingsMessages } from '../features/settings/messages';
import { statsSettingsMessages } from '../features/fdi-stats/settings/messages';
import { policyMessages } from '../features/policy/messages';
import { auditMessages } from '../features/audit/messages';
import { importMessages } from '../components/import/messages';
import { registerImportMessages } from '../features/register-import/messages';
import type { Catalogue } from './define';
import { domainMessages } from './domain';
import { shellMessages } from './shell';

/**
 * The one message catalogue, made of each feature's part. Every part is listed here so that a test can check that
 * en-US has exactly the keys of zh-CN everywhere. Features add one line.
 */
export const CATALOGUE: Record<string, Catalogue> = {
  shell: shellMessages,
  domain: domainMessages,
  settings: settingsMessages,
  dashboard: dashboardMessages,
  statsTables: statsTablesMessages,
  projects: projectMessages,
  enterprises: enterpriseMessages,
  chains: chainsMessages,
  fdiImport: fdiImportMessages,
  statsSettings: statsSettingsMessages,
  policy: policyMessages,
  audit: auditMessages,
  import: importMessages,
  registerImport: registerImportMessages,
};
