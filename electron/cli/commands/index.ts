import type { CliCommand } from '../command';
import { chainsGapsCommand, chainsListCommand, exportChainCommand, importChainCommand } from './chains';
import { backupCommand, checkCommand, initCommand } from './system';

/** Every CLI command. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [
  initCommand,
  checkCommand,
  backupCommand,
  importChainCommand,
  chainsListCommand,
  chainsGapsCommand,
  exportChainCommand,
];
