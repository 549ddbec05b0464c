import type { MigrationOperation } from '../../migration-operation.js';
import type { CallInterpreter } from './call-interpreter.js';
import { chainHas, stringOf, stringsOf, type MigrationCall } from './migration-call.js';

// Blueprint methods that are not a column of their own name.
const NOT_A_COLUMN = new Set([
  'index',
  'unique',
  'primary',
  'foreign',
  'spatialIndex',
  'fullText',
  'engine',
  'charset',
  'collation',
  'comment',
  'temporary',
]);
/** Columns that fill themselves. */
const SELF_FILLING = new Set([
  'id',
  'increments',
  'bigIncrements',
  'smallIncrements',
  'mediumIncrements',
  'tinyIncrements',
]);
/** Helpers that add nullable columns. */
const NULLABLE_HELPERS: Readonly<Record<string, string[]>> = {
  timestamps: ['created_at', 'updated_at'],
  nullableTimestamps: ['created_at', 'updated_at'],
  timestampsTz: ['created_at', 'updated_at'],
  softDeletes: ['deleted_at'],
  softDeletesTz: ['deleted_at'],
  rememberToken: ['remember_token'],
};
const DROPPED_HELPERS: Readonly<Record<string, string[]>> = {
  dropTimestamps: ['created_at', 'updated_at'],
  dropTimestampsTz: ['created_at', 'updated_at'],
  dropSoftDeletes: ['deleted_at'],
  dropRememberToken: ['remember_token'],
};

function link(call: MigrationCall, name: string): { name: string; args: MigrationCall['args'] } | undefined {
  return call.chain.find((each) => each.name === name);
}

/** A column method (`$table->string('slug')->nullable()`), with the index, unique or foreign key its chain adds. */
function columnOperations(table: string, call: MigrationCall): MigrationOperation[] {
  const column = stringOf(call.args[0]) ?? (SELF_FILLING.has(call.name) ? 'id' : undefined);
  if (!column) return [];
  const line = call.line;
  if (chainHas(call, 'change')) {
    // `->change()` restates the column; an explicit `->nullable()` or `->nullable(false)` changes its nullability too.
    const nullable = call.chain.find((each) => each.name === 'nullable');
    const nullability: MigrationOperation[] = !nullable
      ? []
      : nullable.args[0]?.boolean === false
        ? [{ kind: 'set-not-null', line, table, column }]
        : [{ kind: 'drop-not-null', line, table, column }];
    return [{ kind: 'change-type', line, table, column, type: call.name }, ...nullability];
  }
  const notNull =
    !chainHas(call, 'nullable') ||
    call.chain.some((each) => each.name === 'nullable' && each.args[0]?.boolean === false);
  const hasDefault =
    SELF_FILLING.has(call.name) ||
    chainHas(call, 'default', 'useCurrent', 'storedAs', 'virtualAs', 'autoIncrement', 'generatedAs');
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
  if (SELF_FILLING.has(call.name))
    operations.push({ kind: 'add-primary-key', line, table, columns: [column] });
  if (chainHas(call, 'index')) operations.push({ kind: 'create-index', line, table, columns: [column] });
  if (chainHas(call, 'unique')) operations.push({ kind: 'add-unique', line, table, columns: [column] });
  const constrained = link(call, 'constrained');
  const references = link(call, 'references');
  if (constrained || references) {
    const target =
      stringOf(constrained?.args[0]) ??
      stringOf(link(call, 'on')?.args[0]) ??
      `${column.replace(/_id$/, '')}s`;
    operations.push({
      kind: 'add-foreign-key',
      line,
      table,
      columns: [column],
      references: { table: target, columns: [stringOf(references?.args[0]) ?? 'id'] },
    });
  }
  return operations;
}

function blueprintCall(table: string, call: MigrationCall): MigrationOperation[] {
  const line = call.line;
  const helper = NULLABLE_HELPERS[call.name];
  if (helper) return helper.map((column) => ({ kind: 'add-column' as const, line, table, column }));
  const dropped = DROPPED_HELPERS[call.name];
  if (dropped) return dropped.map((column) => ({ kind: 'drop-column' as const, line, table, column }));
  switch (call.name) {
    case 'dropColumn':
      return call.args
        .flatMap((arg) => stringsOf(arg))
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
    case 'spatialIndex':
    case 'fullText':
      return [{ kind: 'create-index', line, table, columns: stringsOf(call.args[0]) }];
    case 'unique':
      return [{ kind: 'add-unique', line, table, columns: stringsOf(call.args[0]) }];
    case 'primary':
      return [{ kind: 'add-primary-key', line, table, columns: stringsOf(call.args[0]) }];
    case 'foreign': {
      const target =
        stringOf(link(call, 'on')?.args[0]) ?? stringOf(link(call, 'constrained')?.args[0]) ?? '?';
      const columns = stringsOf(link(call, 'references')?.args[0]);
      return [
        {
          kind: 'add-foreign-key',
          line,
          table,
          columns: stringsOf(call.args[0]),
          references: { table: target, columns: columns.length > 0 ? columns : ['id'] },
        },
      ];
    }
    case 'dropIndex':
    case 'dropUnique':
    case 'dropSpatialIndex':
      return [{ kind: 'drop-index', line, table }];
    case 'dropForeign':
    case 'dropPrimary':
      return [{ kind: 'drop-constraint', line, table }];
    case 'dropConstrainedForeignId':
      return [{ kind: 'drop-column', line, table, column: stringOf(call.args[0]) ?? '?' }];
    default:
      return NOT_A_COLUMN.has(call.name) || call.name.startsWith('drop') ? [] : columnOperations(table, call);
  }
}

/** Laravel `database/migrations`: `Schema::create/table/drop/rename`, Blueprint calls inside, `DB::statement` SQL; `down()` is left out. */
export const readLaravelOperations: CallInterpreter = (calls, sql) =>
  calls.flatMap((call): MigrationOperation[] => {
    const table = stringOf(call.args[0]);
    const line = call.line;
    if ((call.name === 'statement' || call.name === 'unprepared') && call.receiver === 'DB')
      return table === undefined ? [] : sql(table, call.args[0]?.line ?? line);
    if (call.receiver === 'DB' && call.name === 'table' && chainHas(call, 'update'))
      return [{ kind: 'copy-data', line }];
    if (call.receiver !== 'Schema' || !table) return readLaravelOperations(call.body, sql);
    switch (call.name) {
      case 'create': {
        const inner = call.body.flatMap((each) => blueprintCall(table, each));
        const columns = inner.flatMap((operation) =>
          operation.kind === 'add-column' ? [operation.column ?? '?'] : [],
        );
        return [
          { kind: 'create-table', line, table, columns },
          ...inner.filter((operation) => operation.kind !== 'add-column'),
        ];
      }
      case 'table':
        return call.body.flatMap((each) => blueprintCall(table, each));
      case 'drop':
      case 'dropIfExists':
        return [{ kind: 'drop-table', line, table }];
      case 'rename':
        return [{ kind: 'rename-table', line, table, to: stringOf(call.args[1]) ?? '?' }];
      default:
        return [];
    }
  });
