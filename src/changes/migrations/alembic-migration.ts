import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

const OPERATION = /\b(?:op|batch_op)\s*\.\s*(\w+)\s*\(/g;
const BATCH = /\bop\s*\.\s*batch_alter_table\s*\(\s*['"]([^'"]+)['"]/g;

/** `batch_op.drop_column("x")` names no table: it is the one of the enclosing `with op.batch_alter_table("t")`. */
function batchTable(call: MigrationCall): string | undefined {
  let table: string | undefined;
  for (const match of call.view.text.slice(0, call.start).matchAll(BATCH)) table = match[1];
  return table;
}

interface AlembicOperation {
  call: MigrationCall;
  table: string | undefined;
  column: string | undefined;
  line: number;
}

const INDEX_OPERATIONS = [
  'create_index',
  'create_foreign_key',
  'create_unique_constraint',
  'create_check_constraint',
  'drop_index',
  'drop_constraint',
];

const OPERATIONS: Record<string, (operation: AlembicOperation, recorder: EffectsRecorder) => void> = {
  create_table: ({ table }, recorder) => table && recorder.created(table),
  drop_table: ({ table, line }, recorder) => table && recorder.dropped(table, line),
  add_column({ call, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    const code = call.code();
    if (!/nullable\s*=\s*False/.test(code) || /server_default\s*=/.test(code)) return;
    const name = /Column\(\s*['"]([^'"]+)/.exec(call.view.text.slice(call.start, call.close))?.[1] ?? '?';
    recorder.destructive(
      'not-null-without-default',
      line,
      `adds ${table}.${name} NOT NULL without a default`,
    );
  },
  drop_column({ table, column, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    recorder.destructive('drop-column', line, `drops column ${table}.${column ?? '?'}`);
  },
  alter_column: ({ call, table, column }, recorder) => readAlterColumn(call, table, column, recorder),
  rename_table({ call, table, line }, recorder) {
    const to = call.text(1);
    if (table && to) recorder.destructive('rename-table', line, `renames table ${table} to ${to}`);
  },
  execute({ call, line }, recorder) {
    const wrapped = /text\(\s*['"]{1,3}([\s\S]*?)['"]{1,3}\s*\)/.exec(
      call.view.text.slice(call.start, call.close + 1),
    );
    const sql = call.text(0) ?? wrapped?.[1];
    if (sql) readSqlEffects(sql, line, recorder);
  },
  ...Object.fromEntries(
    INDEX_OPERATIONS.map((name) => [
      name,
      ({ call }: AlembicOperation, recorder: EffectsRecorder) => {
        const target = call.keyword('table_name') ?? call.text(1);
        if (target) recorder.altered(target);
      },
    ]),
  ),
};

function readOperation(call: MigrationCall, recorder: EffectsRecorder): void {
  const batch = call.code().trimStart().startsWith('batch_op');
  const table = batch ? batchTable(call) : call.text(0);
  const column = batch ? call.text(0) : call.text(1);
  OPERATIONS[call.name]?.({ call, table, column, line: call.line }, recorder);
}

function readAlterColumn(
  call: MigrationCall,
  table: string | undefined,
  column: string | undefined,
  recorder: EffectsRecorder,
): void {
  if (!table || !column) return;
  recorder.altered(table);
  const code = call.code();
  if (/\btype_\s*=/.test(code)) {
    const type =
      /\btype_\s*=\s*([\w.]+(?:\([^)]*\))?)/.exec(call.view.text.slice(call.start, call.close))?.[1] ?? '';
    recorder.destructive(
      'column-type-change',
      call.line,
      `changes the type of ${table}.${column} to ${type}`,
    );
  }
  if (/\bnullable\s*=\s*False/.test(code) && !/server_default\s*=/.test(code)) {
    recorder.destructive(
      'not-null-without-default',
      call.line,
      `sets ${table}.${column} NOT NULL (existing NULLs fail)`,
    );
  }
  const renamed = call.keyword('new_column_name');
  if (renamed)
    recorder.destructive('rename-column', call.line, `renames column ${table}.${column} to ${renamed}`);
}

/** Alembic revisions: `op.*` (and `batch_op.*`) calls in `upgrade()`, with `op.execute` SQL read as SQL. */
export const readAlembicMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const call of readMigrationCalls(side, 'python', OPERATION, touched)) readOperation(call, recorder);
};
