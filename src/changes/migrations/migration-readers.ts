import { readAlembicMigration } from './alembic-migration.js';
import type { MigrationFormat } from '../../code/migration-path.js';
import { readDjangoMigration } from './django-migration.js';
import { readEctoMigration } from './ecto-migration.js';
import { readEfCoreMigration } from './ef-core-migration.js';
import { readJavascriptMigration } from './javascript-migration.js';
import { readLaravelMigration } from './laravel-migration.js';
import { readLiquibaseChangelog } from './liquibase-migration.js';
import type { MigrationReader } from './migration-reader.js';
import { readPrismaSchema } from './prisma-schema-migration.js';
import { readRailsMigration } from './rails-migration.js';
import { readSqlMigration } from './sql-migration.js';

/** The reader for each migration format. */
export const MIGRATION_READERS: Record<MigrationFormat, MigrationReader> = {
  sql: readSqlMigration,
  'prisma-schema': readPrismaSchema,
  alembic: readAlembicMigration,
  django: readDjangoMigration,
  rails: readRailsMigration,
  laravel: readLaravelMigration,
  liquibase: readLiquibaseChangelog,
  javascript: readJavascriptMigration,
  'ef-core': readEfCoreMigration,
  ecto: readEctoMigration,
};
