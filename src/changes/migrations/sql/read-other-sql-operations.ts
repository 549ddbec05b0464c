import type { SqlStatement } from '../../../code/sql/read-sql-statements.js';
import type { MigrationOperation } from '../../migration-operation.js';

// node-sql-parser's trees are plain JSON without published types for every node: read them defensively.
type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `db.table` from `{ db, table }` (SQL Server's `[dbo].[Invoices]` is `dbo.Invoices`). */
function tableOf(value: unknown): string | undefined {
  const node = record(value);
  const table = text(node?.table);
  if (!table) return undefined;
  const db = text(node?.db) ?? text(node?.schema);
  return db ? `${db}.${table}` : table;
}

/** A column reference's name (`{ column: 'x' }`, or newer `{ column: { expr: { value: 'x' } } }`). */
function columnOf(value: unknown): string | undefined {
  const node = record(value);
  const column = node?.column;
  if (typeof column === 'string') return column;
  const expr = record(record(column)?.expr);
  return text(expr?.value);
}

const columnsOf = (value: unknown): string[] => list(value).flatMap((item) => columnOf(item) ?? []);

/** A type as written: `DECIMAL(12, 2)`, `VARCHAR(64)`. */
function typeOf(definition: unknown): string | undefined {
  const node = record(definition);
  const name = text(node?.dataType);
  if (!name) return undefined;
  const length = node?.length;
  if (typeof length !== 'number') return name;
  return typeof node?.scale === 'number' ? `${name}(${length}, ${node.scale})` : `${name}(${length})`;
}

/** A column line's 1-based line inside the statement, when the parser kept locations. */
function lineIn(statement: SqlStatement, value: unknown): number {
  const line = record(record(record(value)?.loc)?.start)?.line;
  return typeof line === 'number' ? statement.line + line - 1 : statement.line;
}

function referencesOf(definition: unknown): MigrationOperation['references'] {
  const node = record(definition);
  const table = list(node?.table)
    .map(tableOf)
    .find((name) => name !== undefined);
  return table ? { table, columns: columnsOf(node?.definition) } : undefined;
}

/** A column definition (CREATE TABLE, ADD COLUMN): the column, then the constraints written on it. */
function columnOperations(table: string, definition: Json, line: number): MigrationOperation[] {
  const column = columnOf(definition.column) ?? '?';
  const notNull =
    text(record(definition.nullable)?.type) === 'not null' || definition.primary_key !== undefined;
  const hasDefault =
    definition.default_val !== undefined ||
    definition.auto_increment !== undefined ||
    definition.generated !== undefined ||
    /serial$/i.test(text(record(definition.definition)?.dataType) ?? '');
  const type = typeOf(definition.definition);
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column,
      ...(type ? { type } : {}),
      ...(notNull ? { notNull: true } : {}),
      ...(hasDefault ? { hasDefault: true } : {}),
    },
  ];
  const references = referencesOf(definition.reference_definition);
  if (references) operations.push({ kind: 'add-foreign-key', line, table, columns: [column], references });
  if (definition.unique !== undefined)
    operations.push({ kind: 'add-unique', line, table, columns: [column] });
  if (definition.primary_key !== undefined)
    operations.push({ kind: 'add-primary-key', line, table, columns: [column] });
  return operations;
}

/** A table constraint or index (`CONSTRAINT fk FOREIGN KEY (…)`, `UNIQUE KEY uk (…)`, `KEY idx (…)`). */
function constraintOperation(table: string, definition: Json, line: number): MigrationOperation | undefined {
  const type = (text(definition.constraint_type) ?? '').toLowerCase();
  const name = text(definition.constraint) ?? text(definition.index);
  const named = name ? { name } : {};
  if (definition.resource === 'index')
    return { kind: 'create-index', line, table, columns: columnsOf(definition.definition), ...named };
  if (type === 'foreign key') {
    const references = referencesOf(definition.reference_definition);
    return {
      kind: 'add-foreign-key',
      line,
      table,
      columns: columnsOf(definition.definition),
      ...named,
      ...(references ? { references } : {}),
    };
  }
  if (type.startsWith('unique'))
    return { kind: 'add-unique', line, table, columns: columnsOf(definition.definition), ...named };
  if (type === 'primary key')
    return { kind: 'add-primary-key', line, table, columns: columnsOf(definition.definition), ...named };
  if (type === 'check') return { kind: 'add-check', line, table, ...named };
  return undefined;
}

function definitionOperations(table: string, definition: Json, line: number): MigrationOperation[] {
  if (definition.resource === 'column') return columnOperations(table, definition, line);
  const operation = constraintOperation(table, definition, line);
  return operation ? [operation] : [];
}

