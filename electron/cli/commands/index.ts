import type { CliCommand } from '../command';
import { dashboardCommand, targetsDeleteCommand, targetsListCommand, targetsSetCommand } from './dashboard';
import { exportStatsCommand, statsCommand } from './stats';
import { chainsGapsCommand, chainsListCommand, exportChainCommand, importChainCommand } from './chains';
import { backupCommand, checkCommand, initCommand } from './system';

/** Every CLI command. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [
  initCommand,
  checkCommand,
  backupCommand,
  statsCommand,
  exportStatsCommand,
  targetsSetCommand,
  targetsListCommand,
  targetsDeleteCommand,
  dashboardCommand,
  importChainCommand,
  chainsListCommand,
  chainsGapsCommand,
  exportChainCommand,
];
