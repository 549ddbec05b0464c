import type { Migration, PlacedOperation } from '../../../changes/change-analysis.js';
import type { RuleInput } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

/** An operation the pull request makes a migration do, with the migration. */
export interface MigrationStep {
  migration: Migration;
  operation: PlacedOperation;
}

/** The up migration change analysis read from this file, if it is one. */
export function migrationOf(file: ReviewedFile, { context }: RuleInput): Migration | undefined {
  return context.migrations?.find(
    (migration) => migration.file === file.path && migration.direction === 'up',
  );
}

/** The operations this file's migration adds, for rules that look at one kind of step. */
export function stepsOf(
  file: ReviewedFile,
  input: RuleInput,
  kinds: readonly PlacedOperation['kind'][],
): MigrationStep[] {
  const migration = migrationOf(file, input);
  if (!migration) return [];
  return migration.operations
    .filter((operation) => kinds.includes(operation.kind))
    .map((operation) => ({ migration, operation }));
}

const DIALECT_NAMES: Readonly<Record<string, string>> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  sqlite: 'SQLite',
  sqlserver: 'SQL Server',
};

/** "Alembic on PostgreSQL": what a finding assumes about the migration, said in its explanation. */
export function assumption(migration: Migration): string {
  const dialect = migration.dialect ? ` on ${DIALECT_NAMES[migration.dialect] ?? migration.dialect}` : '';
  return `${migration.tool}${dialect}`;
}

/** True when the migration runs on PostgreSQL (the project's only SQL database). */
export function onPostgres(migration: Migration): boolean {
  return migration.dialect === 'postgresql';
}

/** True when the migration runs on MySQL or MariaDB (InnoDB). */
export function onMysql(migration: Migration): boolean {
  return migration.dialect === 'mysql' || migration.dialect === 'mariadb';
}

/** `users.email`, or `users` for a table-level step. */
export function target(operation: PlacedOperation): string {
  return operation.column ? `${operation.table ?? '?'}.${operation.column}` : (operation.table ?? '?');
}

/** True for a step on a table that existed before the PR and that no later migration of the PR drops. */
export function onLiveTable(operation: PlacedOperation): boolean {
  return operation.existingTable === true && operation.droppedLater !== true;
}
