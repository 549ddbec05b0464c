import type { MigrationOperation } from '../../migration-operation.js';
import type { CallInterpreter, EmbeddedSql } from './call-interpreter.js';
import {
  isFalse,
  isTrue,
  stringOf,
  stringsOf,
  type CallValue,
  type MigrationCall,
} from './migration-call.js';

/** `sa.ForeignKey("users.id")` → users(id). */
function referenceOf(value: CallValue | undefined): { table: string; columns: string[] } | undefined {
  const target = stringOf(value);
  if (!target) return undefined;
  const parts = target.split('.');
  const column = parts.length > 1 ? (parts.pop() ?? 'id') : 'id';
  return { table: parts.join('.'), columns: [column] };
}

/** `sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True)`. */
function columnOperations(table: string, column: MigrationCall, adding: boolean): MigrationOperation[] {
  const name = stringOf(column.args[0]) ?? '?';
  const line = column.line;
  const type = column.args.find(
    (arg) => arg.call && arg.call.name !== 'ForeignKey' && arg.string === undefined,
  );
  const primary = isTrue(column.named.primary_key);
  const notNull = isFalse(column.named.nullable) || primary;
  const hasDefault = column.named.server_default !== undefined || (primary && adding === false);
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column: name,
      ...(type ? { type: type.text } : {}),
      ...(notNull ? { notNull } : {}),
      ...(hasDefault ? { hasDefault } : {}),
    },
  ];
  for (const arg of column.args.filter((each) => each.call?.name === 'ForeignKey')) {
    const references = referenceOf(arg.call?.args[0]);
    if (references) operations.push({ kind: 'add-foreign-key', line, table, columns: [name], references });
  }
  if (isTrue(column.named.index) || isTrue(column.named.unique))
    operations.push({
      kind: 'create-index',
      line,
      table,
      columns: [name],
      ...(isTrue(column.named.unique) ? { unique: true } : {}),
    });
  if (primary) operations.push({ kind: 'add-primary-key', line, table, columns: [name] });
  return operations;
}

/** Table-level items of `op.create_table`: constraints after the columns. */
function tableItem(table: string, item: MigrationCall): MigrationOperation[] {
  const line = item.line;
  switch (item.name) {
    case 'Column':
      return columnOperations(table, item, false);
    case 'ForeignKeyConstraint': {
      const targets = stringsOf(item.args[1]).map((target) =>
        referenceOf({ text: target, line, string: target }),
      );
      const references = targets[0]
        ? { table: targets[0].table, columns: targets.flatMap((t) => t?.columns ?? []) }
        : undefined;
      return [
        {
          kind: 'add-foreign-key',
          line,
          table,
          columns: stringsOf(item.args[0]),
          ...(references ? { references } : {}),
        },
      ];
    }
    case 'UniqueConstraint':
      return [{ kind: 'add-unique', line, table, columns: item.args.flatMap((arg) => arg.string ?? []) }];
    case 'PrimaryKeyConstraint':
      return [
        { kind: 'add-primary-key', line, table, columns: item.args.flatMap((arg) => arg.string ?? []) },
      ];
    case 'Index':
      return [
        { kind: 'create-index', line, table, columns: item.args.slice(1).flatMap((arg) => arg.string ?? []) },
      ];
    case 'CheckConstraint':
      return [{ kind: 'add-check', line, table }];
    default:
      return [];
  }
}

function createTable(call: MigrationCall): MigrationOperation[] {
  const table = stringOf(call.args[0]);
  if (!table) return [];
  const items = call.args.flatMap((arg) => (arg.call ? [arg.call] : []));
  const inner = items.flatMap((item) => tableItem(table, item));
  const columns = inner.flatMap((operation) =>
    operation.kind === 'add-column' ? [operation.column ?? '?'] : [],
  );
  return [
    { kind: 'create-table', line: call.line, table, columns },
    ...inner.filter((op) => op.kind !== 'add-column'),
  ];
}

function alterColumn(table: string, column: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  const operations: MigrationOperation[] = [];
  const type = call.named.type_;
  if (type) {
    const previous = call.named.existing_type;
    operations.push({
      kind: 'change-type',
      line,
      table,
      column,
      type: type.text,
      ...(previous ? { previousType: previous.text } : {}),
    });
  }
  if (isFalse(call.named.nullable) && !isFalse(call.named.existing_nullable))
    operations.push({ kind: 'set-not-null', line, table, column });
  if (isTrue(call.named.nullable)) operations.push({ kind: 'drop-not-null', line, table, column });
  if (call.named.server_default !== undefined) operations.push({ kind: 'set-default', line, table, column });
  const renamed = stringOf(call.named.new_column_name);
  if (renamed) operations.push({ kind: 'rename-column', line, table, column, to: renamed });
  return operations;
}

