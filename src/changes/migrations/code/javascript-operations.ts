import type { MigrationOperation } from '../../migration-operation.js';
import type { CallInterpreter, EmbeddedSql } from './call-interpreter.js';
import {
  chainHas,
  isFalse,
  isTrue,
  stringOf,
  stringsOf,
  type CallValue,
  type MigrationCall,
} from './migration-call.js';

// Knex column builders: a call that adds (or, with `.alter()`, restates) a column.
const KNEX_COLUMNS = new Set([
  'string',
  'text',
  'integer',
  'bigInteger',
  'bigint',
  'tinyint',
  'smallint',
  'mediumint',
  'boolean',
  'decimal',
  'float',
  'double',
  'date',
  'datetime',
  'dateTime',
  'timestamp',
  'time',
  'json',
  'jsonb',
  'uuid',
  'enu',
  'enum',
  'binary',
  'specificType',
  'increments',
  'bigIncrements',
]);
const SQL_CALLS = new Set(['raw', 'query', 'sql']);
const DROP_TABLE = new Set(['dropTable', 'dropTableIfExists']);
const CREATE_TABLE = new Set(['createTable', 'createTableIfNotExists']);

const entries = (value: CallValue | undefined): [string, CallValue][] => Object.entries(value?.pairs ?? {});
/** TypeORM wraps options in constructors: `new TableColumn({ … })`. */
const options = (value: CallValue | undefined): CallValue | undefined =>
  value?.call ? value.call.args[0] : value;

/** A Knex column builder's chain: `.notNullable()`, `.defaultTo()`, `.references('id').inTable('users')`, `.index()`, `.unique()`. */
function knexColumn(table: string, call: MigrationCall): MigrationOperation[] {
  const column = stringOf(call.args[0]) ?? (call.name.endsWith('ncrements') ? 'id' : undefined);
  if (!column) return [];
  const line = call.line;
  if (chainHas(call, 'alter')) {
    // `.alter()` restates the whole column; the nullability it states is a change of its own.
    const nullability: MigrationOperation[] = chainHas(call, 'notNullable')
      ? [{ kind: 'set-not-null', line, table, column }]
      : chainHas(call, 'nullable')
        ? [{ kind: 'drop-not-null', line, table, column }]
        : [];
    return [{ kind: 'change-type', line, table, column, type: call.name }, ...nullability];
  }
  const notNull = chainHas(call, 'notNullable', 'primary') || call.name.endsWith('ncrements');
  const hasDefault = chainHas(call, 'defaultTo') || call.name.endsWith('ncrements');
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column,
      type: call.name,
      ...(notNull ? { notNull } : {}),
      ...(hasDefault ? { hasDefault } : {}),
    },
  ];
  const referenced = call.chain.find((link) => link.name === 'references');
  if (referenced) {
    const [first = '', second] = (stringOf(referenced.args[0]) ?? 'id').split('.');
    const target = second
      ? first
      : (stringOf(call.chain.find((link) => link.name === 'inTable')?.args[0]) ?? '?');
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [column],
      references: { table: target, columns: [second ?? first] },
    });
  }
  if (chainHas(call, 'index')) operations.push({ kind: 'create-index', line, table, columns: [column] });
  if (chainHas(call, 'unique')) operations.push({ kind: 'add-unique', line, table, columns: [column] });
  if (chainHas(call, 'primary') || call.name.endsWith('ncrements'))
    operations.push({ kind: 'add-primary-key', line, table, columns: [column] });
  return operations;
}

/** A call inside a Knex `createTable`/`alterTable` callback. */
function knexBuilderCall(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  if (KNEX_COLUMNS.has(call.name)) return knexColumn(table, call);
  switch (call.name) {
    case 'dropColumn':
    case 'dropColumns':
      return call.args
        .flatMap(stringsOf)
        .map((column) => ({ kind: 'drop-column' as const, line, table, column }));
    case 'renameColumn':
      return [
        {
          kind: 'rename-column',
          line,
          table,
          column: stringOf(call.args[0]) ?? '?',
          to: stringOf(call.args[1]) ?? '?',
        },
      ];
    case 'index':
      return [{ kind: 'create-index', line, table, columns: stringsOf(call.args[0]) }];
    case 'unique':
      return [{ kind: 'add-unique', line, table, columns: stringsOf(call.args[0]) }];
    case 'foreign': {
      const link = call.chain.find((each) => each.name === 'references');
      const [first = '', second] = (stringOf(link?.args[0]) ?? 'id').split('.');
      const target = second
        ? first
        : (stringOf(call.chain.find((each) => each.name === 'inTable')?.args[0]) ?? '?');
      return [
        {
          kind: 'add-foreign-key',
          line,
          table,
          columns: stringsOf(call.args[0]),
          references: { table: target, columns: [second ?? first] },
        },
      ];
    }
    case 'timestamps':
      return ['created_at', 'updated_at'].map((column) => ({
        kind: 'add-column' as const,
        line,
        table,
        column,
      }));
    case 'dropForeign':
      return [{ kind: 'drop-constraint', line, table }];
    case 'dropIndex':
    case 'dropUnique':
      return [{ kind: 'drop-index', line, table }];
    default:
      return [];
  }
}

