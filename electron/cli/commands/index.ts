import type { CliCommand } from '../command';
import { dashboardCommand, targetsDeleteCommand, targetsListCommand, targetsSetCommand } from './dashboard';
import { backupCommand, checkCommand, initCommand } from './system';

/** Every CLI command. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [
  initCommand,
  checkCommand,
  backupCommand,
  targetsSetCommand,
  targetsListCommand,
  targetsDeleteCommand,
  dashboardCommand,
];
