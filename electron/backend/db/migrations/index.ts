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

/**
 * Versions no migration has, and why. In the first session (2026-11-28) each branch took a migration number up
 * front; 0005 was left to a branch that in the end needed no schema change, and 0006 (indicator_target_actual, the
 * dashboard branch) had already been merged under its number. Databases have passed 4 → 6 since: never reuse 5.
 */
export const SKIPPED_VERSIONS: Readonly<Record<number, string>> = {
  5: '首个会话中各分支预先分配迁移编号，0005 所属分支最终不需要改表结构；0006 已按原编号合并，故 0005 空缺且不再使用',
};

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
