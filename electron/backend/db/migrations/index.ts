import type { Migration } from '../migration';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_import_undo';

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
