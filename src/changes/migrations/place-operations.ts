import type { Migration, PlacedOperation } from '../change-analysis.js';
import { tableKey, type MigrationOperation } from '../migration-operation.js';

const INDEXING = new Set<MigrationOperation['kind']>(['create-index', 'add-unique', 'add-primary-key']);

/** Column lists that lead an index of a table, by table: what a foreign key's lookups can use. */
export type IndexedColumns = Map<string, string[][]>;

/** Adds the indexes these operations create (indexes, unique constraints, primary keys). */
export function collectIndexes(
  operations: readonly MigrationOperation[],
  into: IndexedColumns = new Map(),
): IndexedColumns {
  for (const operation of operations) {
    if (!INDEXING.has(operation.kind) || !operation.columns?.length) continue;
    const key = tableKey(operation.table);
    into.set(key, [...(into.get(key) ?? []), operation.columns.map((column) => column.toLowerCase())]);
  }
  return into;
}

/** True when an index leads with the foreign key's columns (in any order among themselves). */
export function leadsIndex(
  indexes: IndexedColumns,
  table: string | undefined,
  columns: readonly string[],
): boolean {
  const wanted = new Set(columns.map((column) => column.toLowerCase()));
  if (wanted.size === 0) return true;
  return (indexes.get(tableKey(table)) ?? []).some(
    (index) =>
      index.length >= wanted.size && index.slice(0, wanted.size).every((column) => wanted.has(column)),
  );
}

/** Natural order of migration files: versions sort as numbers (`V2__` before `V10__`). */
export function compareMigrations(a: Migration, b: Migration): number {
  return a.file.localeCompare(b.file, 'en', { numeric: true });
}

/**
 * Gives each operation what the rest of the pull request says about it, project by project
 * with migrations in version order: whether its table existed before the PR (no earlier
 * migration of the PR creates it), whether a later one drops it, and for a foreign key
 * whether an index leads with its columns once every migration of the PR is applied
 * (`existing` adds the indexes of the schema before the PR, read on demand).
 */
export function placeOperations(
  migrations: readonly Migration[],
  existing: (project: string, tables: ReadonlySet<string>) => IndexedColumns,
): void {
  const projects = new Set(migrations.map((migration) => migration.project));
  for (const project of projects) {
    const ordered = migrations.filter((migration) => migration.project === project).sort(compareMigrations);
    const sequence = ordered.flatMap((migration) => migration.operations);
    const indexes = collectIndexes(sequence);
    const unindexed = new Set(
      sequence
        .filter(
          (operation) =>
            operation.kind === 'add-foreign-key' &&
            !leadsIndex(indexes, operation.table, operation.columns ?? []),
        )
        .map((operation) => tableKey(operation.table)),
    );
    const before = unindexed.size > 0 ? existing(project, unindexed) : new Map<string, string[][]>();
    const lastDrop = new Map<string, number>();
    sequence.forEach((operation, index) => {
      if (operation.kind === 'drop-table') lastDrop.set(tableKey(operation.table), index);
    });
    const created = new Set<string>();
    sequence.forEach((operation, index) => {
      const table = tableKey(operation.table);
      placeOne(operation, table, (lastDrop.get(table) ?? -1) > index, created, [indexes, before]);
    });
  }
}

function placeOne(
  operation: PlacedOperation,
  table: string,
  droppedLater: boolean,
  created: Set<string>,
  indexes: readonly IndexedColumns[],
): void {
  operation.existingTable = operation.kind !== 'create-table' && !created.has(table);
  if (operation.kind === 'create-table') created.add(table);
  if (operation.kind === 'rename-table' && created.has(table)) created.add(tableKey(operation.to));
  if (droppedLater) operation.droppedLater = true;
  if (operation.kind === 'add-foreign-key')
    operation.indexed = indexes.some((known) => leadsIndex(known, operation.table, operation.columns ?? []));
}
