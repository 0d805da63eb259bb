import type { CliCommand } from '../command';
import { chainsGapsCommand, chainsListCommand, exportChainCommand, importChainCommand } from './chains';
import { dashboardCommand, targetsDeleteCommand, targetsListCommand, targetsSetCommand } from './dashboard';
import { batchesCommand, importFdiCommand, undoCommand } from './fdiImport';
import { PROJECT_COMMANDS } from './projects';
import { SETUP_COMMANDS } from './setup';
import { exportStatsCommand, statsCommand } from './stats';
import { recordsCommand } from './records';
import { backupCommand, checkCommand, initCommand } from './system';
import { backupsCommand, restoreCommand } from './backups';
import { auditCommand } from './audit';

/** Every CLI command, in the order `help` lists them. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [
  initCommand,
  checkCommand,
  backupCommand,
  importFdiCommand,
  batchesCommand,
  undoCommand,
  statsCommand,
  exportStatsCommand,
  ...PROJECT_COMMANDS,
  targetsSetCommand,
  targetsListCommand,
  targetsDeleteCommand,
  dashboardCommand,
  importChainCommand,
  chainsListCommand,
  chainsGapsCommand,
  exportChainCommand,
  ...SETUP_COMMANDS,
  backupsCommand,
  restoreCommand,
  recordsCommand,
  auditCommand,
];
