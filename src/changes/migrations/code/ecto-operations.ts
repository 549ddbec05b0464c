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

/** `table(:users)`, `index(:users, [:email])`, `constraint(:users, :name, check: …)`: the call's name and table. */
function target(
  value: CallValue | undefined,
): { kind: string; table: string; call: MigrationCall } | undefined {
  const call = value?.call;
  const table = stringOf(call?.args[0]);
  return call && table ? { kind: call.name, table, call } : undefined;
}

/** `add :user_id, references(:users, validate: false), null: false`. */
function addColumn(table: string, call: MigrationCall, line: number): MigrationOperation[] {
  const column = stringOf(call.args[0]) ?? '?';
  const typeValue = call.args[1];
  const reference = typeValue?.call?.name === 'references' ? typeValue.call : undefined;
  const notNull = isFalse(call.named.null) || isTrue(call.named.primary_key);
  const hasDefault = call.named.default !== undefined;
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column,
      type: reference ? 'references' : (stringOf(typeValue) ?? typeValue?.text ?? '?'),
      ...(notNull ? { notNull } : {}),
      ...(hasDefault ? { hasDefault } : {}),
    },
  ];
  if (reference) {
    const notValid = isFalse(reference.named.validate);
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [column],
      references: {
        table: stringOf(reference.args[0]) ?? '?',
        columns: [stringOf(reference.named.column) ?? 'id'],
      },
      ...(notValid ? { notValid } : {}),
    });
  }
  return operations;
}

function alterCall(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  const column = stringOf(call.args[0]) ?? '?';
  switch (call.name) {
    case 'add':
    case 'add_if_not_exists':
      return addColumn(table, call, line);
    case 'remove':
    case 'remove_if_exists':
      return [{ kind: 'drop-column', line, table, column }];
    case 'modify': {
      const previous = call.named.from;
      const operations: MigrationOperation[] = [
        {
          kind: 'change-type',
          line,
          table,
          column,
          type: stringOf(call.args[1]) ?? call.args[1]?.text ?? '?',
          ...(previous ? { previousType: stringOf(previous) ?? previous.text } : {}),
        },
      ];
      if (isFalse(call.named.null)) operations.push({ kind: 'set-not-null', line, table, column });
      return operations;
    }
    case 'timestamps':
      return ['inserted_at', 'updated_at'].map((each) => ({
        kind: 'add-column' as const,
        line,
        table,
        column: each,
        notNull: true,
      }));
    default:
      return [];
  }
}

function create(call: MigrationCall): MigrationOperation[] {
  const found = target(call.args[0]);
  if (!found) return [];
  const { table, call: inner } = found;
  const line = call.line;
  if (found.kind === 'table') {
    const body = call.body.flatMap((each) => alterCall(table, each));
    const withId = !isFalse(inner.named.primary_key);
    const columns = [
      ...(withId ? ['id'] : []),
      ...body.flatMap((op) => (op.kind === 'add-column' ? [op.column ?? '?'] : [])),
    ];
    return [{ kind: 'create-table', line, table, columns }, ...body.filter((op) => op.kind !== 'add-column')];
  }
  if (found.kind === 'index' || found.kind === 'unique_index') {
    const unique = found.kind === 'unique_index' || isTrue(inner.named.unique);
    const concurrently = isTrue(inner.named.concurrently);
    return [
      {
        kind: 'create-index',
        line,
        table,
        columns: stringsOf(inner.args[1]),
        ...(unique ? { unique } : {}),
        ...(concurrently ? { concurrently } : {}),
      },
    ];
  }
  if (found.kind === 'constraint') {
    const notValid = isFalse(inner.named.validate);
    const name = stringOf(inner.args[1]);
    return [{ kind: 'add-check', line, table, ...(name ? { name } : {}), ...(notValid ? { notValid } : {}) }];
  }
  return [];
}

function drop(call: MigrationCall): MigrationOperation[] {
  const found = target(call.args[0]);
  if (!found) return [];
  if (found.kind === 'table') return [{ kind: 'drop-table', line: call.line, table: found.table }];
  if (found.kind === 'index' || found.kind === 'unique_index') {
    const concurrently = isTrue(found.call.named.concurrently);
    return [
      { kind: 'drop-index', line: call.line, table: found.table, ...(concurrently ? { concurrently } : {}) },
    ];
  }
  return [{ kind: 'drop-constraint', line: call.line, table: found.table }];
}

/** `rename table(:a), to: table(:b)` renames a table; `rename table(:a), :x, to: :y` a column. */
function rename(call: MigrationCall): MigrationOperation[] {
  const found = target(call.args[0]);
  const to = call.named.to;
  if (!found || !to) return [];
  const column = stringOf(call.args[1]);
  if (column)
    return [{ kind: 'rename-column', line: call.line, table: found.table, column, to: stringOf(to) ?? '?' }];
  return [
    {
      kind: 'rename-table',
      line: call.line,
      table: found.table,
      to: target(to)?.table ?? stringOf(to) ?? '?',
    },
  ];
}

function statement(call: MigrationCall, sql: EmbeddedSql): MigrationOperation[] {
  switch (call.name) {
    case 'create':
    case 'create_if_not_exists':
      return create(call);
    case 'drop':
    case 'drop_if_exists':
      return drop(call);
    case 'alter': {
      const found = target(call.args[0]);
      return found ? call.body.flatMap((each) => alterCall(found.table, each)) : [];
    }
    case 'rename':
      return rename(call);
    case 'execute': {
      const text = stringOf(call.args[0]);
      return text === undefined ? [] : sql(text, call.args[0]?.line ?? call.line);
    }
    default:
      // `defmodule … do`, `def change do`: the statements are inside.
      return call.body.flatMap((each) => statement(each, sql));
  }
}

/** Ecto migrations (`priv/repo/migrations/*.exs`): `create`, `alter … do add/remove/modify`, `drop`, `rename`, `execute`, outside `down`. */
export const readEctoOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call) => statement(call, sql));
