import type { ReviewRule } from '../review-engine/review-rule.js';
import { destructiveMigration } from '../rules/database/destructive-migration.js';
import { notNullWithoutDefault } from '../rules/database/not-null-without-default.js';

/** The database review's deterministic rules (database-administrator: migrations, data safety). */
export const databaseRules: readonly ReviewRule[] = [destructiveMigration, notNullWithoutDefault];
