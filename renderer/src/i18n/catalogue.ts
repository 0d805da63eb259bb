import { dashboardMessages } from '../features/home/messages';
import { statsTablesMessages } from '../features/fdi-stats/tables/messages';
import { projectMessages } from '../features/projects/messages';
import { enterpriseMessages } from '../features/enterprises/messages';
import { chainsMessages } from '../features/chains/messages';
import { fdiImportMessages } from '../features/fdi-stats/import/messages';
import { settingsMessages } from '../features/settings/messages';
import { statsSettingsMessages } from '../features/fdi-stats/settings/messages';
import { policyMessages } from '../components/policy/messages';
import { auditMessages } from '../features/settings/audit/messages';
import { importMessages } from '../components/import/messages';
import { registerImportMessages } from '../components/import/register/messages';
import { componentMessages } from '../components/messages';
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
  components: componentMessages,
};
