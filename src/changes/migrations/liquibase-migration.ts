import type { DiffLine } from '../../code/diff/changed-file.js';
import { addedChangeSets, type LiquibaseChange } from './liquibase-changelog.js';
import type { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader } from './migration-reader.js';
import { readSqlEffects } from './read-sql-effects.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
const isFalse = (value: unknown): boolean => value === false || value === 'false';
const hasDefault = (column: Record<string, unknown>): boolean =>
  Object.keys(column).some((key) => key.startsWith('defaultValue'));

interface ChangeContext {
  change: LiquibaseChange;
  table: string | undefined;
  line: number;
}

const field = (change: LiquibaseChange, name: string): string => text(change.fields[name]) ?? '?';

const CHANGES: Record<string, (context: ChangeContext, recorder: EffectsRecorder) => void> = {
  createTable: ({ table }, recorder) => table && recorder.created(table),
  dropTable: ({ table, line }, recorder) => table && recorder.dropped(table, line),
  addColumn({ change, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    for (const column of change.columns.filter(
      (candidate) => isFalse(candidate.nullable) && !hasDefault(candidate),
    )) {
      recorder.destructive(
        'not-null-without-default',
        line,
        `adds ${table}.${text(column.name) ?? '?'} NOT NULL without a default`,
      );
    }
  },
  dropColumn({ change, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    const names = [text(change.fields.columnName), ...change.columns.map((column) => text(column.name))];
    for (const name of names.filter((found) => found !== undefined))
      recorder.destructive('drop-column', line, `drops column ${table}.${name}`);
  },
  renameColumn({ change, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${field(change, 'oldColumnName')} to ${field(change, 'newColumnName')}`,
    );
  },
  renameTable: ({ change, line }, recorder) =>
    recorder.destructive(
      'rename-table',
      line,
      `renames table ${field(change, 'oldTableName')} to ${field(change, 'newTableName')}`,
    ),
  modifyDataType({ change, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    recorder.destructive(
      'column-type-change',
      line,
      `changes the type of ${table}.${field(change, 'columnName')} to ${field(change, 'newDataType')}`,
    );
  },
  addNotNullConstraint({ change, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    // defaultNullValue is what Liquibase writes into existing NULLs first.
    if (change.fields.defaultNullValue !== undefined) return;
    recorder.destructive(
      'not-null-without-default',
      line,
      `sets ${table}.${field(change, 'columnName')} NOT NULL (existing NULLs fail)`,
    );
  },
  delete({ change, table, line }, recorder) {
    if (table && change.fields.where === undefined)
      recorder.destructive('delete-all-rows', line, `deletes every row of ${table}`);
  },
  sql({ change, line }, recorder) {
    const sql = text(change.fields.sql);
    if (sql) readSqlEffects(sql, line, recorder);
  },
};

function readChange(change: LiquibaseChange, line: number, recorder: EffectsRecorder): void {
  const table = text(change.fields.tableName) ?? text(change.fields.baseTableName);
  const handler = CHANGES[change.type];
  if (handler) handler({ change, table, line }, recorder);
  else if (table) recorder.altered(table);
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
