import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

// Knex (`knex.schema.*`, column builders), TypeORM (`queryRunner.*`), Sequelize (`queryInterface.*`), node-pg-migrate (`pgm.*`).
const CALL = /\b[\w$]+\s*\.\s*(\w+)\s*\(/g;
const NOT_NULL = /\ballowNull\s*:\s*false|\bisNullable\s*:\s*false|\bnotNull\s*:\s*true|\.notNullable\s*\(/;
const HAS_DEFAULT =
  /\bdefaultValue\s*:|\bdefault\s*:|\.defaultTo\s*\(|\bisGenerated\s*:\s*true|\bautoIncrement\s*:\s*true/;
// Knex column builders inside alterTable: a call that adds a column.
const KNEX_COLUMN =
  /^(string|text|integer|bigInteger|bigint|boolean|decimal|float|double|date|datetime|timestamp|time|json|jsonb|uuid|enu|enum|binary|specificType)$/;

interface AlterScope {
  table: string;
  start: number;
  end: number;
}

/** TypeORM names tables inside `new Table({ name: "users" })`. */
function tableName(call: MigrationCall): string | undefined {
  return (
    call.text(0) ?? /\bname\s*:\s*['"`]([^'"`]+)/.exec(call.view.text.slice(call.start, call.close))?.[1]
  );
}

function readSql(call: MigrationCall, recorder: EffectsRecorder): void {
  const sql = call.text(0);
  if (sql) readSqlEffects(sql, call.line, recorder);
}

type Operation = (call: MigrationCall, table: string, recorder: EffectsRecorder) => void;

const created: Operation = (_call, table, recorder) => recorder.created(table);
const dropped: Operation = (call, table, recorder) => recorder.dropped(table, call.line);
const altered: Operation = (_call, table, recorder) => recorder.altered(table);

const addColumn: Operation = (call, table, recorder) => {
  recorder.altered(table);
  const code = call.view.text.slice(call.start, call.close);
  if (!NOT_NULL.test(code) || HAS_DEFAULT.test(code)) return;
  const column = call.text(1) ?? /\bname\s*:\s*['"`]([^'"`]+)/.exec(code)?.[1] ?? '?';
  recorder.destructive(
    'not-null-without-default',
    call.line,
    `adds ${table}.${column} NOT NULL without a default`,
  );
};

const dropColumns: Operation = (call, table, recorder) => {
  recorder.altered(table);
  // The first string names the table, the rest the columns (one, several, or an array).
  const columns =
    call.view.text
      .slice(call.start, call.close)
      .match(/['"`][^'"`]+['"`]/g)
      ?.slice(1) ?? [];
  for (const column of columns)
    recorder.destructive('drop-column', call.line, `drops column ${table}.${column.slice(1, -1)}`);
};

const OPERATIONS: Record<string, Operation> = {
  createTable: created,
  createTableIfNotExists: created,
  dropTable: dropped,
  dropTableIfExists: dropped,
  alterTable: altered,
  table: altered,
  renameTable: (call, table, recorder) =>
    recorder.destructive('rename-table', call.line, `renames table ${table} to ${call.text(1) ?? '?'}`),
  addColumn,
  addColumns: addColumn,
  removeColumn: dropColumns,
  dropColumn: dropColumns,
  dropColumns,
  renameColumn(call, table, recorder) {
    recorder.altered(table);
    recorder.destructive(
      'rename-column',
      call.line,
      `renames column ${table}.${call.text(1) ?? '?'} to ${call.text(2) ?? '?'}`,
    );
  },
  changeColumn: changeType,
  alterColumn: changeType,
};

function changeType(call: MigrationCall, table: string, recorder: EffectsRecorder): void {
  recorder.altered(table);
  recorder.destructive(
    'column-type-change',
    call.line,
    `changes the type of ${table}.${call.text(1) ?? '?'}`,
  );
}

function readTopLevel(call: MigrationCall, recorder: EffectsRecorder): void {
  if (['query', 'raw', 'sql'].includes(call.name)) return readSql(call, recorder);
  const table = tableName(call);
  if (table) OPERATIONS[call.name]?.(call, table, recorder);
}

/** Calls on the column builder of a Knex `alterTable` callback: `t.dropColumn('x')`, `t.string('y').notNullable()`. */
function readAlterCall(call: MigrationCall, table: string, recorder: EffectsRecorder): void {
  const line = call.line;
  const column = call.text(0);
  const chain = call.chain();
  if (call.name === 'dropColumn' || call.name === 'dropColumns') {
    const columns = call.view.text.slice(call.start, call.close).match(/['"`][^'"`]+['"`]/g) ?? [];
    for (const dropped of columns)
      recorder.destructive('drop-column', line, `drops column ${table}.${dropped.slice(1, -1)}`);
  } else if (call.name === 'renameColumn') {
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${column ?? '?'} to ${call.text(1) ?? '?'}`,
    );
  } else if (KNEX_COLUMN.test(call.name) && column) {
    if (/\.alter\s*\(/.test(chain))
      recorder.destructive(
        'column-type-change',
        line,
        `changes the type of ${table}.${column} to ${call.name}`,
      );
    else if (NOT_NULL.test(chain) && !HAS_DEFAULT.test(chain))
      recorder.destructive(
        'not-null-without-default',
        line,
        `adds ${table}.${column} NOT NULL without a default`,
      );
  }
}

/** Knex, TypeORM, Sequelize and node-pg-migrate migrations: schema calls and raw SQL in `up`, leaving `down` out. */
export const readJavascriptMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  const calls = readMigrationCalls(side, 'javascript', CALL, () => true);
  // Every alterTable, edited or not, names the table of the column-builder lines inside it.
  const scopes: AlterScope[] = calls.flatMap((call) => {
    const table = call.text(0);
    return (call.name === 'alterTable' || call.name === 'table') && table
      ? [{ table, start: call.start, end: call.close }]
      : [];
  });
  for (const call of calls) {
    if (!touched(call.line, call.endLine)) continue;
    const scope = scopes.find((candidate) => candidate.start < call.start && call.start < candidate.end);
    if (scope) {
      recorder.altered(scope.table);
      readAlterCall(call, scope.table, recorder);
    } else readTopLevel(call, recorder);
  }
};
