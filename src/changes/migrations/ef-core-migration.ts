import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

const CALL = /\bmigrationBuilder\s*\.\s*(\w+)\s*(?:<[^>(]*>)?\s*\(/g;

interface EfOperation {
  call: MigrationCall;
  name: string | undefined;
  table: string | undefined;
  line: number;
}

const OPERATIONS: Record<string, (operation: EfOperation, recorder: EffectsRecorder) => void> = {
  CreateTable: ({ name }, recorder) => name && recorder.created(name),
  DropTable: ({ name, line }, recorder) => name && recorder.dropped(name, line),
  AddColumn({ call, name, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    const code = call.code();
    if (
      /\bnullable\s*:\s*false/.test(code) &&
      !/\bdefaultValue(Sql)?\s*:|\bcomputedColumnSql\s*:/.test(code)
    ) {
      recorder.destructive(
        'not-null-without-default',
        line,
        `adds ${table}.${name ?? '?'} NOT NULL without a default`,
      );
    }
  },
  DropColumn({ name, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    recorder.destructive('drop-column', line, `drops column ${table}.${name ?? '?'}`);
  },
  RenameColumn({ call, name, table, line }, recorder) {
    if (!table) return;
    recorder.altered(table);
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${name ?? '?'} to ${call.keyword('newName') ?? '?'}`,
    );
  },
  RenameTable({ call, name, line }, recorder) {
    if (name)
      recorder.destructive(
        'rename-table',
        line,
        `renames table ${name} to ${call.keyword('newName') ?? '?'}`,
      );
  },
  AlterColumn: ({ call, name, table }, recorder) => readAlterColumn(call, table, name, recorder),
  Sql({ call, line }, recorder) {
    const sql = call.keyword('sql') ?? call.text(0);
    if (sql) readSqlEffects(sql, line, recorder);
  },
};

const ALTERING = /^(Create|Drop)Index$|^(Add|Drop)(ForeignKey|PrimaryKey|UniqueConstraint|CheckConstraint)$/;

function readCall(call: MigrationCall, recorder: EffectsRecorder): void {
  const name = call.keyword('name') ?? call.text(0);
  const handler = OPERATIONS[call.name];
  if (handler) handler({ call, name, table: call.keyword('table') ?? name, line: call.line }, recorder);
  else if (ALTERING.test(call.name) && call.keyword('table')) recorder.altered(call.keyword('table') ?? '');
}

/** EF Core writes both sides of an AlterColumn: `type:`/`oldType:`, `nullable:`/`oldNullable:`. */
function readAlterColumn(
  call: MigrationCall,
  table: string | undefined,
  column: string | undefined,
  recorder: EffectsRecorder,
): void {
  if (!table) return;
  recorder.altered(table);
  const type = call.keyword('type');
  const oldType = call.keyword('oldType');
  if (type !== undefined && type !== oldType) {
    const from = oldType ? ` from ${oldType}` : '';
    recorder.destructive(
      'column-type-change',
      call.line,
      `changes the type of ${table}.${column ?? '?'}${from} to ${type}`,
    );
  }
  if (
    call.keywordCode('nullable') === 'false' &&
    call.keywordCode('oldNullable') === 'true' &&
    !/\bdefaultValue(Sql)?\s*:/.test(call.code())
  ) {
    recorder.destructive(
      'not-null-without-default',
      call.line,
      `sets ${table}.${column ?? '?'} NOT NULL (existing NULLs fail)`,
    );
  }
}

/** EF Core `Migrations/*.cs`: `migrationBuilder.*` calls in `Up`, not `Down`. */
export const readEfCoreMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const call of readMigrationCalls(side, 'csharp', CALL, touched)) readCall(call, recorder);
};
