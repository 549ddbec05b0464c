import type { MigrationOperation } from '../../migration-operation.js';
import { referenceColumn, type CallInterpreter, type EmbeddedSql } from './call-interpreter.js';
import {
  isFalse,
  isTrue,
  stringOf,
  stringsOf,
  type CallValue,
  type MigrationCall,
} from './migration-call.js';

const COLUMN_TYPES = new Set([
  'string',
  'text',
  'integer',
  'bigint',
  'float',
  'decimal',
  'numeric',
  'datetime',
  'timestamp',
  'time',
  'date',
  'binary',
  'boolean',
  'json',
  'jsonb',
  'uuid',
  'citext',
  'inet',
  'hstore',
  'virtual',
  'column',
]);
const REFERENCES = new Set(['references', 'belongs_to']);
/** Calls that write rows: a backfill before a NOT NULL or a drop. */
const BACKFILLS = new Set(['update_all', 'in_batches', 'update_column', 'update_columns', 'find_each']);

const name = (value: CallValue | undefined): string | undefined => stringOf(value);

/** `index: false` turns the reference's index off; anything else (absent, `true`, a hash) keeps it. */
function referenceOperations(
  table: string,
  call: MigrationCall,
  reference: string,
  line: number,
): MigrationOperation[] {
  const column = `${reference}_id`;
  const operations: MigrationOperation[] = [];
  const index = call.named.index;
  if (!isFalse(index)) {
    const unique = isTrue(index?.pairs?.unique);
    const concurrently = stringOf(index?.pairs?.algorithm) === 'concurrently';
    operations.push({
      kind: 'create-index',
      line,
      table,
      columns: [column],
      ...(unique ? { unique } : {}),
      ...(concurrently ? { concurrently } : {}),
    });
  }
  const foreignKey = call.named.foreign_key;
  if (foreignKey && !isFalse(foreignKey)) {
    const target = stringOf(foreignKey.pairs?.to_table) ?? `${reference}s`;
    const notValid = isFalse(foreignKey.pairs?.validate);
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [column],
      references: { table: target, columns: ['id'] },
      ...(notValid ? { notValid } : {}),
    });
  }
  return operations;
}

function addedColumn(
  table: string,
  column: string,
  call: MigrationCall,
  type: string | undefined,
): MigrationOperation {
  const notNull = isFalse(call.named.null);
  const hasDefault = call.named.default !== undefined;
  return {
    kind: 'add-column',
    line: call.line,
    table,
    column,
    ...(type ? { type } : {}),
    ...(notNull ? { notNull } : {}),
    ...(hasDefault ? { hasDefault } : {}),
  };
}

function indexOperation(
  table: string,
  call: MigrationCall,
  columns: CallValue | undefined,
): MigrationOperation {
  const unique = isTrue(call.named.unique);
  const concurrently = stringOf(call.named.algorithm) === 'concurrently';
  const indexName = stringOf(call.named.name);
  return {
    kind: 'create-index',
    line: call.line,
    table,
    columns: stringsOf(columns),
    ...(indexName ? { name: indexName } : {}),
    ...(unique ? { unique } : {}),
    ...(concurrently ? { concurrently } : {}),
  };
}

/** A call on the table object of `create_table`/`change_table` (`t.string :x`, `t.remove :y`). */
function blockCall(table: string, call: MigrationCall, creating: boolean): MigrationOperation[] {
  const [first, second] = call.args;
  const column = name(first);
  const line = call.line;
  if (COLUMN_TYPES.has(call.name) && column) {
    const names = call.args.flatMap((arg) => name(arg) ?? []);
    return names.map((each) => addedColumn(table, each, call, call.name));
  }
  if (REFERENCES.has(call.name) && column)
    return [
      addedColumn(table, `${column}_id`, call, 'bigint'),
      ...referenceOperations(table, call, column, line),
    ];
  if (call.name === 'timestamps')
    return ['created_at', 'updated_at'].map((each) => ({
      kind: 'add-column' as const,
      line,
      table,
      column: each,
      type: 'datetime',
      ...(creating || !isTrue(call.named.null) ? { notNull: true } : {}),
    }));
  if (call.name === 'index') return [indexOperation(table, call, first)];
  if (call.name === 'remove')
    return call.args.flatMap((arg) =>
      name(arg) ? [{ kind: 'drop-column' as const, line, table, column: name(arg) }] : [],
    );
  if (call.name === 'rename' && column && name(second))
    return [{ kind: 'rename-column', line, table, column, to: name(second) ?? '?' }];
  if (call.name === 'change' && column)
    return [{ kind: 'change-type', line, table, column, ...(name(second) ? { type: name(second) } : {}) }];
  if ((call.name === 'remove_references' || call.name === 'remove_belongs_to') && column)
    return [{ kind: 'drop-column', line, table, column: `${column}_id` }];
  return [];
}

function createTable(table: string, call: MigrationCall): MigrationOperation[] {
  const inner = call.body.flatMap((each) => blockCall(table, each, true));
  const columns = inner.flatMap((operation) =>
    operation.kind === 'add-column' ? [operation.column ?? '?'] : [],
  );
  const withId = !isFalse(call.named.id);
  const created: MigrationOperation = {
    kind: 'create-table',
    line: call.line,
    table,
    columns: withId ? ['id', ...columns] : columns,
  };
  const primary: MigrationOperation[] = withId
    ? [{ kind: 'add-primary-key', line: call.line, table, columns: ['id'] }]
    : [];
  return [created, ...primary, ...inner.filter((operation) => operation.kind !== 'add-column')];
}