/** A column described by an options object (Sequelize, node-pg-migrate, TypeORM). */
function describedColumn(
  table: string,
  column: string,
  value: CallValue | undefined,
  line: number,
): MigrationOperation[] {
  const described = options(value);
  const pairs = described?.pairs ?? {};
  const notNull =
    isFalse(pairs.allowNull) ||
    isFalse(pairs.isNullable) ||
    isTrue(pairs.notNull) ||
    isTrue(pairs.primaryKey) ||
    isTrue(pairs.isPrimary) ||
    isTrue(pairs.primary);
  const hasDefault =
    ['defaultValue', 'default', 'autoIncrement', 'isGenerated'].some(
      (key) => pairs[key] !== undefined && !isFalse(pairs[key]),
    ) || /serial/i.test(pairs.type?.text ?? '');
  const type =
    pairs.type?.string ??
    pairs.type?.text ??
    (described?.string !== undefined ? described.string : undefined);
  const operations: MigrationOperation[] = [
    {
      kind: 'add-column',
      line,
      table,
      column,
      ...(type ? { type } : {}),
      ...(notNull ? { notNull } : {}),
      ...(hasDefault ? { hasDefault } : {}),
    },
  ];
  const references = pairs.references;
  if (references) {
    const target =
      stringOf(references) ?? stringOf(references.pairs?.model) ?? stringOf(references.pairs?.table) ?? '?';
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [column],
      references: { table: target, columns: [stringOf(references.pairs?.key) ?? 'id'] },
    });
  }
  if (isTrue(pairs.unique) || isTrue(pairs.isUnique))
    operations.push({ kind: 'add-unique', line, table, columns: [column] });
  return operations;
}

function createTable(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  let inner = call.body.flatMap((each) => knexBuilderCall(table, each));
  const described = options(call.args[1]) ?? options(call.args[0]);
  if (call.body.length === 0 && described?.pairs) {
    // Sequelize/node-pg-migrate `{ id: {…}, name: {…} }`; TypeORM `new Table({ name, columns: [{ name: … }] })`.
    const typeorm = described.pairs.columns?.items;
    inner = typeorm
      ? typeorm.flatMap((item) => describedColumn(table, stringOf(item.pairs?.name) ?? '?', item, item.line))
      : entries(described)
          .map(([name, value]) => describedColumn(table, name, value, value.line))
          .flat();
    for (const key of described.pairs.foreignKeys?.items ?? []) {
      const fk = options(key)?.pairs ?? {};
      inner.push({
        kind: 'add-foreign-key',
        line: key.line,
        table,
        columns: stringsOf(fk.columnNames),
        references: {
          table: stringOf(fk.referencedTableName) ?? '?',
          columns: stringsOf(fk.referencedColumnNames),
        },
      });
    }
    for (const index of described.pairs.indices?.items ?? [])
      inner.push({
        kind: 'create-index',
        line: index.line,
        table,
        columns: stringsOf(options(index)?.pairs?.columnNames),
      });
  }
  const columns = inner.flatMap((operation) =>
    operation.kind === 'add-column' ? [operation.column ?? '?'] : [],
  );
  return [
    { kind: 'create-table', line, table, columns },
    ...inner.filter((operation) => operation.kind !== 'add-column'),
  ];
}

/** Index options: Sequelize `{ fields, unique, concurrently }`, node-pg-migrate `{ unique, concurrently }`, TypeORM `new TableIndex({ columnNames, isUnique })`. */
function createIndex(table: string, call: MigrationCall): MigrationOperation[] {
  const second = options(call.args[1]);
  const settings = second?.pairs ?? options(call.args[2])?.pairs ?? {};
  const columns = second?.pairs
    ? stringsOf(settings.fields ?? settings.columnNames ?? settings.columns)
    : stringsOf(call.args[1]);
  const unique = isTrue(settings.unique) || isTrue(settings.isUnique);
  const concurrently = isTrue(settings.concurrently);
  return [
    {
      kind: 'create-index',
      line: call.line,
      table,
      columns,
      ...(unique ? { unique } : {}),
      ...(concurrently ? { concurrently } : {}),
    },
  ];
}