function readCreate(statement: SqlStatement, tree: Json): MigrationOperation[] {
  if (tree.keyword === 'index') {
    const table = tableOf(tree.table);
    if (!table) return [];
    const unique = text(tree.index_type) === 'unique';
    const name = text(tree.index);
    return [
      {
        kind: 'create-index',
        line: statement.line,
        table,
        columns: columnsOf(tree.index_columns),
        ...(name ? { name } : {}),
        ...(unique ? { unique: true } : {}),
      },
    ];
  }
  if (tree.keyword !== 'table') return [];
  const table = list(tree.table)
    .map(tableOf)
    .find((name) => name !== undefined);
  if (!table) return [];
  const definitions = list(tree.create_definitions).flatMap((item): Json[] => {
    const definition = record(item);
    return definition ? [definition] : [];
  });
  const columns = definitions.flatMap((definition) =>
    definition.resource === 'column' ? (columnOf(definition.column) ?? []) : [],
  );
  const rest = definitions.flatMap((definition) =>
    definitionOperations(table, definition, lineIn(statement, definition.column)).filter(
      (operation) => operation.kind !== 'add-column',
    ),
  );
  return [{ kind: 'create-table', line: statement.line, table, columns }, ...rest];
}

function alterAction(statement: SqlStatement, table: string, action: Json): MigrationOperation[] {
  const line = lineIn(statement, action.column ?? action.old_column);
  const column = columnOf(action.column);
  switch (action.action) {
    case 'add':
      if (action.resource === 'column') return columnOperations(table, action, line);
      if (action.resource === 'index')
        return definitionOperations(table, { ...action, resource: 'index' }, line);
      return definitionOperations(table, record(action.create_definitions) ?? {}, line);
    case 'drop':
      if (action.resource === 'column' && column) return [{ kind: 'drop-column', line, table, column }];
      if (action.resource === 'index') return [{ kind: 'drop-index', line, table, ...named(action.index) }];
      return [{ kind: 'drop-constraint', line, table, ...named(action.key ?? action.constraint) }];
    case 'rename':
      if (action.resource === 'table')
        return [{ kind: 'rename-table', line, table, to: text(action.table) ?? '?' }];
      return [
        { kind: 'rename-column', line, table, column: columnOf(action.old_column) ?? '?', to: column ?? '?' },
      ];
    case 'modify':
    case 'change':
    case 'alter':
      return typeChange(table, action, line);
    default:
      return [];
  }
}

function named(value: unknown): { name?: string } {
  const name = text(value);
  return name ? { name } : {};
}

/** MySQL `MODIFY`/`CHANGE` and SQL Server `ALTER COLUMN` restate the column's type (and may rename it). */
function typeChange(table: string, action: Json, line: number): MigrationOperation[] {
  const from = columnOf(action.old_column);
  const column = columnOf(action.column) ?? '?';
  const type = typeOf(action.definition);
  const operations: MigrationOperation[] = [];
  if (from && from !== column)
    operations.push({ kind: 'rename-column', line, table, column: from, to: column });
  if (type) operations.push({ kind: 'change-type', line, table, column, type });
  return operations;
}

function readAlter(statement: SqlStatement, tree: Json): MigrationOperation[] {
  const table = list(tree.table)
    .map(tableOf)
    .find((name) => name !== undefined);
  if (!table) return [];
  return list(tree.expr).flatMap((action) => {
    const node = record(action);
    return node ? alterAction(statement, table, node) : [];
  });
}

function readOther(statement: SqlStatement, tree: Json): MigrationOperation[] {
  const line = statement.line;
  const tables = (value: unknown): string[] => list(value).flatMap((item) => tableOf(item) ?? []);
  switch (tree.type) {
    case 'drop':
      if (tree.keyword === 'table')
        return tables(tree.name).map((table) => ({ kind: 'drop-table', line, table }));
      if (tree.keyword === 'index') return [{ kind: 'drop-index', line, ...named(columnOf(tree.name)) }];
      return [];
    case 'truncate':
      return tables(tree.name).map((table) => ({ kind: 'truncate', line, table }));
    case 'delete':
      return tree.where ? [] : tables(tree.from).map((table) => ({ kind: 'delete-all-rows', line, table }));
    case 'update':
      return tables(tree.table).map((table) => ({
        kind: tree.where ? 'copy-data' : 'update-all-rows',
        line,
        table,
      }));
    case 'insert':
      return record(tree.values)?.type === 'select' || record(tree.select) !== undefined
        ? tables(tree.table).map((table) => ({ kind: 'copy-data', line, table }))
        : [];
    case 'rename':
      return list(tree.table).flatMap((pair): MigrationOperation[] => {
        const [from, to] = list(pair).map(tableOf);
        return from && to ? [{ kind: 'rename-table', line, table: from, to }] : [];
      });
    default:
      return [];
  }
}

/** The operations of one statement node-sql-parser read (MySQL, MariaDB, SQLite, SQL Server). */
export function readOtherSqlOperations(statement: SqlStatement): MigrationOperation[] {
  const tree = record(statement.tree);
  if (!tree) return [];
  if (tree.type === 'create') return readCreate(statement, tree);
  if (tree.type === 'alter') return readAlter(statement, tree);
  return readOther(statement, tree);
}
