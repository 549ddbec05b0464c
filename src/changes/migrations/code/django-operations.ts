import type { MigrationOperation } from '../../migration-operation.js';
import type { CallInterpreter, EmbeddedSql } from './call-interpreter.js';
import {
  argumentOf,
  isFalse,
  isTrue,
  stringOf,
  stringsOf,
  type CallValue,
  type MigrationCall,
} from './migration-call.js';

// Fields that add no column to the model's table.
const NO_COLUMN = new Set(['ManyToManyField', 'GenericRelation', 'GenericForeignKey']);
const RELATIONS = new Set(['ForeignKey', 'OneToOneField']);
const SELF_FILLING = new Set(['AutoField', 'BigAutoField', 'SmallAutoField']);

/** Django writes model names as given in `CreateModel(name="Book")` and lower-cased elsewhere: they are read lower-cased. */
const model = (value: CallValue | undefined): string | undefined => stringOf(value)?.toLowerCase();

/** `to="shop.author"`, `to=settings.AUTH_USER_MODEL` → the model's name. */
function target(field: MigrationCall): string {
  const to = argumentOf(field, 0, 'to');
  const written = stringOf(to) ?? to?.text ?? '?';
  return (written.split('.').pop() ?? written).toLowerCase();
}

/** The operations of one field: its column, and a relation's foreign key and index (Django indexes foreign keys unless `db_index=False`). */
function fieldOperations(
  table: string,
  name: string,
  field: MigrationCall,
  line: number,
): MigrationOperation[] {
  if (NO_COLUMN.has(field.name)) return [];
  const relation = RELATIONS.has(field.name);
  const column = stringOf(field.named.db_column) ?? (relation ? `${name}_id` : name);
  const notNull = !isTrue(field.named.null) && !SELF_FILLING.has(field.name);
  const hasDefault =
    field.named.default !== undefined || field.named.db_default !== undefined || SELF_FILLING.has(field.name);
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column,
      type: field.name,
      ...(notNull ? { notNull } : {}),
      ...(hasDefault ? { hasDefault } : {}),
    },
  ];
  if (relation) {
    if (!isFalse(field.named.db_constraint))
      operations.push({
        kind: 'add-foreign-key',
        line,
        table,
        columns: [column],
        references: { table: target(field), columns: ['id'] },
      });
    if (!isFalse(field.named.db_index) || field.name === 'OneToOneField')
      operations.push({
        kind: 'create-index',
        line,
        table,
        columns: [column],
        ...(field.name === 'OneToOneField' ? { unique: true } : {}),
      });
  } else if (isTrue(field.named.unique))
    operations.push({ kind: 'add-unique', line, table, columns: [column] });
  else if (isTrue(field.named.db_index))
    operations.push({ kind: 'create-index', line, table, columns: [column] });
  if (isTrue(field.named.primary_key))
    operations.push({ kind: 'add-primary-key', line, table, columns: [column] });
  return operations;
}

function createModel(call: MigrationCall): MigrationOperation[] {
  const table = model(argumentOf(call, 0, 'name'));
  if (!table) return [];
  const inner = (argumentOf(call, 1, 'fields')?.items ?? []).flatMap((item) => {
    const [name, field] = item.items ?? [];
    const fieldName = stringOf(name);
    return fieldName && field?.call ? fieldOperations(table, fieldName, field.call, field.line) : [];
  });
  const columns = inner.flatMap((operation) =>
    operation.kind === 'add-column' ? [operation.column ?? '?'] : [],
  );
  return [
    { kind: 'create-table', line: call.line, table, columns },
    ...inner.filter((operation) => operation.kind !== 'add-column'),
  ];
}

/** `models.Index(fields=["a", "b"], name="x")` and `UniqueConstraint`/`CheckConstraint`. */
function indexOperation(
  table: string,
  call: MigrationCall,
  value: CallValue | undefined,
  concurrently: boolean,
): MigrationOperation[] {
  const index = value?.call;
  if (!index) return [];
  const line = call.line;
  const name = stringOf(index.named.name);
  const named = name ? { name } : {};
  const columns = stringsOf(index.named.fields);
  if (index.name === 'UniqueConstraint') return [{ kind: 'add-unique', line, table, columns, ...named }];
  if (index.name === 'CheckConstraint') return [{ kind: 'add-check', line, table, ...named }];
  return [
    { kind: 'create-index', line, table, columns, ...named, ...(concurrently ? { concurrently } : {}) },
  ];
}

type Operation = (table: string, call: MigrationCall, sql: EmbeddedSql) => MigrationOperation[];

const OPERATIONS: Record<string, Operation> = {
  DeleteModel: (table, call) => [{ kind: 'drop-table', line: call.line, table }],
  AddField: (table, call) => {
    const name = stringOf(argumentOf(call, 1, 'name'));
    const field = argumentOf(call, 2, 'field')?.call;
    return name && field ? fieldOperations(table, name, field, call.line) : [];
  },
  RemoveField: (table, call) => [
    { kind: 'drop-column', line: call.line, table, column: stringOf(argumentOf(call, 1, 'name')) ?? '?' },
  ],
  AlterField: (table, call) => [
    { kind: 'alter-column', line: call.line, table, column: stringOf(argumentOf(call, 1, 'name')) ?? '?' },
  ],
  RenameField: (table, call) => [
    {
      kind: 'rename-column',
      line: call.line,
      table,
      column: stringOf(argumentOf(call, 1, 'old_name')) ?? '?',
      to: stringOf(argumentOf(call, 2, 'new_name')) ?? '?',
    },
  ],
  AddIndex: (table, call) => indexOperation(table, call, argumentOf(call, 1, 'index'), false),
  AddIndexConcurrently: (table, call) => indexOperation(table, call, argumentOf(call, 1, 'index'), true),
  AddConstraint: (table, call) => indexOperation(table, call, argumentOf(call, 1, 'constraint'), false),
  RemoveIndex: (table, call) => [{ kind: 'drop-index', line: call.line, table }],
  RemoveIndexConcurrently: (table, call) => [
    { kind: 'drop-index', line: call.line, table, concurrently: true },
  ],
  RemoveConstraint: (table, call) => [{ kind: 'drop-constraint', line: call.line, table }],
};

function runSql(call: MigrationCall, sql: EmbeddedSql): MigrationOperation[] {
  const value = argumentOf(call, 0, 'sql');
  const parts = value?.items ?? (value ? [value] : []);
  return parts.flatMap((part) => (part.string === undefined ? [] : sql(part.string, part.line)));
}

/** Django migrations: the operations in `operations = […]`, `RunSQL` read as SQL, `RunPython` as a data step. */
export const readDjangoOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call): MigrationOperation[] => {
    if (call.name === 'CreateModel') return createModel(call);
    if (call.name === 'RenameModel') {
      const from = model(argumentOf(call, 0, 'old_name'));
      return from
        ? [
            {
              kind: 'rename-table',
              line: call.line,
              table: from,
              to: model(argumentOf(call, 1, 'new_name')) ?? '?',
            },
          ]
        : [];
    }
    if (call.name === 'RunSQL') return runSql(call, sql);
    if (call.name === 'RunPython') return [{ kind: 'copy-data', line: call.line }];
    const table = model(argumentOf(call, 0, call.name === 'DeleteModel' ? 'name' : 'model_name'));
    const operation = OPERATIONS[call.name];
    return table && operation ? operation(table, call, sql) : [];
  });
