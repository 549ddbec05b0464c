import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

/** Migration folders of the common frameworks: Rails, Django, Alembic, Laravel, Ecto, EF Core, Knex, Prisma, golang-migrate… */
const MIGRATION_PATH =
  /(?:^|\/)(?:migrations?|migrate|Migrations|alembic\/versions|versions|changelog|flyway|liquibase|schema-migrations)\/|(?:^|\/)V\d+(?:_\d+)*__\w+\.sql$|\.(?:up|down)\.sql$/;

/** True for a file that defines a schema migration. */
export function isMigrationFile(file: ReviewedFile): boolean {
  if (file.isTest || file.isFixture) return false;
  if (!MIGRATION_PATH.test(file.path)) return false;
  // `versions/` and `changelog/` hold migrations only when the file is SQL or code.
  return file.language !== null || /\.sql$/i.test(file.path);
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
