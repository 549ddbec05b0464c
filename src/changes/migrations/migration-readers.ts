import type { MigrationFormat } from './detect-migration-tool.js';
import type { MigrationReader } from './migration-reader.js';
import { readSqlMigration } from './sql-migration.js';

/** The reader for each migration format; a format without one yields the migration with no table details. */
export const MIGRATION_READERS: Partial<Record<MigrationFormat, MigrationReader>> = {
  sql: readSqlMigration,
};
