import type { DiffLine } from '../changed-file.js';
import { addedChangeSets, type LiquibaseChange } from './liquibase-changelog.js';
import type { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader } from './migration-reader.js';
import { readSqlEffects } from './read-sql-effects.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
const isFalse = (value: unknown): boolean => value === false || value === 'false';
const hasDefault = (column: Record<string, unknown>): boolean =>
  Object.keys(column).some((key) => key.startsWith('defaultValue'));

function readChange(change: LiquibaseChange, line: number, recorder: EffectsRecorder): void {
  const table = text(change.fields.tableName) ?? text(change.fields.baseTableName);
  const { fields, columns } = change;
  switch (change.type) {
    case 'createTable':
      if (table) recorder.created(table);
      return;
    case 'dropTable':
      if (table) recorder.dropped(table, line);
      return;
    case 'addColumn':
      if (!table) return;
      recorder.altered(table);
      for (const column of columns) {
        if (isFalse(column.nullable) && !hasDefault(column)) {
          recorder.destructive(
            'not-null-without-default',
            line,
            `adds ${table}.${text(column.name) ?? '?'} NOT NULL without a default`,
          );
        }
      }
      return;
    case 'dropColumn': {
      if (!table) return;
      recorder.altered(table);
      const names = [text(fields.columnName), ...columns.map((column) => text(column.name))].filter(
        (name) => name !== undefined,
      );
      for (const name of names) recorder.destructive('drop-column', line, `drops column ${table}.${name}`);
      return;
    }
    case 'renameColumn':
      if (!table) return;
      recorder.altered(table);
      recorder.destructive(
        'rename-column',
        line,
        `renames column ${table}.${text(fields.oldColumnName) ?? '?'} to ${text(fields.newColumnName) ?? '?'}`,
      );
      return;
    case 'renameTable':
      recorder.destructive(
        'rename-table',
        line,
        `renames table ${text(fields.oldTableName) ?? '?'} to ${text(fields.newTableName) ?? '?'}`,
      );
      return;
    case 'modifyDataType':
      if (!table) return;
      recorder.altered(table);
      recorder.destructive(
        'column-type-change',
        line,
        `changes the type of ${table}.${text(fields.columnName) ?? '?'} to ${text(fields.newDataType) ?? '?'}`,
      );
      return;
    case 'addNotNullConstraint':
      if (!table) return;
      recorder.altered(table);
      if (fields.defaultNullValue === undefined) {
        recorder.destructive(
          'not-null-without-default',
          line,
          `sets ${table}.${text(fields.columnName) ?? '?'} NOT NULL (existing NULLs fail)`,
        );
      }
      return;
    case 'delete':
      if (table && fields.where === undefined)
        recorder.destructive('delete-all-rows', line, `deletes every row of ${table}`);
      return;
    case 'sql': {
      const sql = text(fields.sql);
      if (sql) readSqlEffects(sql, line, recorder);
      return;
    }
    default:
      if (table) recorder.altered(table);
  }
}

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

/** Liquibase XML or YAML changelogs: the changeSets the PR adds, each change read for its tables and destructive steps. */
export const readLiquibaseChangelog: MigrationReader = (change, recorder) => {
  const xml = /\.xml$/i.test(change.file.path);
  const newSide = change.newSide();
  for (const changeSet of addedChangeSets(change.oldSide(), newSide, change.added, xml)) {
    for (const item of changeSet.changes)
      readChange(item, lineOf(newSide.lines, changeSet.id, item.type), recorder);
  }
};
