import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

/** Migration folders of the common frameworks: Rails, Django, Alembic, Laravel, Ecto, EF Core, Knex, Prisma, golang-migrate… */
const MIGRATION_PATH =
  /(?:^|\/)(?:migrations?|migrate|Migrations|alembic\/versions|versions|changelog|flyway|liquibase|schema-migrations)\/|(?:^|\/)V\d+(?:_\d+)*__\w+\.sql$|\.(?:up|down)\.sql$/;

/**
 * Migration files are named by their version: a timestamp or sequence number (`20260101120000_add_orders.rb`,
 * `0007_remove_phone.py`, `V3__init.sql`), an Alembic revision (`3f2a9c1b_add.py`) or a Prisma migration folder.
 */
const VERSIONED_NAME = /^(?:\d|V\d+(?:_\d+)*__|[0-9a-f]{6,}_)/;

/** True for a file that defines a schema migration (not code that merely lives next to migrations). */
export function isMigrationFile(file: ReviewedFile): boolean {
  if (file.isTest || file.isFixture || !MIGRATION_PATH.test(file.path)) return false;
  if (file.language === null && !/\.sql$/i.test(file.path)) return false;
  const segments = file.path.split('/');
  const name = segments[segments.length - 1] ?? '';
  const folder = segments[segments.length - 2] ?? '';
  return VERSIONED_NAME.test(name) || /^\d/.test(folder);
}

/** True for SQL migration files (as opposed to migrations written in a framework's DSL). */
export function isSqlFile(file: ReviewedFile): boolean {
  return /\.sql$/i.test(file.path);
}

/** golang-migrate and dbmate-style down files: destructive statements there undo an up step. */
export function isDownMigrationFile(file: ReviewedFile): boolean {
  return /\.down\.sql$/i.test(file.path) || /(?:^|\/)down\.sql$/i.test(file.path);
}

/**
 * True when every database discovery found is MySQL or MariaDB (InnoDB): they index foreign keys themselves
 * and fill new NOT NULL columns with an implicit default instead of failing.
 */
export function usesOnlyMysql(databases: readonly string[] | undefined): boolean {
  return (
    databases !== undefined &&
    databases.length > 0 &&
    databases.every((name) => name === 'mysql' || name === 'mariadb')
  );
}
