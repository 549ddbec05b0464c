import { readRubyStatements, type RubyArgument, type RubyStatement } from '../endpoints/ruby-statements.js';
import { createSourceView } from '../source/source-view.js';
import { downRegions } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader } from './migration-reader.js';
import { readSqlEffects } from './read-sql-effects.js';

const nameOf = (argument: RubyArgument | undefined): string | undefined =>
  argument?.symbols[0] ?? argument?.strings[0];
const option = (statement: RubyStatement, key: string): RubyArgument | undefined =>
  statement.arguments.find((argument) => argument.key === key);
const positional = (statement: RubyStatement): RubyArgument[] =>
  statement.arguments.filter((argument) => argument.key === undefined);

function notNullWithoutDefault(statement: RubyStatement): boolean {
  return option(statement, 'null')?.code === 'false' && option(statement, 'default') === undefined;
}

const COLUMN_TYPES =
  /^(string|text|integer|bigint|float|decimal|numeric|datetime|timestamp|time|date|binary|boolean|json|jsonb|uuid|references|belongs_to|column)$/;

/** Statements inside `create_table`/`change_table` blocks (`t.remove :x`), against the block's table. */
function readBlockStatement(
  statement: RubyStatement,
  table: string,
  creating: boolean,
  recorder: EffectsRecorder,
): void {
  const [first, second] = positional(statement);
  const column = nameOf(first);
  const line = statement.line;
  if (creating) return;
  if (
    statement.verb === 'remove' ||
    statement.verb === 'remove_references' ||
    statement.verb === 'remove_belongs_to'
  ) {
    for (const argument of positional(statement))
      recorder.destructive('drop-column', line, `drops column ${table}.${nameOf(argument) ?? '?'}`);
  } else if (statement.verb === 'rename' && column && nameOf(second)) {
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${column} to ${nameOf(second) ?? '?'}`,
    );
  } else if (statement.verb === 'change' && column) {
    recorder.destructive(
      'column-type-change',
      line,
      `changes the type of ${table}.${column} to ${nameOf(second) ?? '?'}`,
    );
  } else if (COLUMN_TYPES.test(statement.verb) && column && notNullWithoutDefault(statement)) {
    recorder.destructive(
      'not-null-without-default',
      line,
      `adds ${table}.${column} NOT NULL without a default`,
    );
  }
}

/** One top-level schema statement: `add_column :users, :email, :string, null: false`. */
interface RailsStatement {
  statement: RubyStatement;
  table: string;
  column: string | undefined;
  third: RubyArgument | undefined;
  line: number;
}

function removeColumns({ statement, table, line }: RailsStatement, recorder: EffectsRecorder): void {
  recorder.altered(table);
  // remove_column :t, :c, :type names one column; remove_columns :t, :a, :b names several.
  const columns = positional(statement).slice(1, statement.verb === 'remove_column' ? 2 : undefined);
  for (const column of columns)
    recorder.destructive('drop-column', line, `drops column ${table}.${nameOf(column) ?? '?'}`);
}

function removeReference({ table, column, line }: RailsStatement, recorder: EffectsRecorder): void {
  recorder.altered(table);
  recorder.destructive('drop-column', line, `drops column ${table}.${column ?? '?'}_id`);
}

const STATEMENTS: Record<string, (found: RailsStatement, recorder: EffectsRecorder) => void> = {
  create_table: ({ table }, recorder) => recorder.created(table),
  drop_table: ({ table, line }, recorder) => recorder.dropped(table, line),
  add_column({ statement, table, column, line }, recorder) {
    recorder.altered(table);
    if (notNullWithoutDefault(statement)) {
      recorder.destructive(
        'not-null-without-default',
        line,
        `adds ${table}.${column ?? '?'} NOT NULL without a default`,
      );
    }
  },
  remove_column: removeColumns,
  remove_columns: removeColumns,
  rename_column({ table, column, third, line }, recorder) {
    recorder.altered(table);
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${column ?? '?'} to ${nameOf(third) ?? '?'}`,
    );
  },
  rename_table: ({ table, column, line }, recorder) =>
    recorder.destructive('rename-table', line, `renames table ${table} to ${column ?? '?'}`),
  change_column({ table, column, third, line }, recorder) {
    recorder.altered(table);
    recorder.destructive(
      'column-type-change',
      line,
      `changes the type of ${table}.${column ?? '?'} to ${nameOf(third) ?? '?'}`,
    );
  },
  change_column_null({ statement, table, column, third, line }, recorder) {
    recorder.altered(table);
    // A fourth argument is the value Rails writes into existing NULLs first.
    if (third?.code === 'false' && positional(statement).length < 4) {
      recorder.destructive(
        'not-null-without-default',
        line,
        `sets ${table}.${column ?? '?'} NOT NULL (existing NULLs fail)`,
      );
    }
  },
  remove_reference: removeReference,
  remove_belongs_to: removeReference,
};

const ALTERING =
  /^(add|remove|change)_(index|reference|belongs_to|foreign_key|timestamps|check_constraint|column_default)$|^change_table$/;

function readStatement(statement: RubyStatement, recorder: EffectsRecorder): void {
  const [first, second, third] = positional(statement);
  const table = nameOf(first);
  if (!table) return;
  const handler = STATEMENTS[statement.verb];
  if (handler) handler({ statement, table, column: nameOf(second), third, line: statement.line }, recorder);
  else if (ALTERING.test(statement.verb)) recorder.altered(table);
}

/** Rails `db/migrate` files: schema statements in `change`/`up`, `change_table` blocks, and `execute` SQL. */
export const readRailsMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  const view = createSourceView(side.lines, 'ruby', side.complete);
  const down = downRegions(view);
  const blocks: { table?: string; creating: boolean }[] = [];
  for (const statement of readRubyStatements(view)) {
    if (statement.closesBlock) {
      blocks.pop();
      continue;
    }
    const inDown = down.some(([start, end]) => statement.start >= start && statement.start < end);
    const block = [...blocks].reverse().find((candidate) => candidate.table !== undefined);
    if (!inDown && touched(statement.line, statement.line)) {
      if (statement.receiver && block?.table)
        readBlockStatement(statement, block.table, block.creating, recorder);
      else if (statement.verb === 'execute')
        readExecute(view.text.slice(statement.start, statement.end), statement, side.lines, recorder);
      else if (!statement.receiver) readStatement(statement, recorder);
    }
    if (statement.opensBlock) {
      const tableBlock = statement.verb === 'create_table' || statement.verb === 'change_table';
      blocks.push({
        table: tableBlock ? nameOf(statement.arguments[0]) : undefined,
        creating: statement.verb === 'create_table',
      });
    }
  }
};

/** `execute "SQL"` or `execute <<~SQL … SQL`. */
function readExecute(
  text: string,
  statement: RubyStatement,
  lines: { line: number; text: string }[],
  recorder: EffectsRecorder,
): void {
  const heredoc = /<<[~-]?(['"]?)(\w+)\1/.exec(text);
  if (!heredoc) {
    const sql = statement.arguments[0]?.strings[0];
    if (sql) readSqlEffects(sql, statement.line, recorder);
    return;
  }
  const body: string[] = [];
  for (const line of lines) {
    if (line.line <= statement.line) continue;
    if (line.text.trim() === heredoc[2]) break;
    body.push(line.text);
  }
  readSqlEffects(body.join('\n'), statement.line + 1, recorder);
}
