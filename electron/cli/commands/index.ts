import type { CliCommand } from '../command';
import { batchesCommand, importFdiCommand, undoCommand } from './fdiImport';
import { PROJECT_COMMANDS } from './projects';
import { backupCommand, checkCommand, initCommand } from './system';

/** Every CLI command. Areas add theirs here. */
export const COMMANDS: CliCommand[] = [initCommand, checkCommand, backupCommand];
COMMANDS.push(importFdiCommand, batchesCommand, undoCommand);
COMMANDS.push(...PROJECT_COMMANDS);