/** Sequelize `addConstraint('t', { fields, type: 'foreign key', references: { table } })`, TypeORM `createForeignKey('t', new TableForeignKey({…}))`. */
function addConstraint(table: string, call: MigrationCall): MigrationOperation[] {
  const settings = options(call.args[1])?.pairs ?? {};
  const type = (
    stringOf(settings.type) ?? (call.name === 'createForeignKey' ? 'foreign key' : '')
  ).toLowerCase();
  const columns = stringsOf(settings.fields ?? settings.columnNames);
  const line = call.line;
  if (type === 'foreign key') {
    const target =
      stringOf(settings.references?.pairs?.table) ?? stringOf(settings.referencedTableName) ?? '?';
    return [
      {
        kind: 'add-foreign-key',
        line,
        table,
        columns,
        references: {
          table: target,
          columns: stringsOf(settings.references?.pairs?.field ?? settings.referencedColumnNames),
        },
      },
    ];
  }
  if (type === 'unique') return [{ kind: 'add-unique', line, table, columns }];
  if (type === 'check') return [{ kind: 'add-check', line, table }];
  return [];
}

type Operation = (table: string, call: MigrationCall) => MigrationOperation[];

const OPERATIONS: Record<string, Operation> = {
  alterTable: (table, call) => call.body.flatMap((each) => knexBuilderCall(table, each)),
  table: (table, call) => call.body.flatMap((each) => knexBuilderCall(table, each)),
  renameTable: (table, call) => [
    { kind: 'rename-table', line: call.line, table, to: stringOf(call.args[1]) ?? '?' },
  ],
  addColumn: (table, call) => {
    const column = stringOf(call.args[1]) ?? stringOf(options(call.args[1])?.pairs?.name);
    return column ? describedColumn(table, column, call.args[2] ?? call.args[1], call.line) : [];
  },
  addColumns: (table, call) =>
    entries(call.args[1]).flatMap(([name, value]) => describedColumn(table, name, value, call.line)),
  removeColumn: (table, call) =>
    call.args
      .slice(1, 2)
      .flatMap(stringsOf)
      .map((column) => ({ kind: 'drop-column' as const, line: call.line, table, column })),
  dropColumn: (table, call) =>
    call.args
      .slice(1)
      .flatMap(stringsOf)
      .map((column) => ({ kind: 'drop-column' as const, line: call.line, table, column })),
  dropColumns: (table, call) =>
    call.args
      .slice(1)
      .flatMap(stringsOf)
      .map((column) => ({ kind: 'drop-column' as const, line: call.line, table, column })),
  renameColumn: (table, call) => [
    {
      kind: 'rename-column',
      line: call.line,
      table,
      column: stringOf(call.args[1]) ?? '?',
      to: stringOf(call.args[2]) ?? '?',
    },
  ],
  changeColumn: (table, call) => typeChange(table, call),
  alterColumn: (table, call) => typeChange(table, call),
  addIndex: createIndex,
  createIndex,
  addConstraint,
  createForeignKey: addConstraint,
  removeIndex: (table, call) => [{ kind: 'drop-index', line: call.line, table }],
  dropIndex: (table, call) => [{ kind: 'drop-index', line: call.line, table }],
};

function typeChange(table: string, call: MigrationCall): MigrationOperation[] {
  const settings = options(call.args[2])?.pairs ?? {};
  const column = stringOf(call.args[1]) ?? '?';
  const operations: MigrationOperation[] = [];
  const type = settings.type?.string ?? settings.type?.text;
  if (type) operations.push({ kind: 'change-type', line: call.line, table, column, type });
  // node-pg-migrate says `notNull: true`; Sequelize restates the column with `allowNull`.
  if (isTrue(settings.notNull) || isFalse(settings.allowNull))
    operations.push({ kind: 'set-not-null', line: call.line, table, column });
  else if (isFalse(settings.notNull) || isTrue(settings.allowNull))
    operations.push({ kind: 'drop-not-null', line: call.line, table, column });
  if (!type && operations.length === 0)
    operations.push({ kind: 'change-type', line: call.line, table, column });
  return operations;
}

function topLevel(call: MigrationCall, sql: EmbeddedSql): MigrationOperation[] {
  if (SQL_CALLS.has(call.name)) {
    const text = stringOf(call.args[0]);
    return text === undefined ? [] : sql(text, call.args[0]?.line ?? call.line);
  }
  const described = options(call.args[0]);
  const table = stringOf(call.args[0]) ?? stringOf(described?.pairs?.name);
  if (!table) return readJavascriptOperations(call.body, sql);
  if (CREATE_TABLE.has(call.name)) return createTable(table, call);
  if (DROP_TABLE.has(call.name)) return [{ kind: 'drop-table', line: call.line, table }];
  return OPERATIONS[call.name]?.(table, call) ?? readJavascriptOperations(call.body, sql);
}

/** Knex, TypeORM, Sequelize and node-pg-migrate migrations: schema calls and raw SQL in `up`, leaving `down` out. */
export const readJavascriptOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call) => topLevel(call, sql));
