import type { CliCommand } from '../command';
import { chainsGapsCommand, chainsListCommand, exportChainCommand, importChainCommand } from './chains';
import { batchesCommand, importFdiCommand, undoCommand } from './fdiImport';
import { backupCommand, checkCommand, initCommand } from './system';

/** Every CLI command. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [initCommand, checkCommand, backupCommand];
COMMANDS.push(importFdiCommand, batchesCommand, undoCommand);
COMMANDS.push(importChainCommand, chainsListCommand, chainsGapsCommand, exportChainCommand);
