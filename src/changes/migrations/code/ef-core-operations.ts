import type { MigrationOperation } from '../../migration-operation.js';
import type { CallInterpreter } from './call-interpreter.js';
import {
  isFalse,
  isTrue,
  stringOf,
  stringsOf,
  type CallValue,
  type MigrationCall,
} from './migration-call.js';

/** `column: x => x.UserId` names the column after the dot; `columns: x => new { x.A, x.B }` several. */
function lambdaColumns(value: CallValue | undefined): string[] {
  if (!value) return [];
  const literal = stringsOf(value);
  if (literal.length > 0) return literal;
  const body = value.text.split('=>').pop() ?? '';
  return [...body.matchAll(/\.\s*(\w+)/g)].flatMap((match) => match[1] ?? []);
}

function column(call: MigrationCall): string {
  return stringOf(call.named.name) ?? stringOf(call.named.column) ?? '?';
}

/** `table.ForeignKey(…)`, `table.PrimaryKey(…)`, `table.UniqueConstraint(…)` in `CreateTable`'s `constraints:`. */
function tableConstraint(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  const columns = lambdaColumns(call.named.column ?? call.named.columns ?? call.args[1]);
  switch (call.name) {
    case 'ForeignKey':
      return [
        {
          kind: 'add-foreign-key',
          line,
          table,
          columns,
          references: {
            table: stringOf(call.named.principalTable) ?? '?',
            columns: stringsOf(call.named.principalColumn ?? call.named.principalColumns),
          },
        },
      ];
    case 'PrimaryKey':
      return [{ kind: 'add-primary-key', line, table, columns }];
    case 'UniqueConstraint':
      return [{ kind: 'add-unique', line, table, columns }];
    case 'CheckConstraint':
      return [{ kind: 'add-check', line, table }];
    default:
      return [];
  }
}

function alterColumn(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  const name = column(call);
  const operations: MigrationOperation[] = [];
  const type = stringOf(call.named.type);
  const oldType = stringOf(call.named.oldType);
  if (type !== undefined && type !== oldType)
    operations.push({
      kind: 'change-type',
      line,
      table,
      column: name,
      type,
      ...(oldType ? { previousType: oldType } : {}),
    });
  if (isFalse(call.named.nullable) && isTrue(call.named.oldNullable)) {
    const backfilled = call.named.defaultValue !== undefined || call.named.defaultValueSql !== undefined;
    operations.push({
      kind: 'set-not-null',
      line,
      table,
      column: name,
      ...(backfilled ? { backfilled } : {}),
    });
  }
  if (isTrue(call.named.nullable) && isFalse(call.named.oldNullable))
    operations.push({ kind: 'drop-not-null', line, table, column: name });
  return operations;
}

type Operation = (table: string, call: MigrationCall) => MigrationOperation[];

const OPERATIONS: Record<string, Operation> = {
  CreateTable: (table, call) => {
    const constraints = call.body.flatMap((inner) => tableConstraint(table, inner));
    return [{ kind: 'create-table', line: call.line, table, columns: [] }, ...constraints];
  },
  DropTable: (table, call) => [{ kind: 'drop-table', line: call.line, table }],
  RenameTable: (table, call) => [
    { kind: 'rename-table', line: call.line, table, to: stringOf(call.named.newName) ?? '?' },
  ],
  AddColumn: (table, call) => {
    const notNull = isFalse(call.named.nullable);
    const hasDefault = ['defaultValue', 'defaultValueSql', 'computedColumnSql'].some(
      (key) => call.named[key] !== undefined,
    );
    const type = stringOf(call.named.type);
    return [
      {
        kind: 'add-column',
        line: call.line,
        table,
        column: column(call),
        ...(type ? { type } : {}),
        ...(notNull ? { notNull } : {}),
        ...(hasDefault ? { hasDefault } : {}),
      },
    ];
  },
  DropColumn: (table, call) => [{ kind: 'drop-column', line: call.line, table, column: column(call) }],
  RenameColumn: (table, call) => [
    {
      kind: 'rename-column',
      line: call.line,
      table,
      column: column(call),
      to: stringOf(call.named.newName) ?? '?',
    },
  ],
  AlterColumn: alterColumn,
  CreateIndex: (table, call) => {
    const unique = isTrue(call.named.unique);
    const name = stringOf(call.named.name);
    return [
      {
        kind: 'create-index',
        line: call.line,
        table,
        columns: stringsOf(call.named.column ?? call.named.columns),
        ...(name ? { name } : {}),
        ...(unique ? { unique } : {}),
      },
    ];
  },
  DropIndex: (table, call) => [{ kind: 'drop-index', line: call.line, table }],
  AddForeignKey: (table, call) => [
    {
      kind: 'add-foreign-key',
      line: call.line,
      table,
      columns: stringsOf(call.named.column ?? call.named.columns),
      references: {
        table: stringOf(call.named.principalTable) ?? '?',
        columns: stringsOf(call.named.principalColumn ?? call.named.principalColumns),
      },
    },
  ],
  AddUniqueConstraint: (table, call) => [
    {
      kind: 'add-unique',
      line: call.line,
      table,
      columns: stringsOf(call.named.column ?? call.named.columns),
    },
  ],
  AddCheckConstraint: (table, call) => [{ kind: 'add-check', line: call.line, table }],
  AddPrimaryKey: (table, call) => [
    {
      kind: 'add-primary-key',
      line: call.line,
      table,
      columns: stringsOf(call.named.column ?? call.named.columns),
    },
  ],
  DropForeignKey: (table, call) => [{ kind: 'drop-constraint', line: call.line, table }],
  DropUniqueConstraint: (table, call) => [{ kind: 'drop-constraint', line: call.line, table }],
};

/** The table a call acts on: `table:`, or the `name:` of table-level calls. */
function tableOf(call: MigrationCall): string | undefined {
  const tableLevel = ['CreateTable', 'DropTable', 'RenameTable'].includes(call.name);
  return stringOf(tableLevel ? (call.named.name ?? call.args[0]) : (call.named.table ?? call.args[1]));
}

/** EF Core `Migrations/*.cs`: `migrationBuilder.*` calls in `Up`, not `Down`; `Sql(…)` read as SQL. */
export const readEfCoreOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call): MigrationOperation[] => {
    if (call.name === 'Sql') {
      const text = stringOf(call.named.sql ?? call.args[0]);
      return text === undefined ? [] : sql(text, (call.named.sql ?? call.args[0])?.line ?? call.line);
    }
    const table = tableOf(call);
    const operation = OPERATIONS[call.name];
    return table && operation && call.receiver === 'migrationBuilder' ? operation(table, call) : [];
  });
