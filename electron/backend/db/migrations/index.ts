import type { Migration } from '../migration';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_import_undo';
import { migration0003 } from './0003_stats_indexes';
import { migration0004 } from './0004_project_list';
import { migration0006 } from './0006_indicator_target_actual';
import { migration0007 } from './0007_stats_definitions';
import { migration0008 } from './0008_policy_audit';

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0006,
  migration0007,
  migration0008,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
