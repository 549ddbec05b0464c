import { readRubyStatements, type RubyArgument, type RubyStatement } from '../endpoints/ruby-statements.js';
import { createSourceView } from '../source/source-view.js';
import { downRegions } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader } from './migration-reader.js';
import { readSqlEffects } from './read-sql-effects.js';

/** `table(:users)` or `table("users", prefix: "x")` → `users`. */
function tableOf(argument: RubyArgument | undefined): string | undefined {
  if (!argument || !/^(table|index|unique_index|constraint)\s*\(/.test(argument.code)) return undefined;
  const named = /^(?:index|unique_index|constraint)\s*\(/.test(argument.code);
  return named ? (argument.symbols[0] ?? argument.strings[0]) : (argument.strings[0] ?? argument.symbols[0]);
}

const option = (statement: RubyStatement, key: string): RubyArgument | undefined =>
  statement.arguments.find((argument) => argument.key === key);

function readAlterStatement(statement: RubyStatement, table: string, recorder: EffectsRecorder): void {
  const column = statement.arguments[0]?.symbols[0] ?? statement.arguments[0]?.strings[0] ?? '?';
  const line = statement.line;
  if (statement.verb === 'remove' || statement.verb === 'remove_if_exists') {
    recorder.destructive('drop-column', line, `drops column ${table}.${column}`);
  } else if (statement.verb === 'modify') {
    const type = statement.arguments[1]?.code ?? '?';
    recorder.destructive(
      'column-type-change',
      line,
      `changes the type of ${table}.${column} to ${type.replace(/^:/, '')}`,
    );
  } else if (
    (statement.verb === 'add' || statement.verb === 'add_if_not_exists') &&
    option(statement, 'null')?.code === 'false' &&
    !option(statement, 'default')
  ) {
    recorder.destructive(
      'not-null-without-default',
      line,
      `adds ${table}.${column} NOT NULL without a default`,
    );
  }
}

/** `rename table(:a), to: table(:b)` renames a table; `rename table(:a), :x, to: :y` renames a column. */
function readRename(statement: RubyStatement, table: string, recorder: EffectsRecorder): void {
  const second = statement.arguments[1];
  const to = option(statement, 'to');
  if (!to) return;
  if (second && second.key === undefined) {
    recorder.destructive(
      'rename-column',
      statement.line,
      `renames column ${table}.${second.symbols[0] ?? '?'} to ${to.symbols[0] ?? '?'}`,
    );
  } else
    recorder.destructive(
      'rename-table',
      statement.line,
      `renames table ${table} to ${to.symbols[0] ?? to.strings[0] ?? '?'}`,
    );
}

function readStatement(statement: RubyStatement, recorder: EffectsRecorder): void {
  const [first] = statement.arguments;
  const table = tableOf(first);
  const isTable = first?.code.startsWith('table');
  const line = statement.line;
  switch (statement.verb) {
    case 'create':
    case 'create_if_not_exists':
      if (table && isTable) recorder.created(table);
      else if (table) recorder.altered(table);
      break;
    case 'drop':
    case 'drop_if_exists':
      if (table && isTable) recorder.dropped(table, line);
      else if (table) recorder.altered(table);
      break;
    case 'alter':
      if (table) recorder.altered(table);
      break;
    case 'rename':
      if (table) readRename(statement, table, recorder);
      break;
    case 'execute': {
      const sql = first?.strings[0];
      if (sql) readSqlEffects(sql, line, recorder);
      break;
    }
  }
}

/** Ecto migrations (`priv/repo/migrations/*.exs`): `create table`, `alter table … do add/remove/modify`, `drop`, `rename`, `execute`, outside `down`. */
export const readEctoMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  const view = createSourceView(side.lines, 'elixir', side.complete);
  const down = downRegions(view);
  const blocks: (string | undefined)[] = [];
  for (const statement of readRubyStatements(view)) {
    if (statement.closesBlock) {
      blocks.pop();
      continue;
    }
    const inDown = down.some(([start, end]) => statement.start >= start && statement.start < end);
    const alterTable = [...blocks].reverse().find((table) => table !== undefined);
    if (!inDown && touched(statement.line, statement.line)) {
      if (alterTable) readAlterStatement(statement, alterTable, recorder);
      else readStatement(statement, recorder);
    }
    if (statement.opensBlock)
      blocks.push(statement.verb === 'alter' ? tableOf(statement.arguments[0]) : undefined);
  }
};