/** One `op.*` call; `table` is the batch's table for `batch_op.*` calls, whose arguments then start at the column. */
function operation(call: MigrationCall, batch: string | undefined, sql: EmbeddedSql): MigrationOperation[] {
  const shift = batch === undefined ? 0 : -1;
  const arg = (index: number): CallValue | undefined => call.args[index + shift];
  const table = batch ?? stringOf(call.named.table_name) ?? stringOf(arg(0));
  const line = call.line;
  switch (call.name) {
    case 'create_table':
      return createTable(call);
    case 'drop_table':
      return table ? [{ kind: 'drop-table', line, table }] : [];
    case 'rename_table':
      return table ? [{ kind: 'rename-table', line, table, to: stringOf(arg(1)) ?? '?' }] : [];
    case 'add_column': {
      const column = arg(1)?.call;
      return table && column ? columnOperations(table, column, true) : [];
    }
    case 'drop_column':
      return table ? [{ kind: 'drop-column', line, table, column: stringOf(arg(1)) ?? '?' }] : [];
    case 'alter_column':
      return table ? alterColumn(table, stringOf(arg(1)) ?? '?', call) : [];
    case 'execute': {
      const value = call.args[0];
      const text = stringOf(value) ?? stringOf(value?.call?.args[0]);
      return text === undefined ? [] : sql(text, value?.line ?? line);
    }
    default:
      return constraintOperation(call, batch, line);
  }
}

/** Index and constraint calls: `op.create_index("ix", "orders", ["user_id"], postgresql_concurrently=True)`. */
function constraintOperation(
  call: MigrationCall,
  batch: string | undefined,
  line: number,
): MigrationOperation[] {
  const shift = batch === undefined ? 0 : -1;
  const table = batch ?? stringOf(call.named.table_name) ?? stringOf(call.args[1 + shift]);
  const name =
    stringOf(call.named.index_name) ?? stringOf(call.named.constraint_name) ?? stringOf(call.args[0]);
  const named = name ? { name } : {};
  if (!table) return [];
  const columns = (index: number, key: string): string[] =>
    stringsOf(call.named[key] ?? call.args[index + shift]);
  switch (call.name) {
    case 'create_index': {
      const unique = isTrue(call.named.unique);
      const concurrently = isTrue(call.named.postgresql_concurrently);
      return [
        {
          kind: 'create-index',
          line,
          table,
          columns: columns(2, 'columns'),
          ...named,
          ...(unique ? { unique } : {}),
          ...(concurrently ? { concurrently } : {}),
        },
      ];
    }
    case 'drop_index':
      return [{ kind: 'drop-index', line, table, ...named }];
    case 'create_foreign_key': {
      const target = stringOf(call.named.referent_table) ?? stringOf(call.args[2 + shift]);
      const notValid = isTrue(call.named.postgresql_not_valid);
      const references = target ? { references: { table: target, columns: columns(4, 'remote_cols') } } : {};
      return [
        {
          kind: 'add-foreign-key',
          line,
          table,
          columns: columns(3, 'local_cols'),
          ...named,
          ...references,
          ...(notValid ? { notValid } : {}),
        },
      ];
    }
    case 'create_unique_constraint':
      return [{ kind: 'add-unique', line, table, columns: columns(2, 'columns'), ...named }];
    case 'create_check_constraint':
      return [{ kind: 'add-check', line, table, ...named }];
    case 'create_primary_key':
      return [{ kind: 'add-primary-key', line, table, columns: columns(2, 'columns'), ...named }];
    case 'drop_constraint':
      return [{ kind: 'drop-constraint', line, table, ...named }];
    default:
      return [];
  }
}

/** Alembic revisions: `op.*` calls in `upgrade()`, `batch_op.*` calls inside `with op.batch_alter_table("t")`, `op.execute` SQL. */
export const readAlembicOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call) => {
    if (call.name === 'batch_alter_table') {
      const table = stringOf(call.args[0]) ?? stringOf(call.named.table_name);
      return table ? call.body.flatMap((inner) => operation(inner, table, sql)) : [];
    }
    if (call.receiver !== 'op') return [];
    return operation(call, undefined, sql);
  });
