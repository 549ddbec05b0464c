import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileChange } from '../../code/file-change.js';
import type { MigrationOperation } from '../migration-operation.js';
import { addedChangeSets, type LiquibaseChange } from './liquibase-changelog.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
const isFalse = (value: unknown): boolean => value === false || value === 'false';
const isTrue = (value: unknown): boolean => value === true || value === 'true';
const hasDefault = (column: Record<string, unknown>): boolean =>
  Object.keys(column).some((key) => key.startsWith('defaultValue') || key === 'autoIncrement');
const list = (value: unknown): string[] =>
  (text(value) ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Reads SQL a `sql` change runs. */
export type ChangelogSql = (sql: string, line: number) => MigrationOperation[];

function columnOperations(
  table: string,
  column: Record<string, unknown>,
  line: number,
  adding: boolean,
): MigrationOperation[] {
  const name = text(column.name) ?? '?';
  const type = text(column.type);
  const notNull = isFalse(column.nullable) || isTrue(column.primaryKey);
  const operations: MigrationOperation[] = adding
    ? [
        {
          kind: 'add-column',
          line,
          table,
          column: name,
          ...(type ? { type } : {}),
          ...(notNull ? { notNull } : {}),
          ...(hasDefault(column) ? { hasDefault: true } : {}),
        },
      ]
    : [];
  const target = text(column.referencedTableName) ?? text(column.references)?.split('(')[0];
  if (target)
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [name],
      references: { table: target, columns: list(column.referencedColumnNames) },
    });
  if (isTrue(column.unique)) operations.push({ kind: 'add-unique', line, table, columns: [name] });
  if (isTrue(column.primaryKey)) operations.push({ kind: 'add-primary-key', line, table, columns: [name] });
  return operations;
}

type Reader = (
  change: LiquibaseChange,
  table: string,
  line: number,
  sql: ChangelogSql,
) => MigrationOperation[];

const field = (change: LiquibaseChange, name: string): string => text(change.fields[name]) ?? '?';

const CHANGES: Record<string, Reader> = {
  createTable: (change, table, line) => [
    { kind: 'create-table', line, table, columns: change.columns.map((column) => text(column.name) ?? '?') },
    ...change.columns.flatMap((column) => columnOperations(table, column, line, false)),
  ],
  dropTable: (_change, table, line) => [{ kind: 'drop-table', line, table }],
  addColumn: (change, table, line) =>
    change.columns.flatMap((column) => columnOperations(table, column, line, true)),
  dropColumn: (change, table, line) =>
    [text(change.fields.columnName), ...change.columns.map((column) => text(column.name))]
      .filter((name) => name !== undefined)
      .map((column) => ({ kind: 'drop-column' as const, line, table, column })),
  renameColumn: (change, table, line) => [
    {
      kind: 'rename-column',
      line,
      table,
      column: field(change, 'oldColumnName'),
      to: field(change, 'newColumnName'),
    },
  ],
  renameTable: (change, _table, line) => [
    { kind: 'rename-table', line, table: field(change, 'oldTableName'), to: field(change, 'newTableName') },
  ],
  modifyDataType: (change, table, line) => [
    {
      kind: 'change-type',
      line,
      table,
      column: field(change, 'columnName'),
      type: field(change, 'newDataType'),
    },
  ],
  // defaultNullValue is what Liquibase writes into existing NULLs first.
  addNotNullConstraint: (change, table, line) => [
    {
      kind: 'set-not-null',
      line,
      table,
      column: field(change, 'columnName'),
      ...(change.fields.defaultNullValue !== undefined ? { backfilled: true } : {}),
    },
  ],
  createIndex: (change, table, line) => [
    {
      kind: 'create-index',
      line,
      table,
      columns: change.columns.map((column) => text(column.name) ?? '?'),
      ...(isTrue(change.fields.unique) ? { unique: true } : {}),
    },
  ],
  addForeignKeyConstraint: (change, table, line) => [
    {
      kind: 'add-foreign-key',
      line,
      table,
      columns: list(change.fields.baseColumnNames),
      references: {
        table: field(change, 'referencedTableName'),
        columns: list(change.fields.referencedColumnNames),
      },
      ...(isFalse(change.fields.validate) ? { notValid: true } : {}),
    },
  ],
  addUniqueConstraint: (change, table, line) => [
    { kind: 'add-unique', line, table, columns: list(change.fields.columnNames) },
  ],
  dropIndex: (_change, table, line) => [{ kind: 'drop-index', line, table }],
  delete: (change, table, line) =>
    change.fields.where === undefined
      ? [{ kind: 'delete-all-rows', line, table }]
      : [{ kind: 'copy-data', line, table }],
  update: (_change, table, line) => [{ kind: 'copy-data', line, table }],
};

/** The line of a change: the first line naming its type after its changeSet's id, in the head file. */
function lineOf(lines: DiffLine[], id: string, type: string): number {
  const start = lines.findIndex(
    (line) =>
      line.text.includes(`"${id}"`) ||
      new RegExp(`\\bid:\\s*['"]?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*$`).test(line.text),
  );
  const from = Math.max(0, start);
  const found = lines
    .slice(from)
    .find((line) => line.text.includes(`<${type}`) || line.text.includes(`${type}:`));
  return found?.line ?? lines[from]?.line ?? 1;
}

/** Liquibase XML or YAML changelogs: the operations of the changeSets the PR adds, and whether they say how to roll back. */
export function readLiquibaseOperations(
  change: FileChange,
  sql: ChangelogSql,
): { operations: MigrationOperation[]; rollback: boolean } {
  const xml = /\.xml$/i.test(change.file.path);
  const newSide = change.newSide();
  const changeSets = addedChangeSets(change.oldSide(), newSide, change.added, xml);
  const operations = changeSets.flatMap((changeSet) =>
    changeSet.changes.flatMap((item) => {
      const line = lineOf(newSide.lines, changeSet.id, item.type);
      if (item.type === 'sql') {
        const statements = text(item.fields.sql);
        return statements === undefined ? [] : sql(statements, line);
      }
      const table = text(item.fields.tableName) ?? text(item.fields.baseTableName) ?? '?';
      return CHANGES[item.type]?.(item, table, line, sql) ?? [];
    }),
  );
  return {
    operations,
    rollback: changeSets.length > 0 && changeSets.every((changeSet) => changeSet.rollback),
  };
}