type Statement = (table: string, call: MigrationCall, sql: EmbeddedSql) => MigrationOperation[];

const STATEMENTS: Record<string, Statement> = {
  create_table: (table, call) => createTable(table, call),
  change_table: (table, call) => call.body.flatMap((each) => blockCall(table, each, false)),
  drop_table: (table, call) => [
    { kind: 'drop-table', line: call.line, table, ...(call.body.length > 0 ? { reversible: true } : {}) },
  ],
  add_column: (table, call) => {
    const column = name(call.args[1]);
    return column ? [addedColumn(table, column, call, name(call.args[2]))] : [];
  },
  remove_column: (table, call) => {
    const column = name(call.args[1]);
    const reversible = call.args.length > 2;
    return column
      ? [{ kind: 'drop-column', line: call.line, table, column, ...(reversible ? { reversible } : {}) }]
      : [];
  },
  remove_columns: (table, call) =>
    call.args
      .slice(1)
      .flatMap((arg) =>
        name(arg) ? [{ kind: 'drop-column' as const, line: call.line, table, column: name(arg) }] : [],
      ),
  rename_column: (table, call) => [
    {
      kind: 'rename-column',
      line: call.line,
      table,
      column: name(call.args[1]) ?? '?',
      to: name(call.args[2]) ?? '?',
    },
  ],
  rename_table: (table, call) => [
    { kind: 'rename-table', line: call.line, table, to: name(call.args[1]) ?? '?' },
  ],
  change_column: (table, call) => [
    {
      kind: 'change-type',
      line: call.line,
      table,
      column: name(call.args[1]) ?? '?',
      ...(name(call.args[2]) ? { type: name(call.args[2]) } : {}),
    },
  ],
  change_column_null: (table, call) => {
    const column = name(call.args[1]) ?? '?';
    if (isTrue(call.args[2])) return [{ kind: 'drop-not-null', line: call.line, table, column }];
    const backfilled = call.args.length > 3;
    return [{ kind: 'set-not-null', line: call.line, table, column, ...(backfilled ? { backfilled } : {}) }];
  },
  change_column_default: (table, call) => [
    { kind: 'set-default', line: call.line, table, column: name(call.args[1]) ?? '?' },
  ],
  add_index: (table, call) => [indexOperation(table, call, call.args[1])],
  remove_index: (table, call) => {
    const indexName = stringOf(call.named.name);
    return [{ kind: 'drop-index', line: call.line, table, ...(indexName ? { name: indexName } : {}) }];
  },
  add_reference: (table, call) => reference(table, call),
  add_belongs_to: (table, call) => reference(table, call),
  remove_reference: (table, call) => [
    { kind: 'drop-column', line: call.line, table, column: `${name(call.args[1]) ?? '?'}_id` },
  ],
  add_foreign_key: (table, call) => {
    const target = name(call.args[1]) ?? '?';
    const notValid = isFalse(call.named.validate);
    return [
      {
        kind: 'add-foreign-key',
        line: call.line,
        table,
        columns: [stringOf(call.named.column) ?? referenceColumn(target)],
        references: { table: target, columns: [stringOf(call.named.primary_key) ?? 'id'] },
        ...(notValid ? { notValid } : {}),
      },
    ];
  },
  add_check_constraint: (table, call) => {
    const notValid = isFalse(call.named.validate);
    const checkName = stringOf(call.named.name);
    return [
      {
        kind: 'add-check',
        line: call.line,
        table,
        ...(checkName ? { name: checkName } : {}),
        ...(notValid ? { notValid } : {}),
      },
    ];
  },
  validate_foreign_key: (table, call) => [{ kind: 'validate-constraint', line: call.line, table }],
  validate_check_constraint: (table, call) => [{ kind: 'validate-constraint', line: call.line, table }],
  remove_foreign_key: (table, call) => [{ kind: 'drop-constraint', line: call.line, table }],
};

function reference(table: string, call: MigrationCall): MigrationOperation[] {
  const target = name(call.args[1]);
  if (!target) return [];
  return [
    addedColumn(table, `${target}_id`, call, 'bigint'),
    ...referenceOperations(table, call, target, call.line),
  ];
}

/** Rails `db/migrate` (and `db/schema.rb`): schema statements, `create_table`/`change_table` blocks, `execute` SQL, `update_all` backfills. */
export const readRailsOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call): MigrationOperation[] => {
    if (call.name === 'execute') {
      const text = stringOf(call.args[0]);
      return text === undefined ? [] : sql(text, call.args[0]?.line ?? call.line);
    }
    if ([call.name, ...call.chain.map((link) => link.name)].some((each) => BACKFILLS.has(each)))
      return [{ kind: 'copy-data', line: call.line }];
    const table = call.receiver === undefined ? name(call.args[0]) : undefined;
    const statement = STATEMENTS[call.name];
    if (table && statement) return statement(table, call, sql);
    // `reversible do |dir| dir.up { … } end`, `change_table` nested in `up`: look inside.
    return readRailsOperations(call.body, sql);
  });
