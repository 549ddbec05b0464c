import type { ReviewRule } from '../review-engine/review-rule.js';
import { columnTypeChange } from '../rules/database/column-type-change.js';
import { constraintWithoutNotValid } from '../rules/database/constraint-without-not-valid.js';
import { destructiveMigration } from '../rules/database/destructive-migration.js';
import { editedAppliedMigration } from '../rules/database/edited-applied-migration.js';
import { indexWithoutConcurrently } from '../rules/database/index-without-concurrently.js';
import { notNullWithoutDefault } from '../rules/database/not-null-without-default.js';
import { renameColumn } from '../rules/database/rename-column.js';
import { renameTable } from '../rules/database/rename-table.js';
import { setNotNull } from '../rules/database/set-not-null.js';
import { uniqueConstraintWithoutIndex } from '../rules/database/unique-constraint-without-index.js';

/**
 * The database review's deterministic rules (database-administrator: migrations, data safety).
 * They read the operations change analysis found in each migration, so the report's
 * Database Changes and this review cannot disagree.
 */
export const databaseRules: readonly ReviewRule[] = [
  destructiveMigration,
  notNullWithoutDefault,
  setNotNull,
  columnTypeChange,
  renameColumn,
  renameTable,
  indexWithoutConcurrently,
  constraintWithoutNotValid,
  uniqueConstraintWithoutIndex,
  editedAppliedMigration,
];
